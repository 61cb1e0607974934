package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import news.parallax.model.Article;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The live sink against a real store: stored once, tied to the source's outlet, non-articles skipped. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PipelineSinkTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(data);
    }

    private static FetchedArticle page(String url, String html) {
        return new FetchedArticle(url, url + "?moved=1", html.getBytes(StandardCharsets.UTF_8), "utf-8", "bbc.co.uk",
                "Feed headline", Instant.parse("2024-10-23T08:00:00Z"), "https://feeds.bbci.co.uk/news/world/rss.xml");
    }

    @Test
    void storesOnceEvenWhenHandedOverTwice() {
        try (Store store = db.open()) {
            PipelineSink sink = PipelineSink.standard(store);
            String url = "https://www.bbc.com/news/articles/c1";
            ArticleSink.Outcome first = sink.accept(page(url, KillMidCrawlTest.articlePage(1)));
            ArticleSink.Outcome again = sink.accept(page(url, KillMidCrawlTest.articlePage(1)));
            assertThat(first.stored()).isTrue();
            assertThat(again.stored()).isTrue();
            assertThat(again.articleId()).isEqualTo(first.articleId());
            assertThat(store.articleCount()).isEqualTo(1);
            assertThat(sink.storedCount()).isEqualTo(1);
            Article a = store.article(first.articleId()).orElseThrow();
            assertThat(a.url()).isEqualTo(url);
            assertThat(a.outlet()).isEqualTo("bbc.co.uk");
            assertThat(a.domain()).isEqualTo("bbc.com");
            assertThat(a.extra()).containsEntry("feed", "https://feeds.bbci.co.uk/news/world/rss.xml");
            assertThat(a.text()).contains("dispatch 1 paragraph 0");
        }
    }

    @Test
    void sameTextUnderAnotherUrlIsSkippedAndShortPagesAreNotArticles() {
        try (Store store = db.open()) {
            PipelineSink sink = PipelineSink.standard(store);
            assertThat(sink.accept(page("https://e.org/a", KillMidCrawlTest.articlePage(2))).stored()).isTrue();
            ArticleSink.Outcome copy = sink.accept(page("https://e.org/syndicated-copy", KillMidCrawlTest.articlePage(2)));
            assertThat(copy.stored()).isFalse();
            assertThat(copy.reason()).contains("same text");
            ArticleSink.Outcome tiny = sink.accept(page("https://e.org/front", "<html><body><p>Login</p></body></html>"));
            assertThat(tiny.stored()).isFalse();
            assertThat(store.articleCount()).isEqualTo(1);
        }
    }
}
