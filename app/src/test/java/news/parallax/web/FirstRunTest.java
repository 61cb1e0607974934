package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;
import news.parallax.outlets.EmptyRegistry;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first run with no article: the home page (and run's console) say why in one line, from the feed statuses. */
class FirstRunTest {
    @TempDir
    Path dir;

    private static void addFailing(FeedStore feeds, int n, String error) throws Exception {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < n; i++) {
            String url = "https://outlet" + i + ".example/feed";
            feeds.addSource(url, FeedSource.Kind.FEED, null, "", Duration.ofMinutes(30), now);
            feeds.recordFailure(url, now, url + ": " + error.replace("HOST", "outlet" + i + ".example"), now.plusSeconds(300));
        }
    }

    @Test
    void allFeedsFailingOnUnknownHostsReadsAsNoNetwork() throws Exception {
        try (Store store = Store.open(dir.resolve("data"))) {
            FeedStore feeds = FeedStore.of(store);
            addFailing(feeds, 81, "unknown host HOST");
            assertThat(FirstRun.explain(feeds.sources())).isEqualTo("81 feeds, all failing: unknown host — no network?");
            assertThat(WebServer.firstRunLine(store)).hasValue("81 feeds, all failing: unknown host — no network?");
            try (WebServer web = WebServer.start(store, new DefaultStoryAnalyzer(new EmptyRegistry()), "127.0.0.1", 0)) {
                HttpResponse<String> home = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).contains("81 feeds, all failing: unknown host — no network?", "./parallax demo", "./parallax ingest");
            }
        }
    }

    @Test
    void mixedFailuresNameTheCommonestAndSayNothingWasFetched() throws Exception {
        try (Store store = Store.open(dir.resolve("data"))) {
            FeedStore feeds = FeedStore.of(store);
            addFailing(feeds, 3, "HTTP 503");
            feeds.addSource("https://new.example/feed", FeedSource.Kind.FEED, null, "", Duration.ofMinutes(30), Instant.now());
            assertThat(FirstRun.explain(feeds.sources())).isEqualTo("4 feeds: 3 failing (HTTP errors), none fetched yet.");
        }
    }

    @Test
    void noFeedAtAllSaysHowToAddThem() {
        assertThat(FirstRun.explain(java.util.List.of())).contains("no feed configured", "./parallax feeds import --defaults");
    }
}
