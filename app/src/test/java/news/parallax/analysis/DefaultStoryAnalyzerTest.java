package news.parallax.analysis;

import static news.parallax.analysis.Fixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.parallax.model.Article;
import news.parallax.model.Bias;
import news.parallax.outlets.DefaultOutletRegistry;
import news.parallax.outlets.Outlet;
import org.junit.jupiter.api.Test;

class DefaultStoryAnalyzerTest {
    private static Outlet outlet(String domain, String name, Bias bias, String factuality) {
        return new Outlet(domain, name, List.of(), bias, factuality, null, null,
                List.of(new Outlet.Rating("test rater", bias.key(), factuality, null)));
    }

    private static final DefaultOutletRegistry REGISTRY = new DefaultOutletRegistry(List.of(
            outlet("left1.example", "Left One", Bias.LEFT, "high"),
            outlet("left2.example", "Left Two", Bias.LEAN_LEFT, "high"),
            outlet("left3.example", "Left Three", Bias.LEFT, "mixed"),
            outlet("center1.example", "Center One", Bias.CENTER, "high"),
            outlet("center2.example", "Center Two", Bias.CENTER, "high"),
            outlet("right1.example", "Right One", Bias.RIGHT, "mixed"),
            outlet("right2.example", "Right Two", Bias.LEAN_RIGHT, "high")));

    private static final String COMMON = "The city council voted 7 to 2 on Tuesday to approve a $40 million transit budget for next year. ";

    private static final List<Article> ARTICLES = List.of(
            article("l1", "Left One", "left1.example", "Council backs greener buses", "2024-03-05T10:00:00Z",
                    COMMON + "Supporters said the electric bus fleet will cut the city's carbon emissions by a third within five years.\n\n"
                            + "Climate groups praised the plan as a model for other cities facing rising emissions from traffic."),
            article("l2", "Left Two", "left2.example", "Transit budget wins approval", "2024-03-05T11:30:00Z",
                    "Council members approved the $40 million transit budget on Tuesday after a long debate over bus routes. "
                            + "Environmental advocates said the electric buses would sharply reduce carbon emissions across the city.\n\n"
                            + "Low-income riders in the eastern districts will get three new bus lines under the plan."),
            article("l3", "Left Three", "left3.example", "Buses for the east side", "2024-03-06T09:00:00Z",
                    "Riders in the eastern districts welcomed the three new bus lines included in the approved transit budget. "
                            + "Community organisers said the new lines would connect low-income neighbourhoods to hospitals and jobs."),
            article("c1", "Center One", "center1.example", "Council approves $40 million transit budget", "2024-03-05T09:00:00Z",
                    COMMON + "The budget funds electric buses, three new bus lines and repairs to the central station.\n\n"
                            + "The plan will be paid for partly by a small increase in the property tax rate, officials said."),
            article("c2", "Center Two", "center2.example", "Transit spending plan passes", "2024-03-05T12:00:00Z",
                    "The council approved the $40 million transit budget on Tuesday by a vote of 7 to 2. "
                            + "Officials said the money covers electric buses, new routes and repairs to the central station."),
            article("r1", "Right One", "right1.example", "Taxpayers stuck with transit bill", "2024-03-05T14:00:00Z",
                    "The council approved a $40 million transit budget on Tuesday that raises property taxes for homeowners. "
                            + "Taxpayer groups warned the property tax increase will cost the average household $180 a year.\n\n"
                            + "Two council members who voted against it said ridership has not recovered since 2019."),
            article("r2", "Right Two", "right2.example", "Property tax rises to fund buses", "2024-03-06T08:00:00Z",
                    "Homeowners will pay higher property taxes after the council approved a $40 million transit budget. "
                            + "Critics said ridership remains far below 2019 levels and questioned spending on empty buses."),
            // A wire copy of c1 re-published by another outlet: shown, not counted.
            article("x1", "Left One", "left1.example", "Council approves $40 million transit budget", "2024-03-05T13:00:00Z",
                    COMMON + "The budget funds electric buses, three new bus lines and repairs to the central station."));

    private final StoryView view = new DefaultStoryAnalyzer(REGISTRY).analyze(Fixtures.story(ARTICLES, Map.of("x1", "c1")));

    private static Set<String> idsOf(String... prefixes) {
        return ARTICLES.stream().map(Article::id).filter(id -> List.of(prefixes).contains(id.substring(0, 1)))
                .collect(Collectors.toSet());
    }

