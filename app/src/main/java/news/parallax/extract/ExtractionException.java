package news.parallax.extract;

/** A page could not be read at all; the message names the location and the reason. */
public final class ExtractionException extends Exception {
    private final String location;
    private final String reason;

    public ExtractionException(String location, String reason) {
        super(location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    public ExtractionException(String location, String reason, Throwable cause) {
        super(location + ": " + reason, cause);
        this.location = location;
        this.reason = reason;
    }

    /** The location and the reason; never null. */
    @Override
    public String getMessage() {
        return location + ": " + reason;
    }

    public String location() {
        return location;
    }
}
