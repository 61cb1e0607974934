package news.parallax.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A source Parallax crawls, with its fetch state.
 *
 * @param url                 canonical feed, sitemap or page URL; the key
 * @param kind                what to do with it
 * @param outletDomain        the outlet the articles belong to (resolved by the outlet registry); null when unknown
 * @param lastError           last failure, naming the URL; null after a success
 * @param consecutiveFailures failures since the last success; drives the retry backoff
 * @param nextFetch           when the source is due again (next retry after a failure)
 * @param interval            current polling interval, shortened when the feed changes often
 * @param lastNewItems        links the last successful fetch added
 * @param totalItems          links this source added in all
 */
public record FeedSource(
        String url,
        Kind kind,
        @Nullable String outletDomain,
        String title,
        Instant addedAt,
        @Nullable Instant lastFetch,
        @Nullable Instant lastSuccess,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable String lastError,
        int consecutiveFailures,
        Instant nextFetch,
        Duration interval,
        int lastNewItems,
        long totalItems) {

    /** Source kinds: a feed or sitemap is polled; a page is fetched once as an article. */
    public enum Kind {
        FEED, SITEMAP, PAGE;

        public static Kind parse(String s) {
            return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    public FeedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(nextFetch, "nextFetch");
        Objects.requireNonNull(interval, "interval");
    }

    public boolean isDue(Instant now) {
        return !nextFetch.isAfter(now);
    }
}
