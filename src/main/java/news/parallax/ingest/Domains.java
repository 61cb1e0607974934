package news.parallax.ingest;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Host names of article URLs, lower case and without {@code www.}. */
public final class Domains {
    private Domains() {}

    public static @Nullable String ofUrl(@Nullable String url) {
        if (url == null || url.isBlank()) return null;
        try {
            String host = URI.create(url.strip().replace(" ", "%20")).getHost();
            if (host == null) return null;
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
