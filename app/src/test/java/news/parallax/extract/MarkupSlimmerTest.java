package news.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupSlimmerTest {
    private static String slim(String html) {
        return MarkupSlimmer.slim(html);
    }

    @Test
    void multiByteTextAroundDroppedPartsSurvives() {
        assertThat(slim("<p>Grüße 東京</p><script>x</script><p>Привет</p>")).isEqualTo("<p>Grüße 東京</p><script></script><p>Привет</p>");
    }

    @Test
    void dropsScriptStyleSvgAndCommentBodies() {
        String html = "<p>a</p><script>var s = '<p>not text</p>';</script><STYLE>p{}</STYLE><!-- <p>old</p> -->"
                + "<svg viewBox=\"0 0 1 1\"><text>icon</text></svg><p>b</p>";
        assertThat(slim(html)).isEqualTo("<p>a</p><script></script><STYLE></STYLE><svg viewBox=\"0 0 1 1\"></svg><p>b</p>");
    }

    @Test
    void keepsJsonLd() {
        String html = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>a</p>";
        assertThat(slim(html)).isEqualTo(html);
    }

    @Test
    void unclosedScriptOrCommentRunsToTheEnd() {
        assertThat(slim("<p>a</p><script>never closed <p>b</p>")).isEqualTo("<p>a</p><script>");
        assertThat(slim("<p>a</p><!-- never closed")).isEqualTo("<p>a</p>");
    }

    @Test
    void tagNamesThatOnlyStartLikeScriptAreKept() {
        String html = "<scripted>text</scripted><styles>x</styles>";
        assertThat(slim(html)).isEqualTo(html);
    }

    @Test
    void pageWithoutMarkupIsReturnedAsIs() {
        assertThat(slim("plain text")).isEqualTo("plain text");
        assertThat(slim("<")).isEqualTo("<");
    }
}
