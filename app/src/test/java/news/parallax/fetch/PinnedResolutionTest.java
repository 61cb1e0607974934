package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding against real loopback servers (issue 19): the fetcher resolves a name once per hop,
 * checks the answer and connects to exactly that answer. Two servers share one port: the "public"
 * one on 127.0.0.2 (public by this test's rule, as no test can serve a real public address) and the
 * "internal" one on 127.0.0.1, which must never be reached while private addresses are refused.
 */
class PinnedResolutionTest {
    private static final String HOST = "news.rebind.test";
    /** Stands in for a public address; every other address is private as usual. */
    private static final Predicate<InetAddress> TEST_PUBLIC =
            a -> a.getHostAddress().equals("127.0.0.2") || AddressGuard.isPublic(a);

    private LoopbackServer outside;
    private LoopbackServer internal;

    @TempDir
    java.nio.file.Path data;

    @BeforeEach
    void start() throws Exception {
        outside = new LoopbackServer("127.0.0.2");
        internal = new LoopbackServer("127.0.0.1", outside.port());
        internal.page("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        for (String path : List.of("/page", "/start", "/next")) internal.page(path, "text/html", "<html>INTERNAL SECRET</html>");
        outside.page("/page", "text/html", "<html>outside page</html>");
        outside.route("/start", ex -> {
            ex.getResponseHeaders().set("Location", "http://" + HOST + ":" + outside.port() + "/next");
            ex.sendResponseHeaders(302, -1);
        });
        outside.page("/next", "text/html", "<html>outside next</html>");
    }

    @AfterEach
    void stop() {
        outside.close();
        internal.close();
    }

    /** A DNS server under the test's control: the n-th question (from 1) gets {@code answer.apply(n)}. */
    private static final class RebindingResolver implements HostResolver {
        final AtomicInteger questions = new AtomicInteger();
        final IntFunction<String> answer;

        RebindingResolver(IntFunction<String> answer) {
            this.answer = answer;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            if (!host.toLowerCase(Locale.ROOT).equals(HOST)) throw new UnknownHostException(host);
            return List.of(InetAddress.getByName(answer.apply(questions.incrementAndGet())));
        }
    }

    private static HttpFetcher strictFetcher(HostResolver resolver) {
        FetchConfig config = HttpFetcherTest.testConfig().withAllowPrivate(false);
        return new HttpFetcher(config, new AddressGuard(false, resolver, TEST_PUBLIC));
    }

    private String url(String path) {
        return "http://" + HOST + ":" + outside.port() + path;
    }

    @Test
    void answerThatFlipsAfterTheCheckIsNeverConnectedTo() {
        // Public on every odd question, private on every even one: a fetcher that resolves again to
        // connect would reach the internal server with its second question.
        RebindingResolver dns = new RebindingResolver(n -> n % 2 == 1 ? "127.0.0.2" : "127.0.0.1");
        try (HttpFetcher fetcher = strictFetcher(dns)) {
            // Question 1 checks the page's host (public); question 2, for robots.txt, is refused as
            // private; the page itself is then fetched from the address question 1 checked.
            FetchResult r = fetcher.fetch(url("/page"));
            assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<html>outside page</html>");
            // The next fetch asks again (question 3, public): still only the outside server answers.
            assertThat(new String(fetcher.fetch(url("/page")).body(), StandardCharsets.UTF_8)).isEqualTo("<html>outside page</html>");
            // Question 4 is private: refused, and marked so that it is not remembered as done.
            FetchResult refused = fetcher.fetch(url("/page"));
            assertThat(refused.status()).isEqualTo(FetchResult.Status.SKIPPED);
            assertThat(refused.addressRefused()).isTrue();
            assertThat(refused.error()).contains("non-public address 127.0.0.1");
        }
        assertThat(outside.hits("/page")).isEqualTo(2);
        assertThat(internal.hits("/robots.txt") + internal.hits("/page")).isZero();
        assertThat(dns.questions.get()).isEqualTo(4);
    }

    @Test
    void everyHopConnectsToTheAddressItCheckedRedirectsIncluded() {
        // Public for three questions (robots.txt, /start, /next), private after: one question per hop.
        RebindingResolver dns = new RebindingResolver(n -> n <= 3 ? "127.0.0.2" : "127.0.0.1");
        try (HttpFetcher fetcher = strictFetcher(dns)) {
            FetchResult r = fetcher.fetch(url("/start"));
            assertThat(r.status()).isEqualTo(FetchResult.Status.OK);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<html>outside next</html>");
            assertThat(r.redirects()).containsExactly(url("/next"));
        }
        assertThat(dns.questions.get()).isEqualTo(3);
        assertThat(outside.hits("/start")).isEqualTo(1);
        assertThat(outside.hits("/next")).isEqualTo(1);
        assertThat(internal.hits("/start") + internal.hits("/next") + internal.hits("/robots.txt")).isZero();
    }

    @Test
    void connectionGoesToTheResolvedAddressNotToTheSystemDns() {
        // The name exists nowhere but in this resolver: a fetch that works proves the client used its answer.
        RebindingResolver dns = new RebindingResolver(n -> "127.0.0.2");
        FetchConfig config = HttpFetcherTest.testConfig();
        try (HttpFetcher fetcher = new HttpFetcher(config, new AddressGuard(true, dns, AddressGuard::isPublic))) {
            for (int i = 0; i < 3; i++) {
                assertThat(new String(fetcher.fetch(url("/page")).body(), StandardCharsets.UTF_8)).isEqualTo("<html>outside page</html>");
            }
        }
        assertThat(outside.hits("/page")).isEqualTo(3);
        assertThat(internal.hits("/page")).isZero();
    }

    @Test
    void urlRefusedAsPrivateIsNotRememberedAndAllowPrivateFetchesIt() throws Exception {
        internal.page("/story", "text/html; charset=utf-8", KillMidCrawlTest.articlePage(7));
        String page = "http://127.0.0.1:" + internal.port() + "/story";
        try (Store store = Store.open(data)) {
            try (LiveIngest strict = live(store, false)) {
                LiveIngest.Pass refused = strict.ingestUrls(List.of(page), ProgressListener.NONE);
                assertThat(refused.report().articlesStored()).isZero();
                assertThat(refused.report().errors()).anyMatch(e -> e.contains("--allow-private"));
            }
            assertThat(internal.hits("/story")).isZero();
            assertThat(FeedStore.of(store).findItem(page)).hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(FeedItem.Status.PENDING));
            try (LiveIngest allowed = live(store, true)) {
                LiveIngest.Pass fetched = allowed.ingestUrls(List.of(page), ProgressListener.NONE);
                assertThat(fetched.report().articlesStored()).isEqualTo(1);
            }
            assertThat(internal.hits("/story")).isEqualTo(1);
            assertThat(store.articleCount()).isEqualTo(1);
            assertThat(FeedStore.of(store).findItem(page)).hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(FeedItem.Status.DONE));
        }
    }

    @Test
    void feedLinkRefusedAsPrivateIsFetchedByALaterCrawlThatAllowsIt() throws Exception {
        internal.page("/a", "text/html; charset=utf-8", KillMidCrawlTest.articlePage(3));
        String link = "http://127.0.0.1:" + internal.port() + "/a";
        try (Store store = Store.open(data)) {
            FeedStore feeds = FeedStore.of(store);
            feeds.addSource("http://127.0.0.1:" + internal.port() + "/feed", FeedSource.Kind.FEED, "wire.example", "Wire",
                    CrawlSettings.defaults().defaultInterval(), java.time.Instant.now());
            feeds.addItems("http://127.0.0.1:" + internal.port() + "/feed",
                    List.of(new FeedEntry(link, null, "A", null)), java.time.Instant.now());
            try (LiveIngest strict = live(store, false)) {
                strict.crawlOnce(true, ProgressListener.NONE);
            }
            assertThat(internal.hits("/a")).isZero();
            assertThat(feeds.findItem(link)).hasValueSatisfying(i -> {
                assertThat(i.status()).isEqualTo(FeedItem.Status.PENDING);
                assertThat(i.attempts()).isZero();
                assertThat(i.lastError()).contains("--allow-private");
            });
            try (LiveIngest allowed = live(store, true)) {
                allowed.crawlOnce(true, ProgressListener.NONE);
            }
            assertThat(internal.hits("/a")).isEqualTo(1);
            assertThat(feeds.findItem(link)).hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(FeedItem.Status.DONE));
        }
    }

    private static LiveIngest live(Store store, boolean allowPrivate) {
        FetchConfig config = FetchConfig.defaults().withAllowPrivate(allowPrivate).withPerHost(2, Duration.ZERO)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new LiveIngest(store, Pipeline.standard(store), config, CrawlSettings.defaults(), Clock.systemUTC());
    }
}
