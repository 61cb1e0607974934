package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every HTML page renders hostile article fields as text: titles, outlets, bodies, URLs, authors. */
class HostileContentTest {
    private static final String PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    @TempDir
    Path dir;

    @Test
    void noPageEmitsMarkupFromArticles() throws Exception {
        String body = "Officials said 3,000 troops were sent to the border on Monday, according to the ministry. " + PAYLOAD
                + " The ministry denied the claim that 500 tanks moved, citing satellite images.";
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            jsonl.append(("{\"id\":\"h%d\",\"source\":\"Outlet %d %s\",\"bias\":\"%s\",\"url\":\"javascript:alert(%d)\","
                    + "\"title\":\"Troops sent to border %s\",\"date\":\"2020-05-0%d\",\"authors\":\"%s\",\"text\":\"%s\"}\n")
                    .formatted(i, i, PAYLOAD.replace("\"", "\\\""), List.of("left", "center", "right").get(i), i,
                            PAYLOAD.replace("\"", "\\\""), i + 1, PAYLOAD.replace("\"", "\\\""), body.replace("\"", "\\\"")));
        }
        // Three later stories, a month apart, with hostile headlines and outlets, all about one person: a topic page.
        for (int i = 0; i < 3; i++) {
            String text = "Kyrylo Budanov said on Monday that drones hit the depot in " + List.of("Kharkiv", "Odesa", "Dnipro").get(i)
                    + ". Budanov said the strike was planned for " + (i + 2) + " weeks. "
                    + "Officials close to Kyrylo Budanov confirmed the damage. " + PAYLOAD;
            jsonl.append(("{\"id\":\"k%d\",\"source\":\"Outlet %s\",\"url\":\"https://k.example/%d\",\"title\":\"Budanov: depot hit %s\","
                    + "\"date\":\"2020-%02d-10\",\"text\":\"%s\"}\n").formatted(i, PAYLOAD.replace("\"", "\\\""), i,
                    PAYLOAD.replace("\"", "\\\""), 8 + i, text.replace("\"", "\\\"")));
        }
        Path in = Files.writeString(dir.resolve("hostile.jsonl"), jsonl);
        try (Store store = Store.open(dir.resolve("data"))) {
            Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
            String storyId = store.stories(1).get(0).id();
            // A feed whose URL and last error carry markup: the feed status page and the first-run line show both.
            news.parallax.fetch.FeedStore feeds = news.parallax.fetch.FeedStore.of(store);
            java.time.Instant now = java.time.Instant.now();
            String feedUrl = "https://feeds.example/" + java.net.URLEncoder.encode(PAYLOAD, java.nio.charset.StandardCharsets.UTF_8);
            feeds.addSource(feedUrl, news.parallax.fetch.FeedSource.Kind.FEED, null, PAYLOAD, java.time.Duration.ofMinutes(30), now);
            feeds.recordFailure(feedUrl, now, feedUrl + ": " + PAYLOAD, now.plusSeconds(60));
            String encoded = java.net.URLEncoder.encode(PAYLOAD, java.nio.charset.StandardCharsets.UTF_8);
            // A later story with a hostile headline, threaded with the first (issue 14): the thread page and block show both.
            news.parallax.model.Article later = new news.parallax.model.Article("h-later", "Outlet " + PAYLOAD, null, null,
                    "Troops leave the border " + PAYLOAD, java.time.Instant.parse("2020-05-08T12:00:00Z"), List.of(),
                    "The troops left the border on Friday. " + PAYLOAD, "/in/h-later", "en",
                    Map.of());
            store.insert(List.of(later));
            store.updateStories(List.of(new news.parallax.store.StoredStory(new news.parallax.model.StoryRef("hostile-later", later.title(), 1, 1,
                    later.published(), later.published(), List.of(later.id())), Map.of(), Map.of())));
            String threadId = news.parallax.threads.ThreadFixtures.thread(store, List.of(storyId, "hostile-later"));
            try (WebServer web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0)) {
                HttpClient http = HttpClient.newHttpClient();
                // Every HTML route, with hostile parameters where a route echoes them, and the error pages that echo the path.
                Map<String, Integer> routes = new LinkedHashMap<>();
                for (String path : List.of("/", "/?page=2", "/story/" + storyId, "/story/" + storyId + "?reported", "/blindspots",
                        "/blindspots?side=left", "/outlets", "/outlets?q=" + encoded, "/outlets?side=right&q=fox", "/outlet/foxnews.com",
                        "/outlet/foxnews.com?page=2", "/feeds",
                        "/feed.atom", "/blindspots.atom", "/blindspots.atom?side=left", "/briefing", "/briefing?date=2020-05-02",
                        "/briefing.atom", "/briefing.atom?date=2020-05-02", "/api/briefing?date=2020-05-02", "/my-bias",
                        "/search?q=troops", "/search?q=troops+" + encoded, "/thread/" + threadId, "/story/hostile-later",
                        // issue 14, topics: index, a topic built from the hostile stories, its feed, the search feed
                        "/topics", "/topics?q=" + encoded, "/topic/kyrylo-budanov", "/topic/kyrylo-budanov?page=2",
                        "/topic/kyrylo-budanov.atom", "/search.atom?q=troops",
                        "/search.atom?q=Budanov+" + encoded)) {
                    routes.put(path, 200);
                }
                routes.put("/story/" + encoded, 404);
                routes.put("/outlet/" + encoded, 404);
                routes.put("/thread/" + encoded, 404);
                routes.put("/" + encoded, 404);
                routes.put("/blindspots?side=" + encoded, 400);
                routes.put("/?page=" + encoded, 400);
                routes.put("/briefing?date=" + encoded, 400);
                routes.put("/briefing.atom?date=" + encoded, 400);
                routes.put("/blindspots.atom?side=" + encoded, 400);
                routes.put("/search?q=%22" + encoded, 400);
                routes.put("/search?q=troops&side=" + encoded, 400);
                routes.put("/topic/" + encoded, 404);
                routes.put("/topic/" + encoded + ".atom", 404);
                routes.put("/topics?page=" + encoded, 400);
                routes.put("/search.atom?q=%22" + encoded, 400);
                for (var route : routes.entrySet()) {
                    String path = route.getKey();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path).isEqualTo(route.getValue());
                    assertThat(r.body()).as(path).doesNotContain("<script>alert", "<img src=x", "href=\"javascript:");
                    // The payload is shown, as text, where the page shows article fields.
                    if (path.startsWith("/story/" + storyId) || path.startsWith("/thread/" + threadId)) {
                        assertThat(r.body()).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
                    }
                    if (path.equals("/topic/kyrylo-budanov")) assertThat(r.body()).contains("Budanov: depot hit &lt;script&gt;alert(1)&lt;/script&gt;");
                }
                HttpResponse<String> feedPage = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/feeds")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(feedPage.body()).contains("&lt;img src=x onerror=alert(2)&gt;");
            }        }
    }

    /** Issue 14: the editor's pages show hostile article fields, reports, notes and parameters as text. */
    @Test
    void editorPagesEmitNoMarkupFromArticlesReportsNotesOrParameters() throws Exception {
        String text = "Storm Hilda flooded the harbour town of Eastport, forcing 2,300 Eastport residents from their homes. " + PAYLOAD;
        try (Store store = Store.open(dir.resolve("editor-data"))) {
            java.time.Instant t0 = java.time.Instant.parse("2019-03-04T08:00:00Z");
            store.insert(List.of(0, 1, 2).stream().map(i -> new news.parallax.model.Article("h" + i, "Outlet " + PAYLOAD, null,
                    "javascript:alert(" + i + ")", "Storm Hilda floods Eastport " + PAYLOAD, t0.plusSeconds(600L * i), List.of(PAYLOAD),
                    text + " Report " + i + ".", "test", "en", Map.of())).toList());
            new Pipeline(store, news.parallax.extract.HtmlExtractors.standard(), new news.parallax.cluster.StandardStoryClusterer(
                    news.parallax.cluster.ClusterConfig.defaults().withEmbeddings(news.parallax.cluster.ClusterConfig.EmbeddingUse.NONE), null))
                    .recluster(ProgressListener.NONE);
            String storyId = store.stories(1).get(0).id();
            assertThat(store.stories(1).get(0).articleIds()).hasSize(3);
            new news.parallax.pipeline.StoryCorrector(store, OutletRegistries.bundled(), null).split(storyId, List.of("h2"), "ann", PAYLOAD);
            store.addReport(storyId, "other", PAYLOAD);
            new news.parallax.editor.EditorAccounts(store).add("ann", EditorWebTest.PASSWORD);
            String encoded = java.net.URLEncoder.encode(PAYLOAD, java.nio.charset.StandardCharsets.UTF_8);
            try (WebServer web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0)) {
                EditorClient client = new EditorClient(web.port());
                Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
                pages.put("login next", client.get("/editor/login?next=" + encoded));
                pages.put("login next path", client.get("/editor/login?next=/%22%3E" + encoded));
                pages.put("failed login", client.login(PAYLOAD, PAYLOAD));
                pages.put("404", client.get("/editor/" + encoded));
                assertThat(client.login("ann", EditorWebTest.PASSWORD).statusCode()).isEqualTo(303);
                pages.put("home", client.get("/editor"));
                pages.put("reports", client.get("/editor/reports"));
                pages.put("reports all", client.get("/editor/reports?state=all&page=1"));
                pages.put("bad state", client.get("/editor/reports?state=" + encoded));
                pages.put("story with panel", client.get("/story/" + storyId + "?corrected=" + encoded));
                pages.put("bad merge", client.post("/editor/story/" + storyId + "/merge",
                        Map.of("csrf", client.csrf("/editor"), "other", PAYLOAD)));
                // session 8: the password page, a wrong current password, an undo of a bad number, the reports as JSON
                pages.put("password", client.get("/editor/password"));
                pages.put("wrong password", client.post("/editor/password", Map.of("csrf", client.csrf("/editor"), "current", PAYLOAD,
                        "password", PAYLOAD, "again", PAYLOAD)));
                pages.put("bad undo", client.post("/editor/corrections/" + encoded + "/undo", Map.of("csrf", client.csrf("/editor"))));
                HttpResponse<String> json = client.get("/editor/api/reports?state=all");
                for (var page : pages.entrySet()) {
                    String body = page.getValue().body();
                    assertThat(body).as(page.getKey()).doesNotContain("<script>alert", "<img src=x", "href=\"javascript:", "\"><script");
                }
                assertThat(pages.get("home").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;"); // the note
                assertThat(pages.get("reports").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;"); // the message
                assertThat(pages.get("story with panel").body()).contains("id=\"editor\"", "Storm Hilda floods Eastport &lt;script&gt;");
                assertThat(pages.get("failed login").statusCode()).isEqualTo(401);
                assertThat(pages.get("bad merge").statusCode()).isEqualTo(400);
                assertThat(pages.get("wrong password").statusCode()).isEqualTo(401);
                assertThat(pages.get("bad undo").statusCode()).isEqualTo(404);
                assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                assertThat(json.body()).contains("<script>alert(1)</script>", "\"state\""); // JSON carries the text; pages escape it
            }
        }
    }
}
