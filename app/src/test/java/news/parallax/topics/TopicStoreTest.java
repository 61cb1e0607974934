package news.parallax.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import news.parallax.store.StoredView;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The V8 topic tables on each database: names kept per view stamp, topics replaced whole, stories newest first. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TopicStoreTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;

    private static Article article(String id, String day) {
        return new Article(id, "example.org", "example.org", "https://example.org/" + id, "Title " + id, Instant.parse(day + "T12:00:00Z"),
                List.of(), "Body of " + id + " with its own words.", "/in/" + id, "en", Map.of());
    }

    private static StoredStory story(String id, Article a) {
        return new StoredStory(new StoryRef(id, a.title(), 1, 1, a.published(), a.published(), List.of(a.id())), Map.of(), Map.of());
    }

    @BeforeEach
    void fill() {
        db = database.fresh(dir);
        try (Store s = db.open()) {
            List<Article> articles = List.of(article("a1", "2020-01-05"), article("a2", "2020-03-05"), article("a3", "2020-02-05"));
            s.insert(articles);
            s.replaceStories(List.of(story("s1", articles.get(0)), story("s2", articles.get(1)), story("s3", articles.get(2))));
        }
    }

    @Test
    void topicsAreReplacedWholeAndListedLargestFirstWithStoriesNewestFirst() {
        try (Store s = db.open()) {
            TopicStore t = new TopicStore(s);
            assertThat(t.count("")).isZero();
            t.replace(List.of(new Topic("kyrylo-budanov", "Kyrylo Budanov", "person", List.of("Kyrylo Budanov", "Budanov"), List.of("s1", "s2", "s3")),
                    new Topic("kursk", "Kursk", "place", List.of("Kursk"), List.of("s1"))),
                    Map.of("kyrylo-budanov", Set.of("kyrylo budanov", "budanov"), "kursk", Set.of("kursk")), Map.of("budanow", "kyrylo-budanov"));
            assertThat(t.topics("", 0, 10)).extracting(TopicSummary::slug).containsExactly("kyrylo-budanov", "kursk");
            TopicSummary k = t.topic("kyrylo-budanov").orElseThrow();
            assertThat(k.storyCount()).isEqualTo(3);
            assertThat(k.variants()).containsExactly("Kyrylo Budanov", "Budanov");
            assertThat(k.lastSeen()).isEqualTo(Instant.parse("2020-03-05T12:00:00Z"));
            assertThat(t.storyIds("kyrylo-budanov", 0, 10)).containsExactly("s2", "s3", "s1");
            assertThat(t.storyIds("kyrylo-budanov", 1, 1)).containsExactly("s3");
            assertThat(t.topicsOf("s1")).extracting(TopicSummary::slug).containsExactly("kyrylo-budanov", "kursk");
            assertThat(t.count("budan")).isEqualTo(1);
            assertThat(t.count("100%_")).isZero();
            assertThat(t.redirect("budanow")).hasValue("kyrylo-budanov");
            assertThat(t.redirect("kursk")).isEmpty();
            assertThat(t.slugKeys().get("kyrylo-budanov")).containsExactlyInAnyOrder("kyrylo budanov", "budanov");

            t.replace(List.of(new Topic("kursk", "Kursk", "place", List.of("Kursk"), List.of("s1", "s2"))), Map.of("kursk", Set.of("kursk")), Map.of());
            assertThat(t.topics("", 0, 10)).extracting(TopicSummary::slug).containsExactly("kursk");
            assertThat(t.topicsOf("s3")).isEmpty();
            assertThat(t.redirect("budanow")).isEmpty();
        }
    }

    @Test
    void namesAreReadAgainOnlyWhenTheirViewChangesAndGoWithTheirStory() {
        try (Store s = db.open()) {
            TopicStore t = new TopicStore(s);
            s.putViews(List.of(new StoredView("s1", "st1", "v1", "{}", new byte[] {1}), new StoredView("s2", "st2", "v1", "{}", new byte[] {1})));
            assertThat(t.staleViews(10)).extracting(TopicStore.StaleView::storyId).containsExactly("s1", "s2");
            // The names' stamp is the view's stamp and version and the names' format (a new format reads every view again).
            String f = ":" + StoryNames.FORMAT;
            StoryNames n = new StoryNames("s1", "st1:v1" + f, 1, List.of(new StoryNames.Name("Kursk", "LOCATION", List.of("Kursk"), 3, 1, true, 0)));
            t.putNames(List.of(n, new StoryNames("s2", "st2:v1" + f, 1, List.of())));
            assertThat(t.staleViews(10)).isEmpty();
            assertThat(t.allNames()).contains(n);
            s.putViews(List.of(new StoredView("s1", "st1b", "v1", "{}", new byte[] {1})));
            assertThat(t.staleViews(10)).extracting(TopicStore.StaleView::stamp).containsExactly("st1b:v1" + f);
            s.replaceStories(List.of(story("s1", article("a1", "2020-01-05"))));
            assertThat(t.deleteGoneNames()).isEqualTo(1);
            assertThat(t.allNames()).extracting(StoryNames::storyId).containsExactly("s1");
        }
    }
}
