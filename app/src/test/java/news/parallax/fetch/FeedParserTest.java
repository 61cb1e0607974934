package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();
    private static final String BASE = "https://news.example.org/feeds/world.xml";

    private ParsedFeed parse(String doc) throws FeedParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), BASE, null);
    }

    @Test
    void rss20WithGuidsDatesAndRelativeLinks() throws Exception {
        ParsedFeed f = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>World</title><link>https://news.example.org/</link>
                <item><title>Troops sent</title><link>/2024/10/troops?utm_source=rss&amp;id=7#top</link>
                  <guid isPermaLink="false">abc-1</guid><pubDate>Wed, 23 Oct 2024 08:00:00 GMT</pubDate></item>
                <item><title>Second</title><link>https://news.example.org/2024/10/second</link></item>
                </channel></rss>""");
        assertThat(f.format()).isEqualTo(ParsedFeed.Format.RSS);
        assertThat(f.title()).isEqualTo("World");
        assertThat(f.entries()).extracting(FeedEntry::url).containsExactly(
                "https://news.example.org/2024/10/troops?id=7", "https://news.example.org/2024/10/second");
        assertThat(f.entries().get(0).guid()).isEqualTo("abc-1");
        assertThat(f.entries().get(0).published()).isEqualTo(Instant.parse("2024-10-23T08:00:00Z"));
    }

    @Test
    void rss091AndRss10() throws Exception {
        ParsedFeed old = parse("""
                <?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>http://o.example/</link>
                <description>d</description><language>en</language>
                <item><title>One</title><link>http://o.example/one</link></item></channel></rss>""");
        assertThat(old.entries()).extracting(FeedEntry::url).containsExactly("http://o.example/one");
        ParsedFeed rdf = parse("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                <channel rdf:about="http://r.example/"><title>RDF</title><link>http://r.example/</link><description>x</description></channel>
                <item rdf:about="http://r.example/a"><title>A</title><link>http://r.example/a</link></item>
                </rdf:RDF>""");
        assertThat(rdf.entries()).extracting(FeedEntry::title).containsExactly("A");
    }

    @Test
    void atomUsesAlternateLink() throws Exception {
        ParsedFeed f = parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x</id><updated>2024-10-23T10:00:00Z</updated>
                <entry><title>Entry</title><id>urn:e1</id><updated>2024-10-23T09:30:00+02:00</updated>
                  <link rel="alternate" href="https://a.example/e1"/><link rel="enclosure" href="https://a.example/e1.mp3"/></entry>
                </feed>""");
        assertThat(f.format()).isEqualTo(ParsedFeed.Format.ATOM);
        assertThat(f.entries()).singleElement().satisfies(e -> {
            assertThat(e.url()).isEqualTo("https://a.example/e1");
            assertThat(e.guid()).isEqualTo("urn:e1");
            assertThat(e.published()).isEqualTo(Instant.parse("2024-10-23T07:30:00Z"));
        });
    }

    @Test
    void jsonFeed() throws Exception {
        ParsedFeed f = parse("""
                {"version":"https://jsonfeed.org/version/1.1","title":"JSON news","items":[
                 {"id":"1","url":"https://j.example/1","title":"One","date_published":"2024-10-23T08:00:00-05:00"},
                 {"id":"2","external_url":"https://j.example/2","title":"Two"},
                 {"id":"3","title":"no link"}]}""");
        assertThat(f.format()).isEqualTo(ParsedFeed.Format.JSON_FEED);
        assertThat(f.entries()).extracting(FeedEntry::url).containsExactly("https://j.example/1", "https://j.example/2");
        assertThat(f.entries().get(0).published()).isEqualTo(Instant.parse("2024-10-23T13:00:00Z"));
        assertThatThrownBy(() -> parse("{\"items\":[]}")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining(BASE).hasMessageContaining("not a JSON Feed");
    }

    @Test
    void controlCharactersInFeedTextBecomeSpaces() throws Exception {
        // JSON allows "\u0000"; PostgreSQL text does not, and one such title would fail the feed's batch.
        ParsedFeed f = parse("""
                {"version":"https://jsonfeed.org/version/1.1","title":"Bad\\u0000feed","items":[
                 {"id":"a\\u0000b","url":"https://j.example/1","title":"Line one\\nline\\u0007two\\u0000 "}]}""");
        assertThat(f.title()).isEqualTo("Bad feed");
        assertThat(f.entries().get(0).title()).isEqualTo("Line one line two");
        assertThat(f.entries().get(0).guid()).isEqualTo("a b");
    }

    @Test
    void duplicateGuidsAndUrlsKeepTheFirstItem() throws Exception {
        ParsedFeed f = parse("""
                <rss version="2.0"><channel><title>Dups</title>
                <item><title>First</title><link>https://d.example/a</link><guid>g1</guid></item>
                <item><title>Same guid</title><link>https://d.example/b</link><guid>g1</guid></item>
                <item><title>Same url</title><link>https://d.example/a?utm_medium=x</link><guid>g2</guid></item>
                <item><title>Other</title><link>https://d.example/c</link><guid>g3</guid></item>
                </channel></rss>""");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("First", "Other");
    }

    @Test
    void unrecoverableDocumentsNameTheFeed() {
        // Issue 20 changed this test: ill-formed XML with a feed root is now recovered (see FeedRecoveryTest).
        assertThatThrownBy(() -> parse("<notes><note>unclosed</notes")).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith(BASE + ": malformed feed");
        assertThatThrownBy(() -> parse("not a feed at all")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("neither XML nor JSON");
        assertThatThrownBy(() -> parse("<!DOCTYPE html><html><body>login</body></html>"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("HTML page");
        assertThatThrownBy(() -> parse("<opml><body/></opml>")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not a feed: root element <opml>");
    }

    @Test
    void declaredEncodingWinsAndBadBytesDoNotLoseTheFeed() throws Exception {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Z\u00fcrich</title>"
                + "<item><title>Gr\u00fc\u00dfe</title><link>https://l.example/a</link></item></channel></rss>")
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed f = parser.parse(latin1, BASE, "application/rss+xml; charset=utf-8"); // header lies
        assertThat(f.title()).isEqualTo("Z\u00fcrich");
        assertThat(f.entries().get(0).title()).isEqualTo("Gr\u00fc\u00dfe");

        byte[] broken = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>caf\u00e9</title><link>https://l.example/b</link></item></channel></rss>")
                .getBytes(StandardCharsets.ISO_8859_1); // declared UTF-8, really Latin-1
        ParsedFeed g = parser.parse(broken, BASE, null);
        assertThat(g.entries()).extracting(FeedEntry::url).containsExactly("https://l.example/b");
    }

    @Test
    void httpCharsetIsUsedWhenTheDocumentDeclaresNone() throws Exception {
        byte[] latin1 = ("<rss version=\"2.0\"><channel><title>M\u00fcnchen</title>"
                + "<item><title>\u00c9t\u00e9</title><link>https://l.example/c</link></item></channel></rss>")
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed f = parser.parse(latin1, BASE, "text/xml; charset=ISO-8859-1");
        assertThat(f.title()).isEqualTo("M\u00fcnchen");
        assertThat(f.entries().get(0).title()).isEqualTo("\u00c9t\u00e9");
    }

    @Test
    void newsSitemapAndIndex() throws Exception {
        ParsedFeed map = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://news.example.org/2024/10/23/troops</loc>
                  <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
                  <news:publication_date>2024-10-23T08:00:00Z</news:publication_date><news:title>Troops to Russia</news:title></news:news></url>
                <url><loc>https://news.example.org/2024/10/23/other</loc><lastmod>2024-10-22</lastmod></url>
                </urlset>""");
        assertThat(map.format()).isEqualTo(ParsedFeed.Format.SITEMAP);
        assertThat(map.entries()).hasSize(2);
        assertThat(map.entries().get(0).title()).isEqualTo("Troops to Russia");
        assertThat(map.entries().get(0).published()).isEqualTo(Instant.parse("2024-10-23T08:00:00Z"));

        ParsedFeed index = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://news.example.org/sitemap-news.xml</loc></sitemap>
                <sitemap><loc>https://news.example.org/sitemap-2024.xml.gz</loc></sitemap></sitemapindex>""");
        assertThat(index.format()).isEqualTo(ParsedFeed.Format.SITEMAP_INDEX);
        assertThat(index.childSitemaps()).containsExactly("https://news.example.org/sitemap-news.xml",
                "https://news.example.org/sitemap-2024.xml.gz");
    }

    @Test
    void gzippedSitemapIsUnpacked() throws Exception {
        byte[] gz = HttpFetcherTest.gzip("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://g.example/a</loc></url></urlset>"""
                .getBytes(StandardCharsets.UTF_8));
        ParsedFeed f = parser.parse(gz, "https://g.example/sitemap.xml.gz", "application/x-gzip");
        assertThat(f.entries()).extracting(FeedEntry::url).containsExactly("https://g.example/a");
    }
}
