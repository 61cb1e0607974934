package news.parallax.fetch;

import org.jspecify.annotations.Nullable;

/**
 * Takes a fetched article page into the rest of the pipeline (extract, clean, cluster, store).
 *
 * <p>Contract: must be thread-safe (the crawler calls it from several virtual threads) and idempotent
 * per {@link FetchedArticle#url()}: after a crash the crawler may hand the same page over again,
 * and it must not be stored twice. An exception marks the item FAILED with its message.
 */
@FunctionalInterface
public interface ArticleSink {

    Outcome accept(FetchedArticle page) throws Exception;

    /**
     * @param articleId id of the stored article when {@code stored}; null otherwise
     * @param reason    why the page was not stored (not an article, too short...); null when stored
     */
    record Outcome(boolean stored, @Nullable String articleId, @Nullable String reason) {
        public static Outcome stored(String articleId) {
            return new Outcome(true, articleId, null);
        }

        public static Outcome skipped(String reason) {
            return new Outcome(false, null, reason);
        }
    }
}
