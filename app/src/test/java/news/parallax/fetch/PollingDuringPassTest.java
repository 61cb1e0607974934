package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import news.parallax.store.Database;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A feed whose window moves faster than a crawl pass lasts (issue 15, session 9): a real server on loopback publishes
 * one item every {@link #EVERY} and lists only its latest {@link #WINDOW}, while the pass spends far longer than the
 * window's turnover fetching a backlog of slow pages from the same host. The crawler polls the feed again during the
 * pass, ahead of the pages waiting for the host, and no published item is lost.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PollingDuringPassTest {
    private static final Duration EVERY = Duration.ofMillis(400);
    private static final int WINDOW = 25;
    /** Items published during the test, after the window listed at the start. */
    private static final int STREAMED = 40;
    private static final int BACKLOG = 40;
    private static final Duration SLOW_PAGE = Duration.ofMillis(300);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private LoopbackServer server;
    private HttpFetcher fetcher;
    private Database db;
    private FeedStore store;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private volatile long startMillis = -1;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.onPlatformThreads();
        // One request at a time to the host: every poll during the pass has to get past the slow pages.
        fetcher = new HttpFetcher(HttpFetcherTest.testConfig().withPerHost(1, Duration.ofMillis(10)));
        TestDatabase.Fresh fresh = database.fresh(dir);
        db = Database.open(fresh.url() != null ? fresh.url() : "jdbc:sqlite:" + dir.resolve("feeds.db"));
        store = new FeedStore(db);
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
        db.close();
    }

    /** Item k (k below 0: listed before the test began) is published at the start plus k times {@link #EVERY}. */
    private long publishedAt(int k) {
        return startMillis + k * EVERY.toMillis();
    }

    private synchronized String busyFeed() {
        long now = System.currentTimeMillis();
        // The stream starts with the first poll: the window it reads is the one listed before the test began.
        if (startMillis < 0) startMillis = now;
        int newest = (int) Math.min(STREAMED - 1, Math.floorDiv(now - startMillis, EVERY.toMillis()));
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Busy</title>");
        for (int k = newest; k > newest - WINDOW; k--) {
            sb.append("<item><title>Busy ").append(k).append("</title><guid>busy-").append(k).append("</guid><link>")
                    .append(server.url("/busy/" + k)).append("</link><pubDate>")
                    .append(RFC_1123.format(Instant.ofEpochMilli(publishedAt(k)))).append("</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private String backlogFeed() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Archive</title>");
        for (int k = 0; k < BACKLOG; k++)
            sb.append("<item><title>Old ").append(k).append("</title><link>").append(server.url("/old/" + k)).append("</link></item>");
        return sb.append("</channel></rss>").toString();
    }

    private static String html(String title) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>" + title + "</p></body></html>";
    }

    @Test
    void aFeedFasterThanThePassLosesNoItem() throws Exception {
        server.route("/busy.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", busyFeed()));
        server.route("/archive.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", backlogFeed()));
        for (int k = -WINDOW + 1; k < STREAMED; k++) server.page("/busy/" + k, "text/html", html("Busy " + k));
        for (int k = 0; k < BACKLOG; k++) {
            int n = k;
            server.route("/old/" + k, ex -> {
                Thread.sleep(SLOW_PAGE.toMillis());
                LoopbackServer.send(ex, 200, "text/html", html("Old " + n));
            });
        }
        ArticleSink sink = page -> {
            received.computeIfAbsent(page.url(), u -> new AtomicInteger()).incrementAndGet();
            return ArticleSink.Outcome.stored("a-" + Integer.toHexString(page.url().hashCode()));
        };
        CrawlSettings settings = CrawlSettings.defaults().withMinInterval(Duration.ofSeconds(1));
        Crawler crawler = new Crawler(fetcher, store, sink, settings, Clock.systemUTC());
        Instant now = Instant.now();
        // The archive first: its slow pages are claimed by the first pass before any of the busy feed's.
        store.addSource(server.url("/archive.xml"), FeedSource.Kind.FEED, null, "archive", Duration.ofHours(1), now.minusSeconds(1));
        store.addSource(server.url("/busy.xml"), FeedSource.Kind.FEED, null, "busy", Duration.ofMinutes(30), now);

        List<CrawlReport> passes = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int expected = WINDOW - 1 + STREAMED;
        while (busyReceived() < expected && System.nanoTime() < deadline) {
            passes.add(crawler.crawlOnce());
            Thread.sleep(200);
        }

        CrawlReport first = passes.getFirst();
        long turnover = WINDOW * EVERY.toMillis();
        // The first pass outlasted the feed's window: polled only at its start, items would be lost.
        assertThat(first.elapsed().toMillis()).isGreaterThan(turnover);
        assertThat(first.polledDuringPass()).isGreaterThanOrEqualTo(3);
        for (int k = -WINDOW + 1; k < STREAMED; k++) {
            assertThat(received.get(server.url("/busy/" + k))).as("item %d", k).isNotNull().hasValue(1);
        }
        // Polled about once a second (the shortest interval: four items a second), not in a loop.
        long seconds = passes.stream().mapToLong(p -> p.elapsed().toMillis()).sum() / 1000 + 1;
        assertThat(server.hits("/busy.xml")).isLessThanOrEqualTo((int) (2 * seconds) + passes.size());
    }

    private int busyReceived() {
        return (int) received.keySet().stream().filter(u -> u.contains("/busy/")).count();
    }
}
