package news.parallax.extract;

import static news.parallax.extract.Pages.P1;
import static news.parallax.extract.Pages.P2;
import static news.parallax.extract.Pages.P3;
import static news.parallax.extract.Pages.P4;
import static news.parallax.extract.Pages.extract;
import static news.parallax.extract.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-root boilerplate step: boxes and lines the body roots hold besides the article's run of paragraphs. */
class InRootBoilerplateTest {
    private static final String HEADLINE = "<h1>Council approves tram extension</h1>";

    /** {@code n} distinct paragraphs of article prose. */
    private static List<String> prose(int n) {
        String[] base = {P1, P2, P3, P4};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(base[i % 4] + (i < 4 ? "" : " (" + i + ")"));
        return out;
    }

    private static String run(List<String> paragraphs) {
        StringBuilder b = new StringBuilder("<div class=\"text\">");
        for (String p : paragraphs) b.append("<p>").append(p).append("</p>");
        return b.append("</div>").toString();
    }

    @Test
    void smallUnnamedBoxAfterTheMainRunIsDropped() throws Exception {
        List<String> text = prose(6);
        String body = "<article>" + HEADLINE + run(text) + "<div class=\"x-box\"><p>Jane Roe has reported on transport and "
                + "city politics for this paper since 2015.</p></div></article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactlyElementsOf(text);
    }

    @Test
    void aLargeSectionAfterTheMainRunIsKept() throws Exception {
        List<String> text = prose(4);
        String more = "<div class=\"x-part\"><p>" + P1 + " Later.</p><p>" + P2 + " Later.</p></div>";
        List<String> all = new ArrayList<>(text);
        all.add(P1 + " Later.");
        all.add(P2 + " Later.");
        assertThat(extract(page("", "<article>" + HEADLINE + run(text) + more + "</article>")).paragraphs()).containsExactlyElementsOf(all);
    }

    @Test
    void standfirstInItsOwnBoxAheadOfTheRunIsKept() throws Exception {
        List<String> text = prose(10);
        String lead = "The tram reaches the suburbs at last.";
        String body = "<article>" + HEADLINE + "<div class=\"x-intro\"><p>" + lead + "</p></div>" + run(text) + "</article>";
        assertThat(extract(page("", body)).paragraphs()).first().isEqualTo(lead);
    }

    @Test
    void captionLineInATinyBoxAheadOfTheRunIsDropped() throws Exception {
        List<String> text = prose(16);
        String body = "<article>" + HEADLINE + "<div class=\"x-pic\"><div>Photo: Jane Roe / Example Picture Agency</div></div>"
                + run(text) + "</article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactlyElementsOf(text);
    }

    @Test
    void shortLinkedLineAtTheEndIsDroppedButNotInsideTheText() throws Exception {
        List<String> text = prose(6);
        String inside = "The route map, with every stop and the walking distances, is on <a href=\"/map\">the department's site</a>.";
        String end = "More on the tram plans at <a href=\"/trams\">example.org/trams</a>";
        StringBuilder body = new StringBuilder("<article>" + HEADLINE + "<div class=\"text\">");
        for (int i = 0; i < text.size(); i++) {
            body.append("<p>").append(text.get(i)).append("</p>");
            if (i == 1) body.append("<p>").append(inside).append("</p>");
        }
        body.append("<p>").append(end).append("</p></div></article>");
        List<String> out = extract(page("", body.toString())).paragraphs();
        assertThat(out).contains("The route map, with every stop and the walking distances, is on the department's site.").doesNotContain("More on the tram plans at example.org/trams");
        assertThat(out).containsAll(text);
    }

    @Test
    void lastParagraphOfTheRunIsKept() throws Exception {
        List<String> text = prose(6);
        assertThat(extract(page("", "<article>" + HEADLINE + run(text) + "</article>")).paragraphs()).containsExactlyElementsOf(text);
    }

    @Test
    void signalsFindTheMainRunAndTheShareOfEachBox() throws Exception {
        List<String> text = prose(6);
        String html = page("", "<article>" + HEADLINE + run(text) + "<div class=\"x-box\"><p>Jane Roe has reported on transport "
                + "and city politics for this paper since 2015.</p></div></article>");
        List<List<TextBlock>> seen = new ArrayList<>();
        List<InRootBoilerplate.Signals[]> signals = new ArrayList<>();
        new DefaultHtmlExtractor().extract(Pages.utf8(html), "https://example.org/a", null, new DefaultHtmlExtractor.BlockProbe() {
            @Override
            public void candidates(List<TextBlock> blocks, BlockFeatures features, List<Integer> candidates) {}

            @Override
            public void output(List<TextBlock> body, InRootBoilerplate.Signals[] s) {
                seen.add(body);
                signals.add(s);
            }
        });
        InRootBoilerplate.Signals[] s = signals.getFirst();
        assertThat(s).hasSize(7);
        for (int j = 0; j < 6; j++) {
            assertThat(s[j].mainRun()).isTrue();
            assertThat(s[j].trailing()).isFalse();
        }
        assertThat(s[6].mainRun()).isFalse();
        assertThat(s[6].trailing()).isTrue();
        assertThat(s[6].inRoot()).isTrue();
        double boxShare = (double) seen.getFirst().get(6).weight() / seen.getFirst().stream().mapToInt(TextBlock::weight).sum();
        assertThat(s[6].branchShare()).isCloseTo(boxShare, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s[6].mainShare()).isCloseTo(1 - boxShare, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void longBodyOnAPageDeclaredAWebsiteIsAnArticleDespiteLongLinkMenus() throws Exception {
        List<String> text = prose(16);
        StringBuilder menu = new StringBuilder("<div class=\"x-menu\"><ul>");
        for (int i = 0; i < 200; i++) {
            menu.append("<li><a href=\"/n").append(i).append("\">Another headline about city matters, number ").append(i).append("</a></li>");
        }
        menu.append("</ul></div>");
        String head = "<meta property=\"og:type\" content=\"website\">";
        ExtractedPage p = extract(page(head, menu + "<article>" + HEADLINE + run(text) + "</article>"));
        assertThat(p.isArticle()).as(p.notArticleReason()).isTrue();
        assertThat(p.paragraphs()).containsExactlyElementsOf(text);
        // The same menus around a short intro: still a list page.
        ExtractedPage front = extract(page(head, menu + "<article>" + HEADLINE + run(prose(4)) + "</article>"));
        assertThat(front.isArticle()).isFalse();
        assertThat(front.notArticleReason()).startsWith("list page");
    }
}
