package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19: a web node's reading of the store follows saves made through another connection (another process, or
 * another node on the same PostgreSQL) within one poll, and its change probe stays still while nothing is written.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StoreStampsTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    @Test
    void aSaveThroughAnotherConnectionIsReadWithinOnePoll() throws Exception {
        TestDatabase.Fresh db = database.fresh(dir);
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id":"a1","source":"Left Daily","url":"https://left.example/a","title":"Dam opens","date":"2019-01-01","text":"The new dam on the northern river opened on Tuesday after six years of construction and debate."}
                """);
        try (Store node = db.open(); StoreStamps stamps = new StoreStamps(node)) {
            assertThat(stamps.now().byStory()).isEmpty();
            String generation = stamps.now().generation();
            String probe = node.changeProbe();
            assertThat(node.changeProbe()).as("nothing written: the probe stays").isEqualTo(probe);

            try (Store writer = db.open()) {
                Pipeline.standard(writer).ingest(List.of(in), ProgressListener.NONE);
            }
            assertThat(node.changeProbe()).as("another connection committed").isNotEqualTo(probe);
            long deadline = System.nanoTime() + StoreStamps.POLL.toNanos() * 5;
            // The poller may have read the stories saved before their views: the views' commit moves the probe again.
            while (!hasViews(stamps.now()) && System.nanoTime() < deadline) Thread.sleep(20);

            StoreStamps.Snapshot s = stamps.now();
            assertThat(s.byStory()).hasSize(1);
            assertThat(s.generation()).isNotEqualTo(generation);
            String id = node.storyIds().get(0);
            assertThat(s.story(id)).isNotNull();
            assertThat(s.story(id).hasView()).as("the views the ingest stored after its stories, within one poll").isTrue();
            assertThat(stamps.refresh().generation()).as("an unchanged store reads the same").isEqualTo(s.generation());
        }
    }

    private static boolean hasViews(StoreStamps.Snapshot s) {
        return !s.byStory().isEmpty() && s.byStory().values().stream().allMatch(st -> st.hasView());
    }
}
