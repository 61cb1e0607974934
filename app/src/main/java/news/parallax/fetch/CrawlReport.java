package news.parallax.fetch;

import java.time.Duration;
import java.util.List;

/**
 * What one crawl pass did.
 *
 * @param sourcesFetched    due sources fetched (200 or 304)
 * @param sourcesFailed     due sources that failed; their errors are in {@code errors} and in the store
 * @param newItems          article links queued for the first time
 * @param articlesStored    pages the sink stored
 * @param articlesSkipped   pages not stored on purpose (not an article, robots, not HTML)
 * @param articlesFailed    pages given up after their attempts
 * @param articlesRetrying  pages left PENDING for a later retry
 * @param errors            one line per failure, each naming its URL
 * @param polledDuringPass  of {@code sourcesFetched + sourcesFailed}, the polls of sources that fell due while the pass
 *                          fetched its pages (issue 15, session 9)
 */
public record CrawlReport(
        int sourcesFetched,
        int sourcesFailed,
        int newItems,
        int articlesStored,
        int articlesSkipped,
        int articlesFailed,
        int articlesRetrying,
        Duration elapsed,
        List<String> errors,
        int polledDuringPass) {

    public CrawlReport {
        errors = List.copyOf(errors);
    }

    /** A pass that polled nothing while fetching pages (or fetched none). */
    public CrawlReport(int sourcesFetched, int sourcesFailed, int newItems, int articlesStored, int articlesSkipped,
            int articlesFailed, int articlesRetrying, Duration elapsed, List<String> errors) {
        this(sourcesFetched, sourcesFailed, newItems, articlesStored, articlesSkipped, articlesFailed, articlesRetrying, elapsed,
                errors, 0);
    }

    public String summary() {
        return String.format("sources: %d fetched, %d failed%s; links: %d new; articles: %d stored, %d skipped, "
                + "%d failed, %d to retry; %.1f s", sourcesFetched, sourcesFailed,
                polledDuringPass > 0 ? " (" + polledDuringPass + " while fetching pages)" : "", newItems, articlesStored,
                articlesSkipped, articlesFailed, articlesRetrying, elapsed.toMillis() / 1000.0);
    }
}
