package news.parallax.pipeline;

import static news.parallax.pipeline.StoryFixtures.article;
import static news.parallax.pipeline.StoryFixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

/** Live passes cluster only what they stored, and end with the stories a full re-cluster gives. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class OnlineClusteringTest {
    @Parameter
    TestDatabase database;

    @TempDir
    java.nio.file.Path data;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(data);
    }

    /** Records the total of each "clustering" progress report: how many articles a pass clustered. */
    private static final class Totals implements ProgressListener {
        final List<Long> totals = new ArrayList<>();

        @Override
        public void progress(String stage, long done, long total) {
            if (stage.equals("clustering") && done == 0) totals.add(total);
        }
    }

    /** Two articles about two events: the first pass makes two stories of them. */
    private static List<Article> floodAndChess() {
        return List.of(
                article("flood-1", 0, "Storm floods harbour town of Eastport",
                        "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 residents from their homes."),
                article("chess-1", 10, "Petrova wins world chess title in Oslo",
                        "Anya Petrova won the world chess championship in Oslo on Sunday, beating Lars Vik in a rapid tiebreak."));
    }

    @Test
    void laterPassesClusterOnlyNewArticlesAndMatchAFullRecluster() {
        try (Store store = db.open()) {
            Pipeline live = pipeline(store);
            store.insert(floodAndChess());
            Totals first = new Totals();
            assertThat(live.clusterNew(first)).isEqualTo(2);
            assertThat(first.totals).containsExactly(2L);

            store.insert(List.of(
                    article("flood-2", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                            "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall."),
                    article("chess-2", 120, "Vik loses chess crown to Petrova after Oslo tiebreak",
                            "Lars Vik lost his world chess title to Anya Petrova in Oslo after a rapid tiebreak."),
                    article("quake-1", 150, "Earthquake shakes mountain villages of Altavia",
                            "A magnitude 6.1 earthquake shook the mountain villages of Altavia before dawn, cutting power to 40,000 homes.")));
            Totals second = new Totals();
            assertThat(live.clusterNew(second)).isEqualTo(3);
            assertThat(second.totals).as("only the three new articles are clustered").containsExactly(3L);
            List<StoryRef> online = store.stories(0);

            pipeline(store).recluster(ProgressListener.NONE);
            List<StoryRef> full = store.stories(0);
            assertThat(online).isEqualTo(full);
            assertThat(full).anySatisfy(s -> assertThat(s.articleIds()).containsExactly("flood-1", "flood-2"));
        }
    }

    /**
     * A pass saves only the stories it changed, yet ends where a full re-cluster does: the report story
     * is merged into the preview's (a late join), so its row must go; and a flood report published
     * before the stored story's first article joins it, which keeps the story's id (issue 19; ids used to follow the earliest member).
     */
    @Test
    void aPassThatMergesAndRenamesStoriesSavesWhatAFullReclusterWould() {
        try (Store store = db.open()) {
            Pipeline live = pipeline(store);
            long day = 24 * 60;
            store.insert(List.of(
                    article("flood-1", 0, "Storm floods harbour town of Eastport",
                            "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 residents from their homes."),
                    article("flood-2", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                            "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall."),
                    article("preview", 0, "Petrova and Vik play for the Oslo crown",
                            "Anya Petrova and Lars Vik play in Oslo this week, with a prize fund of 2 million euros."),
                    article("report-1", day, "Petrova wins on tiebreak after twelve drawn games",
                            "Petrova won the rapid tiebreak after twelve drawn classical games, her coach Ivan Sorel said.")));
            assertThat(live.clusterNew(ProgressListener.NONE)).isEqualTo(3);
            List<String> before = store.stories(0).stream().map(StoryRef::id).toList();

            store.insert(List.of(
                    article("flood-0", -30, "Storm Hilda nears Eastport as 2,300 residents prepare to leave",
                            "Storm Hilda neared the harbour town of Eastport, where 2,300 residents prepared to leave before the sea wall gave way."),
                    article("report-2", day + 10, "Petrova takes Oslo title on tiebreak after twelve drawn games",
                            "Petrova won the rapid tiebreak after twelve drawn classical games to take the world title in Oslo and the prize "
                                    + "fund of 2 million euros.")));
            assertThat(live.clusterNew(ProgressListener.NONE)).isEqualTo(2);
            List<StoryRef> online = store.stories(0);
            assertThat(online).extracting(StoryRef::articleIds).containsExactlyInAnyOrder(
                    List.of("flood-0", "flood-1", "flood-2"), List.of("preview", "report-1", "report-2"));
            // Issue 19 (permalinks): the flood story keeps its id through its new first article; the report story's
            // id, merged away, redirects to the preview's story.
            assertThat(before).as("both stories kept a stored id").hasSize(3).containsAll(online.stream().map(StoryRef::id).toList());
            String mergedAway = before.stream().filter(id -> store.storyRef(id).isEmpty()).findFirst().orElseThrow();
            assertThat(store.storyRedirect(mergedAway))
                    .contains(online.stream().filter(s -> s.articleIds().contains("preview")).findFirst().orElseThrow().id());

            pipeline(store).recluster(ProgressListener.NONE);
            assertThat(online).isEqualTo(store.stories(0));
        }
    }

    /**
     * A pass reports the stories stored without counting every story (a scan that grows with the store, about 1 s at
     * 506k stories): the saves keep the count. A story row written behind the store's back (no writer does that: every
     * save of stories raises the story version) is therefore not in the next pass's figure, which a count of the store
     * would include; a stream that starts again counts the store once.
     */
    @Test
    void aPassKeepsTheStoryCountInsteadOfCountingTheStore() throws java.sql.SQLException {
        try (Store store = db.open()) {
            Pipeline live = pipeline(store);
            store.insert(floodAndChess());
            assertThat(live.clusterNew(ProgressListener.NONE)).isEqualTo(2);

            try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO stories (id, title, source_count, article_count) VALUES ('behind-the-back', 'Not written by a pass', 0, 0)");
            }
            store.insert(List.of(
                    article("flood-2", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                            "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall."),
                    article("quake-1", 150, "Earthquake shakes mountain villages of Altavia",
                            "A magnitude 6.1 earthquake shook the mountain villages of Altavia before dawn, cutting power to 40,000 homes.")));
            assertThat(live.clusterNew(ProgressListener.NONE)).as("2 stories, the flood one grown, one new; the store not counted")
                    .isEqualTo(3);
            assertThat(store.storyCount()).isEqualTo(4);

            store.insert(List.of(article("chess-2", 120, "Vik loses chess crown to Petrova after Oslo tiebreak",
                    "Lars Vik lost his world chess title to Anya Petrova in Oslo after a rapid tiebreak.")));
            assertThat(pipeline(store).clusterNew(ProgressListener.NONE)).as("a new stream counts the store once").isEqualTo(4);
        }
    }
}
