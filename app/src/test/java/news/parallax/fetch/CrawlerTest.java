package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import news.parallax.store.TestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** End to end over real HTTP and a real database (SQLite file, PostgreSQL server): feeds in, pages to the sink, state recorded. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CrawlerTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private LoopbackServer server;
    private HttpFetcher fetcher;
    private news.parallax.store.Database db;
    private FeedStore store;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    /** What the sink received, by canonical URL, with how many times. */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    private Crawler crawler;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        fetcher = new HttpFetcher(HttpFetcherTest.testConfig());
        TestDatabase.Fresh fresh = database.fresh(dir);
        db = news.parallax.store.Database.open(fresh.url() != null ? fresh.url() : "jdbc:sqlite:" + dir.resolve("feeds.db"));
        store = new FeedStore(db);
        ArticleSink sink = page -> {
            received.computeIfAbsent(page.url(), u -> new AtomicInteger()).incrementAndGet();
            String title = Jsoup.parse(new String(page.html(), StandardCharsets.UTF_8)).title();
            titles.put(page.url(), title);
            if (title.contains("not an article")) return ArticleSink.Outcome.skipped("not an article");
            return ArticleSink.Outcome.stored("a-" + Integer.toHexString(page.url().hashCode()));
        };
        CrawlSettings settings = CrawlSettings.defaults().withMaxItemAttempts(2);
        crawler = new Crawler(fetcher, store, sink, settings, clock);
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
        db.close();
    }

    private static String html(String title) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><p>" + title
                + " body text.</p></article></body></html>";
    }

    private String rss(String... items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>");
        for (String item : items) sb.append(item);
        return sb.append("</channel></rss>").toString();
    }

    private String item(String guid, String path) {
        return "<item><title>" + path + "</title><guid isPermaLink=\"false\">" + guid + "</guid><link>"
                + server.url(path) + "?utm_source=rss</link></item>";
    }

    @Test
    void oneDeadOrBrokenFeedNeverStopsTheRest() throws Exception {
        server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /members/\n");
        server.page("/rss", "application/rss+xml", rss(item("g1", "/a1"), item("g2", "/a2"), item("g2", "/a2-dup"),
                item("g3", "/members/a3")));
        server.page("/atom", "text/html", // wrong Content-Type: still read as a feed
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><id>x</id><updated>2026-11-23T09:00:00Z</updated>"
                        + "<entry><title>b1</title><id>urn:b1</id><updated>2026-11-23T09:00:00Z</updated><link href=\""
                        + server.url("/b1") + "\"/></entry></feed>");
        server.page("/json", "application/feed+json", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
                + "{\"id\":\"c1\",\"url\":\"" + server.url("/c1") + "\"},{\"id\":\"c2\",\"url\":\"" + server.url("/a1") + "\"}]}");
        server.route("/dead", ex -> LoopbackServer.send(ex, 500, "text/plain", "down"));
        // Issue 20: ill-formed feeds are now recovered, so "broken" serves an ill-formed document that is no feed.
        server.page("/broken", "application/rss+xml", "<error><message>Gateway</error>");
        server.page("/sitemap-index.xml", "application/xml", "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + server.url("/sitemap-1.xml") + "</loc></sitemap></sitemapindex>");
        server.page("/sitemap-1.xml", "application/xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + server.url("/d1") + "</loc></url>"
                + "<url><loc>" + server.url("/archive-2019") + "</loc><lastmod>2019-05-01</lastmod></url></urlset>");
        for (String p : List.of("/a1", "/a2", "/b1", "/c1", "/d1", "/members/a3"))
            server.page(p, "text/html; charset=utf-8", html("Article " + p));
        server.route("/c1", ex -> LoopbackServer.send(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        for (String p : List.of("/rss", "/atom", "/json", "/dead", "/broken"))
            crawler.addSource(server.url(p), FeedSource.Kind.FEED, "example.org", p);
        crawler.addSource(server.url("/sitemap-index.xml"), FeedSource.Kind.SITEMAP, "example.org", "sitemap");

        CrawlReport report = crawler.crawlOnce();

        assertThat(report.sourcesFetched()).isEqualTo(4);
        assertThat(report.sourcesFailed()).isEqualTo(2);
        assertThat(received.keySet()).containsExactlyInAnyOrder(
                server.url("/a1"), server.url("/a2"), server.url("/b1"), server.url("/d1"));
        assertThat(received.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1)); // /a1 is in two feeds
        assertThat(server.hits("/a2-dup")).isZero(); // duplicate GUID
        assertThat(store.findItem(server.url("/archive-2019"))).isEmpty(); // sitemap archive, not news
        assertThat(server.hits("/members/a3")).isZero(); // robots.txt
        assertThat(store.findItem(server.url("/members/a3")).orElseThrow().status()).isEqualTo(FeedItem.Status.SKIPPED);
        FeedItem png = store.findItem(server.url("/c1")).orElseThrow();
        assertThat(png.status()).isEqualTo(FeedItem.Status.SKIPPED);
        assertThat(png.lastError()).contains("not an HTML page").contains("image/png");

        FeedSource dead = store.findSource(server.url("/dead")).orElseThrow();
        assertThat(dead.consecutiveFailures()).isEqualTo(1);
        assertThat(dead.lastError()).contains("/dead").contains("HTTP 500");
        assertThat(dead.nextFetch()).isAfter(clock.instant());
        FeedSource broken = store.findSource(server.url("/broken")).orElseThrow();
        assertThat(broken.lastError()).contains("/broken").contains("malformed feed");
        FeedSource ok = store.findSource(server.url("/rss")).orElseThrow();
        assertThat(ok.lastError()).isNull();
        assertThat(ok.lastNewItems()).isBetween(2, 3); // /a1 is also in the JSON feed, which may come first
        assertThat(report.newItems()).isEqualTo(6);
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("/dead"));

        // A second pass right away: nothing is due, nothing is fetched again.
        int hitsBefore = server.hits("/rss");
        CrawlReport again = crawler.crawlOnce();
        assertThat(again.sourcesFetched() + again.sourcesFailed()).isZero();
        assertThat(server.hits("/rss")).isEqualTo(hitsBefore);
    }

    @Test
    void changedLinksAndConditionalGetAdaptTheInterval() throws Exception {
        AtomicReference<String> feed = new AtomicReference<>(rss(item("g1", "/x1")));
        server.route("/rss", ex -> {
            String etag = "\"" + Integer.toHexString(feed.get().hashCode()) + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            LoopbackServer.send(ex, 200, "application/rss+xml", feed.get());
        });
        for (String p : List.of("/x1", "/x1-moved", "/x2")) server.page(p, "text/html", html("Article " + p));
        crawler.addSource(server.url("/rss"), FeedSource.Kind.FEED, null, "rss");
        Duration start = store.findSource(server.url("/rss")).orElseThrow().interval();

        crawler.crawlOnce();
        FeedSource afterNews = store.findSource(server.url("/rss")).orElseThrow();
        assertThat(afterNews.interval()).isLessThan(start);
        assertThat(afterNews.outletDomain()).isEqualTo("127.0.0.1");

        // Same content: the ETag makes it a 304 and the interval grows.
        clock.advance(afterNews.interval());
        CrawlReport quiet = crawler.crawlOnce();
        assertThat(quiet.sourcesFetched()).isEqualTo(1);
        FeedSource afterQuiet = store.findSource(server.url("/rss")).orElseThrow();
        assertThat(afterQuiet.interval()).isGreaterThan(afterNews.interval());
        assertThat(afterQuiet.etag()).isNotNull();

        // The item's link changes under the same GUID, and a new item appears.
        feed.set(rss(item("g1", "/x1-moved"), item("g2", "/x2")));
        clock.advance(afterQuiet.interval());
        crawler.crawlOnce();
        assertThat(server.hits("/x1-moved")).isZero();
        assertThat(received.keySet()).containsExactlyInAnyOrder(server.url("/x1"), server.url("/x2"));
    }

    @Test
    void transientPageFailureIsRetriedLaterThenGivenUp() throws Exception {
        server.page("/rss", "application/rss+xml", rss(item("g1", "/busy"), item("g2", "/fine"), item("g3", "/no-article")));
        server.route("/busy", ex -> LoopbackServer.send(ex, 503, "text/plain", "busy"));
        server.page("/fine", "text/html", html("Fine"));
        server.page("/no-article", "text/html", html("Section front, not an article"));
        crawler.addSource(server.url("/rss"), FeedSource.Kind.FEED, null, "rss");

        CrawlReport first = crawler.crawlOnce();
        assertThat(first.articlesStored()).isEqualTo(1);
        assertThat(first.articlesSkipped()).isEqualTo(1);
        assertThat(first.articlesRetrying()).isEqualTo(1);
        FeedItem busy = store.findItem(server.url("/busy")).orElseThrow();
        assertThat(busy.status()).isEqualTo(FeedItem.Status.PENDING);
        assertThat(busy.lastError()).contains("HTTP 503");
        assertThat(store.findItem(server.url("/no-article")).orElseThrow().lastError()).contains("not an article");

        clock.advance(Duration.ofHours(1));
        CrawlReport second = crawler.crawlOnce();
        assertThat(second.articlesFailed()).isEqualTo(1); // second attempt of two: given up
        assertThat(store.findItem(server.url("/busy")).orElseThrow().status()).isEqualTo(FeedItem.Status.FAILED);
        assertThat(store.itemCounts()).containsEntry(FeedItem.Status.DONE, 1).containsEntry(FeedItem.Status.PENDING, 0);
    }

    @Test
    void realArticlePagesServedGzipped() throws Exception {
        Path fundus = Path.of("../shared/data/extraction-dev/fundus");
        if (!Files.isDirectory(fundus)) fundus = Path.of("/work/shared/data/extraction-dev/fundus");
        Assumptions.assumeTrue(Files.isDirectory(fundus), "skipped: ../shared/data/extraction-dev/fundus is absent");
        List<Path> pages;
        try (Stream<Path> s = Files.walk(fundus, 2)) {
            pages = s.filter(p -> p.toString().endsWith(".html.gz")).sorted().limit(5).toList();
        }
        Assumptions.assumeTrue(!pages.isEmpty(), "skipped: no .html.gz pages in " + fundus);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            byte[] gz = Files.readAllBytes(pages.get(i));
            server.route("/page" + i, ex -> {
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
                LoopbackServer.send(ex, 200, "text/html", gz);
            });
            items.append(item("p" + i, "/page" + i));
        }
        server.page("/rss", "application/rss+xml", rss(items.toString()));
        crawler.addSource(server.url("/rss"), FeedSource.Kind.FEED, null, "rss");
        CrawlReport r = crawler.crawlOnce();
        assertThat(r.articlesStored() + r.articlesSkipped()).isEqualTo(pages.size());
        assertThat(titles.values()).allSatisfy(t -> assertThat(t).isNotBlank());
    }

    @Test
    void singlePageSourceIsFetchedOnce() throws Exception {
        server.page("/single", "text/html", html("Single"));
        crawler.addSource(server.url("/single?fbclid=zzz"), FeedSource.Kind.PAGE, null, "one page");
        crawler.crawlOnce();
        clock.advance(Duration.ofDays(30));
        crawler.crawlOnce();
        assertThat(server.hits("/single")).isEqualTo(1);
        assertThat(received).containsOnlyKeys(server.url("/single"));
    }

    /** A clock tests move forward by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void malformedFeedIsRecoveredAndItsStatusSaysSo() throws Exception {
        // Issue 20: an undeclared prefix makes the XML ill-formed; the items are kept and the source says so.
        server.page("/podcast", "application/rss+xml", "<rss version=\"2.0\"><channel><title>P</title>"
                + "<itunes:author>x</itunes:author>" + item("p1", "/p1") + item("p2", "/p2") + "</channel></rss>");
        for (String p : List.of("/p1", "/p2")) server.page(p, "text/html; charset=utf-8", html("Article " + p));
        crawler.addSource(server.url("/podcast"), FeedSource.Kind.FEED, "example.org", "podcast");

        crawler.crawlOnce();

        assertThat(received.keySet()).containsExactlyInAnyOrder(server.url("/p1"), server.url("/p2"));
        FeedSource source = store.findSource(server.url("/podcast")).orElseThrow();
        assertThat(source.consecutiveFailures()).isZero();
        assertThat(source.lastError()).startsWith("recovered 2 items from malformed XML");
    }
}
