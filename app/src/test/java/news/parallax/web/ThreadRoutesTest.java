package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.internal.Json;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import news.parallax.threads.ThreadFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /thread/{id}, /api/threads/{id}, the story JSON's thread and the story page's Earlier / Later block, on a real server. */
class ThreadRoutesTest {
    static final String PAYLOAD = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private String threadId;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Three stories a few days apart, the middle one with markup in its headline, linked into one thread. */
    @BeforeEach
    void start() {
        store = Store.open(dir);
        List<Article> articles = new ArrayList<>();
        List<StoredStory> stories = new ArrayList<>();
        String[][] rows = {{"s1", "Trump declares a national emergency at the border", "2019-02-15"},
                {"s2", "House votes to overturn the emergency " + PAYLOAD, "2019-02-26"},
                {"s3", "Senate rejects the emergency declaration", "2019-03-14"}};
        for (String[] r : rows) {
            Article a = new Article("a-" + r[0], "Reuters", "reuters.com", "https://reuters.com/" + r[0], r[1], Instant.parse(r[2] + "T12:00:00Z"),
                    List.of(), "Body of " + r[0] + ".", "/in/" + r[0], "en", Map.of());
            articles.add(a);
            stories.add(new StoredStory(new StoryRef(r[0], r[1], 1, 1, a.published(), a.published(), List.of(a.id())), Map.of(), Map.of()));
        }
        store.insert(articles);
        store.replaceStories(stories);
        threadId = ThreadFixtures.thread(store, List.of("s1", "s2", "s3"));
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        web.close();
        store.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theThreadPageListsEveryStoryInTimeOrderWithItsLandscapeAndEscapesHeadlines() throws Exception {
        HttpResponse<String> r = get("/thread/" + threadId);
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(body).doesNotContain(PAYLOAD).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(body.indexOf("/story/s1")).isPositive().isLessThan(body.indexOf("/story/s2"));
        assertThat(body.indexOf("/story/s2")).isLessThan(body.indexOf("/story/s3"));
        assertThat(body).contains("class=\"bar\"", "3 stories");
    }

    @Test
    void theThreadJsonHoldsItsStoriesWithDatesSourceCountsAndLandscapes() throws Exception {
        HttpResponse<String> r = get("/api/threads/" + threadId);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = Json.mapper().readTree(r.body());
        assertThat(t.get("id").asText()).isEqualTo(threadId);
        assertThat(t.get("storyCount").asInt()).isEqualTo(3);
        assertThat(t.get("stories").get(0).get("id").asText()).isEqualTo("s1");
        assertThat(t.get("stories").get(1).get("firstSeen").asText()).isEqualTo("2019-02-26T12:00:00Z");
        assertThat(t.get("stories").get(2).get("sourceCount").asInt()).isEqualTo(1);
        assertThat(t.get("stories").get(2).has("landscape")).isTrue();
    }

    @Test
    void theStoryJsonAndPageNameTheEarlierAndLaterStories() throws Exception {
        JsonNode thread = Json.mapper().readTree(get("/api/stories/s2").body()).get("thread");
        assertThat(thread.get("id").asText()).isEqualTo(threadId);
        assertThat(thread.get("earlier")).extracting(n -> n.get("id").asText()).containsExactly("s1");
        assertThat(thread.get("later")).extracting(n -> n.get("id").asText()).containsExactly("s3");
        // The first story has nothing earlier.
        JsonNode first = Json.mapper().readTree(get("/api/stories/s1").body()).get("thread");
        assertThat(first.get("earlier")).isEmpty();
        assertThat(first.get("later")).extracting(n -> n.get("id").asText()).containsExactly("s2", "s3");

        String page = get("/story/s3").body();
        assertThat(page).contains("id=\"thread\"", "Earlier", "href=\"/story/s2\"", "href=\"/thread/" + threadId + "\"")
                .doesNotContain(PAYLOAD);
    }

    @Test
    void aStoryOutsideAnyThreadHasANullThreadAndNoBlock() throws Exception {
        Article a = new Article("a-x", "Reuters", "reuters.com", "https://reuters.com/x", "Oscars night", Instant.parse("2019-02-25T12:00:00Z"),
                List.of(), "Body.", "/in/x", "en", Map.of());
        store.insert(List.of(a));
        store.updateStories(List.of(new StoredStory(new StoryRef("sx", a.title(), 1, 1, a.published(), a.published(), List.of("a-x")),
                Map.of(), Map.of())));
        assertThat(Json.mapper().readTree(get("/api/stories/sx").body()).get("thread").isNull()).isTrue();
        assertThat(get("/story/sx").body()).doesNotContain("id=\"thread\"");
    }

    @Test
    void anUnknownThreadIsA404NamingItEscaped() throws Exception {
        String encoded = URLEncoder.encode(PAYLOAD, StandardCharsets.UTF_8);
        HttpResponse<String> page = get("/thread/" + encoded);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(PAYLOAD).contains("No thread");
        HttpResponse<String> json = get("/api/threads/nope");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(json.body()).get("error").asText()).contains("No thread nope");
    }
}
