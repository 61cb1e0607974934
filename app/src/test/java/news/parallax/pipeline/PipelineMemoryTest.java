package news.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.cluster.SyntheticStream;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: a long-running pipeline holds the articles of the last few quiet periods, dated or not, not all it saw. */
class PipelineMemoryTest {
    @TempDir
    java.nio.file.Path data;

    @Test
    void dailyPassesHoldOnlyTheOpenWindowsArticles() {
        SyntheticStream days = new SyntheticStream(Instant.parse("2021-01-04T00:00:00Z"), 8, 3);
        try (Store store = Store.open(data)) {
            Pipeline pipeline = new Pipeline(store, HtmlExtractors.standard(),
                    new StandardStoryClusterer(ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null));
            List<Integer> held = new ArrayList<>();
            int stored = 0, perDay = 0;
            for (int d = 0; d < 60; d++) {
                List<Article> day = days.nextDay();
                perDay = Math.max(perDay, day.size());
                stored += store.insert(day);
                pipeline.clusterNew(ProgressListener.NONE);
                held.add(pipeline.articlesInMemory());
            }
            assertThat(store.hasArticlesOutsideStories()).as("every article saved in a story").isFalse();
            assertThat(stored).as("articles stored (the store refuses the copies: same text)").isGreaterThan(1_200);
            // The open window is two quiet periods (8 days); a day's articles on either side of it are allowed for.
            int window = (2 * 4 + 2) * perDay;
            assertThat(held.subList(20, held.size())).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(window));
            assertThat(held.getLast()).as("held after 60 days, against %d stored", stored).isLessThan(stored / 4);
        }
    }
}
