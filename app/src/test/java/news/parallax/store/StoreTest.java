package news.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.model.JoinReason;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store on each database it supports. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StoreTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(dir);
    }

    private static Article article(String id, String url, String text) {
        return new Article(id, "Example Post", "example.com", url, "Title " + id, Instant.parse("2020-03-01T10:00:00Z"),
                List.of("A. Writer"), text, "/in/" + id + ".txt", "en", Map.of("bias", "left"));
    }

    @Test
    void migrationsRunOnceAndRecordTheirVersion() throws Exception {
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isZero();
        }
        try (Store s = db.open(); var c = TestSql.connect(s); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*), MIN(installed_rank), SUM(CASE WHEN success THEN 1 ELSE 0 END) FROM flyway_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(16); // V1, V2, V4..V13, V15..V18 (no V3, V14)
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getInt(3)).isEqualTo(16);
        }
    }

    @Test
    void duplicatesAreFoundByIdUrlAndNormalisedText() {
        try (Store s = db.open()) {
            s.insert(List.of(article("a1", "https://example.com/a", "Body text of the first article.")));
            assertThat(s.findDuplicate(article("a1", null, "other"))).contains("same id");
            assertThat(s.findDuplicate(article("a2", "https://example.com/a", "other"))).contains("same URL");
            assertThat(s.findDuplicate(article("a3", null, "  BODY text of the   first article. "))).contains("same text");
            assertThat(s.findDuplicate(article("a4", null, "A different body."))).isEmpty();
        }
    }

    @Test
    void failedBatchStoresNothing() throws java.sql.SQLException {
        try (Store s = db.open()) {
            s.insert(List.of(article("a1", "https://example.com/a", "one")));
            // The database refuses the batch's second row (a trigger stands in for a full disk or a dropped
            // connection): the whole transaction fails, naming the store.
            try (var c = TestSql.connect(s); var st = c.createStatement()) {
                if (database == TestDatabase.SQLITE) {
                    st.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title = 'Title b2' "
                            + "BEGIN SELECT RAISE(ABORT, 'refused'); END");
                } else {
                    st.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql");
                    st.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles FOR EACH ROW WHEN (NEW.title = 'Title b2') "
                            + "EXECUTE FUNCTION refuse()");
                }
            }
            assertThatThrownBy(() -> s.insert(List.of(article("b1", "https://example.com/b", "two"),
                    article("b2", "https://example.com/c", "three")))).isInstanceOf(StoreException.class).hasMessageContaining(
                    s.location());
            assertThat(s.articleCount()).isEqualTo(1);
            if (database == TestDatabase.SQLITE) assertThat(s.location()).endsWith(Store.FILE_NAME);
        }
    }

    @Test
    void anArticleStoredSinceTheDuplicateCheckIsSkippedNotFailingTheBatch() {
        try (Store s = db.open()) {
            assertThat(s.insert(List.of(article("a1", "https://example.com/a", "one")))).isEqualTo(1);
            // As when another process stored these after this one's findDuplicate: same id, same URL, same
            // text, and a repeat within the batch; only the new article is stored.
            int stored = s.insert(List.of(article("a1", "https://example.com/x", "other"),
                    article("b1", "https://example.com/a", "two"), article("b2", null, " ONE "),
                    article("c1", "https://example.com/c", "three"), article("c1", "https://example.com/c", "three")));
            assertThat(stored).isEqualTo(1);
            assertThat(s.articleCount()).isEqualTo(2);
            assertThat(s.findDuplicate(article("c1", null, "new"))).contains("same id");
            assertThat(s.findDuplicate(article("zz", "https://example.com/x", "new"))).isEmpty();
        }
    }

    @Test
    void storiesRoundTripWithCopiesAndReasons() {
        try (Store s = db.open()) {
            s.insert(List.of(article("a1", "https://example.com/1", "one"), article("a2", "https://example.com/2", "two")));
            StoryRef ref = new StoryRef("s1", "A story", 1, 2, Instant.parse("2020-03-01T10:00:00Z"), null, List.of("a1", "a2"));
            JoinReason why = new JoinReason(0.8, List.of("bridge"), List.of("Harbor Bridge"), "a1", 0.3);
            s.replaceStories(List.of(new StoredStory(ref, Map.of("a2", "a1"), Map.of("a2", why))));
            var members = s.story("s1").orElseThrow();
            assertThat(members.articles()).extracting(Article::id).containsExactly("a1", "a2");
            assertThat(members.copyOf()).containsEntry("a2", "a1");
            assertThat(members.reasons().get("a2")).isEqualTo(why);
            assertThat(s.stories(0)).singleElement().satisfies(r -> assertThat(r.articleIds()).containsExactly("a1", "a2"));
        }
    }

    @Test
    void aReasonStoredBeforeThresholdsWereRecordedReadsBackWithNone() throws java.sql.SQLException {
        try (Store s = db.open()) {
            s.insert(List.of(article("a1", "https://example.com/1", "one"), article("a2", "https://example.com/2", "two")));
            StoryRef ref = new StoryRef("s1", "A story", 2, 2, null, null, List.of("a1", "a2"));
            s.replaceStories(List.of(new StoredStory(ref, Map.of(), Map.of("a2", new JoinReason(0.6, List.of("x"), List.of(), "a1", 0.3)))));
            try (var c = TestSql.connect(s); var st = c.prepareStatement("UPDATE story_articles SET reason = ? WHERE article_id = 'a2'")) {
                st.setString(1, "{\"similarity\":0.6,\"terms\":[\"bridge\"],\"entities\":[],\"matchedArticle\":\"a1\"}");
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            assertThat(s.story("s1").orElseThrow().reasons().get("a2"))
                    .isEqualTo(new JoinReason(0.6, List.of("bridge"), List.of(), "a1", 0));
        }
    }

    @Test
    void embeddingsRoundTripAndAreReplaced() {
        try (Store s = db.open()) {
            s.putEmbeddings(Map.of("k1", new float[] {0.5f, -1.25f}, "k2", new float[] {3f}));
            s.putEmbeddings(Map.of("k1", new float[] {7f, 8f, 9f}));
            Map<String, float[]> got = s.embeddings(List.of("k1", "k2", "missing"));
            assertThat(got).containsOnlyKeys("k1", "k2");
            assertThat(got.get("k1")).containsExactly(7f, 8f, 9f);
            assertThat(got.get("k2")).containsExactly(3f);
        }
    }

    @Test
    void reportsGetIncreasingIdsAndAreListedByStory() {
        try (Store s = db.open()) {
            Report first = s.addReport("s1", "wrong-summary", "The summary names the wrong city.");
            Report second = s.addReport("s2", "other", "Typo.");
            assertThat(second.id()).isGreaterThan(first.id());
            assertThat(s.reports("s1")).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(first.id());
                assertThat(r.message()).isEqualTo("The summary names the wrong city.");
            });
            assertThat(s.reports(null)).extracting(Report::id).containsExactly(first.id(), second.id());
        }
    }

    /** Clustering reads in this order, so it must not depend on the server's locale: byte order, undated last. */
    @Test
    void articlesComeOldestFirstThenByIdInByteOrder() {
        try (Store s = db.open()) {
            Instant t = Instant.parse("2020-03-01T10:00:00Z");
            s.insert(List.of(
                    new Article("b", "O", null, null, "T", t, List.of(), "text b", "x", null, Map.of()),
                    new Article("B", "O", null, null, "T", t, List.of(), "text upper B", "x", null, Map.of()),
                    new Article("a-1", "O", null, null, "T", t, List.of(), "text a-1", "x", null, Map.of()),
                    new Article("a0", "O", null, null, "T", t, List.of(), "text a0", "x", null, Map.of()),
                    new Article("early", "O", null, null, "T", t.minusSeconds(60), List.of(), "text e", "x", null, Map.of()),
                    new Article("undated", "O", null, null, "T", null, List.of(), "text u", "x", null, Map.of())));
            List<String> order = new java.util.ArrayList<>();
            s.forEachArticleByTime(a -> order.add(a.id()));
            assertThat(order).containsExactly("early", "B", "a-1", "a0", "b", "undated");
        }
    }

    @Test
    void controlCharactersInTextAreStored() {
        try (Store s = db.open()) {
            s.insert(List.of(article("n1", null, "Before\u0000after, with \u0007 a bell.")));
            // PostgreSQL text cannot hold NUL: it is dropped there; every other character is kept on both.
            assertThat(s.article("n1").orElseThrow().text()).isIn("Before\u0000after, with \u0007 a bell.",
                    "Beforeafter, with \u0007 a bell.");
            assertThat(s.findDuplicate(article("n2", null, "Before\u0000after, with \u0007 a bell."))).contains("same text");
        }
    }

    /** Two processes sharing the store both re-cluster: each rebuild replaces the other's whole, never fails. */
    @Test
    void concurrentStoryRebuildsFromTwoConnectionsDoNotCollide() throws Exception {
        try (Store one = db.open(); Store two = db.open()) {
            one.insert(List.of(article("a1", "https://example.com/1", "one"), article("a2", "https://example.com/2", "two")));
            java.util.concurrent.Callable<Void> rebuild1 = rebuilds(one, "x");
            java.util.concurrent.Callable<Void> rebuild2 = rebuilds(two, "y");
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var f1 = pool.submit(rebuild1);
                var f2 = pool.submit(rebuild2);
                f1.get();
                f2.get();
            }
            List<String> ids = one.stories(0).stream().map(StoryRef::id).sorted().toList();
            assertThat(ids).isIn(List.of("x1", "x2"), List.of("y1", "y2"));
        }
    }

    /** Live passes read only the articles stored after their mark, in the order stored. */
    @Test
    void articlesStoredAfterAMarkAreReadInTheOrderStored() {
        try (Store s = db.open()) {
            assertThat(s.lastArticleSeq()).isZero();
            s.insert(List.of(article("b", "https://example.com/b", "bee"), article("a", "https://example.com/a", "ay")));
            long mark = s.lastArticleSeq();
            s.insert(List.of(article("d", "https://example.com/d", "dee")));
            s.insert(List.of(article("c", "https://example.com/c", "see")));
            List<String> after = new java.util.ArrayList<>();
            s.forEachArticleStoredAfter(mark, a -> after.add(a.id()));
            assertThat(after).containsExactly("d", "c");
            List<String> all = new java.util.ArrayList<>();
            s.forEachArticleStoredAfter(0, a -> all.add(a.id()));
            assertThat(all).containsExactly("b", "a", "d", "c");
        }
    }

    /**
     * The articles in no story (what a resumed stream adds) are found after the last article in a story, and among
     * the ones stored before articles were numbered (V5), not by reading every article.
     */
    @Test
    void articlesInNoStoryAreTheNewestAndTheUnnumbered() throws java.sql.SQLException {
        try (Store s = db.open()) {
            s.insert(List.of(article("a0", "https://example.com/0", "zero"), article("a1", "https://example.com/1", "one"),
                    article("a2", "https://example.com/2", "two")));
            s.replaceStories(List.of(story("s1", null, "a1"), story("s2", null, "a2")));
            List<String> none = new java.util.ArrayList<>();
            // a0 is numbered below the last clustered article: every pass saves all it read, so it cannot be in no story.
            s.forEachArticleOutsideStories(a -> none.add(a.id()));
            assertThat(none).isEmpty();
            assertThat(s.hasArticlesOutsideStories()).isFalse();

            try (var c = db.connect(); var st = c.createStatement()) {
                st.executeUpdate("UPDATE articles SET seq = NULL WHERE id = 'a0'"); // as a store from before V5 holds it
            }
            s.insert(List.of(article("a3", "https://example.com/3", "three"), article("a4", "https://example.com/4", "four")));
            List<String> outside = new java.util.ArrayList<>();
            s.forEachArticleOutsideStories(a -> outside.add(a.id()));
            assertThat(outside).containsExactly("a0", "a3", "a4");
            assertThat(s.hasArticlesOutsideStories()).isTrue();

            s.replaceStories(List.of(story("s0", null, "a0"), story("s1", null, "a1"), story("s2", null, "a2"), story("s3", null, "a3"),
                    story("s4", null, "a4")));
            assertThat(s.hasArticlesOutsideStories()).isFalse();
        }
    }

    /** A live pass's save: the changed stories are written whole, the ones they absorbed go, the rest stay. */
    @Test
    void updateStoriesReplacesTheChangedAndDropsTheStoriesTheyAbsorbed() {
        try (Store s = db.open()) {
            s.insert(List.of(article("a1", "https://example.com/1", "one"), article("a2", "https://example.com/2", "two"),
                    article("a3", "https://example.com/3", "three"), article("a4", "https://example.com/4", "four")));
            s.replaceStories(List.of(story("s1", null, "a1"), story("s2", null, "a2"), story("s3", null, "a3")));
            JoinReason why = new JoinReason(0.5, List.of("storm"), List.of(), "a2", 0.33);
            StoredStory merged = new StoredStory(new StoryRef("s0", "Merged", 2, 3, null, null, List.of("a4", "a1", "a2")), Map.of(),
                    Map.of("a1", why));
            s.updateStories(List.of(merged));
            assertThat(s.stories(0)).extracting(StoryRef::id, StoryRef::articleIds).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("s0", List.of("a4", "a1", "a2")), org.assertj.core.groups.Tuple.tuple("s3", List.of("a3")));
            assertThat(s.story("s0").orElseThrow().reasons()).containsEntry("a1", why);
            assertThat(s.storyCount()).isEqualTo(2);

            s.updateStories(List.of(new StoredStory(new StoryRef("s0", "Merged", 2, 2, null, null, List.of("a4", "a1")), Map.of(), Map.of())));
            assertThat(s.storyRef("s0").orElseThrow().articleIds()).as("a story kept is rewritten whole").containsExactly("a4", "a1");
        }
    }

    /**
     * A live pass's save drops the redirect of an id it names again (a split gives back an id merged away) and of a
     * redirect it adds from an id that still names a story, and leaves the other redirects (it looks up only its own ids).
     */
    @Test
    void aLivePassSaveDropsOnlyTheRedirectsOfIdsThatNameAStoryAgain() {
        try (Store s = db.open()) {
            s.insert(List.of(article("a1", "https://example.com/1", "one"), article("a2", "https://example.com/2", "two"),
                    article("a3", "https://example.com/3", "three"), article("a4", "https://example.com/4", "four"),
                    article("a5", "https://example.com/5", "five")));
            s.replaceStories(List.of(story("s1", null, "a1"), story("s2", null, "a2"), story("s3", null, "a3"), story("s4", null, "a4"),
                    story("s5", null, "a5")));
            s.updateStories(List.of(new StoredStory(new StoryRef("s1", "Merged", 1, 2, null, null, List.of("a1", "a2")), Map.of(), Map.of())),
                    List.of(new StoryRedirect("s2", "s1")));
            s.updateStories(List.of(new StoredStory(new StoryRef("s3", "Merged", 1, 2, null, null, List.of("a3", "a4")), Map.of(), Map.of())),
                    List.of(new StoryRedirect("s4", "s3")));
            assertThat(s.storyRedirects()).containsExactlyInAnyOrderEntriesOf(Map.of("s2", "s1", "s4", "s3"));

            // The split gives s2 back: its redirect goes; s4's stays. A redirect added from s5, which still names a story, goes too.
            s.updateStories(List.of(story("s1", null, "a1"), story("s2", null, "a2")), List.of(new StoryRedirect("s5", "s1")));
            assertThat(s.storyRedirects()).containsExactlyInAnyOrderEntriesOf(Map.of("s4", "s3"));
            assertThat(s.storyRedirect("s2")).isEmpty();
            assertThat(s.storyRedirect("s4")).contains("s3");
        }
    }

    private static java.util.concurrent.Callable<Void> rebuilds(Store s, String prefix) {
        return () -> {
            for (int i = 0; i < 25; i++) {
                s.replaceStories(List.of(
                        new StoredStory(new StoryRef(prefix + "1", "One", 1, 1, null, null, List.of("a1")), Map.of(), Map.of()),
                        new StoredStory(new StoryRef(prefix + "2", "Two", 1, 1, null, null, List.of("a2")), Map.of(), Map.of())));
            }
            return null;
        };
    }

    @Test
    void storiesAreListedMostSourcesFirstThenNewestWithUndatedLast() {
        try (Store s = db.open()) {
            s.insert(List.of(article("a1", "https://example.com/1", "one"), article("a2", "https://example.com/2", "two"),
                    article("a3", "https://example.com/3", "three"), article("a4", "https://example.com/4", "four")));
            Instant t = Instant.parse("2020-03-01T10:00:00Z");
            s.replaceStories(List.of(
                    story("undated", null, "a1"), story("older", t, "a2"), story("newer", t.plusSeconds(3600), "a3"),
                    new StoredStory(new StoryRef("big", "Big", 2, 1, null, null, List.of("a4")), Map.of(), Map.of())));
            assertThat(s.stories(0)).extracting(StoryRef::id).containsExactly("big", "newer", "older", "undated");
        }
    }

    private static StoredStory story(String id, @org.jspecify.annotations.Nullable Instant lastSeen, String articleId) {
        return new StoredStory(new StoryRef(id, id, 1, 1, lastSeen, lastSeen, List.of(articleId)), Map.of(), Map.of());
    }
}
