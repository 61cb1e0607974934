package news.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15: {@code ingest} in a new process adds its articles online. The stream resumes from the stories the new
 * articles could join (not the whole store), and the stories end as a full re-cluster gives them.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class IncrementalIngestTest {
    private static final Instant T0 = Instant.parse("2019-01-07T08:00:00Z");
    private static final long DAY = 24 * 60;

    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    private static Article article(String id, long minutes, String title, String text) {
        return new Article(id, "Outlet " + id, null, null, title, T0.plusSeconds(60 * minutes), List.of(), text, "test", "en", Map.of());
    }

    private static Pipeline pipeline(Store store) {
        return new Pipeline(store, HtmlExtractors.standard(),
                new StandardStoryClusterer(ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null));
    }

    /** The total of each "clustering" report at its start: how many articles a pass clustered. */
    private static final class Totals implements ProgressListener {
        final List<Long> totals = new ArrayList<>();

        @Override
        public void progress(String stage, long done, long total) {
            if (stage.equals("clustering") && done == 0) totals.add(total);
        }
    }

    @Test
    void aNewProcessAddsArticlesFromTheOpenStoriesOnAndEndsAsAFullRecluster() throws Exception {
        try (Store store = database.fresh(data).open()) {
            // Two months ago: stories long closed. This week: the flood story, still open.
            List<Article> old = new ArrayList<>();
            for (int i = 0; i < 12; i++)
                old.add(article("old-" + i, i * 60L, "Council of district " + i + " approves budget number " + i,
                        "The council of district " + i + " approved budget number " + i + " after a debate about roads and "
                                + "schools number " + (i * 7) + "."));
            store.insert(old);
            store.insert(List.of(article("flood-1", 60 * DAY, "Storm floods harbour town of Eastport",
                    "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 residents from their homes.")));
            pipeline(store).recluster(ProgressListener.NONE);
            int storiesBefore = store.storyCount();

            // `ingest` of a file in a new process: a fresh pipeline.
            Path file = data.resolve("new.jsonl");
            Files.writeString(file, "{\"id\":\"flood-2\",\"source\":\"Outlet flood-2\",\"url\":\"https://example.org/flood-2\","
                    + "\"title\":\"Eastport evacuates 2,300 as Storm Hilda breaches sea wall\",\"date\":\"2019-03-08T09:00:00Z\","
                    + "\"text\":\"Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall.\"}\n");
            Totals totals = new Totals();
            IngestSummary s = pipeline(store).ingest(List.of(file), totals);

            assertThat(s.stored()).isEqualTo(1);
            assertThat(totals.totals).as("the open flood story's article and the new one, not the closed stories").containsExactly(2L);
            assertThat(store.storyCount()).isEqualTo(storiesBefore);
            assertThat(store.storyMembership().get("flood-2")).isEqualTo(store.storyMembership().get("flood-1"));
            assertThat(store.hasArticlesOutsideStories()).isFalse();
            List<StoryRef> online = store.stories(0);

            pipeline(store).recluster(ProgressListener.NONE);
            assertThat(store.stories(0)).as("the same stories as a full re-cluster").isEqualTo(online);
        }
    }
}
