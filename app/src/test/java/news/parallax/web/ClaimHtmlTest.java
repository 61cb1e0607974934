package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.claims.ClaimAnalyzer;
import news.parallax.claims.StoryClaims;
import news.parallax.model.Article;
import org.junit.jupiter.api.Test;

/** The story page's claims fragment: escaped, and flagging groups whose sources disagree (moved from claims). */
class ClaimHtmlTest {

    private static StoryClaims story(String text) {
        Article a = new Article("a<1>", "Outlet", null, null, "", Instant.parse("2024-10-20T00:00:00Z"), List.of(),
                text, "test", "en", Map.of());
        Article b = new Article("b1", "Other", null, null, "", Instant.parse("2024-10-21T00:00:00Z"), List.of(),
                "Officials said 3,000 troops were sent.", "test", "en", Map.of());
        return new ClaimAnalyzer().analyze(List.of(a, b));
    }

    @Test
    void htmlEscapesEverythingFromArticles() {
        String html = ClaimHtml.render(story("The <script>alert(1)</script> Agency said 1,500 troops were sent."));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("a&lt;1&gt;");
    }

    @Test
    void htmlFlagsDisagreement() {
        String html = ClaimHtml.render(story("The agency said 1,500 troops were sent."));
        assertThat(html).contains("class=\"claim-group disagree\"").contains("sources disagree");
    }

    @Test
    void emptyStoryRendersAMessage() {
        assertThat(ClaimHtml.render(new ClaimAnalyzer().analyze(List.of()))).contains("No figures or disputed claims found.");
    }
}
