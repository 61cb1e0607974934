package news.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryView;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.EmptyRegistry;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.TestSql;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Views are built when stories change, stored, read back equal to a fresh analysis, and rebuilt when stale. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StoredViewsTest {
    static final Instant T0 = Instant.parse("2019-03-04T08:00:00Z");
    static final StoryAnalyzer ANALYZER = new DefaultStoryAnalyzer(OutletRegistries.bundled());

    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(data);
    }

    static Article article(String id, String outlet, String url, long minutes, String title, String text) {
        return new Article(id, outlet, null, url, title, T0.plusSeconds(60 * minutes), List.of(), text, "test", "en", Map.of());
    }

    static List<Article> flood() {
        return List.of(
                article("flood-1", "CNN", "https://www.cnn.com/flood-1", 0, "Storm floods harbour town of Eastport",
                        "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 residents from their homes. "
                                + "The mayor said 40 streets were under water."),
                article("flood-2", "Fox News", "https://www.foxnews.com/flood-2", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                        "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall. "
                                + "Officials said 3,000 homes lost power."),
                article("chess-1", "Reuters", "https://www.reuters.com/chess-1", 10, "Petrova wins world chess title in Oslo",
                        "Anya Petrova won the world chess championship in Oslo on Sunday, beating Lars Vik in a rapid tiebreak."));
    }

    static Pipeline pipeline(Store store, StoredViews views) {
        return new Pipeline(store, HtmlExtractors.standard(),
                new StandardStoryClusterer(ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null), views);
    }

    @Test
    void viewsAreStoredWhenStoriesAreSavedAndReadBackAsAFreshAnalysisGivesThem() {
        try (Store store = db.open()) {
            StoredViews views = new StoredViews(store, ANALYZER);
            store.insert(flood());
            pipeline(store, views).recluster(ProgressListener.NONE);
            assertThat(store.storyCount()).isEqualTo(2);
            for (StoryRef ref : store.stories(0)) {
                StoredViews.Found found = views.find(ref.id()).orElseThrow();
                assertThat(found.current()).isTrue();
                StoryView fresh = ANALYZER.analyze(store.story(ref.id()).orElseThrow());
                assertThat(found.view()).isEqualTo(fresh);
            }
            assertThat(store.currentViewCount(views.version())).isEqualTo(2);
        }
    }

    @Test
    void aChangedStoryKeepsItsPreviousViewMarkedStaleUntilTheRebuild() {
        try (Store store = db.open()) {
            StoredViews views = new StoredViews(store, ANALYZER);
            store.insert(flood());
            Pipeline withViews = pipeline(store, views);
            withViews.recluster(ProgressListener.NONE);
            String floodId = store.stories(0).stream().filter(r -> r.articleIds().contains("flood-1")).findFirst().orElseThrow().id();
            // A pipeline that leaves views to someone else (a crawler without the analyzer) changes the story.
            store.insert(List.of(article("flood-3", "The Guardian", "https://www.theguardian.com/flood-3", 90,
                    "Storm Hilda: Eastport sea wall gives way, 2,300 evacuated",
                    "Storm Hilda broke through the Eastport sea wall and 2,300 residents were evacuated overnight.")));
            pipeline(store, null).recluster(ProgressListener.NONE);
            assertThat(store.storyRef(floodId).orElseThrow().articleIds()).contains("flood-3");

            StoredViews.Found stale = views.find(floodId).orElseThrow();
            assertThat(stale.current()).isFalse();
            assertThat(stale.view().articles()).extracting(StoryView.ArticleView::id).doesNotContain("flood-3");
            assertThat(views.buildStale(ProgressListener.NONE)).isEqualTo(1);
            StoredViews.Found rebuilt = views.find(floodId).orElseThrow();
            assertThat(rebuilt.current()).isTrue();
            assertThat(rebuilt.view().articles()).extracting(StoryView.ArticleView::id).contains("flood-3");
            assertThat(views.buildStale(ProgressListener.NONE)).isZero();
        }
    }

    @Test
    void viewsOfAnotherRegistryOrOfAStoreWithoutStampsAreRebuilt() throws Exception {
        try (Store store = db.open()) {
            store.insert(flood());
            pipeline(store, new StoredViews(store, ANALYZER)).recluster(ProgressListener.NONE);
            StoredViews other = new StoredViews(store, new DefaultStoryAnalyzer(new EmptyRegistry()));
            assertThat(other.version()).isNotEqualTo(new StoredViews(store, ANALYZER).version());
            assertThat(store.currentViewCount(other.version())).isZero();
            assertThat(other.buildStale(ProgressListener.NONE)).isEqualTo(2);
            assertThat(store.currentViewCount(other.version())).isEqualTo(2);

            // As a store saved before this version (and migrated by V18, which marks its stories due): no stamps, no views.
            try (var c = TestSql.connect(store); Statement s = c.createStatement()) {
                s.execute("UPDATE stories SET stamp = NULL, view_due = 1");
                s.execute("DELETE FROM story_views");
            }
            StoredViews views = new StoredViews(store, ANALYZER);
            String id = store.stories(1).get(0).id();
            assertThat(views.find(id)).isEmpty();
            StoryView pending = views.pending(store.story(id).orElseThrow());
            assertThat(pending.summary()).isEmpty();
            assertThat(pending.articles()).hasSize(store.storyRef(id).orElseThrow().articleCount());
            assertThat(views.buildStale(ProgressListener.NONE)).isEqualTo(2);
            assertThat(views.find(id).orElseThrow().current()).isTrue();
            assertThat(views.buildStale(ProgressListener.NONE)).isZero();
        }
    }

    /**
     * Issue 15, growth: the builder reads only the stories marked due (V18 {@code view_due}), not every story: a save
     * marks what it changed, a stored view of the story's stamp clears it, a save that changes nothing marks nothing,
     * and a new version (every view stale) looks at every story again.
     */
    @Test
    void onlyTheStoriesASaveChangedAreLookedAtForViews() throws Exception {
        try (Store store = db.open()) {
            StoredViews views = new StoredViews(store, ANALYZER);
            store.insert(flood());
            pipeline(store, views).recluster(ProgressListener.NONE);
            assertThat(due(store)).isZero();
            assertThat(store.staleViewCount(views.version())).isZero();
            String floodId = store.stories(0).stream().filter(r -> r.articleIds().contains("flood-1")).findFirst().orElseThrow().id();

            // Re-clustering the same articles writes every story again with the same stamps: nothing is due.
            pipeline(store, null).recluster(ProgressListener.NONE);
            assertThat(due(store)).isZero();

            // A stale view the store was not told about (written behind its back) is not looked for: no scan of every story.
            try (var c = TestSql.connect(store); Statement s = c.createStatement()) {
                s.execute("UPDATE story_views SET stamp = 'elsewhere' WHERE story_id = '" + floodId + "'");
            }
            assertThat(store.storiesWithoutCurrentView(views.version(), 100)).isEmpty();
            assertThat(views.buildStale(ProgressListener.NONE)).isZero();

            // A save that changes the story marks it due; its view is then built and the mark cleared.
            store.insert(List.of(article("flood-3", "The Guardian", "https://www.theguardian.com/flood-3", 90,
                    "Storm Hilda: Eastport sea wall gives way, 2,300 evacuated",
                    "Storm Hilda broke through the Eastport sea wall and 2,300 residents were evacuated overnight.")));
            pipeline(store, null).recluster(ProgressListener.NONE);
            assertThat(due(store)).isEqualTo(1);
            assertThat(store.staleViewCount(views.version())).isEqualTo(1);
            assertThat(store.storiesWithoutCurrentView(views.version(), 100)).extracting(s -> s.storyId()).containsExactly(floodId);
            assertThat(views.buildStale(ProgressListener.NONE)).isEqualTo(1);
            assertThat(views.find(floodId).orElseThrow().current()).isTrue();
            assertThat(due(store)).isZero();

            // Another version: every view is stale, though none is marked.
            StoredViews other = new StoredViews(store, new DefaultStoryAnalyzer(new EmptyRegistry()));
            assertThat(store.staleViewCount(other.version())).isEqualTo(2);
            assertThat(other.buildStale(ProgressListener.NONE)).isEqualTo(2);
            assertThat(store.staleViewCount(other.version())).isZero();

            // Views dropped for a rebuild (bench-web --rebuild-views) mark every story due.
            store.deleteViews();
            assertThat(due(store)).isEqualTo(2);
            assertThat(views.buildStale(ProgressListener.NONE)).isEqualTo(2);
            assertThat(due(store)).isZero();
        }
    }

    private static long due(Store store) throws Exception {
        try (var c = TestSql.connect(store); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM stories WHERE view_due IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
