package news.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryView;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.TestSql;
import news.parallax.store.Store;
import news.parallax.store.StoredView;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A view rebuild killed with SIGKILL (a real child process, {@link ViewRebuildChild}) leaves the stories as they
 * were and every stored view whole and labelled; the rebuild after restart builds exactly what is missing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ViewRebuildKillTest {
    /** Stories to rebuild: enough that two threads take seconds, so the kill lands mid-rebuild. */
    static final int STORIES = 500;
    static final Instant T0 = Instant.parse("2020-01-06T08:00:00Z");
    static final String[] OUTLETS = {"CNN", "Fox News", "Reuters", "The Guardian", "Breitbart News", "NPR"};

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(dir);
    }

    private String url() {
        return db.url() != null ? db.url() : "jdbc:sqlite:" + dir.resolve(Store.FILE_NAME);
    }

    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            // Each a story of its own: distinct places and figures, a week apart, with claims for the analyzer to find.
            String place = "Town" + Integer.toString(i * 7919 + 104729, 36);
            out.add(new Article("k" + i, OUTLETS[i % OUTLETS.length], null, null, place + " council approves budget of $" + (i + 3) + " million",
                    T0.plusSeconds(86_400L * 8 * i), List.of(), "The council of " + place + " approved a budget of $" + (i + 3)
                    + " million on Monday, officials said. About " + (100 + i) + " residents attended the meeting. The mayor of "
                    + place + " said " + (i % 40 + 2) + " projects would start next year.", "test", "en", Map.of()));
        }
        return out;
    }

    private static int currentViews(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM story_views v JOIN stories s ON s.id = v.story_id AND s.stamp = v.stamp")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aRebuildKilledMidwayLeavesStoriesAndViewsConsistentAndTheRestartFinishesIt() throws Exception {
        List<StoryRef> before;
        try (Store store = db.open()) {
            store.insert(articles());
            new Pipeline(store, HtmlExtractors.standard(),
                    new StandardStoryClusterer(ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null))
                    .recluster(ProgressListener.NONE);
            before = store.stories(0);
            assertThat(before).hasSize(STORIES);
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ViewRebuildChild.class.getName(), url())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        int atKill;
        try (Connection c = DriverManager.getConnection(url())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && currentViews(c) < 2 * StoredViews.BATCH_SIZE && child.isAlive()) Thread.sleep(20);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the process itself
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            atKill = currentViews(c);
        }
        assertThat(atKill).as("views committed before the kill").isGreaterThan(0).isLessThan(STORIES);

        var analyzer = new DefaultStoryAnalyzer(OutletRegistries.bundled());
        try (Store store = db.open()) {
            if (database == TestDatabase.SQLITE) {
                try (var c = TestSql.connect(store); ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
            }
            assertThat(store.stories(0)).isEqualTo(before);
            StoredViews views = new StoredViews(store, analyzer);
            int current = 0;
            for (StoryRef ref : before) {
                StoredView.Stamps stamps = store.viewStamps(ref.id()).orElseThrow();
                if (!stamps.hasView()) continue;
                // Every stored view is whole (decodes) and is the view of its story as stored.
                StoryView v = StoredViews.decode(store.storedView(ref.id()).orElseThrow().view());
                assertThat(v.id()).isEqualTo(ref.id());
                assertThat(v.articles()).extracting(StoryView.ArticleView::id).isEqualTo(ref.articleIds());
                if (stamps.current(views.version())) current++;
            }
            assertThat(current).isGreaterThanOrEqualTo(atKill).isLessThan(STORIES);

            // The restart path: the next rebuild builds exactly the missing views, then nothing.
            assertThat(views.buildStale(ProgressListener.NONE)).isEqualTo(STORIES - current);
            assertThat(store.currentViewCount(views.version())).isEqualTo(STORIES);
            assertThat(views.buildStale(ProgressListener.NONE)).isZero();
        }
    }
}
