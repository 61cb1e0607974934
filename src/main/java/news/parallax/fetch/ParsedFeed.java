package news.parallax.fetch;

import java.util.List;
import java.util.Objects;

/**
 * A feed or sitemap as read: its entries (deduplicated) and, for a sitemap index, its child sitemaps.
 *
 * @param format        what the document turned out to be, whatever its Content-Type said
 * @param title         channel title; empty for sitemaps
 * @param entries       article links, first occurrence kept when a GUID or URL repeats
 * @param childSitemaps sitemap URLs listed by a sitemap index; empty otherwise
 */
public record ParsedFeed(Format format, String title, List<FeedEntry> entries, List<String> childSitemaps) {
    /** Document formats the parser recognises by content. */
    public enum Format { RSS, ATOM, JSON_FEED, SITEMAP, SITEMAP_INDEX }

    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        entries = List.copyOf(entries);
        childSitemaps = List.copyOf(childSitemaps);
    }
}
