package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStatusPageTest {
    @TempDir
    Path dir;

    @Test
    void failingSourcesComeFirstAndErrorsAreEscaped() throws Exception {
        try (news.parallax.store.Database db = news.parallax.store.Database.open("jdbc:sqlite:" + dir.resolve("s.db"))) {
            FeedStore feeds = new FeedStore(db);
            Instant now = Instant.parse("2026-11-23T10:00:00Z");
            feeds.addSource("https://good.example/feed", FeedSource.Kind.FEED, null, "", Duration.ofMinutes(30), now);
            feeds.addSource("https://bad.example/feed", FeedSource.Kind.FEED, null, "", Duration.ofMinutes(30), now);
            feeds.recordFailure("https://bad.example/feed", now, "https://bad.example/feed: <script>alert(1)</script>",
                    now.plus(Duration.ofMinutes(5)));
            String html = FeedStatusPage.render(feeds, now);
            assertThat(html).contains("2 sources, 1 failing");
            assertThat(html.indexOf("bad.example")).isLessThan(html.indexOf("good.example"));
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        }
    }
}
