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

    /**
     * Issue 15, session 12: the product clusterer's vectors are kept in the store, so the clusterer itself keeps a
     * batch's worth, not one per article it embedded (the soak's clusterer grew about 2 KB an article this way, up to
     * 60,000 articles). Every article still has its vector, in the store.
     */
    @Test
    void aLiveClustererKeepsItsEmbeddingsInTheStoreNotInItsHeap() {
        SyntheticStream days = new SyntheticStream(Instant.parse("2021-01-04T00:00:00Z"), 8, 3);
        try (Store store = Store.open(data)) {
            StandardStoryClusterer clusterer = (StandardStoryClusterer) Pipelines.standardClusterer(store, ClusterConfig.defaults());
            assertThat(clusterer.config().embeddings()).isEqualTo(ClusterConfig.EmbeddingUse.ALL);
            Pipeline pipeline = new Pipeline(store, HtmlExtractors.standard(), clusterer);
            List<Article> all = new ArrayList<>();
            long mostKept = 0;
            for (int d = 0; d < 60; d++) {
                List<Article> day = days.nextDay();
                all.addAll(day);
                store.insert(day);
                pipeline.clusterNew(ProgressListener.NONE);
                mostKept = Math.max(mostKept, clusterer.cachedEmbeddings());
            }
            assertThat(store.hasArticlesOutsideStories()).as("every article saved in a story").isFalse();
            java.util.Set<String> keys = new java.util.HashSet<>();
            // The stored articles' texts (the store refuses copies of a stored text; their vectors are the original's).
            for (Article a : all)
                if (store.article(a.id()).isPresent()) keys.add(StoredEmbeddings.key(Pipelines.EMBEDDING_MODEL, news.parallax.cluster.Embedder.textOf(a)));
            assertThat(store.embeddings(keys)).as("every text's vector, in the store").hasSize(keys.size());
            assertThat(keys.size()).as("texts embedded").isGreaterThan(2 * StandardStoryClusterer.BATCH_CACHED_EMBEDDINGS);
            assertThat(mostKept).as("vectors the clusterer held after a pass").isLessThanOrEqualTo(StandardStoryClusterer.BATCH_CACHED_EMBEDDINGS);
        }
    }
}
