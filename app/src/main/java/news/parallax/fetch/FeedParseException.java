package news.parallax.fetch;

/** A feed, sitemap or OPML document could not be read; the message names the location and the reason. */
public final class FeedParseException extends Exception {
    private final String location;

    public FeedParseException(String location, String reason) {
        super(location + ": " + reason);
        this.location = location;
    }

    public FeedParseException(String location, String reason, Throwable cause) {
        super(location + ": " + reason, cause);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
