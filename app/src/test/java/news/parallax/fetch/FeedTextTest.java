package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Titles and summaries as text, links resolved against xml:base and Content-Location, implausible dates dropped (issue 20). */
class FeedTextTest {
    private static final String BASE = "https://news.example.org/feeds/world.xml";
    private static final Instant NOW = Instant.parse("2024-10-23T12:00:00Z");
    private final FeedParser parser = new FeedParser(FetchConfig.DEFAULT_MAX_BODY_BYTES, Clock.fixed(NOW, ZoneOffset.UTC), false);

    private ParsedFeed parse(String doc) throws FeedParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), BASE, null);
    }

    private FeedEntry only(String item) throws FeedParseException {
        return parse("<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>t</title><item>"
                + "<link>https://news.example.org/a</link>" + item + "</item></channel></rss>").entries().get(0);
    }

    @Test
    void escapedMarkupInRssTitlesIsStrippedAndEntitiesDecoded() throws Exception {
        assertThat(only("<title>&lt;b&gt;Breaking&lt;/b&gt;: Tom &amp;amp; Jerry</title>").title()).isEqualTo("Breaking: Tom & Jerry");
        assertThat(only("<title><![CDATA[<em>Vote</em> &eacute;lection]]></title>").title()).isEqualTo("Vote \u00e9lection");
    }

    @Test
    void scriptIsDroppedFromTitlesAndSummaries() throws Exception {
        FeedEntry e = only("<title>Safe&lt;script&gt;alert(1)&lt;/script&gt; title</title>"
                + "<description>&lt;p&gt;Body &lt;script&gt;steal()&lt;/script&gt;text&lt;/p&gt;</description>");
        assertThat(e.title()).isEqualTo("Safe title");
        assertThat(e.summary()).isEqualTo("Body text");
    }

    @Test
    void atomTextTypesAreRespected() throws Exception {
        ParsedFeed f = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">History of the &lt;blink&gt; tag</title>
                <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <b>world</b><script>x()</script></div></title>
                <link href="https://news.example.org/x"/><content type="html">&lt;p&gt;A &amp;amp; B&lt;/p&gt;</content></entry></feed>""");
        assertThat(f.title()).isEqualTo("History of the <blink> tag");
        assertThat(f.entries().get(0).title()).isEqualTo("Hello world");
        assertThat(f.entries().get(0).summary()).isEqualTo("A & B");
    }

    @Test
    void dublinCoreAndMediaTitlesStandInForAMissingTitle() throws Exception {
        assertThat(only("<dc:title>DC title</dc:title>").title()).isEqualTo("DC title");
        assertThat(only("<media:group><media:content url=\"https://cdn.example.org/v.mp4\"><media:title>Video title</media:title>"
                + "</media:content></media:group>").title()).isEqualTo("Video title");
        assertThat(only("<title>Own</title><dc:title>DC</dc:title>").title()).isEqualTo("Own");
    }

    @Test
    void relativeLinksResolveAgainstXmlBaseThenContentLocationThenTheFeedUrl() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://other.example.net/base/">
                <link href="home"/>
                <entry xml:base="sub/"><title>a</title><link href="a.html"/></entry>
                <entry><title>b</title><link href="/b.html"/></entry></feed>""";
        ParsedFeed f = parse(atom);
        assertThat(f.link()).isEqualTo("https://other.example.net/base/home");
        assertThat(f.entries()).extracting(FeedEntry::url)
                .containsExactly("https://other.example.net/base/sub/a.html", "https://other.example.net/b.html");

        byte[] rss = "<rss version=\"2.0\"><channel><title>t</title><item><link>story/1</link></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(rss, BASE, null, "/mirror/feed").entries().get(0).url())
                .isEqualTo("https://news.example.org/mirror/story/1");
        assertThat(parser.parse(rss, BASE, null, null).entries().get(0).url())
                .isEqualTo("https://news.example.org/feeds/story/1");
        assertThat(parser.parse(rss, BASE, null, "javascript:alert(1)").entries().get(0).url())
                .isEqualTo("https://news.example.org/feeds/story/1"); // an unusable Content-Location is ignored
    }

    @Test
    void futureAndPre1990DatesAreMissingAndSaidSo() throws Exception {
        FeedEntry future = only("<title>f</title><pubDate>Sat, 26 Oct 2024 12:00:00 GMT</pubDate>");
        assertThat(future.published()).isNull();
        assertThat(future.note()).contains("in the future").contains("treated as missing");
        FeedEntry old = only("<title>o</title><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>");
        assertThat(old.published()).isNull();
        assertThat(old.note()).contains("before 1990");
        FeedEntry soon = only("<title>s</title><pubDate>Thu, 24 Oct 2024 06:00:00 +0200</pubDate>");
        assertThat(soon.published()).isEqualTo(Instant.parse("2024-10-24T04:00:00Z"));
        assertThat(soon.note()).isNull();
    }

    @Test
    void invalidDatesAreRejectedNotRolledOver() throws Exception {
        FeedEntry e = only("<title>x</title><pubDate>Tue, 22 Oct 2024 25:14:55 GMT</pubDate>");
        assertThat(e.published()).isNull();
        assertThat(e.note()).isEqualTo("unreadable date \"Tue, 22 Oct 2024 25:14:55 GMT\"");
        assertThat(only("<title>y</title><pubDate>Tue, 22 Oct 2024 25:14:55 GMT</pubDate><dc:date>2024-10-22T10:00:00Z</dc:date>")
                .published()).isEqualTo(Instant.parse("2024-10-22T10:00:00Z"));
    }
}
