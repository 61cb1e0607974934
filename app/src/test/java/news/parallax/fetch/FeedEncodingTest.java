package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The encoding of a feed is found as the XML and HTTP specifications order it (issue 20). */
class FeedEncodingTest {
    private static final String BASE = "https://news.example.org/feed.xml";
    private static final String RSS = "<rss version=\"2.0\"><channel><title>Z\u00fcrich \u2013 \u65e5\u672c</title>"
            + "<item><title>Caf\u00e9</title><link>https://news.example.org/a</link></item></channel></rss>";
    private final FeedParser parser = new FeedParser();

    private static byte[] bytes(String text, String charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Charset cs = Charset.forName(charset);
        if (bom) out.writeBytes("\uFEFF".getBytes(cs));
        out.writeBytes(text.getBytes(cs));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} bom={1} declared={2}")
    @CsvSource({"UTF-8,true,false", "UTF-16LE,true,false", "UTF-16BE,true,false", "UTF-16LE,false,false",
            "UTF-16BE,false,true", "UTF-32LE,true,false", "UTF-32BE,true,true", "UTF-32LE,false,true", "UTF-32BE,false,false"})
    void byteOrderMarksAndWideEncodingsAreRead(String charset, boolean bom, boolean declared) throws Exception {
        String doc = (declared ? "<?xml version=\"1.0\" encoding=\"" + charset + "\"?>\n" : "") + RSS;
        ParsedFeed f = parser.parse(bytes(doc, charset, bom), BASE, "text/xml; charset=iso-8859-1");
        assertThat(f.title()).isEqualTo("Z\u00fcrich \u2013 \u65e5\u672c");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Caf\u00e9");
        assertThat(Charset.forName(f.encoding())).isEqualTo(Charset.forName(charset));
    }

    @Test
    void windows1252WithoutAnyDeclarationNeverBecomesReplacementCharacters() throws Exception {
        // 0x93/0x94 curly quotes, 0x80 euro, 0x81 unassigned in windows-1252
        byte[] body = bytes("<rss version=\"2.0\"><channel><title>x</title><item><title>\u0093Quoted\u0094 \u0080 5 a\u0081b</title>"
                + "<link>https://news.example.org/q</link></item></channel></rss>", "ISO-8859-1", false);
        ParsedFeed f = parser.parse(body, BASE, null);
        assertThat(f.entries().get(0).title()).isEqualTo("\u201cQuoted\u201d \u20ac 5 a b").doesNotContain("\uFFFD");
        assertThat(f.encoding()).isEqualTo("windows-1252");
    }

    @Test
    void iso88591DeclarationReadsItsWindows1252Superset() throws Exception {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>x</title>"
                + "<item><title>don\u0092t</title><link>https://news.example.org/d</link></item></channel></rss>", "ISO-8859-1", false);
        assertThat(parser.parse(body, BASE, null).entries().get(0).title()).isEqualTo("don\u2019t");
    }

    @Test
    void numericReferencesToC1ControlsMeanWindows1252() throws Exception {
        ParsedFeed f = parser.parse(("<rss version=\"2.0\"><channel><title>x</title><item><title>don&#146;t</title>"
                + "<link>https://news.example.org/d</link></item></channel></rss>").getBytes(StandardCharsets.US_ASCII), BASE, null);
        assertThat(f.entries().get(0).title()).isEqualTo("don\u2019t");
    }

    @ParameterizedTest(name = "{0} bom={1}")
    @CsvSource({"UTF-8,false", "UTF-8,true", "UTF-16LE,false", "UTF-16BE,true", "UTF-32LE,true", "UTF-32BE,false"})
    void jsonFeedInEveryUnicodeEncoding(String charset, boolean bom) throws Exception {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\u00fcrgen\",\"items\":"
                + "[{\"id\":\"1\",\"url\":\"https://news.example.org/j\",\"title\":\"\u00c9t\u00e9\"}]}";
        ParsedFeed f = parser.parse(bytes(json, charset, bom), BASE, "application/feed+json");
        assertThat(f.title()).isEqualTo("J\u00fcrgen");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("\u00c9t\u00e9");
    }

    @Test
    void httpCharsetComesAfterTheDeclarationAndBeforeTheFallback() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        // Declared UTF-8 but not valid UTF-8: the HTTP charset is next.
        assertThat(FeedEncoding.decodeXml(latin1, "ISO-8859-15").source()).isEqualTo(FeedEncoding.Source.HTTP_CHARSET);
        byte[] utf8 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\u00e9</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedEncoding.decodeXml(utf8, "ISO-8859-15").source()).isEqualTo(FeedEncoding.Source.XML_DECLARATION);
        assertThat(FeedEncoding.decodeXml("<a>\u00e9</a>".getBytes(StandardCharsets.UTF_8), null).source())
                .isEqualTo(FeedEncoding.Source.UTF8_FALLBACK);
    }
}
