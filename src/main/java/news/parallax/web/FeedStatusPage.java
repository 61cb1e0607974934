package news.parallax.web;

import static news.parallax.web.Html.escape;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.fetch.FeedItem;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;

/**
 * The feed status page's body: every source with its state, failing ones first, and link counts.
 * Returns an HTML fragment for the web layer to wrap; every value (URLs, errors, titles come from
 * the web) is escaped here.
 */
final class FeedStatusPage {
    private FeedStatusPage() {}

    static String body(FeedStore feeds, Instant now) throws SQLException {
        List<FeedSource> sources = feeds.sources().stream()
                .sorted((a, b) -> Integer.compare(b.consecutiveFailures(), a.consecutiveFailures())).toList();
        Map<FeedItem.Status, Integer> counts = feeds.itemCounts();
        long failing = sources.stream().filter(s -> s.consecutiveFailures() > 0).count();
        StringBuilder sb = new StringBuilder("<section class=\"feeds\"><h1>Feeds</h1><p>")
                .append(sources.size()).append(" sources, ").append(failing).append(" failing. Links: ")
                .append(counts.get(FeedItem.Status.PENDING)).append(" pending, ")
                .append(counts.get(FeedItem.Status.DONE)).append(" stored, ")
                .append(counts.get(FeedItem.Status.SKIPPED)).append(" skipped, ")
                .append(counts.get(FeedItem.Status.FAILED)).append(" failed.</p>")
                .append("<table><thead><tr><th>State</th><th>Source</th><th>Outlet</th><th>Last fetch</th>"
                        + "<th>Next</th><th>Interval</th><th>Links</th><th>Last error</th></tr></thead><tbody>");
        for (FeedSource s : sources) {
            String state = s.consecutiveFailures() > 0 ? "failing \u00d7" + s.consecutiveFailures()
                    : s.lastSuccess() == null ? "new" : "ok";
            sb.append("<tr class=\"").append(s.consecutiveFailures() > 0 ? "failing" : "ok").append("\"><td>")
                    .append(escape(state)).append("</td><td>").append(escape(s.kind().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(' ').append(escape(s.url())).append("</td><td>").append(escape(s.outletDomain()))
                    .append("</td><td>").append(s.lastFetch() == null ? "never" : escape(s.lastFetch().toString()))
                    .append("</td><td>").append(s.nextFetch().isAfter(now.plus(Duration.ofDays(3650))) ? "never"
                            : escape(s.nextFetch().toString()))
                    .append("</td><td>").append(s.interval().toMinutes()).append(" min</td><td>").append(s.totalItems())
                    .append("</td><td>").append(escape(s.lastError())).append("</td></tr>");
        }
        return sb.append("</tbody></table></section>").toString();
    }
}
