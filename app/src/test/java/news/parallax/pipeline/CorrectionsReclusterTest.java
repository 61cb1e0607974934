package news.parallax.pipeline;

import static news.parallax.pipeline.StoryFixtures.FOUR_STORIES;
import static news.parallax.pipeline.StoryFixtures.article;
import static news.parallax.pipeline.StoryFixtures.partition;
import static news.parallax.pipeline.StoryFixtures.pipeline;
import static news.parallax.pipeline.StoryFixtures.storyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.editor.Corrections;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: an editor's split, merge and move survive a full re-cluster ({@code ingest}) and live passes
 * ({@code crawl}/{@code run}), on SQLite and PostgreSQL, with the real clusterer: articles that arrive later go where
 * the clusterer puts them, and the corrected articles stay where the editor put them.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CorrectionsReclusterTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(data);
    }

    private static final List<Article> FIRST = FOUR_STORIES;

    @Test
    void splitMergeAndMoveSurviveFullReclusteringAndLivePasses() {
        try (Store store = db.open()) {
            store.insert(FIRST);
            Pipeline p = pipeline(store);
            p.recluster(ProgressListener.NONE);
            // What the clusterer does on its own (the premise of the corrections below).
            assertThat(partition(store)).containsExactlyInAnyOrder(Set.of("storm-1", "storm-2", "storm-3"), Set.of("chess-1", "chess-2"),
                    Set.of("quake-1", "quake-2"), Set.of("fire-1", "fire-2"));
            String storm = storyOf(store, "storm-1");
            String chess = storyOf(store, "chess-1");
            String quake = storyOf(store, "quake-1");
            store.addReport(quake, "other", "these two are one story");

            StoredViews views = new StoredViews(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), 1);
            StoryCorrector corrector = new StoryCorrector(store, OutletRegistries.bundled(), views);
            StoryCorrector.Result split = corrector.split(storm, List.of("storm-3"), "ann", "a separate incident");
            corrector.merge(chess, quake, "ann", "");
            corrector.move(List.of("fire-2"), storm, "bob", "wrong story");
            Set<Set<String>> corrected = Set.of(Set.of("storm-1", "storm-2", "fire-2"), Set.of("storm-3"),
                    Set.of("chess-1", "chess-2", "quake-1", "quake-2"), Set.of("fire-1"));
            assertThat(partition(store)).isEqualTo(corrected);
            // Ids follow the permalink rules: the larger part keeps its id, the merged-away id redirects, its report follows.
            assertThat(storyOf(store, "storm-1")).isEqualTo(storm);
            assertThat(split.storyIds()).contains(storm, storyOf(store, "storm-3"));
            assertThat(storyOf(store, "quake-1")).isEqualTo(chess);
            assertThat(store.storyRedirect(quake)).contains(chess);
            assertThat(store.reports(chess)).extracting(r -> r.message()).containsExactly("these two are one story");
            // The views of the changed stories were built at once.
            for (StoryRef r : store.stories(0)) {
                if (!r.articleIds().contains("fire-1")) assertThat(views.isCurrent(r.id())).as("view of " + r.articleIds()).isTrue();
            }
            assertThat(new Corrections(store).all()).extracting(c -> c.kind().key() + " by " + c.editor())
                    .containsExactly("split by ann", "merge by ann", "move by bob");

            // ingest re-clusters the whole store: the corrections are replayed, ids kept.
            p.recluster(ProgressListener.NONE);
            assertThat(partition(store)).isEqualTo(corrected);
            assertThat(storyOf(store, "storm-1")).isEqualTo(storm);
            assertThat(storyOf(store, "quake-1")).isEqualTo(chess);

            // A live process (run/crawl): its first pass clusters the store, later ones only what arrives.
            Pipeline live = pipeline(store);
            live.clusterNew(ProgressListener.NONE);
            assertThat(partition(store)).isEqualTo(corrected);
            store.insert(List.of(
                    article("storm-4", 200, "Storm Hilda: Eastport counts the cost after sea wall breach",
                            "Eastport began counting the cost on Monday after Storm Hilda breached the sea wall and 2,300 were evacuated."),
                    article("chess-3", 210, "Petrova celebrates chess title in Oslo",
                            "Anya Petrova celebrated her world chess title in Oslo a day after beating Lars Vik in the tiebreak."),
                    article("fire-3", 220, "Carrow County wildfire contained after ranchers flee",
                            "Firefighters contained the Carrow County grassland wildfire after ranchers fled with their cattle.")));
            live.clusterNew(ProgressListener.NONE);
            Set<Set<String>> afterPass = Set.of(Set.of("storm-1", "storm-2", "storm-4", "fire-2"), Set.of("storm-3"),
                    Set.of("chess-1", "chess-2", "chess-3", "quake-1", "quake-2"), Set.of("fire-1", "fire-3"));
            assertThat(partition(store)).isEqualTo(afterPass);

            // An editor corrects while the live process runs (another process, say): its next pass keeps the correction.
            corrector.move(List.of("storm-4"), storyOf(store, "storm-3"), "ann", "");
            live.clusterNew(ProgressListener.NONE);
            Set<Set<String>> moved = Set.of(Set.of("storm-1", "storm-2", "fire-2"), Set.of("storm-3", "storm-4"),
                    Set.of("chess-1", "chess-2", "chess-3", "quake-1", "quake-2"), Set.of("fire-1", "fire-3"));
            assertThat(partition(store)).isEqualTo(moved);
            store.insert(List.of(article("fire-4", 300, "Carrow County ranchers return after wildfire",
                    "Ranchers returned to Carrow County farms with their cattle after the grassland wildfire was contained.")));
            live.clusterNew(ProgressListener.NONE);
            Set<Set<String>> last = new HashSet<>(moved);
            last.remove(Set.of("fire-1", "fire-3"));
            last.add(Set.of("fire-1", "fire-3", "fire-4"));
            assertThat(partition(store)).isEqualTo(last);

            // A full re-cluster by a fresh process gives the same stories under the same ids.
            Map<String, String> ids = store.storyMembership();
            pipeline(store).recluster(ProgressListener.NONE);
            assertThat(partition(store)).isEqualTo(last);
            assertThat(store.storyMembership()).isEqualTo(ids);
        }
    }

    @Test
    void badCorrectionsAreRefusedNamingTheInputAndStoreNothing() {
        try (Store store = db.open()) {
            store.insert(FIRST);
            pipeline(store).recluster(ProgressListener.NONE);
            String storm = storyOf(store, "storm-1");
            String chess = storyOf(store, "chess-1");
            StoryCorrector corrector = new StoryCorrector(store, OutletRegistries.bundled(), null);
            Set<Set<String>> before = partition(store);
            assertThatThrownBy(() -> corrector.split(storm, List.of("chess-1"), "ann", "")).hasMessageContaining("article chess-1 is not in story " + storm);
            assertThatThrownBy(() -> corrector.split(storm, List.of("storm-1", "storm-2", "storm-3"), "ann", ""))
                    .hasMessageContaining("at least one article");
            assertThatThrownBy(() -> corrector.merge(storm, storm, "ann", "")).hasMessageContaining("with itself");
            assertThatThrownBy(() -> corrector.merge(storm, "nosuchstory", "ann", "")).hasMessageContaining("no story nosuchstory");
            assertThatThrownBy(() -> corrector.move(List.of("nope"), chess, "ann", "")).hasMessageContaining("no article nope");
            assertThatThrownBy(() -> corrector.move(List.of("chess-2"), chess, "ann", "")).hasMessageContaining("already in story");
            assertThat(partition(store)).isEqualTo(before);
            assertThat(new Corrections(store).all()).isEmpty();
        }
    }
}
