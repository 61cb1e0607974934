package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The Atom feeds and the daily briefing over a real store, pipeline and HTTP server: the landscape fixture (a
 * transit story in March 2024, a right-only fire story on 1-2 July 2024) plus, on 1 July, a troops story whose
 * outlets disagree on a figure and a one-article story with a hostile headline.
 */
class AtomFeedsAndBriefingTest {
    static final String EXTRA = "/web/briefing-stories.jsonl";
    static final String HOSTILE_TITLE = "<script>alert(1)</script> Tom & Jerry \"quoted\" 'single' <b>bold</b>";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final List<String> FEEDS = List.of("/feed.atom", "/blindspots.atom", "/blindspots.atom?side=left",
            "/blindspots.atom?side=right", "/briefing.atom", "/briefing.atom?date=2024-07-01", "/briefing.atom?date=2024-03-05");

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = AnalysisPagesTest.ingestFixture(dir);
        Path extra = dir.resolve("extra.jsonl");
        try (InputStream res = getClass().getResourceAsStream(EXTRA)) {
            Files.write(extra, res.readAllBytes());
        }
        Pipeline.standard(store).ingest(List.of(extra), ProgressListener.NONE);
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        web.close();
        store.close();
    }

    private String origin() {
        return "http://127.0.0.1:" + web.port();
    }

    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : origin() + pathOrUrl;
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String storyWith(String articleId) {
        return store.stories(0).stream().filter(s -> s.articleIds().contains(articleId)).map(StoryRef::id).findFirst().orElseThrow();
    }

    private static Feed parse(String xml) throws Exception {
        WireFeedInput in = new WireFeedInput();
        return (Feed) in.build(new StringReader(xml));
    }

    @Test
    void everyFeedIsAtomWithStableUniqueIdsUpdatedTimesAndLinksToStoryPages() throws Exception {
        for (String path : FEEDS) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).as(path).hasValue("application/atom+xml; charset=utf-8");
            Feed feed = parse(first.body());
            assertThat(feed.getFeedType()).as(path).isEqualTo("atom_1.0");
            assertThat(feed.getId()).as(path).startsWith("tag:");
            assertThat(feed.getUpdated()).as(path).isNotNull();
            assertThat(feed.getAuthors()).as(path).isNotEmpty();
            assertThat(feed.getOtherLinks()).as(path).anySatisfy(l -> {
                assertThat(l.getRel()).isEqualTo("self");
                assertThat(l.getHref()).isEqualTo(origin() + path);
            });
            structurallyValid(path, first.body());

            List<String> ids = new ArrayList<>();
            for (Entry e : feed.getEntries()) {
                ids.add(e.getId());
                assertThat(e.getId()).as(path).startsWith("tag:parallax,");
                assertThat(e.getTitle()).as(path).isNotBlank();
                String href = e.getAlternateLinks().stream().map(Link::getHref).findFirst().orElseThrow();
                assertThat(href).as(path).startsWith(origin() + "/story/");
                String storyId = java.net.URLDecoder.decode(href.substring((origin() + "/story/").length()), java.nio.charset.StandardCharsets.UTF_8);
                StoryRef ref = store.storyRef(storyId).orElseThrow();
                // updated is the story's last article time; every fixture article is dated.
                assertThat(e.getUpdated().toInstant()).as(path + " " + storyId).isEqualTo(ref.lastSeen());
                assertThat(get(href).statusCode()).as(href).isEqualTo(200);
                // The content gives the landscape as the story JSON does, and the source count.
                JsonNode story = Json.mapper().readTree(get("/api/stories/" + storyId).body());
                JsonNode l = story.get("landscape");
                String content = e.getContents().stream().map(Content::getValue).reduce("", String::concat);
                assertThat(content).as(path).contains("Left " + l.get("left").asInt() + ", center " + l.get("center").asInt()
                        + ", right " + l.get("right").asInt() + ", unrated " + l.get("unrated").asInt());
                assertThat(content).as(path).contains(Fmt.plural(story.get("sourceCount").asInt(), "source", "sources"));
            }
            assertThat(new HashSet<>(ids)).as(path + " ids unique").hasSameSizeAs(ids);
            List<String> again = parse(get(path).body()).getEntries().stream().map(Entry::getId).toList();
            assertThat(again).as(path + " ids stable").isEqualTo(ids);
        }
    }

    /** RFC 4287's required elements, checked on the document itself (Rome is lenient). */
    private static void structurallyValid(String path, String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).as(path).isEqualTo(ATOM_NS);
        assertThat(root.getLocalName()).isEqualTo("feed");
        NodeList entries = root.getElementsByTagNameNS(ATOM_NS, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated")) {
                assertThat(childCount(e, required)).as(path + " entry " + i + " " + required).isEqualTo(1);
            }
            Element content = (Element) e.getElementsByTagNameNS(ATOM_NS, "content").item(0);
            assertThat(content.getAttribute("type")).isEqualTo("xhtml");
            Element div = (Element) content.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div").item(0);
            assertThat(div).as(path + " xhtml div").isNotNull();
            assertThat(div.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(div.getElementsByTagNameNS("*", "b").getLength()).isZero();
        }
    }

    private static int childCount(Element parent, String name) {
        int n = 0;
        for (var c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el && ATOM_NS.equals(el.getNamespaceURI()) && el.getLocalName().equals(name)) n++;
        }
        return n;
    }

    @Test
    void hostileHeadlinesAreEscapedAndRoundTripAsText() throws Exception {
        String hostile = storyWith("x1");
        for (String path : List.of("/feed.atom", "/briefing.atom?date=2024-07-01")) {
            String body = get(path).body();
            assertThat(body).as(path).doesNotContain("<script>", "<b>bold", "& Jerry");
            Entry e = parse(body).getEntries().stream().filter(x -> x.getId().endsWith("/" + hostile)).findFirst().orElseThrow();
            assertThat(e.getTitle()).as(path).isEqualTo(HOSTILE_TITLE);
        }
    }

    @Test
    void blindspotFeedsFollowTheBlindspotPages() throws Exception {
        String fire = storyWith("b1");
        assertThat(parse(get("/blindspots.atom?side=left").body()).getEntries()).anySatisfy(e -> {
            assertThat(e.getId()).endsWith("/" + fire);
            assertThat(e.getCategories()).anySatisfy(c -> assertThat(c.getTerm()).isEqualTo("blindspot-left"));
        });
        assertThat(parse(get("/blindspots.atom?side=right").body()).getEntries()).noneMatch(e -> e.getId().endsWith("/" + fire));
        assertThat(get("/blindspots.atom?side=up").statusCode()).isEqualTo(400);
    }

    @Test
    void homeAndBlindspotPagesAdvertiseTheirFeeds() throws Exception {
        Pattern link = Pattern.compile("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"([^\"]+)\">");
        for (var page : List.of(List.of("/", "/feed.atom"), List.of("/blindspots?side=left", "/blindspots.atom?side=left"),
                List.of("/briefing", "/briefing.atom"))) {
            String head = get(page.get(0)).body().split("</head>")[0];
            Matcher m = link.matcher(head);
            Set<String> hrefs = new HashSet<>();
            while (m.find()) hrefs.add(m.group(1).replace("&amp;", "&"));
            assertThat(hrefs).as(page.get(0)).contains(page.get(1));
            for (String href : hrefs) assertThat(get(href).statusCode()).as(href).isEqualTo(200);
        }
        String both = get("/blindspots").body().split("</head>")[0];
        assertThat(both).contains("/blindspots.atom?side=left", "/blindspots.atom?side=right");
    }

    @Test
    void briefingForADayListsItsLargestStoriesBlindspotsAndFigures() throws Exception {
        String fire = storyWith("b1");
        String troops = storyWith("t1");
        String transit = storyWith("a1");
        JsonNode b = Json.mapper().readTree(get("/api/briefing?date=2024-07-01").body());
        assertThat(b.get("date").asText()).isEqualTo("2024-07-01");
        List<String> largest = new ArrayList<>();
        b.get("largest").forEach(o -> largest.add(o.get("story").get("id").asText()));
        assertThat(largest).contains(fire, troops, storyWith("x1")).doesNotContain(transit);
        assertThat(largest.get(0)).as(store.stories(0).toString()).isEqualTo(troops); // four sources, the largest that day
        assertThat(b.get("storyCount").asInt()).isEqualTo(3);
        List<String> left = new ArrayList<>();
        b.get("blindspots").get("left").forEach(o -> left.add(o.get("story").get("id").asText()));
        assertThat(left).containsExactly(fire);
        assertThat(b.get("blindspots").get("right")).isEmpty();
        // The troops story's outlets give 3,000 and 5,000: its figures panel is the briefing's.
        JsonNode storyFigures = Json.mapper().readTree(get("/api/stories/" + troops).body()).get("figures");
        assertThat(storyFigures).isNotEmpty();
        assertThat(b.get("figures")).anySatisfy(f -> {
            assertThat(f.get("story").get("id").asText()).isEqualTo(troops);
            assertThat(f.get("questions")).isEqualTo(storyFigures);
        });

        String page = get("/briefing?date=2024-07-01").body();
        assertThat(page).contains("Daily briefing", "2024-07-01", "/story/" + fire, "/story/" + troops, "Figures in dispute",
                "3,000", "5,000").doesNotContain("/story/" + transit, "<script>alert");
        String blindLeft = page.substring(page.indexOf("id=\"blindspots-left\""), page.indexOf("id=\"blindspots-right\""));
        assertThat(blindLeft).contains("/story/" + fire).doesNotContain("/story/" + troops);

        Feed feed = parse(get("/briefing.atom?date=2024-07-01").body());
        assertThat(feed.getEntries()).extracting(Entry::getId).containsExactlyInAnyOrder(
                AtomFeed.TAG_PREFIX + "story/" + troops, AtomFeed.TAG_PREFIX + "story/" + fire, AtomFeed.TAG_PREFIX + "story/" + storyWith("x1"));
        Entry troopsEntry = feed.getEntries().stream().filter(e -> e.getId().endsWith("/" + troops)).findFirst().orElseThrow();
        assertThat(troopsEntry.getContents().get(0).getValue()).contains("In dispute:", "3,000", "5,000");

        // Another day has another selection; without a date, the latest day with articles (the fire story's 2 July).
        assertThat(Json.mapper().readTree(get("/api/briefing?date=2024-03-05").body()).get("largest").get(0).get("story").get("id").asText())
                .isEqualTo(transit);
        JsonNode latest = Json.mapper().readTree(get("/api/briefing").body());
        assertThat(latest.get("date").asText()).isEqualTo("2024-07-02");
        assertThat(latest.get("storyCount").asInt()).isEqualTo(1);
        assertThat(Json.mapper().readTree(get("/api/briefing?date=2031-01-01").body()).get("largest")).isEmpty();
    }

    @Test
    void aMalformedDateIsA400NamingIt() throws Exception {
        for (String path : List.of("/briefing?date=2024-13-45", "/briefing?date=yesterday", "/briefing.atom?date=2024-7-1",
                "/api/briefing?date=%3Cscript%3E")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("YYYY-MM-DD");
            if (!path.startsWith("/api/")) assertThat(r.body()).as(path).doesNotContain("<script>");
        }
        JsonNode err = Json.mapper().readTree(get("/api/briefing?date=soon").body());
        assertThat(err.get("status").asInt()).isEqualTo(400);
        assertThat(err.get("error").asText()).contains("soon");
    }
}
