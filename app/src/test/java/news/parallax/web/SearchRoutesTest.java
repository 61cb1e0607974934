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
import java.util.List;
import java.util.Map;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.internal.Json;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /search and /api/search on a real server: results, escaping of stored and typed text, 400 for malformed input. */
class SearchRoutesTest {
    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = Store.open(dir);
        Article a = new Article("a1", "Reuters", "reuters.com", "https://reuters.com/a1", "Senate passes <script>alert(1)</script> climate bill",
                Instant.parse("2020-02-10T12:00:00Z"), List.of(), "A carbon tax on power plants.", "/in/a1", "en", Map.of());
        store.insert(List.of(a));
        store.replaceStories(List.of(new StoredStory(new StoryRef("st1", a.title(), 1, 1, a.published(), a.published(), List.of("a1")),
                Map.of(), Map.of())));
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        web.close();
        store.close();
    }

    private HttpResponse<String> get(String path, String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path + "?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonAndPageListTheStoryAndEscapeItsTitleAndTheQuery() throws Exception {
        HttpResponse<String> api = get("/api/search", "\"carbon tax\"");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode r = Json.mapper().readTree(api.body());
        assertThat(r.get("stories").get(0).get("id").asText()).isEqualTo("st1");
        assertThat(r.get("articles").get(0).get("side").asText()).isEqualTo("center");

        HttpResponse<String> page = get("/search", "climate -<b>bold</b>");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/story/st1").doesNotContain("<script>alert(1)").doesNotContain("<b>bold</b>")
                .contains("&lt;script&gt;");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/search")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedQueriesAndFiltersAre400WithTheMessage() throws Exception {
        for (String q : List.of("\"open", "-only", "OR")) {
            HttpResponse<String> api = get("/api/search", q);
            assertThat(api.statusCode()).as(q).isEqualTo(400);
            assertThat(get("/search", q).statusCode()).as(q).isEqualTo(400);
        }
        assertThat(get("/api/search", "").statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/search?q=climate&side=middle")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(get("/api/search", "x".repeat(600)).statusCode()).isEqualTo(400);
    }
}
