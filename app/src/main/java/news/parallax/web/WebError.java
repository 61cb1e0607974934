package news.parallax.web;

import java.util.Map;

/**
 * A request the server answers with an error status and a message for the reader (never a stack trace).
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
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    static WebError badRequest(String message) {
        return new WebError(400, message);
    }

    static WebError notFound(String message) {
        return new WebError(404, message);
    }
}
