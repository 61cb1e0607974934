package news.parallax.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a URL to one canonical spelling so the same article is fetched and stored once.
 *
 * <p>Lower-cases scheme and host, drops the default port, the fragment and tracking parameters
 * (utm_*, fbclid, gclid and the like), resolves dot segments and gives an empty path "/". Other query
 * parameters keep their order: some sites put the article id there. Stateless and thread-safe.
 */
public final class UrlCanonicalizer {
    /** Query parameters that only track the click; lower case. Parameters starting with "utm_" are removed too. */
    static final Set<String> TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
            "mc_cid", "mc_eid", "igshid", "igsh", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
            "oly_enc_id", "vero_id", "ocid", "cmpid", "cmp", "icid", "ito", "s_cid", "at_medium", "at_campaign",
            "at_custom1", "at_custom2", "at_custom3", "at_custom4", "xtor", "ns_campaign", "ns_mchannel",
            "ns_source", "ns_linkname", "ns_fee", "sr_share", "smid", "smtyp", "__twitter_impression", "guccounter");

    private UrlCanonicalizer() {}

    /**
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
     */
    public static String canonical(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) port = -1;
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) path = "/";
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) sb.append(uri.getRawUserInfo()).append('@');
        sb.append(host);
        if (port != -1) sb.append(':').append(port);
        sb.append(path);
        String query = cleanQuery(uri.getRawQuery());
        if (!query.isEmpty()) sb.append('?').append(query);
        return sb.toString();
    }

    /** Resolves {@code ref} against {@code base} and canonicalises the result. */
    public static String resolve(String base, String ref) {
        try {
            return canonical(parse(base).resolve(new URI(escapeSpaces(ref.strip()))).toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + ref, e);
        }
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(escapeSpaces(url.strip())).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")))
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        if (uri.getHost() == null) throw new IllegalArgumentException("URL has no host: " + url);
        return uri;
    }

    private static String escapeSpaces(String s) {
        return s.replace(" ", "%20");
    }

    private static String cleanQuery(@org.jspecify.annotations.Nullable String raw) {
        if (raw == null || raw.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING_PARAMS.contains(name)) continue;
            kept.add(pair);
        }
        return String.join("&", kept);
    }
}
