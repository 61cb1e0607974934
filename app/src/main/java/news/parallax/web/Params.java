package news.parallax.web;

import io.javalin.http.Context;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Query parameters parsed into typed values once; a bad value is a 400 naming the parameter and the value. */
final class Params {
    /** Items per page when the request names no {@code limit}. */
    static final int DEFAULT_LIMIT = 50;
    /** Most items one request may ask for: bounds the work and the size of one answer. */
    static final int MAX_LIMIT = 1_000;
    /** Highest page number accepted; deeper pages of a feed are no use to a reader and cost a scan. */
    static final int MAX_PAGE = 10_000;

    private Params() {}

    /** {@code limit}: 1..{@link #MAX_LIMIT}, {@code fallback} when absent. */
    static int limit(Context ctx, int fallback) {
        return intParam(ctx, "limit", fallback, 1, MAX_LIMIT);
    }

    /** {@code page}: 1-based, 1 when absent. */
    static int page(Context ctx) {
        return intParam(ctx, "page", 1, 1, MAX_PAGE);
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return fallback;
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw WebError.badRequest(name + " must be a whole number from " + min + " to " + max + ", got: " + shorten(raw));
        }
        if (value < min || value > max) {
            throw WebError.badRequest(name + " must be from " + min + " to " + max + ", got: " + value);
        }
        return value;
    }

    /** A parameter that must be one of {@code allowed} when present; null when absent or empty. */
    static @Nullable String oneOf(Context ctx, String name, List<String> allowed) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return null;
        if (!allowed.contains(raw)) throw WebError.badRequest(name + " must be " + String.join(" or ", allowed) + ", got: " + shorten(raw));
        return raw;
    }

    /** Free text (a filter); trimmed, at most {@code maxChars}. */
    static String text(Context ctx, String name, int maxChars) {
        String raw = ctx.queryParam(name);
        if (raw == null) return "";
        String v = raw.strip();
        if (v.length() > maxChars) throw WebError.badRequest(name + " is longer than " + maxChars + " characters");
        return v;
    }

    /** Echoed values are cut, so a 100 KB parameter does not come back in the error. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
