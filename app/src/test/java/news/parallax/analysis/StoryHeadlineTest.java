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

    @Test
    void laterReportsOutweighManyEarlierPreviews() {
        // Five previews of the summit and two reports of its collapse: the story now is the collapse.
        List<Article> members = List.of(
                article("a", "Reuters", "https://www.reuters.com/1", "Trump heads to Hanoi for second summit with Kim", "2019-02-24"),
                article("b", "USA TODAY", "https://www.usatoday.com/2", "Trump and Kim to meet in Hanoi for second summit", "2019-02-25"),
                article("c", "NPR Online News", "https://www.npr.org/3", "Trump arrives in Hanoi ahead of second summit with Kim", "2019-02-26"),
                article("d", "Washington Times", "https://www.washingtontimes.com/4", "Trump and Kim begin second summit in Hanoi with dinner", "2019-02-27"),
                article("e", "The Hill", "https://thehill.com/5", "Trump and Kim open Hanoi summit with warm words", "2019-02-27"),
                article("f", "Reuters", "https://www.reuters.com/6", "Trump walks away from Hanoi summit with Kim, no deal on sanctions", "2019-03-01"),
                article("g", "NPR Online News", "https://www.npr.org/7", "Hanoi summit collapses as Trump and Kim reach no deal on sanctions", "2019-03-02"));
        assertThat(StoryHeadline.choose(members, Map.of(), REGISTRY)).containsAnyOf("no deal", "collapses");
    }

    @Test
    void explainersListsAndQuestionsDoNotNameAStory() {
        List<Article> members = List.of(
                article("a", "Vox", "https://www.vox.com/1", "The Ilhan Omar anti-Semitism controversy, explained", "2019-03-08"),
                article("b", "The Hill", "https://thehill.com/2", "Why the Ilhan Omar anti-Semitism controversy divides House Democrats", "2019-03-08"),
                article("c", "USA TODAY", "https://www.usatoday.com/3", "5 takeaways from the House vote on the Ilhan Omar anti-Semitism controversy", "2019-03-08"),
                article("d", "Reuters", "https://www.reuters.com/4", "House passes resolution condemning hate after Omar anti-Semitism controversy", "2019-03-08"));
        assertThat(StoryHeadline.choose(members, Map.of(), REGISTRY)).isEqualTo("House passes resolution condemning hate after Omar anti-Semitism controversy");
        assertThat(StoryHeadline.isFeatureTitle("Can our friends trust the US as an ally? Most Americans say no")).isTrue();
        assertThat(StoryHeadline.isFeatureTitle("Six Takeaways From the October Democratic Debate")).isTrue();
        assertThat(StoryHeadline.isFeatureTitle("The October Democratic Debate In 6 Charts")).isTrue();
        assertThat(StoryHeadline.isFeatureTitle("House passes bill rejecting Trump's border wall emergency")).isFalse();
        assertThat(StoryHeadline.isFeatureTitle("USA TODAY analysis: America's coronavirus 'curve' may be at its most dangerous point")).isTrue();
        assertThat(StoryHeadline.isFeatureTitle("The Absurd Case against the Coronavirus Lockdown")).isTrue();
    }

    @Test
    void aCommentatorsVoiceOrAFactCheckDoesNotNameAStory() {
        List<Article> members = List.of(
                article("a", "Vox", "https://www.vox.com/2020/4/17/overreact", "We’re not overreacting to the coronavirus", "2020-04-17"),
                article("b", "USA TODAY", "https://www.usatoday.com/story/news/factcheck/2020/04/17/fact-check-stay-home-orders/1",
                        "Stay-at-home orders did not start in the US because of a conspiracy", "2020-04-17"),
                article("c", "The Week", "https://theweek.com/articles/1", "Stay-at-home orders are here. The governors are out of their depth", "2020-04-17"),
                article("d", "Associated Press", "https://apnews.com/4", "Trump issues guidelines for states to ease stay-at-home orders", "2020-04-17"));
        assertThat(StoryHeadline.choose(members, Map.of(), REGISTRY)).isEqualTo("Trump issues guidelines for states to ease stay-at-home orders");
        assertThat(StoryHeadline.inCommentatorsVoice("Remember, No One Is Coming to Save Us")).isTrue();
        assertThat(StoryHeadline.inCommentatorsVoice("Camouflaged federal agents have descended on Portland. Trump's DHS is out of control")).isTrue();
        // Someone else's first person, quoted or after a speaker's name, and "US" the country are a report's words.
        assertThat(StoryHeadline.inCommentatorsVoice("Trump: ‘I Said Roy Moore Will Not Be Able to Win’ in Alabama")).isFalse();
        assertThat(StoryHeadline.inCommentatorsVoice("Coronavirus cases in the US pass 100,000")).isFalse();
        assertThat(StoryHeadline.inCommentatorsVoice("Trump, Lacking Clear Authority, Says U.S. Will Declare Antifa a Terrorist Group")).isFalse();
        assertThat(StoryHeadline.inCommentatorsVoice("Pelosi says \"we will not back down\" on impeachment")).isFalse();
        // Wire style, not a verdict: "slams" names the gun-lobby story better than a media spat does.
        assertThat(StoryHeadline.inCommentatorsVoice("U.S. gun lobby slams anti-gun 'elites' after Florida school massacre")).isFalse();
    }
}
