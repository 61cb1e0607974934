package news.parallax.fetch;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An article link waiting to be fetched (or already handled), as stored in {@code fetch_items}.
 *
 * @param url          canonical article URL; the key, so one article is fetched and stored once
 * @param sourceUrl    the feed or sitemap that announced it first
 * @param outletDomain the source's outlet; null when the source names none
 * @param attempts     fetches tried so far
 */
public record FeedItem(
        String url,
        String sourceUrl,
        @Nullable String outletDomain,
        @Nullable String guid,
        String title,
        @Nullable Instant published,
        Status status,
        int attempts,
        @Nullable String lastError,
        @Nullable String articleId) {

    /** Item lifecycle: PENDING until it ends DONE (handed to the pipeline), SKIPPED (not an article) or FAILED. */
    public enum Status { PENDING, DONE, SKIPPED, FAILED }

    public FeedItem {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
    }
}
