package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/** The analysis pages and APIs over a real store, pipeline and HTTP server, with the bundled outlet registry. */
class AnalysisPagesTest {
    static final String FIXTURE = "/analysis/landscape-stories.jsonl";

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Ingests the two fixture stories (one covered across the spectrum, one by the right only). */
    static Store ingestFixture(Path dir) throws IOException {
        Path in = dir.resolve("stories.jsonl");
        try (InputStream res = AnalysisPagesTest.class.getResourceAsStream(FIXTURE)) {
            Files.write(in, res.readAllBytes());
        }
        Store store = Store.open(dir.resolve("data"));
        Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
        return store;
    }

    @BeforeEach
    void start() throws IOException {
        store = ingestFixture(dir);
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0);
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

    private String storyWith(String articleId) {
        return store.stories(0).stream().filter(s -> s.articleIds().contains(articleId)).map(StoryRef::id).findFirst().orElseThrow();
    }

    @Test
    void storyPageShowsLandscapeHeadlinesComparisonAndTimeline() throws Exception {
        String body = get("/story/" + storyWith("a1")).body();
        assertThat(body).contains("id=\"side-left\"", "id=\"side-center\"", "id=\"side-right\"", "id=\"side-unrated\"",
                "Headline comparison", "First reported by", "Factual reporting", "Taxpayers stuck with transit bill",
                "Other (sources without bias rating)", "Unknown Gazette");
        // Article content is escaped everywhere it appears.
        assertThat(body).doesNotContain("<em>buses</em>").contains("&lt;em&gt;buses&lt;/em&gt;");
        // Summary sentences link to the articles that state them.
        assertThat(body).containsPattern("class=\"summary-sentence\">[^<]+<sup class=\"sources\"[^>]*><a href=\"#article-");
    }

    @Test
    void anArticleWithoutATitleIsListedByItsOpeningWordsMarkedAsNoHeadline() throws Exception {
        // A text dump whose first line is already body text (as seed 002): the cleaner gives it no title.
        Path dump = dir.resolve("dumps").resolve("untitled.txt");
        Files.createDirectories(dump.getParent());
        Files.writeString(dump, """
                Harbour officials in Eastport said on Monday that the repaired sea wall had held through the second storm of the month.
                The wall failed in March when Storm Hilda drove 2,300 residents from their homes, and engineers rebuilt it over the summer.
                Mayor Linda Okafor said the town would still ask the national government for money to raise the wall by a metre.
                """);
        Pipeline.standard(store).ingest(List.of(dump), ProgressListener.NONE);
        String id = store.stories(0).stream().filter(s -> s.title().startsWith("(no headline)")).map(StoryRef::id).findFirst().orElseThrow();
        String opening = "(no headline) Harbour officials in Eastport said on Monday that the repaired sea wall …";
        String body = get("/story/" + id).body();
        assertThat(body).contains("<h1>" + opening + "</h1>", "</strong>: " + opening).doesNotContain("</strong>: <");
        JsonNode json = Json.mapper().readTree(get("/api/stories/" + id).body());
        assertThat(json.get("articles").get(0).get("title").asText()).isEqualTo(opening);
    }

    @Test
    void storyJsonCarriesTheAnalysis() throws Exception {
        JsonNode json = Json.mapper().readTree(get("/api/stories/" + storyWith("a1")).body());
        assertThat(json.get("landscape").get("left").asInt()).isEqualTo(2);
        assertThat(json.get("landscape").get("right").asInt()).isEqualTo(2);
        assertThat(json.get("landscape").get("unrated").asInt()).isEqualTo(1);
        assertThat(json.get("coverage").get("right").get("headlines")).hasSize(2);
        assertThat(json.get("summarySentences").size()).isBetween(3, 6);
        assertThat(json.get("timeline").get("firstReport").get("outlet").asText()).isNotBlank();
    }

    @Test
    void rightOnlyStoryIsInTheBlindspotFeedForTheLeft() throws Exception {
        String fire = storyWith("b1");
        assertThat(get("/blindspots?side=left").body()).contains("/story/" + fire).contains("Blindspot for the left");
        assertThat(get("/blindspots?side=right").body()).doesNotContain("/story/" + fire);
        JsonNode api = Json.mapper().readTree(get("/api/blindspots").body());
        assertThat(api).anySatisfy(o -> assertThat(o.get("story").get("id").asText()).isEqualTo(fire));
        assertThat(get("/blindspots?side=up").statusCode()).isEqualTo(400);
    }

    @Test
    void feedShowsBiasBarAndSourceCount() throws Exception {
        String body = get("/").body();
        assertThat(body).contains("class=\"bar\"", "6 sources", "3 sources");
        JsonNode feed = Json.mapper().readTree(get("/api/feed").body());
        assertThat(feed).allSatisfy(o -> assertThat(o.has("landscape")).isTrue());
    }

    @Test
    void outletPageListsRatingsAndStories() throws Exception {
        String body = get("/outlet/foxnews.com").body();
        assertThat(body).contains("Fox News", "AllSides", "Media Bias/Fact Check", "/story/" + storyWith("a4"), "/story/" + storyWith("b1"));
        JsonNode api = Json.mapper().readTree(get("/api/outlets/foxnews.com").body());
        assertThat(api.get("stories")).hasSize(2);
        assertThat(get("/outlet/no-such-outlet.example").statusCode()).isEqualTo(404);
        // The registry is paged and filterable (issue 21): CNN is found by name.
        assertThat(get("/outlets?q=cnn").body()).contains("href=\"/outlet/cnn.com\"");
        assertThat(get("/outlets?side=right&q=fox").body()).contains("href=\"/outlet/foxnews.com\"").doesNotContain("/outlet/cnn.com\"");
    }
}
