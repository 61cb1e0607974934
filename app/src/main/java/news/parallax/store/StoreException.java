package news.parallax.store;

/** A store operation failed; the message names the store file and the operation. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
