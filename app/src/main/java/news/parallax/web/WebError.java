package news.parallax.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the server answers with an error status and a message for the reader (never a stack trace, never
 * another exception's message: what went wrong inside is the {@linkplain #getCause() cause}, which is logged only).
 * The one error handler renders it as a page, or as JSON under {@code /api/}, and logs it.
 */
final class WebError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final Map<String, String> headers;

    WebError(int status, String message) {
        this(status, message, Map.of());
    }

    WebError(int status, String message, Map<String, String> headers) {
        this(status, message, headers, null);
    }

    /** @param cause what made the request fail, for the log; its message is never shown to the client */
    WebError(int status, String message, Map<String, String> headers, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    static WebError badRequest(String message) {
        return new WebError(400, message);
    }

    static WebError badRequest(String message, Throwable cause) {
        return new WebError(400, message, Map.of(), cause);
    }

    static WebError notFound(String message) {
        return new WebError(404, message);
    }
}
