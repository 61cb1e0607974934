package news.parallax.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link HttpFetcher#fetch} call produced.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     the URL after redirects (equal to requestedUrl without redirects)
 * @param status       outcome category
 * @param httpStatus   last HTTP status seen; 0 when no response arrived
 * @param body         decoded (gunzipped) body; empty unless status is OK
 * @param retryAfter   how long to wait before a retry makes sense (Retry-After or backoff); null when no retry is due
 * @param attempts     HTTP exchanges made for the final URL, retries included
 * @param error        what went wrong, naming the URL; null for OK and NOT_MODIFIED
 * @param addressRefused SKIPPED because the host resolved to a non-public address: a decision of this
 *                     fetcher's settings, not a fact about the URL, so callers must not remember the URL
 *                     as done (a run with {@code --allow-private} fetches it)
 * @param contentLocation the response's Content-Location, resolved against {@code finalUrl}; null when absent
 *                     or not a valid URL (RFC 9110 §8.7: a base for the body's relative links, e.g. in a feed)
 */
public record FetchResult(
        String requestedUrl,
        String finalUrl,
        Status status,
        int httpStatus,
        @Nullable String contentType,
        @Nullable String charset,
        byte[] body,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable Duration retryAfter,
        int attempts,
        List<String> redirects,
        @Nullable String error,
        boolean addressRefused,
        @Nullable String contentLocation) {

    /** Outcome categories; only OK carries a body. */
    public enum Status {
        /** 2xx with a body within limits. */
        OK,
        /** 304 to a conditional request: nothing new. */
        NOT_MODIFIED,
        /** Transient failure that outlived the retries (5xx, 429, reset, timeout): try again after {@code retryAfter}. */
        RETRY_LATER,
        /** Permanent failure: 4xx, too large, redirect loop, bad encoding. Not retried. */
        FAILED,
        /** Not fetched on purpose: robots.txt disallows it or the address is not public. */
        SKIPPED
    }

    public FetchResult {
        Objects.requireNonNull(requestedUrl, "requestedUrl");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
        redirects = List.copyOf(redirects);
    }

    public FetchResult(String requestedUrl, String finalUrl, Status status, int httpStatus, @Nullable String contentType,
            @Nullable String charset, byte[] body, @Nullable String etag, @Nullable String lastModified,
            @Nullable Duration retryAfter, int attempts, List<String> redirects, @Nullable String error) {
        this(requestedUrl, finalUrl, status, httpStatus, contentType, charset, body, etag, lastModified, retryAfter, attempts,
                redirects, error, false, null);
    }

    /** The same result, marked as refused for its address. */
    FetchResult withAddressRefused() {
        return new FetchResult(requestedUrl, finalUrl, status, httpStatus, contentType, charset, body, etag, lastModified,
                retryAfter, attempts, redirects, error, true, contentLocation);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The MIME type without parameters, lower case; null when the server sent none. */
    public @Nullable String mimeType() {
        if (contentType == null) return null;
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "FetchResult[" + status + " " + httpStatus + " " + finalUrl + (error == null ? "" : " " + error)
                + ", " + body.length + " bytes]";
    }
}
