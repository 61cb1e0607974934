package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.outlets.EmptyRegistry;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerTest {
    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();
    private String storyId;

    @BeforeEach
    void start() throws IOException {
        Path in = dir.resolve("in.jsonl");
        String text = "Crews restored power to most homes on Sunday after the ice storm brought down lines across the valley.";
        Files.writeString(in, """
                {"id":"x1","source":"Left Daily","bias":"left","url":"https://left.example/a","title":"<script>alert(1)</script>","date":"2021-02-01","text":"%s"}
                {"id":"x2","source":"Right Times","bias":"right","url":"javascript:alert(2)","title":"Power back after <b>ice</b> storm","date":"2021-02-01","text":"%s Officials praised the crews."}
                """.formatted(text, text));
        store = Store.open(dir.resolve("data"));
        Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
        storyId = store.stories(1).get(0).id();
        web = WebServer.start(store, new DefaultStoryAnalyzer(new EmptyRegistry()), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        web.close();
        store.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storyPageShowsTheSeedPageElementsAndEscapesArticleContent() throws Exception {
        HttpResponse<String> r = get("/story/" + storyId);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Full story", "Media landscape", "Click on bars to see headlines", "total sources",
                "Key points from the Left", "Key points from the Center", "Key points from the Right",
                "No summary available because of a lack of coverage.", "Other (sources without bias rating)",
                "Report an issue with this summary");
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>", "<b>ice</b>", "javascript:alert(2)");
        assertThat(r.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void storyListLinksEveryStory() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/story/" + storyId).doesNotContain("<script>alert(1)");
    }

    /** The report form's token, as the story page serves it. */
    static String formToken(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the story page's form carries a token").isTrue();
        return m.group(1);
    }

    @Test
    void reportFormIsStoredAndListedInTheApi() throws Exception {
        // Issue 19: a report needs the page's token and a same-origin post (Origin as a browser sends it).
        String token = formToken(get("/story/" + storyId).body());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/story/" + storyId + "/report"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + web.port())
                .POST(HttpRequest.BodyPublishers.ofString("kind=inaccurate&message=The+date+is+wrong&token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(store.reports(storyId)).singleElement().satisfies(rep -> assertThat(rep.message()).isEqualTo("The date is wrong"));
        assertThat(get("/api/stories/" + storyId + "/reports").body()).contains("The date is wrong");
    }

    @Test
    void storyJsonHasTheDocumentedFields() throws Exception {
        HttpResponse<String> r = get("/api/stories/" + storyId);
        assertThat(r.statusCode()).isEqualTo(200);
        var json = news.parallax.internal.Json.mapper().readTree(r.body());
        for (String field : List.of("id", "title", "summary", "sourceCount", "articleCount", "landscape", "keyPoints", "articles",
                "claims", "firstSeen", "lastSeen")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("landscape").has("unrated")).isTrue();
        var article = json.get("articles").get(0);
        for (String field : List.of("id", "outlet", "bias", "title", "url", "published", "location", "text")) {
            assertThat(article.has(field)).as(field).isTrue();
        }
        assertThat(get("/api/stories/nope").statusCode()).isEqualTo(404);
    }
}
