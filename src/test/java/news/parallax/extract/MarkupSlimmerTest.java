package news.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupSlimmerTest {
    @Test
    void dropsScriptStyleSvgAndCommentBodies() {
        String html = "<p>a</p><script>var s = '<p>not text</p>';</script><STYLE>p{}</STYLE><!-- <p>old</p> -->"
                + "<svg viewBox=\"0 0 1 1\"><text>icon</text></svg><p>b</p>";
        assertThat(MarkupSlimmer.slim(html)).isEqualTo("<p>a</p><script></script><STYLE></STYLE><svg viewBox=\"0 0 1 1\"></svg><p>b</p>");
    }

    @Test
    void keepsJsonLd() {
        String html = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>a</p>";
        assertThat(MarkupSlimmer.slim(html)).isEqualTo(html);
    }

    @Test
    void unclosedScriptOrCommentRunsToTheEnd() {
        assertThat(MarkupSlimmer.slim("<p>a</p><script>never closed <p>b</p>")).isEqualTo("<p>a</p><script>");
        assertThat(MarkupSlimmer.slim("<p>a</p><!-- never closed")).isEqualTo("<p>a</p>");
    }

    @Test
    void tagNamesThatOnlyStartLikeScriptAreKept() {
        String html = "<scripted>text</scripted><styles>x</styles>";
        assertThat(MarkupSlimmer.slim(html)).isEqualTo(html);
    }

    @Test
    void pageWithoutMarkupIsReturnedAsIs() {
        assertThat(MarkupSlimmer.slim("plain text")).isEqualTo("plain text");
        assertThat(MarkupSlimmer.slim("<")).isEqualTo("<");
    }
}
