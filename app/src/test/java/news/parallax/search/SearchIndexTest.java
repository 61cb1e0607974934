package news.parallax.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.model.Side;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.TestSql;
import news.parallax.store.Dialect;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Search on each database, over a small store of three stories from outlets of known sides. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SearchIndexTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;
    private static final OutletRegistry REGISTRY = OutletRegistries.bundled();

    private static Article article(String id, String domain, String title, String day, String body) {
        return new Article(id, domain, domain, "https://" + domain + "/" + id, title, Instant.parse(day + "T12:00:00Z"), List.of(),
                body, "/in/" + id, "en", Map.of());
    }

    private static StoredStory story(String id, String title, List<Article> members) {
        return new StoredStory(new StoryRef(id, title, members.size(), members.size(), members.get(0).published(),
                members.get(members.size() - 1).published(), members.stream().map(Article::id).toList()), Map.of(), Map.of());
    }

    /** Wall: right-only coverage (a blindspot for the left). Senate: left and centre. Protest: left and right. */
    private final List<Article> wall = List.of(
            article("w1", "breitbart.com", "Border wall funding vote", "2020-03-02", "The House voted on wall money for the border."),
            article("w2", "dailywire.com", "House votes on border wall", "2020-03-02", "Funding for the wall passed the House."),
            article("w3", "nationalreview.com", "What the wall vote means", "2020-03-03", "The border wall vote splits Democrats."));
    private final List<Article> senate = List.of(
            article("s1", "cnn.com", "Senate passes climate bill", "2020-02-10", "The bill sets a carbon tax on power plants."),
            article("s2", "reuters.com", "Climate bill clears Senate", "2020-02-11", "A carbon tax is at the heart of the bill."),
            article("s3", "motherjones.com", "What the climate bill does", "2020-02-11", "Economists praised the carbon tax."));
    private final List<Article> protest = List.of(
            article("p1", "theguardian.com", "Thousands march in London", "2020-01-05", "Protesters want a tax on carbon and climate action."),
            article("p2", "foxnews.com", "London protest snarls traffic", "2020-01-05", "Climate marchers blocked bridges in London."));

    @BeforeEach
    void store() {
        db = database.fresh(dir);
        try (Store s = db.open()) {
            List<Article> all = new ArrayList<>(wall);
            all.addAll(senate);
            all.addAll(protest);
            s.insert(all);
            s.replaceStories(List.of(story("st-wall", "Border wall funding vote", wall), story("st-senate", "Senate passes climate bill", senate),
                    story("st-protest", "Thousands march in London", protest)));
        }
    }

    private SearchResult search(String q, SearchFilters f) {
        try (Store s = db.open()) {
            return new SearchIndex(s, REGISTRY).search(q, f);
        }
    }

    private SearchResult search(String q) {
        return search(q, SearchFilters.NONE);
    }

    private static List<String> stories(SearchResult r) {
        return r.stories().stream().map(SearchResult.StoryHit::id).toList();
    }

    private static List<String> articles(SearchResult r) {
        return r.articles().stream().map(SearchResult.ArticleHit::id).toList();
    }

    @Test
    void aPhraseNeedsItsWordsAdjacentAndInOrder() {
        assertThat(articles(search("\"carbon tax\""))).containsExactlyInAnyOrder("s1", "s2", "s3");
        assertThat(articles(search("carbon tax"))).containsExactlyInAnyOrder("s1", "s2", "s3", "p1");
        assertThat(stories(search("\"carbon tax\""))).containsExactly("st-senate");
    }

    @Test
    void orWidensAndExclusionNarrows() {
        assertThat(stories(search("wall OR marchers"))).containsExactlyInAnyOrder("st-wall", "st-protest");
        assertThat(stories(search("climate -london"))).containsExactly("st-senate");
        // The protest's "tax on carbon" is no "carbon tax".
        assertThat(articles(search("climate -\"carbon tax\""))).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void wordsMatchTheirInflections() {
        // Both indexes stem English: "votes" finds "vote" and "voted".
        assertThat(articles(search("votes"))).containsExactlyInAnyOrder("w1", "w2", "w3");
    }

    @Test
    void abbreviationsHyphenatedWordsAndCurlyApostrophesMatchAsTyped() {
        try (Store s = db.open()) {
            s.insert(List.of(article("u1", "apnews.com", "U.N. says COVID-19 cases doesn’t slow", "2020-03-06", "Officials spoke.")));
        }
        assertThat(articles(search("U.N."))).containsExactly("u1");
        assertThat(articles(search("covid-19"))).containsExactly("u1");
        assertThat(articles(search("\"doesn't slow\""))).containsExactly("u1");
    }

    @Test
    void filtersByDateOutletSideAndBlindspot() {
        assertThat(articles(search("climate", new SearchFilters(LocalDate.of(2020, 2, 11), LocalDate.of(2020, 2, 11), null, null, false, 20))))
                .containsExactlyInAnyOrder("s2", "s3");
        assertThat(articles(search("climate", new SearchFilters(null, LocalDate.of(2020, 1, 31), null, null, false, 20))))
                .containsExactlyInAnyOrder("p1", "p2");
        assertThat(articles(search("climate", new SearchFilters(null, null, "reuters.com", null, false, 20)))).containsExactly("s2");
        assertThat(articles(search("climate", new SearchFilters(null, null, "Reuters.com", null, false, 20)))).containsExactly("s2");
        SearchResult right = search("climate OR wall", new SearchFilters(null, null, null, Side.RIGHT, false, 20));
        assertThat(articles(right)).containsExactlyInAnyOrder("w1", "w2", "w3", "p2");
        assertThat(right.articles()).allSatisfy(a -> assertThat(a.side()).isEqualTo("right"));
        SearchResult blind = search("vote OR climate", new SearchFilters(null, null, null, null, true, 20));
        assertThat(stories(blind)).containsExactly("st-wall");
        assertThat(blind.stories().get(0).blindspot()).isEqualTo("left");
        assertThat(articles(blind)).containsExactlyInAnyOrder("w1", "w2", "w3");
    }

    @Test
    void storiesRankByRelevanceThenRecency() {
        // "climate" is in every Senate title and the story's own; the protest mentions it in bodies only.
        SearchResult r = search("climate");
        assertThat(stories(r)).containsExactly("st-senate", "st-protest");
        assertThat(r.stories().get(0).titleMatch()).isTrue();
        assertThat(r.stories().get(0).score()).isGreaterThan(r.stories().get(1).score());
        // Equally relevant text (stored twice would be a duplicate), different days: the newer article comes first.
        try (Store s = db.open()) {
            s.insert(List.of(article("old", "apnews.com", "Zebra escapes", "2019-01-01", "A zebra escaped the zoo on Monday."),
                    article("new", "reuters.com", "Zebra escapes", "2020-03-01", "A zebra escaped the zoo on Friday.")));
        }
        assertThat(articles(search("zebra"))).containsExactly("new", "old");
    }

    @Test
    void anArticleIsFoundAsSoonAsItIsStoredAndAStoryByItsTitle() {
        try (Store s = db.open()) {
            SearchIndex index = new SearchIndex(s, REGISTRY);
            assertThat(index.search("hurricane", SearchFilters.NONE).articles()).isEmpty();
            Article h = article("h1", "apnews.com", "Hurricane nears Florida", "2020-03-04", "Residents left the coast.");
            s.insert(List.of(h));
            SearchResult r = index.search("hurricane", SearchFilters.NONE);
            assertThat(articles(r)).containsExactly("h1");
            assertThat(r.articles().get(0).storyId()).isNull();
            assertThat(r.stories()).isEmpty();
            // Re-clustering replaces the stories; the story index follows, including a title none of its articles has.
            s.replaceStories(List.of(story("st-h", "Storm season: hurricane watch", List.of(h))));
            assertThat(stories(index.search("storm season", SearchFilters.NONE))).containsExactly("st-h");
            assertThat(stories(index.search("hurricane", SearchFilters.NONE))).containsExactly("st-h");
            assertThat(stories(index.search("wall", SearchFilters.NONE))).isEmpty();
        }
    }

    @Test
    void aStoreWrittenBeforeTheIndexIsIndexedByTheMigration() throws Exception {
        // Undo V7 as if the store predated it, store an article, and reopen: the migration indexes what is there.
        try (Store s = db.open(); var c = TestSql.connect(s); Statement st = c.createStatement()) {
            if (s.dialect() == Dialect.SQLITE) {
                for (String t : List.of("article_search_insert", "article_search_delete", "article_search_update", "story_search_insert",
                        "story_search_delete", "story_search_update")) st.execute("DROP TRIGGER " + t);
                st.execute("DROP TABLE article_search");
                st.execute("DROP TABLE story_search");
            } else {
                st.execute("DROP INDEX stories_search");
                st.execute("ALTER TABLE articles DROP COLUMN search_doc");
            }
            st.execute("DELETE FROM flyway_schema_history WHERE version = '7'");
            s.insert(List.of(article("late", "apnews.com", "Volcano erupts", "2020-03-05", "Ash fell on the town.")));
        }
        assertThat(articles(search("volcano"))).containsExactly("late");
        assertThat(stories(search("wall"))).containsExactly("st-wall");
    }

    @Test
    void malformedQueriesFailWithTheSyntaxErrorNotADatabaseError() {
        for (String bad : List.of("\"open", "-only", "OR", "")) {
            assertThatThrownBy(() -> search(bad)).as(bad).isInstanceOf(SearchSyntaxException.class);
        }
        // Database syntax in user text is just words.
        assertThat(search("wall* NEAR(vote) title:border \"AND\" NOT")).isNotNull();
    }
}
