package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFeedsTest {

    @Test
    void shipsAtLeastSixtyOutletsFromSeveralCountries() {
        List<DefaultFeeds.DefaultFeed> feeds = DefaultFeeds.load();
        assertThat(feeds.stream().map(DefaultFeeds.DefaultFeed::outletDomain).distinct().count()).isGreaterThanOrEqualTo(60);
        assertThat(feeds.stream().map(DefaultFeeds.DefaultFeed::country).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(feeds.stream().map(DefaultFeeds.DefaultFeed::url).distinct().count()).isEqualTo(feeds.size());
        for (DefaultFeeds.DefaultFeed f : feeds) {
            assertThat(UrlCanonicalizer.canonical(f.url())).as(f.url()).startsWith("http");
            assertThat(f.outletDomain()).as(f.url()).doesNotStartWith("www.").matches("[a-z0-9.-]+\\.[a-z]{2,}");
        }
    }

    @Test
    void opmlRoundTripKeepsFoldersAndNestedOutlines() throws Exception {
        String opml = """
                <?xml version="1.0"?><opml version="1.0"><head><title>mine</title></head><body>
                <outline text="World"><outline text="BBC" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news"/>
                  <outline text="Deeper"><outline title="DW" text="x" xmlUrl="https://rss.dw.com/rdf/rss-en-world"/></outline></outline>
                <outline text="Loose" type="rss" xmlUrl="https://example.org/feed"/>
                <outline text="just a note"/></body></opml>""";
        List<OpmlEntry> read = Opml.read(new ByteArrayInputStream(opml.getBytes(StandardCharsets.UTF_8)), "mine.opml");
        assertThat(read).extracting(OpmlEntry::title).containsExactly("BBC", "DW", "Loose");
        assertThat(read).extracting(OpmlEntry::category).containsExactly("World", "Deeper", null);
        assertThat(read.get(0).htmlUrl()).isEqualTo("https://www.bbc.co.uk/news");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Opml.write(read, "export", out);
        List<OpmlEntry> again = Opml.read(new ByteArrayInputStream(out.toByteArray()), "export.opml");
        assertThat(again).containsExactlyInAnyOrderElementsOf(read);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("version=\"2.0\"");
    }

    @Test
    void badOpmlNamesTheFile() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Opml.read(
                        new ByteArrayInputStream("<rss/>".getBytes(StandardCharsets.UTF_8)), "feeds.opml"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("feeds.opml").hasMessageContaining("<rss>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Opml.read(
                        new ByteArrayInputStream("<opml><body><outline".getBytes(StandardCharsets.UTF_8)), "cut.opml"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("cut.opml:");
    }
}
