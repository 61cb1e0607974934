package news.parallax.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import news.parallax.internal.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before any route runs: a malformed request line or URI ({@code /%zz}), headers over the
 * limit (431), a body Jetty refuses. Answered like the routes' errors (the error page, or JSON under {@code /api/},
 * with the security headers), and logged the same way, instead of Jetty's own page, which carries none of the
 * headers and names Jetty's reason.
 */
final class ProtocolErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR_500;
        Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        Object reason = request.getAttribute(ERROR_MESSAGE);
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath();
        String text = status == HttpStatus.BAD_REQUEST_400 ? "The request is malformed (its line, address or headers)."
                : String.valueOf(HttpStatus.getMessage(status));
        // Jetty's reason goes to the log only.
        WebServer.log(request.getMethod(), path, status, reason == null ? text : text + " (Jetty: " + reason + ")", cause);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        WebServer.SECURITY_HEADERS.forEach(headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body;
        if (WebServer.isApi(path)) {
            headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            body = Json.write(WebServer.errorJson(status, text)).getBytes(StandardCharsets.UTF_8);
        } else {
            headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            body = WebServer.errorPage(status, text).getBytes(StandardCharsets.UTF_8);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
