package news.parallax.extract;

/** A page could not be read at all; the message names the location and the reason. */
public final class ExtractionException extends Exception {
    private final String location;

    public ExtractionException(String location, String reason) {
        super(location + ": " + reason);
        this.location = location;
    }

    public ExtractionException(String location, String reason, Throwable cause) {
        super(location + ": " + reason, cause);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
