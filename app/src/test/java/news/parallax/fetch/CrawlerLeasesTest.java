package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.parallax.store.TestSql;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15: crawlers sharing one store (on PostgreSQL each with its own connection, as separate processes have) lease what
 * they fetch, over real HTTP on loopback and a real database: no feed or article page is fetched twice, every
 * article is stored once, and the leases of a crawler that died come back.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CrawlerLeasesTest {
    private static final int FEEDS = 6;
    private static final int ARTICLES_PER_FEED = 20;
    /** Links a pass claims: small, so the two crawlers' passes interleave over the queue. */
    private static final int ITEMS_PER_PASS = 15;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    /** Feeds of distinct articles; each article page is slow enough for the two crawlers' work to overlap. */
    private static List<String> serveFeeds(LoopbackServer server) {
        List<String> articles = new ArrayList<>();
        for (int f = 0; f < FEEDS; f++) {
            StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Feed " + f + "</title>");
            for (int a = 0; a < ARTICLES_PER_FEED; a++) {
                int n = f * ARTICLES_PER_FEED + a;
                String path = "/a/" + n;
                server.route(path, ex -> {
                    Thread.sleep(15);
                    LoopbackServer.send(ex, 200, "text/html; charset=utf-8", KillMidCrawlTest.articlePage(n));
                });
                rss.append("<item><title>Article ").append(n).append("</title><link>").append(server.url(path))
                        .append("</link><guid>").append(n).append("</guid></item>");
                articles.add(path);
            }
            server.page("/feed/" + f, "application/rss+xml", rss.append("</channel></rss>").toString());
        }
        return articles;
    }

    @Test
    void twoCrawlersFetchEachPageOnceAndStoreEachArticleOnce() throws Exception {
        TestDatabase.Fresh db = database.fresh(dir);
        // PostgreSQL: a connection each, as crawler processes have. SQLite: one process, so one connection (two
        // SQLite connections in one JVM wait for each other's write lock in native code, pinning the scheduler).
        try (LoopbackServer server = LoopbackServer.onPlatformThreads(); Store one = db.open();
             Store two = database == TestDatabase.SQLITE ? one : db.open()) {
            List<String> articles = serveFeeds(server);
            for (int f = 0; f < FEEDS; f++)
                FeedStore.of(one).addSource(server.url("/feed/" + f), FeedSource.Kind.FEED, "wire" + f + ".example", "Feed " + f,
                        CrawlSettings.defaults().defaultInterval(), Instant.now());
            CrawlSettings settings = CrawlSettings.defaults().withMaxItemsPerCrawl(ITEMS_PER_PASS);
            List<Crawler> crawlers = List.of(crawler(one, settings, Clock.systemUTC()), crawler(two, settings, Clock.systemUTC()));

            CountDownLatch start = new CountDownLatch(1);
            List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Future<Integer>> stored = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (Crawler c : crawlers) {
                    stored.add(pool.submit(() -> {
                        start.await();
                        int n = 0;
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                        // Passes until the queue is empty, as `run` crawlers do: each claims what the other has not.
                        while (done(c.store()) < articles.size() && System.nanoTime() < deadline) {
                            CrawlReport r = c.crawlOnce();
                            n += r.articlesStored();
                            errors.addAll(r.errors());
                            Thread.sleep(5);
                        }
                        return n;
                    }));
                }
                start.countDown();
            }
            int byOne = stored.get(0).get();
            int byTwo = stored.get(1).get();

            for (int f = 0; f < FEEDS; f++) assertThat(server.hits("/feed/" + f)).as("feed %d fetches", f).isEqualTo(1);
            for (String a : articles) assertThat(server.hits(a)).as("fetches of %s", a).isEqualTo(1);
            assertThat(byOne + byTwo).as("stored; errors: %s", errors).isEqualTo(articles.size());
            assertThat(byOne).as("the first crawler did part of the work").isPositive();
            assertThat(byTwo).as("the second crawler did part of the work").isPositive();
            assertThat(one.articleCount()).isEqualTo(articles.size());
            try (var c = TestSql.connect(one); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT url FROM articles")) {
                Set<String> urls = new HashSet<>();
                while (rs.next()) assertThat(urls.add(rs.getString(1))).as("stored once: %s", rs.getString(1)).isTrue();
                assertThat(urls).hasSize(articles.size());
            }
            assertThat(FeedStore.of(one).itemCounts()).containsEntry(FeedItem.Status.DONE, articles.size())
                    .containsEntry(FeedItem.Status.PENDING, 0);
            assertThat(FeedStore.of(one).leaseOwners()).as("every lease released after its fetch").isEmpty();
        }
    }

    @Test
    void leasesOfACrawlerThatDiedReturnAfterTheyExpire() throws Exception {
        TestDatabase.Fresh db = database.fresh(dir);
        CrawlerTest.MutableClock clock = new CrawlerTest.MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
        try (LoopbackServer server = LoopbackServer.onPlatformThreads(); Store store = db.open()) {
            List<String> articles = serveFeeds(server);
            FeedStore feeds = FeedStore.of(store);
            for (int f = 0; f < FEEDS; f++)
                feeds.addSource(server.url("/feed/" + f), FeedSource.Kind.FEED, "wire.example", "Feed " + f,
                        CrawlSettings.defaults().defaultInterval(), clock.instant());
            Duration lease = Duration.ofMinutes(2);
            Crawler survivor = crawler(store, CrawlSettings.defaults().withLease(lease), clock);
            survivor.crawlOnce(); // queues every link, stores everything: then a fresh round of links for the test
            assertThat(done(feeds)).isEqualTo(articles.size());

            // A crawler on another machine claimed the sources, then died before fetching them.
            clock.advance(Duration.ofHours(7)); // every feed is due again
            for (int f = 0; f < FEEDS; f++) server.page("/feed/" + f, "application/rss+xml", "<rss version=\"2.0\"><channel><title>F</title>"
                    + "<item><title>Later " + f + "</title><link>" + server.url("/later/" + f) + "</link><guid>later" + f + "</guid></item>"
                    + "</channel></rss>");
            for (int f = 0; f < FEEDS; f++) server.page("/later/" + f, "text/html; charset=utf-8", KillMidCrawlTest.articlePage(1000 + f));
            LeaseOwner elsewhere = new LeaseOwner("another-host", 4242, 1, 1);
            Instant now = clock.instant();
            assertThat(feeds.claimDueSources(elsewhere, now, now, now.plus(lease), Integer.MAX_VALUE)).hasSize(FEEDS);

            survivor.crawlOnce();
            assertThat(server.hits("/feed/0")).as("a leased source is left to its crawler").isEqualTo(1);

            clock.advance(lease.plusSeconds(1));
            survivor.crawlOnce();
            for (int f = 0; f < FEEDS; f++) {
                assertThat(server.hits("/feed/" + f)).as("feed %d fetched again once its lease expired", f).isEqualTo(2);
                assertThat(server.hits("/later/" + f)).isEqualTo(1);
            }
            assertThat(store.articleCount()).isEqualTo(articles.size() + FEEDS);
            assertThat(feeds.leaseOwners()).isEmpty();
        }
    }

    @Test
    void leasesOfACrawlerWhoseProcessDiedOnThisHostReturnAtOnce() throws Exception {
        TestDatabase.Fresh db = database.fresh(dir);
        try (LoopbackServer server = LoopbackServer.onPlatformThreads(); Store store = db.open()) {
            List<String> articles = serveFeeds(server);
            FeedStore feeds = FeedStore.of(store);
            feeds.addSource(server.url("/feed/0"), FeedSource.Kind.FEED, "wire.example", "Feed 0",
                    CrawlSettings.defaults().defaultInterval(), Instant.now());
            // A process that ran here and is gone, as after kill -9 (its pid may be reused: the start time tells).
            Process gone = new ProcessBuilder("true").start();
            long pid = gone.pid();
            long started = gone.info().startInstant().map(Instant::toEpochMilli).orElse(1L);
            assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
            LeaseOwner dead = new LeaseOwner(LeaseOwner.forThisProcess().host(), pid, started, 1);
            Instant now = Instant.now();
            assertThat(feeds.claimDueSources(dead, now, now, now.plus(Duration.ofHours(1)), 10)).hasSize(1);

            crawler(store, CrawlSettings.defaults(), Clock.systemUTC()).crawlOnce();

            assertThat(server.hits("/feed/0")).isEqualTo(1);
            for (String a : articles.subList(0, ARTICLES_PER_FEED)) assertThat(server.hits(a)).isEqualTo(1);
            assertThat(store.articleCount()).isEqualTo(ARTICLES_PER_FEED);
        }
    }

    private static Crawler crawler(Store store, CrawlSettings settings, Clock clock) {
        return new Crawler(new HttpFetcher(HttpFetcherTest.testConfig()), FeedStore.of(store), PipelineSink.standard(store),
                settings, clock);
    }

    private static int done(FeedStore feeds) throws Exception {
        return feeds.itemCounts().get(FeedItem.Status.DONE);
    }
}
