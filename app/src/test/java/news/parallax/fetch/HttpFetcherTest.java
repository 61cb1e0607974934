package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP against a loopback server: politeness, limits and every fault the issue lists. */
class HttpFetcherTest {
    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        fetcher = new HttpFetcher(testConfig());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    static FetchConfig testConfig() {
        return FetchConfig.defaults().withAllowPrivate(true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(3, Duration.ofMillis(50), Duration.ofSeconds(2))
                .withPerHost(2, Duration.ZERO)
                .withMaxBodyBytes(256 * 1024);
    }

    @Test
    void fetchesAPageAndSendsUserAgent() {
        server.page("/a", "text/html; charset=ISO-8859-1", "<html><body>hi</body></html>");
        FetchResult r = fetcher.fetch(server.url("/a"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("hi");
        assertThat(r.charset()).isEqualTo("ISO-8859-1");
        assertThat(server.requestHeaders).anySatisfy(h -> assertThat(h.get("User-agent")).first().asString()
                .startsWith("ParallaxBot/"));
    }

    @Test
    void contentLocationIsTheBaseOfAFeedsRelativeLinks() throws Exception {
        server.route("/feed", ex -> {
            ex.getResponseHeaders().add("Content-Location", "/archive/2019/feed.xml");
            LoopbackServer.send(ex, 200, "application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><link>story.html</link></item></channel></rss>");
        });
        FetchResult r = fetcher.fetch(server.url("/feed"));
        assertThat(r.contentLocation()).isEqualTo(server.url("/archive/2019/feed.xml"));
        ParsedFeed feed = new FeedParser().parse(r.body(), r.finalUrl(), r.contentType(), r.contentLocation());
        assertThat(feed.entries()).singleElement().satisfies(e -> assertThat(e.url()).isEqualTo(server.url("/archive/2019/story.html")));
    }

    @Test
    void refusesLoopbackUnlessAllowed() {
        server.page("/a", "text/html", "<html>x</html>");
        try (HttpFetcher strict = new HttpFetcher(testConfig().withAllowPrivate(false))) {
            FetchResult r = strict.fetch(server.url("/a"));
            assertThat(r.status()).isEqualTo(FetchResult.Status.SKIPPED);
            assertThat(r.error()).contains("non-public address 127.0.0.1").contains("--allow-private");
        }
        assertThat(server.hits("/a")).isZero();
    }

    @Test
    void conditionalGetGivesNotModified() {
        server.route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT");
            LoopbackServer.send(ex, 200, "application/rss+xml", "<rss/>");
        });
        FetchResult first = fetcher.fetch(server.url("/feed"));
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Mon, 23 Nov 2026 10:00:00 GMT");
        FetchResult second = fetcher.fetch(server.url("/feed"), first.etag(), first.lastModified());
        assertThat(second.status()).isEqualTo(FetchResult.Status.NOT_MODIFIED);
        assertThat(server.requestHeaders).anySatisfy(h ->
                assertThat(h.get("If-modified-since")).containsExactly("Mon, 23 Nov 2026 10:00:00 GMT"));
    }

    @Test
    void decodesGzip() throws Exception {
        byte[] gz = gzip("<html><body>compressed page</body></html>".getBytes(StandardCharsets.UTF_8));
        server.route("/gz", ex -> {
            assertThat(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/html", gz);
        });
        FetchResult r = fetcher.fetch(server.url("/gz"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<html><body>compressed page</body></html>");
    }

    @Test
    void gzipBombIsCutAtTheDecodedCap() throws Exception {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]); // 50 MiB of zeros, about 50 KiB compressed
        assertThat(bomb.length).isLessThan(256 * 1024);
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/html", bomb);
        });
        FetchResult r = fetcher.fetch(server.url("/bomb"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.FAILED);
        assertThat(r.error()).contains("/bomb").contains("decoded body exceeds 262144 bytes");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void endlessBodyIsCut() {
        server.route("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked, no length
            byte[] chunk = new byte[8192];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1_000_000; i++) out.write(chunk); // ~8 GB unless the client hangs up
            }
        });
        FetchResult r = fetcher.fetch(server.url("/endless"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.FAILED);
        assertThat(r.error()).contains("body exceeds 262144 bytes");
        assertThat(server.hits("/endless")).isEqualTo(1); // too large is permanent: no retry
    }

