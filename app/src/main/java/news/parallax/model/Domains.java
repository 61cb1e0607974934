package news.parallax.model;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one way to take a domain from a URL or host name, shared by ingest, fetch, extraction and the outlet
 * registry so that an article's {@link Article#domain() domain} and its outlet key cannot disagree.
 *
 * <ul>
 *   <li>{@link #host}: the site's host, lower case, without port, trailing dot or a server prefix
 *       ({@code www}, {@code www2}, {@code m}, {@code amp}, {@code mobile}: "m.abcnews.go.com" is abcnews.go.com);</li>
 *   <li>{@link #registrable}: the registrable domain (eTLD+1) by the Public Suffix List that crawler-commons
 *       bundles, private suffixes included so that blogs on blogspot.com or github.io stay apart:
 *       "edition.cnn.com" is cnn.com, "www.bbc.co.uk" is bbc.co.uk; this is what {@code Article.domain} holds;</li>
 *   <li>{@link #outletKey} and {@link #outletKeys}: the keys the outlet registry stores and looks up,
 *       a host with an optional path ("hoover.org/publications/policy-review"), tried from the most specific
 *       down to the registrable domain.</li>
 * </ul>
 *
 * Stateless and thread-safe; every method accepts any text and answers empty (or null) where it holds no host.
 */
public final class Domains {
    /** A bare host, optionally with a path: "cnn.com", "hoover.org/publications/policy-review". */
    private static final Pattern DOMAIN_LIKE = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)+(/\\S*)?$");
    private static final Pattern HOST = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Labels that name a server or an edition format, not an outlet: "www1.cbn.com" is cbn.com. */
    private static final Pattern SERVER_PREFIX = Pattern.compile("^(www\\d?|m|amp|mobile)\\.");
    /** Path segments tried before the bare host, so an outlet rated at "pri.org/programs/globalpost" wins. */
    private static final int MAX_PATH_SEGMENTS = 2;

    private Domains() {}

    /** Whether the text looks like a URL or a bare domain rather than an outlet name. */
    public static boolean looksLikeDomainOrUrl(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.contains("://") || DOMAIN_LIKE.matcher(t).matches();
    }

    /** The site's host of a URL or bare host (see the class comment); empty when it holds none. */
    public static Optional<String> host(String urlOrHost) {
        return hostAndPath(urlOrHost).map(HostPath::host);
    }

    /** The registrable domain (eTLD+1) of a URL or bare host; an IPv4 address stands for itself. */
    public static Optional<String> registrable(String urlOrHost) {
        return host(urlOrHost).map(Domains::registrableOfHost);
    }

    /**
     * What {@link Article#domain()} holds for an article URL: its registrable domain; null where the text is not an
     * absolute URL with a host (a file path, a bare name).
     */
    public static @Nullable String ofUrl(@Nullable String url) {
        if (url == null || !url.contains("://")) return null;
        return registrable(url).orElse(null);
    }

    /** The key the registry stores an outlet under: its host and, where given, a path without trailing slash. */
    public static Optional<String> outletKey(String urlOrHost) {
        return hostAndPath(urlOrHost).map(hp -> {
            String path = hp.path().replaceAll("/+$", "");
            return path.isEmpty() ? hp.host() : hp.host() + path.toLowerCase(Locale.ROOT);
        });
    }

    /**
     * Registry lookup keys from most to least specific: the host with up to two path segments, the host, then each
     * parent domain down to the registrable one ("politicalticker.blogs.cnn.com" reaches cnn.com, never "co.uk").
     */
    public static List<String> outletKeys(String urlOrHost) {
        Optional<HostPath> hp = hostAndPath(urlOrHost);
        if (hp.isEmpty()) return List.of();
        String host = hp.get().host();
        List<String> keys = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        for (String s : hp.get().path().split("/")) if (!s.isEmpty()) segments.add(s.toLowerCase(Locale.ROOT));
        for (int n = Math.min(MAX_PATH_SEGMENTS, segments.size()); n >= 1; n--) {
            keys.add(host + "/" + String.join("/", segments.subList(0, n)));
        }
        String registrable = registrableOfHost(host);
        String h = host;
        while (true) {
            keys.add(h);
            int dot = h.indexOf('.');
            if (h.equals(registrable) || dot < 0 || h.indexOf('.', dot + 1) < 0) break;
            h = h.substring(dot + 1);
        }
        return keys;
    }

    private static String registrableOfHost(String host) {
        String assigned = EffectiveTldFinder.getAssignedDomain(host, true, false);
        if (assigned != null && !assigned.isEmpty()) return assigned;
        if (IPV4.matcher(host).matches()) return host;
        // The Public Suffix List's default rule "*": an unlisted top-level label (".test", ".local") is the suffix.
        int last = host.lastIndexOf('.');
        int previous = host.lastIndexOf('.', last - 1);
        return previous < 0 ? host : host.substring(previous + 1);
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
        try {
            host = IDN.toASCII(host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.isEmpty() || host.indexOf('.') < 0 || !HOST.matcher(host).matches()) return Optional.empty();
        String stripped = SERVER_PREFIX.matcher(host).replaceFirst("");
        // "m.co.uk" or "amp.dev" is not a server prefix on a site: the label is the name itself.
        if (stripped.indexOf('.') > 0 && !stripped.equals(publicSuffixOf(stripped))) {
            host = stripped;
        }
        String rest = t.substring(end);
        int query = indexOfAny(rest, "?#");
        return Optional.of(new HostPath(host, query >= 0 ? rest.substring(0, query) : rest));
    }

    private static @Nullable String publicSuffixOf(String host) {
        EffectiveTldFinder.EffectiveTLD etld = EffectiveTldFinder.getEffectiveTLD(host, false);
        return etld == null ? null : etld.getDomain();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
