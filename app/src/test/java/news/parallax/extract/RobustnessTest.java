package news.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: every case ends in an article, a not-an-article answer or an
 * {@link ExtractionException} with a reason. The timeouts are safety nets against hangs, far above
 * normal run time, not performance measurements.
 */
class RobustnessTest {
    static final Duration HANG_GUARD = Duration.ofSeconds(60);
    final HtmlExtractor extractor = HtmlExtractors.standard();

    @Test
    void emptyPageIsAnError() {
        assertThatThrownBy(() -> extractor.extract(new byte[0], "empty.html", null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("empty.html").hasMessageContaining("empty");
    }

    @Test
    void pageWithoutTextIsAnError() {
        byte[] html = "<html><head></head><body><div><img src=a.png></div></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extractor.extract(html, "blank.html", null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("blank.html: page has no text");
    }

    @Test
    void whitespaceOnlyPageIsAnError() {
        assertThatThrownBy(() -> extractor.extract("   \n\t  ".getBytes(StandardCharsets.UTF_8), "ws.html", null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("no text");
    }

    @Test
    void imageIsAnError() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> extractor.extract(png, "photo.html", null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("photo.html").hasMessageContaining("PNG image");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        assertThatThrownBy(() -> extractor.extract(jpeg, "photo.jpg", null)).hasMessageContaining("JPEG image");
    }

    @Test
    void binaryJunkWithHtmlNameIsAnError() {
        byte[] junk = new byte[100_000];
        new Random(42).nextBytes(junk);
        assertThatThrownBy(() -> extractor.extract(junk, "junk.html", null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("junk.html").hasMessageContaining("binary data");
    }

    @Test
    void truncatedPageStillGivesTheArticle() throws Exception {
        String full = Pages.page("<title>Tram</title>", Pages.nav() + Pages.article(Pages.P1, Pages.P2, Pages.P3, Pages.P4));
        String cut = full.substring(0, full.indexOf(Pages.P4) + 40); // ends inside the last paragraph, tags unclosed
        ExtractedPage p = Pages.extract(cut);
        assertThat(p.isArticle()).isTrue();
        assertThat(p.text()).contains(Pages.P1).contains(Pages.P3);
    }

    @Test
    void malformedMarkupIsRepaired() throws Exception {
        String html = "<html><body><div><p>" + Pages.P1 + "<p>" + Pages.P2 + "</span></b><div><p>" + Pages.P3
                + "<table><tr><td></p></div></div>" + Pages.P4 + "<</body";
        ExtractedPage p = Pages.extract(html);
        assertThat(p.text()).contains(Pages.P1).contains(Pages.P2).contains(Pages.P3);
    }

    @Test
    void tenThousandLevelsOfNesting() {
        StringBuilder b = new StringBuilder("<html><body>");
        b.append("<div>".repeat(10_000));
        b.append("<p>").append(Pages.P1).append("</p><p>").append(Pages.P2).append("</p><p>").append(Pages.P3).append("</p>");
        b.append("</div>".repeat(10_000)).append("</body></html>");
        ExtractedPage p = assertTimeoutPreemptively(HANG_GUARD, () -> Pages.extract(b.toString()));
        assertThat(p.text()).contains(Pages.P1).contains(Pages.P3);
    }

    @Test
    void deepNestingWithTextAtEveryLevel() {
        StringBuilder b = new StringBuilder("<html><body>");
        for (int i = 0; i < 10_000; i++) b.append("<div><span>level ").append(i).append("</span>");
        b.append("</body></html>");
        // Any clear answer will do; what matters is no StackOverflowError and no hang.
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                ExtractedPage p = Pages.extract(b.toString());
                assertThat(p.location()).isNotEmpty();
            } catch (ExtractionException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void twentyMegabytePage() {
        StringBuilder b = new StringBuilder(21_000_000).append("<html><head><title>Huge</title></head><body><article><h1>Huge</h1>");
        while (b.length() < 20_000_000) b.append("<p>").append(Pages.P1).append(' ').append(b.length()).append("</p>");
        b.append("</article></body></html>");
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(20_000_000);
        ExtractedPage p = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(bytes, "huge.html", null));
        assertThat(p.isArticle()).isTrue();
        assertThat(p.paragraphs()).isNotEmpty();
    }

    @Test
    void twentyMegabytesOfTinyTags() {
        byte[] bytes = ("<html><body>" + "<b>x</b><i>y</i>".repeat(1_300_000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(20_000_000);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            // One long run of "xy" text: any clear answer is right, a hang or an OutOfMemoryError is not.
            ExtractedPage p = extractor.extract(bytes, "tags.html", null);
            assertThat(p.isArticle() ? p.paragraphs() : List.of(p.notArticleReason())).isNotEmpty();
        });
    }

    @Test
    void articleAfterTenMegabytesOfInlineScriptIsFound() throws Exception {
        String script = "<script>var state = \"" + "x".repeat(10_000_000) + "\";</script>";
        String html = Pages.page("<title>Tram</title>" + script, Pages.article(Pages.P1, Pages.P2, Pages.P3));
        ExtractedPage p = assertTimeoutPreemptively(HANG_GUARD, () -> Pages.extract(html));
        assertThat(p.paragraphs()).containsExactly(Pages.P1, Pages.P2, Pages.P3);
    }

    @Test
    void hugeJsonLdIsSkippedNotFatal() throws Exception {
        String json = "{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        String html = Pages.page("<script type=\"application/ld+json\">" + json + "</script><title>Tram</title>",
                Pages.article(Pages.P1, Pages.P2, Pages.P3));
        ExtractedPage p = Pages.extract(html);
        assertThat(p.text()).contains(Pages.P2);
    }

    @Test
    void plainTextIsReadAsAPage() throws Exception {
        String text = Pages.P1 + "\n\n" + Pages.P2 + "\n\n" + Pages.P3;
        ExtractedPage p = extractor.extract(text.getBytes(StandardCharsets.UTF_8), "notes.txt", null);
        assertThat(p.text()).contains("tram network");
    }
}
