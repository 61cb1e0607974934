package news.parallax.web;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;

/** The feed status page: every source with its state, failing ones first, and link counts (template {@code feeds.jte}). */
final class FeedStatusPage {
    private FeedStatusPage() {}

    static String render(FeedStore feeds, Instant now) throws SQLException {
        List<FeedSource> sources = feeds.sources().stream()
                .sorted((a, b) -> Integer.compare(b.consecutiveFailures(), a.consecutiveFailures())).toList();
        long failing = sources.stream().filter(s -> s.consecutiveFailures() > 0).count();
        return Templates.render("feeds.jte", new PageModels.FeedsPage(sources, feeds.itemCounts(), failing, now));
    }
}
