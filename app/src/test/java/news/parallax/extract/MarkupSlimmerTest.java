package news.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    @Test
    void dropsAttributesNothingReads() {
        String html = "<div class=\"story\" data-track='{\"a\":1}' id=main srcset=\"a.jpg 1x, b.jpg 2x\" hidden>x</div>";
        assertThat(slim(html)).isEqualTo("<div class=\"story\" id=main hidden>x</div>");
    }

    @Test
    void attributeNamesAreComparedWithoutCase() {
        assertThat(slim("<META PROPERTY=\"og:title\" DATA-X=\"1\" CONTENT=\"Tram\">")).isEqualTo("<META PROPERTY=\"og:title\" CONTENT=\"Tram\">");
    }

    @Test
    void quotedValuesMayHoldAngleBrackets() {
        String html = "<a data-html=\"<b title=x>bold</b> > <!-- c -->\" href=\"/tram\">Tram</a><p>b</p>";
        assertThat(slim(html)).isEqualTo("<a href=\"/tram\">Tram</a><p>b</p>");
    }

    @Test
    void selfClosingEndIsKept() {
        assertThat(slim("<img alt=\"Tram\" src=\"t.png\" />x")).isEqualTo("<img src=\"t.png\"/>x");
        assertThat(slim("<a href=/tram/ data-x=y>x</a>")).isEqualTo("<a href=/tram/>x</a>");
    }

    @Test
    void tagsWithNothingToDropAreLeftAsWritten() {
        String html = "<div\n  class = \"a\"\tid='b'><p>x</p></div>";
        assertThat(slim(html)).isSameAs(html);
    }

    @Test
    void tagsInsideTextElementsAndJsonLdAreText() {
        String title = "<title>Why <b data-x=1> is not bold</title><p data-y=2>x</p>";
        assertThat(slim(title)).isEqualTo("<title>Why <b data-x=1> is not bold</title><p>x</p>");
        String ld = "<script type=\"application/ld+json\">{\"articleBody\":\"<p data-y=2>x</p>\"}</script><p data-y=2>x</p>";
        assertThat(slim(ld)).isEqualTo("<script type=\"application/ld+json\">{\"articleBody\":\"<p data-y=2>x</p>\"}</script><p>x</p>");
        String textarea = "<textarea data-a=1><i data-b=2></textarea >";
        assertThat(slim(textarea)).isEqualTo("<textarea><i data-b=2></textarea >");
    }

    @Test
    void tagsReadDifferentlyByParsersAreLeftAloneWithTheRestOfThePage() {
        for (String html : List.of("<div a\"b=1 data-x=2>x</div>", "<div data-x=\"never closed>x</div>", "<div data-x=a\"b>x</div>",
                "<div data-x=1 / class=a>x</div>", "<div <p data-x=1>x")) {
            assertThat(slim(html + "<p data-y=1>after</p>")).as(html).isEqualTo(html + "<p data-y=1>after</p>");
        }
        assertThat(slim("<p data-y=1>before</p><div a\"b=1>")).isEqualTo("<p>before</p><div a\"b=1>");
    }

    /** Every attribute the extractor's sources read ({@code attr("x")}, {@code hasAttr("x")}, {@code [x=...]}) is kept. */
    @Test
    void everyAttributeTheExtractorReadsIsKept() throws IOException {
        // Tests run from the project root (README); from the module directory when run alone by an IDE.
        Path sources = Path.of("app/src/main/java/news/parallax/extract");
        if (!Files.isDirectory(sources)) sources = Path.of("src/main/java/news/parallax/extract");
        Pattern read = Pattern.compile("(?:attr|hasAttr)\\(\"([a-zA-Z:-]+)\"\\)|\\[([a-zA-Z:-]+)[*^$]?=");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.toList()) {
                Matcher m = read.matcher(Files.readString(f));
                while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(names).contains("content", "itemprop", "src");
        assertThat(MarkupSlimmer.KEPT_ATTRIBUTES).contains("class", "id"); // read through className() and id()
        assertThat(List.of(MarkupSlimmer.KEPT_ATTRIBUTES)).containsAll(names);
    }

    /**
     * On markup without scripts, styles, SVG or comments the only change is the dropped attributes: the parsed tree,
     * with every element's kept attributes and every text node, is the same, also on randomly broken copies of a page.
     */
    @Test
    void parsedTreeIsTheSameWithoutTheDroppedAttributes() {
        String page = "<html lang=en><head><meta charset=utf-8><title data-t=1>Tram <b>line</b></title>"
                + "<meta property=\"og:title\" content=\"Tram\" data-x=1><link rel=canonical href=\"/tram\" as=style></head>"
                + "<body class=\"page\" data-theme='dark' onload=\"init()\"><div id=main data-props='{\"a\":\"<p>\"}'>"
                + "<h1 itemprop=headline data-a=x>Council approves tram</h1><p data-block=\"1\" title=\"a > b\">First <a href=\"/x\" "
                + "target=_blank rel=noopener>link</a> text.</p><img src=\"a.jpg\" srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"A tram\" loading=lazy>"
                + "<table data-t=1><tr><td>1<input type=hidden name=a value=b><td data-c=2>2</table><textarea data-r=1><b data-q=1></textarea>"
                + "<math><annotation-xml encoding=\"text/html\" data-m=1><p data-p=1>in math</p></annotation-xml></math>"
                + "<p style=\"display:none\" aria-hidden=true data-h=1>hidden</p><b data-i=1><i data-j=2>open <p>formatting</b> end</div>";
        java.util.Random random = new java.util.Random(7);
        List<String> variants = new ArrayList<>(List.of(page));
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder(page);
            for (int k = 0; k < 3; k++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(4)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, "<>\"'= /".charAt(random.nextInt(7)));
                    case 2 -> b.delete(at, Math.min(b.length(), at + random.nextInt(20)));
                    default -> b.insert(at, b.substring(random.nextInt(b.length() / 2), b.length() / 2));
                }
            }
            variants.add(b.toString());
        }
        for (String v : variants) {
            assertThat(shape(slim(v))).as("%s%n-> %s", v, slim(v)).isEqualTo(shape(v));
        }
    }

    /** Elements with their kept attributes, and text, in document order. */
    private static String shape(String html) {
        StringBuilder out = new StringBuilder();
        org.jsoup.nodes.Document doc = org.jsoup.parser.Parser.htmlParser().parseInput(html, "");
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            out.append(depth).append(' ');
            if (node instanceof org.jsoup.nodes.Element e) {
                out.append('<').append(e.normalName());
                for (org.jsoup.nodes.Attribute a : e.attributes()) {
                    if (List.of(MarkupSlimmer.KEPT_ATTRIBUTES).contains(a.getKey())) out.append(' ').append(a.getKey()).append('=').append(a.getValue());
                }
                out.append(">\n");
            } else if (node instanceof org.jsoup.nodes.TextNode t) {
                out.append(t.getWholeText()).append('\n');
            } else if (node instanceof org.jsoup.nodes.DataNode d) {
                out.append(d.getWholeData()).append('\n');
            }
        }, doc);
        return out.toString();
    }
}
