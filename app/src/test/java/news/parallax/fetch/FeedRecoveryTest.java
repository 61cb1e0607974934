package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ill-formed feeds lose only what is really missing; the warnings say what was recovered (issue 20). */
class FeedRecoveryTest {
    private static final String BASE = "https://news.example.org/feed.xml";
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String doc) throws FeedParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), BASE, null);
    }

    @Test
    void undeclaredPrefixesAreRecoveredWithTheirUsualMeaning() throws Exception {
        ParsedFeed f = parse("""
                <rss version="2.0"><channel><title>Pod</title><itunes:author>Someone</itunes:author>
                <item><dc:title>From Dublin Core</dc:title><link>https://news.example.org/1</link>
                  <dc:date>2024-10-23T08:00:00Z</dc:date></item>
                <item><title>Plain</title><link>https://news.example.org/2</link></item>
                </channel></rss>""");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("From Dublin Core", "Plain");
        assertThat(f.entries().get(0).published()).hasToString("2024-10-23T08:00:00Z");
        assertThat(f.warnings().get(0)).startsWith("recovered 2 items from malformed XML (line 1:");
    }

    @Test
    void unknownEntitiesAndBareAmpersandsKeepTheirItems() throws Exception {
        ParsedFeed f = parse("""
                <rss version="2.0"><channel><title>Love &hearts; &amp; peace</title>
                <item><title>Tom & Jerry &bogus; return</title><link>https://news.example.org/a?x=1&y=2</link></item>
                </channel></rss>""");
        assertThat(f.title()).isEqualTo("Love \u2665 & peace");
        assertThat(f.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Tom & Jerry &bogus; return");
            assertThat(e.url()).isEqualTo("https://news.example.org/a?x=1&y=2");
        });
        assertThat(f.warnings().get(0)).startsWith("recovered 1 items from malformed XML");
    }

    @Test
    void aBodyCutOffKeepsTheItemsBeforeTheCut() throws Exception {
        ParsedFeed f = parse("""
                <rss version="2.0"><channel><title>Cut</title>
                <item><title>One</title><link>https://news.example.org/1</link></item>
                <item><title>Two</title><link>https://news.example.org/2</link></item>
                <item><title>Thr""");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("One", "Two");
        assertThat(f.warnings().get(0)).startsWith("recovered 2 items from malformed XML");
    }

    @Test
    void rssWithoutChannelIsReadFromTheRoot() throws Exception {
        ParsedFeed f = parse("""
                <rss version="2.0"><title>No channel</title>
                <item><title>Orphan</title><link>https://news.example.org/o</link></item></rss>""");
        assertThat(f.title()).isEqualTo("No channel");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Orphan");
    }

    @Test
    void atom03Base64TitleAndSummaryAreDecoded() throws Exception {
        // "Example <b>Atom</b>" and "<p>Body</p>" in base64
        ParsedFeed f = parse("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A03</title>
                <entry><title type="text/html" mode="base64">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>
                <link rel="alternate" type="text/html" href="https://news.example.org/e"/>
                <summary type="text/html" mode="base64">PHA+Qm9keTwvcD4=</summary>
                <issued>2004-01-01T19:48:21Z</issued></entry></feed>""");
        assertThat(f.format()).isEqualTo(ParsedFeed.Format.ATOM);
        assertThat(f.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Example Atom");
            assertThat(e.summary()).isEqualTo("Body");
            assertThat(e.published()).hasToString("2004-01-01T19:48:21Z");
        });
    }

    @Test
    void strayControlCharactersDoNotMakeTheFeedIllFormed() throws Exception {
        ParsedFeed f = parse("<rss version=\"2.0\"><channel><title>Bell\u0007 feed</title>"
                + "<item><title>Tab\u000bbed</title><link>https://news.example.org/c</link></item></channel></rss>");
        assertThat(f.title()).isEqualTo("Bell feed");
        assertThat(f.entries().get(0).title()).isEqualTo("Tab bed");
        assertThat(f.warnings()).isEmpty();
    }
}
