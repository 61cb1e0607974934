package news.parallax.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The thread stage on each database: first run, incremental passes that touch only changed stories, stable ids. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StoryThreadsStoreTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;
    /** What the fake profile source answers per story: subjects and a 2-d direction. */
    private final Map<String, float[]> vectors = new HashMap<>();
    private final List<String> profiled = new ArrayList<>();

    @BeforeEach
    void fresh() {
        db = database.fresh(dir.resolve("db"));
    }

    private static Article article(String id, String day) {
        return new Article(id, "Outlet " + id, null, "https://example.org/" + id, "Title " + id, Instant.parse(day + "T12:00:00Z"), List.of(),
                "Body of article " + id + ".", "test:" + id, "en", Map.of());
    }

    private static StoredStory story(String id, String title, Map<String, String> articleDays) {
        List<String> ids = new ArrayList<>(articleDays.keySet());
        Instant first = articleDays.values().stream().map(d -> Instant.parse(d + "T12:00:00Z")).min(Instant::compareTo).orElseThrow();
        Instant last = articleDays.values().stream().map(d -> Instant.parse(d + "T12:00:00Z")).max(Instant::compareTo).orElseThrow();
        return new StoredStory(new StoryRef(id, title, ids.size(), ids.size(), first, last, ids), Map.of(), Map.of());
    }

    private ProfileSource source(Store store) {
        return id -> {
            profiled.add(id);
            StoryRef r = store.storyRef(id).orElse(null);
            if (r == null || r.firstSeen() == null) return Optional.empty();
            float[] v = vectors.getOrDefault(id, new float[] {0, 1});
            return Optional.of(new StoryProfile(id, r.title(), r.firstSeen(), r.lastSeen(), r.sourceCount(), List.of("emergency", "border"),
                    StoryProfile.centroid(List.of(v))));
        };
    }

    @Test
    void storiesThatContinueOneAnotherFormAThreadThatKeepsItsIdAsItChanges() {
        try (Store store = db.open()) {
            store.insert(List.of(article("a1", "2019-02-15"), article("a2", "2019-02-16"), article("b1", "2019-02-20"),
                    article("b2", "2019-02-26"), article("c1", "2019-02-20"), article("e1", "2019-03-01")));
            vectors.put("A", new float[] {1, 0.1f});
            vectors.put("B", new float[] {1, 0.2f});
            vectors.put("C", new float[] {0, 1}); // same days, another subject in meaning: never linked
            vectors.put("E", new float[] {1, 0.25f});
            store.replaceStories(List.of(story("A", "Emergency declared", Map.of("a1", "2019-02-15", "a2", "2019-02-16")),
                    story("B", "House votes against the emergency", Map.of("b1", "2019-02-20", "b2", "2019-02-26")),
                    story("C", "Oscars night", Map.of("c1", "2019-02-20"))));
            ThreadStore threads = new ThreadStore(store);
            StoryThreads stage = new StoryThreads(threads, ThreadSettings.DEFAULTS);

            StoryThreads.Update first = stage.update(source(store));
            assertThat(first.profiled()).isEqualTo(3);
            assertThat(first.threads()).isEqualTo(1);
            StoryThread t = threads.threadOfStory("B").orElseThrow();
            assertThat(t.storyIds()).containsExactly("A", "B");
            assertThat(t.title()).isEqualTo("House votes against the emergency");
            assertThat(threads.threadOfStory("C")).isEmpty();
            assertThat(threads.thread(t.id())).contains(t);

            // Nothing changed: nothing is profiled again.
            profiled.clear();
            assertThat(stage.update(source(store)).profiled()).isZero();
            assertThat(profiled).isEmpty();

            // A live pass adds story E, which continues B: only E is profiled, and the thread grows under its id.
            store.updateStories(List.of(story("E", "Senate votes against the emergency", Map.of("e1", "2019-03-01"))));
            profiled.clear();
            StoryThreads.Update pass = stage.update(source(store));
            assertThat(profiled).containsExactly("E");
            assertThat(pass.profiled()).isEqualTo(1);
            assertThat(threads.thread(t.id()).orElseThrow().storyIds()).containsExactly("A", "B", "E");

            // Story A goes (re-clustered away): its profile and link go, and B-E keep the thread's id.
            store.replaceStories(List.of(story("B", "House votes against the emergency", Map.of("b1", "2019-02-20", "b2", "2019-02-26")),
                    story("C", "Oscars night", Map.of("c1", "2019-02-20")),
                    story("E", "Senate votes against the emergency", Map.of("e1", "2019-03-01"))));
            stage.update(source(store));
            assertThat(threads.thread(t.id()).orElseThrow().storyIds()).containsExactly("B", "E");
            assertThat(threads.threadOfStory("A")).isEmpty();
            assertThat(threads.counts()).isEqualTo(new ThreadStore.Counts(1, 2));
        }
    }

    @Test
    void threadsSurviveReopeningTheStoreAndComputeMatchesTheStoredOnes() {
        String id;
        try (Store store = db.open()) {
            store.insert(List.of(article("a1", "2019-02-15"), article("b1", "2019-02-18")));
            vectors.put("A", new float[] {1, 0});
            vectors.put("B", new float[] {1, 0.1f});
            store.replaceStories(List.of(story("A", "Declared", Map.of("a1", "2019-02-15")), story("B", "Voted", Map.of("b1", "2019-02-18"))));
            new StoryThreads(new ThreadStore(store), ThreadSettings.DEFAULTS).update(source(store));
            id = new ThreadStore(store).threadOfStory("A").orElseThrow().id();
        }
        try (Store store = db.open()) {
            ThreadStore threads = new ThreadStore(store);
            assertThat(threads.thread(id).orElseThrow().storyIds()).containsExactly("A", "B");
            List<StoryThread> computed = StoryThreads.compute(threads.profiles(null).values(), ThreadSettings.DEFAULTS);
            assertThat(computed).singleElement().extracting(StoryThread::storyIds).isEqualTo(List.of("A", "B"));
            // Links of the two stories' profiles survive the round trip through the database (vectors included).
            assertThat(threads.profiles(null).get("B").centroid()).hasSize(2);
        }
    }
}
