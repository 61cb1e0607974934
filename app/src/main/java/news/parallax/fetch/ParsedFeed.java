package news.parallax.fetch;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feed or sitemap as read: its entries (deduplicated) and, for a sitemap index, its child sitemaps.
 *
 * @param format        what the document turned out to be, whatever its Content-Type said
 * @param title         channel title; empty for sitemaps
 * @param entries       article links, first occurrence kept when a GUID or URL repeats
 * @param childSitemaps sitemap URLs listed by a sitemap index; empty otherwise
 * @param link          the site the feed belongs to (channel link, Atom alternate link), absolute; null when none
 * @param encoding      the character encoding the document was read in; null for sitemaps
 * @param warnings      what the source's status should say: "recovered 3 items from malformed XML (line 9: ...)",
 *                      "2 item dates treated as missing (first: ...)"; empty for a clean document (per-item
 *                      details are in {@link FeedEntry#note()})
 */
public record ParsedFeed(Format format, String title, List<FeedEntry> entries, List<String> childSitemaps,
        @Nullable String link, @Nullable String encoding, List<String> warnings) {
    /** Document formats the parser recognises by content. */
    public enum Format { RSS, ATOM, JSON_FEED, SITEMAP, SITEMAP_INDEX }

    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        entries = List.copyOf(entries);
        childSitemaps = List.copyOf(childSitemaps);
        warnings = List.copyOf(warnings);
    }

    public ParsedFeed(Format format, String title, List<FeedEntry> entries, List<String> childSitemaps) {
        this(format, title, entries, childSitemaps, null, null, List.of());
    }
}
