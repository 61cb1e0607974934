package news.parallax.pipeline;

import static news.parallax.pipeline.StoryFixtures.article;
import static news.parallax.pipeline.StoryFixtures.clusterer;
import static news.parallax.pipeline.StoryFixtures.storyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.StoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.store.TestSql;
import news.parallax.store.Report;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A story keeps its id for life through re-clustering, merges and splits; ended ids redirect; reports follow. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PermalinksTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(data);
    }

    @Test
    void olderArticlesJoiningStoriesChangeNoIdInAFullReclusterOrALivePass() {
        try (Store store = db.open()) {
            Pipeline p = new Pipeline(store, HtmlExtractors.standard(),
                    clusterer());
            store.insert(List.of(
                    article("flood-2", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                            "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall."),
                    article("flood-3", 90, "Storm Hilda: Eastport sea wall gives way, 2,300 evacuated",
                            "Storm Hilda broke through the Eastport sea wall and 2,300 residents of Eastport were evacuated."),
                    article("chess-2", 120, "Vik loses chess crown to Petrova after Oslo tiebreak",
                            "Lars Vik lost his world chess title to Anya Petrova in Oslo after a rapid tiebreak.")));
            p.recluster(ProgressListener.NONE);
            String flood = storyOf(store, "flood-2");
            String chess = storyOf(store, "chess-2");
            store.addReport(flood, "inaccurate", "the count is wrong");

            // Older reports arrive: each becomes its story's first article, which used to rename the story.
            store.insert(List.of(article("flood-1", 0, "Storm Hilda floods harbour town of Eastport",
                    "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 Eastport residents from their homes.")));
            p.recluster(ProgressListener.NONE);
            StoryRef floodNow = store.storyRef(flood).orElseThrow();
            assertThat(floodNow.articleIds()).first().isEqualTo("flood-1");
            assertThat(floodNow.articleIds()).contains("flood-2", "flood-3");
            assertThat(store.reports(flood)).extracting(Report::message).containsExactly("the count is wrong");

            store.insert(List.of(article("chess-1", 10, "Petrova wins world chess title from Vik in Oslo",
                    "Anya Petrova won the world chess championship in Oslo on Sunday, beating Lars Vik in a rapid tiebreak.")));
            p.clusterNew(ProgressListener.NONE); // a live pass after the full one
            StoryRef chessNow = store.storyRef(chess).orElseThrow();
            assertThat(chessNow.articleIds()).containsExactly("chess-1", "chess-2");
            assertThat(store.stories(0)).extracting(StoryRef::id).containsExactlyInAnyOrder(flood, chess);
            assertThat(store.storyRedirects()).isEmpty();

            // A fresh process re-clusters the whole store: still the same ids.
            new Pipeline(store, HtmlExtractors.standard(),
                    clusterer())
                    .recluster(ProgressListener.NONE);
            assertThat(store.stories(0)).extracting(StoryRef::id).containsExactlyInAnyOrder(flood, chess);
        }
    }

    /** Groups articles as the test says: a real clusterer whose decisions the test fixes, to force merges and splits. */
    private static final class GivenGroups implements StoryClusterer {
        final Map<String, String> groupOf = new HashMap<>();

        @Override
        public Clustering cluster(List<Article> articles) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (Article a : articles) groups.computeIfAbsent(groupOf.getOrDefault(a.id(), a.id()), k -> new ArrayList<>()).add(a.id());
            return new Clustering(groups.values().stream().map(ids -> new Clustering.Group(ids, Map.of(), Map.of())).toList());
        }
    }

    @Test
    void mergedIdsRedirectToTheSurvivorThroughChainsAndReportsFollowASplitBringsTheIdBack() {
        try (Store store = db.open()) {
            GivenGroups groups = new GivenGroups();
            Pipeline p = new Pipeline(store, HtmlExtractors.standard(), groups);
            store.insert(List.of(article("a1", 0, "A one", "Text a1."), article("a2", 1, "A two", "Text a2."),
                    article("a3", 2, "A three", "Text a3."), article("b1", 3, "B one", "Text b1."), article("b2", 4, "B two", "Text b2."),
                    article("c1", 5, "C one", "Text c1."), article("c2", 6, "C two", "Text c2."), article("c3", 7, "C three", "Text c3."),
                    article("c4", 8, "C four", "Text c4.")));
            for (String a : List.of("a1", "a2", "a3")) groups.groupOf.put(a, "A");
            for (String b : List.of("b1", "b2")) groups.groupOf.put(b, "B");
            for (String c : List.of("c1", "c2", "c3", "c4")) groups.groupOf.put(c, "C");
            p.recluster(ProgressListener.NONE);
            String a = storyOf(store, "a1");
            String b = storyOf(store, "b1");
            String c = storyOf(store, "c1");
            store.addReport(b, "other", "report on B");

            // B merges into A: A has more articles, so A's id survives; B's redirects, and B's report moves to A.
            for (String x : List.of("b1", "b2")) groups.groupOf.put(x, "A");
            p.recluster(ProgressListener.NONE);
            assertThat(storyOf(store, "b1")).isEqualTo(a);
            assertThat(store.storyRef(b)).isEmpty();
            assertThat(store.storyRedirect(b)).contains(a);
            assertThat(store.storyRedirect(a)).isEmpty();
            assertThat(store.reports(a)).extracting(Report::message).containsExactly("report on B");
            assertThat(store.reports(b)).isEmpty();

            // C (4 articles) merges into A (5): A's id survives, C's redirects; B's redirect still ends at A.
            for (String x : List.of("c1", "c2", "c3", "c4")) groups.groupOf.put(x, "A");
            p.recluster(ProgressListener.NONE);
            assertThat(store.stories(0)).extracting(StoryRef::id).containsExactly(a);
            assertThat(store.storyRedirect(c)).contains(a);
            assertThat(store.storyRedirect(b)).contains(a);

            // Split: the B articles leave again. A keeps its id (the part with most of its articles); the B part
            // is named after its first article, b1, which is B's old id: B's permalink works again.
            for (String x : List.of("b1", "b2")) groups.groupOf.put(x, "B");
            p.recluster(ProgressListener.NONE);
            assertThat(storyOf(store, "a1")).isEqualTo(a);
            assertThat(storyOf(store, "b1")).isEqualTo(b);
            assertThat(store.storyRedirect(b)).isEmpty();
            assertThat(store.storyRedirects()).containsOnlyKeys(c).containsEntry(c, a);
            assertThat(store.storyRedirect("no-such-id")).isEmpty();
        }
    }

    @Test
    void aRedirectChainLeftByHandIsFollowedAndACycleEndsEmpty() throws Exception {
        try (Store store = db.open()) {
            GivenGroups groups = new GivenGroups();
            store.insert(List.of(article("a1", 0, "A one", "Text a1.")));
            new Pipeline(store, HtmlExtractors.standard(), groups).recluster(ProgressListener.NONE);
            String a = storyOf(store, "a1");
            try (var c = TestSql.connect(store); var s = c.createStatement()) {
                s.execute("INSERT INTO story_redirects (from_id, to_id, created_at) VALUES ('x', 'y', '2025-01-01T00:00:00.000Z'), ('y', '" + a + "', '2025-01-01T00:00:00.000Z'),"
                        + " ('p', 'q', '2025-01-01T00:00:00.000Z'), ('q', 'p', '2025-01-01T00:00:00.000Z')");
            }
            assertThat(store.storyRedirect("x")).contains(a);
            assertThat(store.storyRedirect("p")).isEmpty();
        }
    }
}
