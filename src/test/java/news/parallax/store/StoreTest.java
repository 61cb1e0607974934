package news.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.cluster.Clustering.JoinReason;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private static Article article(String id, String url, String text) {
        return new Article(id, "Example Post", "example.com", url, "Title " + id, Instant.parse("2020-03-01T10:00:00Z"),
                List.of("A. Writer"), text, "/in/" + id + ".txt", "en", Map.of("bias", "left"));
    }

    @Test
    void migrationsRunOnceAndRecordTheirVersion() throws Exception {
        try (Store s = Store.open(dir)) {
            assertThat(s.articleCount()).isZero();
        }
        try (Store s = Store.open(dir); ResultSet rs = s.connection().createStatement()
                .executeQuery("SELECT COUNT(*), MIN(version) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrations.scripts().size());
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
    }

    @Test
    void duplicatesAreFoundByIdUrlAndNormalisedText() {
        try (Store s = Store.open(dir)) {
            s.insert(List.of(article("a1", "https://example.com/a", "Body text of the first article.")));
            assertThat(s.findDuplicate(article("a1", null, "other"))).contains("same id");
            assertThat(s.findDuplicate(article("a2", "https://example.com/a", "other"))).contains("same URL");
            assertThat(s.findDuplicate(article("a3", null, "  BODY text of the   first article. "))).contains("same text");
            assertThat(s.findDuplicate(article("a4", null, "A different body."))).isEmpty();
        }
    }

    @Test
    void failedBatchStoresNothing() {
        try (Store s = Store.open(dir)) {
            s.insert(List.of(article("a1", "https://example.com/a", "one")));
            // The second article repeats a stored URL: the unique index fails the whole transaction.
            assertThatThrownBy(() -> s.insert(List.of(article("b1", "https://example.com/b", "two"),
                    article("b2", "https://example.com/a", "three")))).isInstanceOf(StoreException.class).hasMessageContaining(
                    "parallax.db");
            assertThat(s.articleCount()).isEqualTo(1);
        }
    }

    @Test
    void storiesRoundTripWithCopiesAndReasons() {
        try (Store s = Store.open(dir)) {
            s.insert(List.of(article("a1", "https://example.com/1", "one"), article("a2", "https://example.com/2", "two")));
            StoryRef ref = new StoryRef("s1", "A story", 1, 2, Instant.parse("2020-03-01T10:00:00Z"), null, List.of("a1", "a2"));
            JoinReason why = new JoinReason(0.8, List.of("bridge"), List.of("Harbor Bridge"), "a1");
            s.replaceStories(List.of(new StoredStory(ref, Map.of("a2", "a1"), Map.of("a2", why))));
            var members = s.story("s1").orElseThrow();
            assertThat(members.articles()).extracting(Article::id).containsExactly("a1", "a2");
            assertThat(members.copyOf()).containsEntry("a2", "a1");
            assertThat(members.reasons().get("a2")).isEqualTo(why);
            assertThat(s.stories(0)).singleElement().satisfies(r -> assertThat(r.articleIds()).containsExactly("a1", "a2"));
        }
    }

    @Test
    void scriptSplitterDropsCommentsAndKeepsStatements() {
        assertThat(Migrations.statements("-- c\nCREATE TABLE t (a INT, -- why\n b INT);\nCREATE INDEX i ON t (a);\n"))
                .containsExactly("CREATE TABLE t (a INT, \n b INT)", "CREATE INDEX i ON t (a)");
    }
}
