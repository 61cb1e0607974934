package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15: the per-host gap holds across crawlers sharing a store (on PostgreSQL each with its own connection, as
 * separate processes have), not only within one: the gap is reserved in the store ({@code fetch_hosts}, V16).
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class HostPolitenessAcrossCrawlersTest {
    private static final Duration GAP = Duration.ofMillis(250);
    private static final int ARTICLES = 12;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    @Test
    void reservationsFromTwoConnectionsAreSpacedByTheGap() throws Exception {
        TestDatabase.Fresh db = database.fresh(dir);
        try (Store one = db.open(); Store two = database == TestDatabase.SQLITE ? one : db.open()) {
            List<FeedStore> stores = List.of(FeedStore.of(one), FeedStore.of(two));
            long before = System.nanoTime();
            List<Long> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long asked = System.nanoTime();
                Duration wait = stores.get(i % 2).reserveHost("news.example", Duration.ofSeconds(1));
                starts.add(TimeUnit.NANOSECONDS.toMillis(asked - before) + wait.toMillis());
            }
            // Eight requests asked for at once from two crawlers: one may start now, the others a second apart each.
            for (int i = 1; i < starts.size(); i++)
                assertThat(starts.get(i) - starts.get(i - 1)).as("start %d after start %d", i, i - 1).isBetween(900L, 1100L);
            assertThat(stores.get(0).reserveHost("other.example", Duration.ofSeconds(1))).as("another host is free").isZero();
        }
    }

    @Test
    void twoCrawlersTogetherKeepTheGapToOneHost() throws Exception {
        TestDatabase.Fresh db = database.fresh(dir);
        try (LoopbackServer server = LoopbackServer.onPlatformThreads(); Store one = db.open();
             Store two = database == TestDatabase.SQLITE ? one : db.open()) {
            List<Long> arrivals = new CopyOnWriteArrayList<>();
            StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Wire</title>");
            for (int i = 0; i < ARTICLES; i++) {
                int n = i;
                server.route("/a/" + i, ex -> {
                    arrivals.add(System.nanoTime());
                    LoopbackServer.send(ex, 200, "text/html; charset=utf-8", KillMidCrawlTest.articlePage(n));
                });
                rss.append("<item><title>A").append(i).append("</title><link>").append(server.url("/a/" + i)).append("</link></item>");
            }
            server.page("/feed", "application/rss+xml", rss.append("</channel></rss>").toString());
            FeedStore.of(one).addSource(server.url("/feed"), FeedSource.Kind.FEED, "wire.example", "Wire",
                    CrawlSettings.defaults().defaultInterval(), Instant.now());
            Crawler queue = crawler(one, CrawlSettings.defaults().withMaxItemsPerCrawl(1));
            queue.crawlOnce(); // polls the feed and fetches one page; the rest is left for the two below

            CrawlSettings settings = CrawlSettings.defaults().withMaxItemsPerCrawl(3);
            List<Crawler> crawlers = List.of(crawler(one, settings), crawler(two, settings));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> stored = new ArrayList<>();
            arrivals.clear();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (Crawler c : crawlers) {
                    stored.add(pool.submit(() -> {
                        go.await();
                        int n = 0;
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (c.store().itemCounts().get(FeedItem.Status.DONE) < ARTICLES && System.nanoTime() < deadline) {
                            n += c.crawlOnce().articlesStored();
                        }
                        return n;
                    }));
                }
                go.countDown();
            }
            assertThat(stored.get(0).get()).as("the first crawler fetched part").isPositive();
            assertThat(stored.get(1).get()).as("the second crawler fetched part").isPositive();
            List<Long> sorted = new ArrayList<>(arrivals);
            sorted.sort(null);
            assertThat(sorted).hasSize(ARTICLES - 1);
            // A late start only widens a gap; two crawlers with their own gaps alone would take about half this span.
            long spanMillis = TimeUnit.NANOSECONDS.toMillis(sorted.getLast() - sorted.getFirst());
            assertThat(spanMillis).as("span of %d requests to one host", sorted.size())
                    .isGreaterThanOrEqualTo((long) ((sorted.size() - 1) * GAP.toMillis() * 0.9));
        }
    }

    private static Crawler crawler(Store store, CrawlSettings settings) {
        FeedStore feeds = FeedStore.of(store);
        FetchConfig config = HttpFetcherTest.testConfig().withPerHost(2, GAP);
        return new Crawler(new HttpFetcher(config, feeds.hostSchedule()), feeds, PipelineSink.standard(store), settings, Clock.systemUTC());
    }
}
