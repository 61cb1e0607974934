package news.parallax.fetch;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One article link announced by a feed or sitemap.
 *
 * @param url       canonical article URL ({@link UrlCanonicalizer})
 * @param guid      the feed's own id for the item (RSS guid, Atom id, JSON Feed id); null when it gives none
 * @param title     headline as the feed gives it; may be empty
 * @param published publication or update time; null when absent
 */
public record FeedEntry(String url, @Nullable String guid, String title, @Nullable Instant published) {
    public FeedEntry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
    }
}
