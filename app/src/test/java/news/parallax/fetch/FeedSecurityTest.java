package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOCTYPEs are accepted, but nothing external is read and entities cannot explode (issue 20). */
class FeedSecurityTest {
    private static final String BASE = "https://news.example.org/feed.xml";
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String doc) throws FeedParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), BASE, null);
    }

    @Test
    void xxeFileReadIsNotExpanded(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        ParsedFeed f = parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>T &x; end</title>"
                + "<item><title>Item &x;</title><link>https://news.example.org/a</link></item></channel></rss>");
        assertThat(f.title()).isEqualTo("T end").doesNotContain("SECRET");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Item");
        assertThat(f.warnings()).isEmpty(); // the DOCTYPE is accepted: the strict pass read the feed
    }

    @Test
    void xxeExternalUrlsAreNeverFetched() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.page("/entity", "text/plain", "FETCHED");
            server.page("/params.dtd", "application/xml-dtd", "<!ENTITY y \"FETCHED\">");
            server.page("/rss.dtd", "application/xml-dtd", "<!ENTITY z \"FETCHED\">");
            ParsedFeed f = parse("<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + server.url("/rss.dtd") + "\" ["
                    + "<!ENTITY x SYSTEM \"" + server.url("/entity") + "\"><!ENTITY % p SYSTEM \"" + server.url("/params.dtd")
                    + "\"> %p;]><rss version=\"2.0\"><channel><title>A&x;&y;&z;</title>"
                    + "<item><link>https://news.example.org/a</link></item></channel></rss>");
            assertThat(f.title()).doesNotContain("FETCHED");
            assertThat(f.entries()).hasSize(1);
            assertThat(server.hits("/entity") + server.hits("/params.dtd") + server.hits("/rss.dtd")).isZero();
        }
    }

    @Test
    void billionLaughsEndsFastWithoutExpanding() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) dtd.append("&lol").append(i - 1).append(';');
            dtd.append("\">");
        }
        String doc = dtd + "]><rss version=\"2.0\"><channel><title>&lol9;</title>"
                + "<item><title>Still here</title><link>https://news.example.org/a</link></item></channel></rss>";
        ParsedFeed f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(doc));
        assertThat(f.title().length()).isLessThan(1_000); // 10^9 "lol"s were never built
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Still here");
        assertThat(f.warnings()).singleElement().asString().startsWith("recovered 1 items from malformed XML");
    }

    @Test
    void netscapeRss091DoctypeIsAcceptedAndItsHtmlEntitiesRead() throws Exception {
        ParsedFeed f = parse("""
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Old&nbsp;School</title>
                <item><title>Caf&eacute; news</title><link>https://news.example.org/cafe</link></item></channel></rss>""");
        assertThat(f.title()).isEqualTo("Old\u00a0School");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Caf\u00e9 news");
        assertThat(f.warnings()).isEmpty();
    }
}
