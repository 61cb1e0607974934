package news.parallax.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Same-origin only, for every form that writes (reports, editor forms): a browser's Origin (or, without it, its
 * Referer) must name this very host, and a fetch the browser marks cross-site is refused outright. A request with
 * neither header is no browser's cross-site post and is let through to the form's token check.
 */
final class SameOrigin {
    private SameOrigin() {}

    /** Throws a 403 saying that {@code accepted} (e.g. "Reports") come from this site's own pages only. */
    static void require(Context ctx, String accepted) {
        String host = ctx.header("Host");
        String origin = ctx.header("Origin");
        String referer = ctx.header("Referer");
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) throw refused(accepted, "Sec-Fetch-Site: cross-site");
        if (origin != null) {
            if (!sameAuthority(origin, host)) throw refused(accepted, "Origin " + Params.shorten(origin));
        } else if (referer != null && !sameAuthority(referer, host)) {
            throw refused(accepted, "Referer " + Params.shorten(referer));
        }
    }

    private static WebError refused(String accepted, String what) {
        return new WebError(403, accepted + " are accepted from this site's own pages only (" + what + ")");
    }

    private static boolean sameAuthority(String url, @Nullable String host) {
        if (host == null || url.equals("null")) return false;
        try {
            String authority = new URI(url).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
