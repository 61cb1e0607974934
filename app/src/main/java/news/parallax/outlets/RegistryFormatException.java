package news.parallax.outlets;

/** A registry file that cannot be read; the message names the file and the outlet entry. */
public final class RegistryFormatException extends IllegalArgumentException {
    public RegistryFormatException(String message) {
        super(message);
    }

    public RegistryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
