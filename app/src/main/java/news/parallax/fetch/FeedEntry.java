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
 * @param published publication or update time; null when absent, unreadable or implausible
 * @param summary   the item's summary or content as plain text (markup stripped, entities decoded); may be empty
 * @param note      what the parser had to say about the item (a date it treated as missing, and why); null when nothing
 */
public record FeedEntry(String url, @Nullable String guid, String title, @Nullable Instant published, String summary,
        @Nullable String note) {
    public FeedEntry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
    }

    /** An entry without summary or note (sitemaps, single pages). */
    public FeedEntry(String url, @Nullable String guid, String title, @Nullable Instant published) {
        this(url, guid, title, published, "", null);
    }
}