    @Test
    void landscapeCountsIndependentSourcesWithTheirHeadlines() {
        assertThat(view.landscape()).isEqualTo(new StoryView.Landscape(3, 2, 2, 0));
        assertThat(view.sourceCount()).isEqualTo(7);
        assertThat(view.articleCount()).isEqualTo(8);
        assertThat(view.coverage().get("left").percent()).isEqualTo(43);
        assertThat(view.coverage().get("right").headlines()).extracting(StoryView.Headline::title)
                .containsExactly("Taxpayers stuck with transit bill", "Property tax rises to fund buses");
        assertThat(view.coverage().get("center").headlines().get(0).copies()).containsExactly("Left One");
        assertThat(view.factualityMix()).containsEntry("high", 5).containsEntry("mixed", 2);
        assertThat(view.ownershipMix()).containsEntry("unknown", 7);
        assertThat(view.blindspot()).isNull();
    }

    @Test
    void keyPointsOfEachSideComeOnlyFromThatSidesArticles() {
        for (String side : List.of("left", "center", "right")) {
            List<StoryView.SummarySentence> points = view.keyPointSentences().get(side);
            assertThat(points).as(side).isNotEmpty();
            Set<String> allowed = idsOf(side.substring(0, 1));
            assertThat(points).allSatisfy(p -> assertThat(allowed).containsAll(p.articleIds()));
        }
    }

    @Test
    void keyPointsStressWhatOnlyThatSideReports() {
        assertThat(String.join(" ", view.keyPoints().get("left"))).containsIgnoringCase("emissions");
        assertThat(String.join(" ", view.keyPoints().get("right"))).containsIgnoringCase("tax");
    }

    @Test
    void aKeyPointIsNotWhatAnotherSideAlsoSays() {
        // The vote, which the centre's articles state word for word, is no point the left stresses; the left has its own.
        assertThat(view.keyPoints().get("left")).noneMatch(p -> p.contains("voted 7 to 2"));
        assertThat(view.keyPoints().get("left")).hasSize(3);
    }

    @Test
    void summarySentencesLinkToEveryArticleThatStatesThem() {
        assertThat(view.summarySentences()).hasSizeBetween(3, 6);
        // The lead sentence is the best corroborated one: several sources on more than one side state it.
        StoryView.SummarySentence lead = view.summarySentences().get(0);
        assertThat(lead.articleIds()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lead.articleIds().stream().map(id -> id.substring(0, 1)).distinct().count()).isGreaterThanOrEqualTo(2);
        // A sentence two outlets print verbatim links to both.
        StoryView.SummarySentence shared = view.summarySentences().stream()
                .filter(s -> s.text().startsWith("The budget funds electric buses")).findFirst().orElseThrow();
        assertThat(shared.articleIds()).contains("c1", "c2");
    }

    @Test
    void timelineNamesTheFirstReport() {
        assertThat(view.timeline().firstReport().outlet()).isEqualTo("Center One");
        assertThat(view.timeline().bucket()).isEqualTo("hour");
        int counted = view.timeline().buckets().stream().mapToInt(b -> b.left() + b.center() + b.right() + b.unrated()).sum();
        assertThat(counted).isEqualTo(7);
    }

    @Test
    void sideWithOneSourceGetsNoKeyPoints() {
        List<Article> twoSides = ARTICLES.stream().filter(a -> !a.id().equals("r2") && !a.id().equals("x1")).toList();
        StoryView v = new DefaultStoryAnalyzer(REGISTRY).analyze(Fixtures.story(twoSides, Map.of()));
        assertThat(v.keyPoints().get("right")).isEmpty();
        assertThat(v.keyPoints().get("left")).isNotEmpty();
    }

    @Test
    void unknownOutletIsUnratedNotGuessed() {
        Article stray = article("u1", "Some Blog", "someblog.example", "Budget passes", "2024-03-07T08:00:00Z",
                "The council approved the transit budget on Tuesday after a long debate.");
        StoryView v = new DefaultStoryAnalyzer(REGISTRY).analyze(Fixtures.story(List.of(ARTICLES.get(0), stray), Map.of()));
        assertThat(v.landscape()).isEqualTo(new StoryView.Landscape(1, 0, 0, 1));
        assertThat(v.articles()).filteredOn(a -> a.id().equals("u1")).extracting(StoryView.ArticleView::bias).containsExactly("unrated");
    }
}
