package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistries;
import news.parallax.outlets.OutletRegistry;
import org.junit.jupiter.api.Test;

class StoryHeadlineTest {
    private static final OutletRegistry REGISTRY = OutletRegistries.bundled();

    private static Article article(String id, String outlet, String url, String title, String day) {
        return new Article(id, outlet, null, url, title, Instant.parse(day + "T00:00:00Z"), List.of(), "body", "t:" + id, "en", Map.of());
    }

    @Test
    void anOpinionPieceNeverNamesTheStory() {
        List<Article> members = List.of(
                article("a", "National Review", "https://www.nationalreview.com/2019/02/lets-chill-about-hate-crimes/", "OPINION: Let's Chill about Hate Crimes", "2019-02-21"),
                article("b", "Reuters", "https://www.reuters.com/article/us-people-smollett", "Actor Jussie Smollett arrested, accused of staging attack", "2019-02-21"),
                article("c", "CNN (Web News)", "https://www.cnn.com/2019/02/21/opinion/smollett-column/index.html", "Smollett and the hate crime hoax", "2019-02-21"));
        assertThat(StoryHeadline.choose(members, Map.of(), REGISTRY)).isEqualTo("Actor Jussie Smollett arrested, accused of staging attack");
    }

    @Test
    void theHeadlineFollowsTheStoryAsItDevelops() {
        List<Article> members = List.of(
                article("a", "USA TODAY", "https://www.usatoday.com/1", "Trump bets on North Korea to break his losing streak", "2019-02-20"),
                article("b", "Reuters", "https://www.reuters.com/2", "Trump and Kim meet in Hanoi for second summit", "2019-02-27"),
                article("c", "NPR Online News", "https://www.npr.org/3", "Trump and Kim summit in Hanoi ends without a deal", "2019-02-28"),
                article("d", "Washington Times", "https://www.washingtontimes.com/4", "Hanoi summit ends early, no deal for Trump and Kim", "2019-02-28"));
        String headline = StoryHeadline.choose(members, Map.of(), REGISTRY);
        assertThat(headline).isIn("Trump and Kim summit in Hanoi ends without a deal", "Hanoi summit ends early, no deal for Trump and Kim");
    }

    @Test
    void opinionMarkersAreRecognised() {
        assertThat(OpinionPieces.isOpinion(article("a", "Guest Writer - Left", "https://www.nytimes.com/2019/02/13/opinion/x.html", "The Politics of Us", "2019-02-13"), null)).isTrue();
        assertThat(OpinionPieces.isOpinion(article("b", "Vox", "https://www.vox.com/policy", "Analysis: Why the deal failed", "2019-02-13"), null)).isTrue();
        assertThat(OpinionPieces.isOpinion(article("c", "New York Times - Opinion", "https://www.nytimes.com/x", "A title", "2019-02-13"), null)).isTrue();
        assertThat(OpinionPieces.isOpinion(article("d", "Reuters", "https://www.reuters.com/world/asia", "Trump and Kim meet in Hanoi", "2019-02-13"), null)).isFalse();
    }
}
