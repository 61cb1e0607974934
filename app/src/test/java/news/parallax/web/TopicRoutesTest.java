package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import news.parallax.topics.TopicStore;
import news.parallax.topics.TopicSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics end to end: four stories a month apart (three outlets each) about one intelligence chief, each also naming
 * Donald Trump and the United States in other spellings, with a photo credit, a wire credit and weekdays in every
 * text; ingested by the standard pipeline (which computes the topics), served over HTTP.
 */
class TopicRoutesTest {
    static final String FIXTURE = "/web/topic-stories.jsonl";

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A store holding the fixture's stories, their views and topics. */
    static Store ingest(Path dir) throws Exception {
        Path in = dir.resolve("topics.jsonl");
        try (InputStream res = TopicRoutesTest.class.getResourceAsStream(FIXTURE)) {
            Files.write(in, res.readAllBytes());
        }
        Store store = Store.open(dir.resolve("data"));
        Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
        return store;
    }

    @BeforeEach
    void start() throws Exception {
        store = ingest(dir);
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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(origin() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<TopicSummary> topics() {
        TopicStore t = new TopicStore(store);
        return t.topics("", 0, 1000);
    }

    private TopicSummary topic(String name) {
        return topics().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no topic " + name + " among " + topics().stream().map(TopicSummary::name).toList()));
    }

    @Test
    void theSamePersonAndCountryAcrossStoriesAreOneTopicEachAndNoiseIsNone() {
        assertThat(store.storyCount()).isEqualTo(4);
        assertThat(topic("Kyrylo Budanov").storyCount()).isEqualTo(4);
        assertThat(topic("Kyrylo Budanov").kind()).isEqualTo("person");
        TopicSummary trump = topic("Donald Trump");
        assertThat(trump.storyCount()).as("'Trump', 'President Trump' and 'Donald J. Trump' are Donald Trump").isEqualTo(4);
        assertThat(trump.slug()).isEqualTo("donald-trump");
        TopicSummary us = topics().stream().filter(t -> t.variants().contains("United States")).findFirst().orElseThrow();
        assertThat(us.storyCount()).as("'U.S.' and 'United States' are one topic").isEqualTo(4);
        assertThat(topics()).extracting(TopicSummary::name).doesNotContain("Monday", "Tuesday", "Getty Images", "Getty",
                "Associated Press", "Budanov", "Trump", "U.S.", "CNN", "Reuters");
        assertThat(topics()).allSatisfy(t -> assertThat(t.storyCount()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void topicPageListsItsStoriesNewestFirstWithLandscapeAndAdvertisesItsFeed() throws Exception {
        TopicSummary t = topic("Kyrylo Budanov");
        HttpResponse<String> page = get("/topic/" + t.slug());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Kyrylo Budanov</h1>")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Parallax: Kyrylo Budanov\" href=\"/topic/" + t.slug() + ".atom\">")
                .contains("class=\"bar");
        List<String> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("data-story=\"([^\"]+)\"").matcher(page.body());
        while (m.find()) ids.add(m.group(1));
        assertThat(ids).hasSize(4);
        List<String> newestFirst = ids.stream().map(id -> store.storyRef(id).orElseThrow())
                .sorted(java.util.Comparator.comparing(StoryRef::lastSeen).reversed()).map(StoryRef::id).toList();
        assertThat(ids).isEqualTo(newestFirst);
        assertThat(page.body()).contains("April 2020").contains("January 2020");
    }

    @Test
    void storyPageTagsLinkToTopicPages() throws Exception {
        String id = store.stories(1).get(0).id();
        String body = get("/story/" + id).body();
        assertThat(body).contains("class=\"topic-tags\"").contains("<a class=\"topic-tag\" rel=\"tag\" href=\"/topic/kyrylo-budanov\">Kyrylo Budanov</a>");
    }

    @Test
    void indexIsLargestFirstAndFilters() throws Exception {
        String all = get("/topics").body();
        assertThat(all).contains("href=\"/topic/kyrylo-budanov\"").contains("href=\"/topic/donald-trump\"");
        String filtered = get("/topics?q=budan").body();
        assertThat(filtered).contains("href=\"/topic/kyrylo-budanov\"").doesNotContain("href=\"/topic/donald-trump\"");
        assertThat(get("/topics?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void jsonListsTopicsAndOneTopicWithItsStories() throws Exception {
        HttpResponse<String> list = get("/api/topics");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(topics().size()));
        JsonNode arr = Json.mapper().readTree(list.body());
        assertThat(arr.get(0).has("slug")).isTrue();
        assertThat(arr.get(0).get("storyCount").asInt()).isGreaterThanOrEqualTo(arr.get(arr.size() - 1).get("storyCount").asInt());
        JsonNode one = Json.mapper().readTree(get("/api/topics/kyrylo-budanov").body());
        assertThat(one.get("topic").get("name").asText()).isEqualTo("Kyrylo Budanov");
        assertThat(one.get("topic").get("variants").toString()).contains("Budanov");
        assertThat(one.get("stories")).hasSize(4);
        assertThat(one.get("stories").get(0).get("landscape").has("left")).isTrue();
        JsonNode paged = Json.mapper().readTree(get("/api/topics/kyrylo-budanov?limit=3&page=2").body());
        assertThat(paged.get("stories")).hasSize(1);
        String storyId = store.stories(1).get(0).id();
        assertThat(Json.mapper().readTree(get("/api/topics?story=" + storyId).body()).toString()).contains("kyrylo-budanov");
        HttpResponse<String> missing = get("/api/topics/no-such-topic");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(missing.body()).get("status").asInt()).isEqualTo(404);
        assertThat(get("/topic/no-such-topic").statusCode()).isEqualTo(404);
        assertThat(get("/topic/no-such-topic.atom").statusCode()).isEqualTo(404);
    }

    private static Feed parse(String xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    @Test
    void topicAndSearchFeedsAreAtomWithIdsUpdatedTimesAndLinksToStories() throws Exception {
        for (String path : List.of("/topic/kyrylo-budanov.atom", "/search.atom?q=Budanov", "/search.atom?q=Budanov&side=left",
                "/search.atom?q=drones+OR+prisoner&from=2020-03-01")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/atom+xml; charset=utf-8");
            Feed feed = parse(r.body());
            assertThat(feed.getFeedType()).as(path).isEqualTo("atom_1.0");
            assertThat(feed.getId()).as(path).startsWith("tag:parallax,");
            assertThat(feed.getUpdated()).as(path).isNotNull();
            assertThat(feed.getOtherLinks()).as(path).anySatisfy(l -> {
                assertThat(l.getRel()).isEqualTo("self");
                assertThat(l.getHref()).isEqualTo(origin() + path);
            });
            assertThat(feed.getEntries()).as(path).isNotEmpty();
            Set<String> ids = new HashSet<>();
            for (Entry e : feed.getEntries()) {
                assertThat(ids.add(e.getId())).as(path + " unique ids").isTrue();
                assertThat(e.getId()).startsWith("tag:parallax,2026:story/");
                assertThat(e.getUpdated()).as(path).isNotNull();
                String href = e.getAlternateLinks().stream().map(Link::getHref).findFirst().orElseThrow();
                assertThat(href).startsWith(origin() + "/story/");
                String storyId = URLDecoder.decode(href.substring((origin() + "/story/").length()), StandardCharsets.UTF_8);
                StoryRef ref = store.storyRef(storyId).orElseThrow();
                assertThat(e.getUpdated().toInstant()).isEqualTo(ref.lastSeen());
                assertThat(e.getContents().get(0).getValue()).containsPattern("\\d+ sources?, \\d+ articles?\\. Left \\d+, center \\d+, right \\d+");
            }
        }
        Feed topic = parse(get("/topic/kyrylo-budanov.atom").body());
        assertThat(topic.getEntries()).hasSize(4);
        Feed late = parse(get("/search.atom?q=drones+OR+prisoner&from=2020-04-01").body());
        assertThat(late.getEntries()).hasSize(1);
        assertThat(get("/search.atom?q=").statusCode()).isEqualTo(400);
        assertThat(get("/search.atom?q=%22unbalanced").statusCode()).isEqualTo(400);
        assertThat(get("/search?q=Budanov").body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Parallax: search for Budanov\" href=\"/search.atom?q=Budanov\">");
    }
}
