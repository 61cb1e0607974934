package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import news.parallax.model.Article;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real news pages (Fundus dev set) served gzipped over loopback, through the pipeline into a real store. */
class LiveIngestTest {
    private static final int PAGES = 8;

    @TempDir
    Path data;

    @Test
    void singleUrlsAreFetchedOnceAndOnlyThem() throws Exception {
        try (LoopbackServer server = new LoopbackServer(); Store store = Store.open(data)) {
            for (int i = 0; i < 3; i++) server.page("/p/" + i, "text/html", KillMidCrawlTest.articlePage(100 + i));
            server.page("/feed", "application/rss+xml", "<rss version=\"2.0\"><channel><title>F</title></channel></rss>");
            try (LiveIngest live = new LiveIngest(store, Pipeline.standard(store), HttpFetcherTest.testConfig(),
                    CrawlSettings.defaults(), Clock.systemUTC())) {
                live.feeds().addSource(server.url("/feed"), FeedSource.Kind.FEED, null, "", Duration.ofMinutes(30), Instant.now());
                LiveIngest.Pass pass = live.ingestUrls(List.of(server.url("/p/0?utm_source=x"), server.url("/p/1"),
                        "mailto:someone@example.org"), ProgressListener.NONE);
                assertThat(pass.report().articlesStored()).isEqualTo(2);
                assertThat(pass.report().errors()).singleElement().asString().contains("mailto:");
                assertThat(server.hits("/feed")).isZero(); // only the given URLs
                assertThat(live.ingestUrls(List.of(server.url("/p/0")), ProgressListener.NONE).report().articlesStored())
                        .isZero();
                assertThat(server.hits("/p/0")).isEqualTo(1);
                assertThat(store.articleCount()).isEqualTo(2);
                assertThat(live.feeds().findSource(server.url("/p/1")).orElseThrow().kind()).isEqualTo(FeedSource.Kind.PAGE);

                // A later pass adds its article to the live stream; stories then cover every stored article
                // once, as a fresh re-cluster of the store would.
                assertThat(live.ingestUrls(List.of(server.url("/p/2")), ProgressListener.NONE).report().articlesStored()).isEqualTo(1);
                List<news.parallax.model.StoryRef> online = store.stories(0);
                assertThat(online.stream().flatMap(st -> st.articleIds().stream())).hasSize(3).doesNotHaveDuplicates();
                Pipeline.standard(store).recluster(ProgressListener.NONE);
                assertThat(store.stories(0)).isEqualTo(online);
            }
        }
    }

    @Test
    void realPagesBecomeStoredArticlesAndStories() throws Exception {
        Path fundus = Path.of("../shared/data/extraction-dev/fundus/us");
        Assumptions.assumeTrue(Files.isDirectory(fundus), "skipped: ../shared/data/extraction-dev/fundus/us is absent");
        List<Path> pages;
        try (Stream<Path> s = Files.list(fundus)) {
            pages = s.filter(p -> p.toString().endsWith(".html.gz")).sorted().limit(PAGES).toList();
        }
        Assumptions.assumeTrue(pages.size() == PAGES, "skipped: fewer than " + PAGES + " pages in " + fundus);
        try (LoopbackServer server = new LoopbackServer(); Store store = Store.open(data)) {
            StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>US</title>");
            for (int i = 0; i < pages.size(); i++) {
                byte[] gz = Files.readAllBytes(pages.get(i));
                server.route("/news/" + i, ex -> {
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    LoopbackServer.send(ex, 200, "text/html", gz);
                });
                rss.append("<item><title>Feed title ").append(i).append("</title><link>").append(server.url("/news/" + i))
                        .append("?utm_campaign=x</link></item>");
            }
            server.page("/rss", "application/rss+xml", rss.append("</channel></rss>").toString());
            FetchConfig config = HttpFetcherTest.testConfig().withMaxBodyBytes(FetchConfig.DEFAULT_MAX_BODY_BYTES);
            try (LiveIngest live = new LiveIngest(store, Pipeline.standard(store), config, CrawlSettings.defaults(),
                    Clock.systemUTC())) {
                live.feeds().addSource(server.url("/rss"), FeedSource.Kind.FEED, "us-pages.example", "US",
                        CrawlSettings.defaults().defaultInterval(), Instant.now());
                LiveIngest.Pass pass = live.crawlOnce(ProgressListener.NONE);
                CrawlReport r = pass.report();
                assertThat(r.errors()).isEmpty();
                assertThat(r.articlesStored() + r.articlesSkipped()).isEqualTo(PAGES);
                assertThat(r.articlesStored()).isGreaterThanOrEqualTo(PAGES / 2);
                assertThat(pass.stories()).isPositive();
                assertThat(store.articleCount()).isEqualTo(r.articlesStored());
                List<Article> stored = new java.util.ArrayList<>();
                store.forEachArticleByTime(stored::add);
                assertThat(stored).allSatisfy(a -> {
                    assertThat(a.url()).startsWith(server.url("/news/")).doesNotContain("utm_");
                    assertThat(a.outlet()).isEqualTo("us-pages.example");
                    assertThat(a.title()).isNotBlank();
                    assertThat(a.paragraphs()).isNotEmpty();
                    assertThat(a.extra()).containsEntry("feed", server.url("/rss"));
                });
            }
        }
    }
}
