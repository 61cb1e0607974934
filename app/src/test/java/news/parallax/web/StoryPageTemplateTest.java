package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.StoryView;
import news.parallax.analysis.StoryView.ArticleView;
import news.parallax.analysis.StoryView.FigureAnswer;
import news.parallax.analysis.StoryView.FigureQuestion;
import news.parallax.analysis.StoryView.OutletRef;
import news.parallax.analysis.StoryView.SummarySentence;
import news.parallax.model.JoinReason;
import org.junit.jupiter.api.Test;

/**
 * The story template on a hand-built view: the figures panel, the Opinion label, key points per side, sourced
 * summary sentences, dates without a time, and the editor's toggle (no local path anywhere).
 */
class StoryPageTemplateTest {
    private static final Instant DATE_ONLY = Instant.parse("2024-10-21T00:00:00Z");
    private static final Instant TIMED = Instant.parse("2024-10-22T14:05:00Z");
    private static final String LOCAL_PATH = "/home/editor/private/seeds/seed_004.txt";

    private static StoryView view() {
        JoinReason joined = new JoinReason(0.57, List.of("north", "troops"), List.of("Kim Jong Un"), "a1", 0.50);
        List<ArticleView> articles = List.of(
                new ArticleView("a1", "Yonhap", "center", "North Korea sends troops to Russia", "https://yonhap.example/1", DATE_ONLY,
                        LOCAL_PATH, "text", null, null, null, null, false),
                new ArticleView("a2", "Reuters", "center", "Seoul: 3,000 troops moved", "https://reuters.example/2", TIMED,
                        "https://reuters.example/2", "text", null, joined, null, null, false),
                new ArticleView("a3", "The Daily Column", "right", "Why the troop story matters", "https://column.example/3", TIMED,
                        "https://column.example/3", "text", null, joined, null, null, true));
        List<FigureQuestion> figures = List.of(new FigureQuestion("How many North Korean troops are in Russia?", List.of(
                new FigureAnswer("1,500", "estimated", "NIS", List.of(new OutletRef("Yonhap", "center")), DATE_ONLY),
                new FigureAnswer("3,000", "asserted", "South Korean lawmakers",
                        List.of(new OutletRef("Reuters", "center"), new OutletRef("Fox News", "right")), TIMED),
                new FigureAnswer("10,000", "denied", null, List.of(new OutletRef("The Guardian", "left")), null))));
        StoryView base = new StoryView("s1", "North Korean troops in Russia", "Summary.", 3, 3,
                new StoryView.Landscape(0, 2, 1, 0), Map.of("center", List.of("Troops were sent.")), articles, List.of(), List.of(),
                DATE_ONLY, TIMED, Map.of(), Map.of(), Map.of(), null,
                List.of(new SummarySentence("South Korea's spy agency said 1,500 troops were sent.", List.of("a1", "a2"), List.of("Yonhap", "Reuters"))),
                Map.of("center", List.of(new SummarySentence("Troops were sent.", List.of("a1"), List.of("Yonhap")))),
                StoryView.Timeline.EMPTY, List.of(), List.of());
        return base.withFigures(figures);
    }

    private static String page() {
        return Templates.story(new PageModels.StoryPage(view(), false, "tok", ReportPolicy.KINDS));
    }

    @Test
    void figuresPanelListsEachQuestionWithItsAnswersOutletsSidesStanceAndDate() {
        String html = page();
        String panel = html.substring(html.indexOf("<section id=\"figures\""), html.indexOf("</section>", html.indexOf("<section id=\"figures\"")));
        assertThat(panel).contains("Figures in dispute", "<p class=\"question\">How many North Korean troops are in Russia?</p>");
        String text = panel.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(text).contains("1,500 (NIS, via Yonhap) estimated 21 Oct 2024", "3,000 (South Korean lawmakers, via Reuters, Fox News) 22 Oct 2024",
                "10,000 (The Guardian) denied");
        assertThat(panel).contains("class=\"outlet center-text\"", "class=\"outlet right-text\"", "class=\"outlet left-text\"",
                "<time class=\"meta\" datetime=\"2024-10-21\">21 Oct 2024</time>");
        // "asserted" needs no label; the old claims table is gone from the page.
        assertThat(panel).doesNotContain("asserted");
        assertThat(html).doesNotContain("claim-group", "Claims and figures");
    }

    @Test
    void noFiguresSaysSo() {
        StoryView v = view().withFigures(List.of());
        String html = Templates.story(new PageModels.StoryPage(v, false, "tok", ReportPolicy.KINDS));
        assertThat(html).contains("Figures in dispute", "No figure is reported differently by two outlets");
    }

    @Test
    void opinionPiecesAreLabelled() {
        String html = page();
        assertThat(html).containsPattern("Why the troop story matters</a>\\s*<span class=\"label-opinion\">Opinion</span>");
        assertThat(html).doesNotContainPattern("Seoul: 3,000 troops moved</a>\\s*<span class=\"label-opinion\">");
    }

    @Test
    void keyPointsNameTheirOutletsAndASideWithoutCoverageSaysSoExactly() {
        String html = page();
        String center = html.substring(html.indexOf("id=\"key-points-center\""), html.indexOf("id=\"key-points-right\""));
        assertThat(center).contains("Troops were sent.", "(Yonhap)", "href=\"#article-a1\"");
        String left = html.substring(html.indexOf("id=\"key-points-left\""), html.indexOf("id=\"key-points-center\""));
        assertThat(left).contains("<p class=\"no-coverage\">No summary available because of a lack of coverage.</p>");
    }

    @Test
    void summarySentencesLinkToTheirArticles() {
        assertThat(page()).containsPattern("<span class=\"summary-sentence\">South Korea's spy agency said 1,500 troops were sent\\."
                + "<sup class=\"sources\" title=\"Yonhap, Reuters\"><a href=\"#article-a1\"[^>]*>1</a>,<a href=\"#article-a2\"[^>]*>2</a></sup>");
    }

    @Test
    void datesWithoutATimeAreShownAsDates() {
        String html = page();
        assertThat(html).contains("first seen <time datetime=\"2024-10-21\">21 Oct 2024</time>", "22 Oct 2024, 14:05 UTC")
                .doesNotContain("00:00 UTC");
    }

    @Test
    void joinReasonsAreBehindTheEditorToggleAndLocalPathsAreNeverShown() {
        String html = page();
        int toggle = html.indexOf("<details class=\"editor\" id=\"how-built\">");
        assertThat(toggle).isPositive();
        assertThat(html.indexOf("score 0.57, needed 0.50")).isGreaterThan(toggle);
        assertThat(html.substring(0, toggle)).doesNotContain("score", "joined on");
        assertThat(html).doesNotContain(LOCAL_PATH, "seed_004").contains("read from a local file");
    }
}
