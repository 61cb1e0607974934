package news.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.parallax.SharedData;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Ingest and story listing on each database the store supports. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PipelineTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(data.resolve("db"));
    }

    @Test
    void seedsFormOneStoryAndReingestStoresNothingTwice() throws IOException {
        Path seeds = SharedData.seeds();
        try (Store store = db.open()) {
            Pipeline p = Pipeline.standard(store);
            IngestSummary first = p.ingest(List.of(seeds), ProgressListener.NONE);
            assertThat(first.stored()).isEqualTo(5);
            assertThat(first.rejected()).isEmpty();
            StoryRef biggest = store.stories(1).get(0);
            List<String> locations = new ArrayList<>();
            for (String id : biggest.articleIds()) locations.add(store.article(id).orElseThrow().location());
            assertThat(locations).anyMatch(l -> l.contains("000_")).anyMatch(l -> l.contains("001_"))
                    .anyMatch(l -> l.contains("003_")).anyMatch(l -> l.contains("004_"));

            IngestSummary again = p.ingest(List.of(seeds), ProgressListener.NONE);
            assertThat(again.stored()).isZero();
            assertThat(again.duplicates()).isEqualTo(5);
            assertThat(store.articleCount()).isEqualTo(5);
        }
    }

    @Test
    void badInputsAreReportedAndLeaveStoredArticlesUnchanged() throws IOException {
        Path good = data.resolve("in/good.jsonl");
        Files.createDirectories(good.getParent());
        Files.writeString(good, "{\"id\":\"g1\",\"source\":\"Example Post\",\"title\":\"Dam opens\",\"date\":\"2019-01-01\",\"text\":\""
                + "The new dam on the northern river opened on Tuesday after six years of construction and debate.\"}\n");
        try (Store store = db.open()) {
            Pipeline p = Pipeline.standard(store);
            p.ingest(List.of(good), ProgressListener.NONE);
            Article before = store.article("g1").orElseThrow();

            Path bad = data.resolve("bad");
            Files.createDirectories(bad);
            Files.writeString(bad.resolve("empty.txt"), "");
            Files.write(bad.resolve("binary.html"), new byte[] {0, 1, 2, 3, 0, 5});
            Files.writeString(bad.resolve("broken.jsonl"), "{\"id\":\"g1\",\"title\":\"Replaced\",\"text\":\"x\"\nnot json\n");
            IngestSummary s = p.ingest(List.of(bad, data.resolve("missing-dir")), ProgressListener.NONE);
            assertThat(s.stored()).isZero();
            assertThat(s.rejected()).hasSize(5)
                    .anyMatch(r -> r.contains("empty.txt") && r.contains("empty file"))
                    .anyMatch(r -> r.contains("binary.html"))
                    .anyMatch(r -> r.contains("broken.jsonl:1"))
                    .anyMatch(r -> r.contains("broken.jsonl:2"))
                    .anyMatch(r -> r.contains("missing-dir"));
            assertThat(store.article("g1")).contains(before);
            assertThat(store.articleCount()).isEqualTo(1);
        }
    }

    @Test
    void storeReopensWithItsArticlesAndSchemaOnce() throws IOException {
        Path f = data.resolve("one.jsonl");
        Files.writeString(f, "{\"id\":\"k1\",\"title\":\"Rail strike ends\",\"text\":\"Train drivers ended their strike on Monday "
                + "after the company agreed to a new pay deal worth four percent over two years.\"}\n");
        try (Store store = db.open()) {
            Pipeline.standard(store).ingest(List.of(f), ProgressListener.NONE);
        }
        try (Store store = db.open()) {
            assertThat(store.articleCount()).isEqualTo(1);
            assertThat(store.stories(0)).singleElement().satisfies(s -> assertThat(s.articleIds()).containsExactly("k1"));
        }
    }
}