    @Test
    void declaredTooLargeIsRefusedBeforeReading() {
        server.route("/big", ex -> LoopbackServer.send(ex, 200, "text/html", new byte[300 * 1024]));
        FetchResult r = fetcher.fetch(server.url("/big"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.FAILED);
        assertThat(r.error()).contains("exceeds");
    }

    @Test
    void slowResponseTimesOutAndIsRetried() {
        server.route("/slow", ex -> {
            Thread.sleep(5_000);
            LoopbackServer.send(ex, 200, "text/html", "late");
        });
        long start = System.nanoTime();
        FetchResult r = fetcher.fetch(server.url("/slow"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(FetchResult.Status.RETRY_LATER);
        assertThat(r.error()).contains("/slow");
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.retryAfter()).isNotNull();
        assertThat(ms).isLessThan(12_000); // 3 x 2 s timeout plus backoff, not 3 x 5 s
    }

    @Test
    void serverErrorIsRetriedThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/flaky", ex -> {
            if (calls.incrementAndGet() < 3) LoopbackServer.send(ex, 503, "text/plain", "busy");
            else LoopbackServer.send(ex, 200, "text/html", "<html>ok</html>");
        });
        FetchResult r = fetcher.fetch(server.url("/flaky"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(r.attempts()).isEqualTo(3);
    }

    @Test
    void persistent500EndsAsRetryLater() {
        server.route("/down", ex -> LoopbackServer.send(ex, 500, "text/plain", "boom"));
        FetchResult r = fetcher.fetch(server.url("/down"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.RETRY_LATER);
        assertThat(r.httpStatus()).isEqualTo(500);
        assertThat(r.error()).contains("HTTP 500").contains("/down");
        assertThat(server.hits("/down")).isEqualTo(3);
    }

    @Test
    void notFoundIsNotRetried() {
        FetchResult r = fetcher.fetch(server.url("/missing"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.FAILED);
        assertThat(r.httpStatus()).isEqualTo(404);
        assertThat(server.hits("/missing")).isEqualTo(1);
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/limited", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                LoopbackServer.send(ex, 429, "text/plain", "slow down");
            } else {
                LoopbackServer.send(ex, 200, "text/html", "<html>ok</html>");
            }
        });
        long start = System.nanoTime();
        FetchResult r = fetcher.fetch(server.url("/limited"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(ms).isGreaterThanOrEqualTo(1_000); // waited the server's second, not the 50 ms backoff
    }

    @Test
    void retryAfterBeyondTheInlineLimitEndsWithARetryTime() {
        server.route("/later", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            LoopbackServer.send(ex, 429, "text/plain", "come back in an hour");
        });
        FetchResult r = fetcher.fetch(server.url("/later"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.RETRY_LATER);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(server.hits("/later")).isEqualTo(1);
    }

    @Test
    void resetMidBodyIsTransient() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/reset", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            if (calls.incrementAndGet() == 1) {
                ex.sendResponseHeaders(200, 10_000);
                OutputStream out = ex.getResponseBody();
                out.write(new byte[100]);
                out.flush();
                throw new java.io.IOException("drop the connection mid-body");
            }
            LoopbackServer.send(ex, 200, "text/html", "<html>whole</html>");
        });
        FetchResult r = fetcher.fetch(server.url("/reset"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<html>whole</html>");
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void followsRedirectsAndStopsLoops() {
        server.route("/old", ex -> {
            ex.getResponseHeaders().set("Location", "/new");
            ex.sendResponseHeaders(301, -1);
        });
        server.page("/new", "text/html", "<html>moved</html>");
        FetchResult r = fetcher.fetch(server.url("/old"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(r.finalUrl()).isEqualTo(server.url("/new"));
        assertThat(r.redirects()).containsExactly(server.url("/new"));

        server.route("/loop1", ex -> {
            ex.getResponseHeaders().set("Location", "/loop2");
            ex.sendResponseHeaders(302, -1);
        });
        server.route("/loop2", ex -> {
            ex.getResponseHeaders().set("Location", "/loop1");
            ex.sendResponseHeaders(302, -1);
        });
        FetchResult loop = fetcher.fetch(server.url("/loop1"));
        assertThat(loop.status()).isEqualTo(FetchResult.Status.FAILED);
        assertThat(loop.error()).contains("redirect loop");
        assertThat(server.hits("/loop1")).isEqualTo(1);
    }

    @Test
    void redirectChainLongerThanTheLimitFails() {
        for (int i = 0; i < 10; i++) {
            int next = i + 1;
            server.route("/hop" + i, ex -> {
                ex.getResponseHeaders().set("Location", "/hop" + next);
                ex.sendResponseHeaders(307, -1);
            });
        }
        FetchResult r = fetcher.fetch(server.url("/hop0"));
        assertThat(r.status()).isEqualTo(FetchResult.Status.FAILED);
        assertThat(r.error()).contains("more than 5 redirects");
        assertThat(server.hits("/hop6")).isZero();
    }

    @Test
    void redirectToAPrivateAddressIsRefused() throws Exception {
        // The strict fetcher is asked for a public-looking name that redirects into the loopback server;
        // we cannot serve a public address in a test, so check the hop rule on the guard directly
        // and the redirect path with a loopback -> metadata-address redirect on the permissive side.
        server.route("/to-metadata", ex -> {
            ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
        });
        AddressGuard strict = new AddressGuard(false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        strict.check(java.net.URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("169.254.169.254");
        try (HttpFetcher f = new HttpFetcher(testConfig().withAllowPrivate(false))) {
            assertThat(f.fetch(server.url("/to-metadata")).status()).isEqualTo(FetchResult.Status.SKIPPED);
        }
        assertThat(server.hits("/to-metadata")).isZero();
    }

    @Test
    void robotsDisallowAndCrawlDelayAreHonoured() {
        server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n");
        server.page("/private/page", "text/html", "<html>secret</html>");
        server.page("/public/a", "text/html", "<html>a</html>");
        server.page("/public/b", "text/html", "<html>b</html>");
        FetchResult blocked = fetcher.fetch(server.url("/private/page"));
        assertThat(blocked.status()).isEqualTo(FetchResult.Status.SKIPPED);
        assertThat(blocked.error()).contains("robots.txt");
        assertThat(server.hits("/private/page")).isZero();
        long start = System.nanoTime();
        assertThat(fetcher.fetch(server.url("/public/a")).ok()).isTrue();
        assertThat(fetcher.fetch(server.url("/public/b")).ok()).isTrue();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).isGreaterThanOrEqualTo(900); // one Crawl-delay between the two starts
        assertThat(server.hits("/robots.txt")).isEqualTo(1); // cached
    }

    @Test
    void robotsGroupForOurAgentWins() {
        server.page("/robots.txt", "text/plain", "User-agent: parallaxbot\nDisallow: /\n\nUser-agent: *\nAllow: /\n");
        server.page("/x", "text/html", "<html>x</html>");
        assertThat(fetcher.fetch(server.url("/x")).status()).isEqualTo(FetchResult.Status.SKIPPED);
    }

    @Test
    void perHostConcurrencyIsNeverExceeded() throws Exception {
        server.route("/work", ex -> {
            Thread.sleep(100);
            LoopbackServer.send(ex, 200, "text/html", "<html>w</html>");
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) pool.submit(() -> fetcher.fetch(server.url("/work")));
        }
        assertThat(server.hits("/work")).isEqualTo(20);
        assertThat(server.maxInFlight.get()).isLessThanOrEqualTo(2).isGreaterThanOrEqualTo(1);
        assertThat(fetcher.maxObservedConcurrencyPerHost()).isEqualTo(2);
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        assertThat(HttpFetcher.parseRetryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(HttpFetcher.parseRetryAfter("soon")).isNull();
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

}
