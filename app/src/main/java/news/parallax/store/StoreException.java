package news.parallax.store;

import org.jspecify.annotations.Nullable;

/** A store operation failed; the message names the store (file, or URL without its password) and the operation. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
