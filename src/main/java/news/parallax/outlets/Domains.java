package news.parallax.outlets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns URLs and host names into the domain keys the registry is indexed by. */
public final class Domains {
    /** A bare host, optionally with a path: "cnn.com", "hoover.org/publications/policy-review". */
    private static final Pattern DOMAIN_LIKE = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)+(/\\S*)?$");
    /** Prefixes that name a server, not an outlet: "www1.cbn.com" is cbn.com. */
    private static final Pattern HOST = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern SERVER_PREFIX = Pattern.compile("^(www\\d?|m|amp|mobile)\\.");
    /** Path segments tried before the bare host, so an outlet rated at "pri.org/programs/globalpost" wins. */
    private static final int MAX_PATH_SEGMENTS = 2;

    private Domains() {}

    /** Whether the text looks like a URL or a bare domain rather than an outlet name. */
    public static boolean looksLikeDomainOrUrl(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.contains("://") || DOMAIN_LIKE.matcher(t).matches();
    }

    /** Normalised domain of a URL or host: lower case, without {@code www.}; empty when it has no host. */
    public static Optional<String> domainOf(String urlOrHost) {
        return hostAndPath(urlOrHost).map(HostPath::host);
    }

    /**
     * Lookup keys from most to least specific: host with up to two path segments, the host, then each parent
     * domain down to two labels ("politicalticker.blogs.cnn.com" reaches "cnn.com").
     */
    static List<String> lookupKeys(String urlOrHost) {
        Optional<HostPath> hp = hostAndPath(urlOrHost);
        if (hp.isEmpty()) return List.of();
        String host = hp.get().host();
        List<String> keys = new ArrayList<>();
        String[] segments = hp.get().path().split("/");
        List<String> nonEmpty = new ArrayList<>();
        for (String s : segments) if (!s.isEmpty()) nonEmpty.add(s.toLowerCase(Locale.ROOT));
        for (int n = Math.min(MAX_PATH_SEGMENTS, nonEmpty.size()); n >= 1; n--) {
            keys.add(host + "/" + String.join("/", nonEmpty.subList(0, n)));
        }
        String h = host;
        while (true) {
            keys.add(h);
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) break;
            h = h.substring(dot + 1);
        }
        return keys;
    }

    private record HostPath(String host, String path) {}

    private static Optional<HostPath> hostAndPath(String urlOrHost) {
        String t = urlOrHost.strip();
        int scheme = t.indexOf("://");
        if (scheme >= 0) t = t.substring(scheme + 3);
        int end = 0;
        while (end < t.length() && "/?#".indexOf(t.charAt(end)) < 0) end++;
        String host = t.substring(0, end);
        int at = host.lastIndexOf('@');
        if (at >= 0) host = host.substring(at + 1);
        int colon = host.indexOf(':');
        if (colon >= 0) host = host.substring(0, colon);
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.isEmpty() || host.indexOf('.') < 0 || !HOST.matcher(host).matches()) return Optional.empty();
        host = SERVER_PREFIX.matcher(host).replaceFirst("");
        String rest = t.substring(end);
        int query = indexOfAny(rest, "?#");
        String path = query >= 0 ? rest.substring(0, query) : rest;
        return Optional.of(new HostPath(host, path));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
