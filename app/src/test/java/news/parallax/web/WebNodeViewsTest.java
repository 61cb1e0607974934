package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.internal.Json;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.pipeline.StoredViews;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web node of a shared deployment leaves stale views to the clusterer (it shows the previous view and analyses
 * nothing), while a server on its own store rebuilds the view a request finds stale.
 */
class WebNodeViewsTest {
    static final Instant T0 = Instant.parse("2019-03-04T08:00:00Z");
    static final StoryAnalyzer ANALYZER = new DefaultStoryAnalyzer(OutletRegistries.bundled());

    @TempDir
    Path dir;

    private static Article article(String id, String outlet, long minutes, String title, String text) {
        return new Article(id, outlet, null, "https://example.org/" + id, title, T0.plusSeconds(60 * minutes), List.of(), text, "test", "en", Map.of());
    }

    private static Pipeline pipeline(Store store, @Nullable StoredViews views) {
        return new Pipeline(store, HtmlExtractors.standard(),
                new StandardStoryClusterer(ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null), views);
    }

    /** A store whose flood story gained an article after its view was stored (a clusterer that has not built it yet). */
    private String storyWithAStaleView(Store store) {
        StoredViews views = new StoredViews(store, ANALYZER);
        store.insert(List.of(
                article("flood-1", "CNN", 0, "Storm floods harbour town of Eastport",
                        "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 residents from their homes."),
                article("flood-2", "Fox News", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                        "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall.")));
        pipeline(store, views).recluster(ProgressListener.NONE);
        String id = store.stories(0).get(0).id();
        store.insert(List.of(article("flood-3", "The Guardian", 90, "Storm Hilda: Eastport sea wall gives way, 2,300 evacuated",
                "Storm Hilda broke through the Eastport sea wall and 2,300 residents were evacuated overnight.")));
        pipeline(store, null).recluster(ProgressListener.NONE);
        assertThat(store.storyRef(id).orElseThrow().articleIds()).contains("flood-3");
        assertThat(views.find(id).orElseThrow().current()).isFalse();
        return id;
    }

    private static List<String> articleIds(WebServer web, String id) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/stories/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode a : Json.mapper().readTree(r.body()).get("articles")) ids.add(a.get("id").asText());
        return ids;
    }

    /** What a test does with a server whose views are built {@code building}, over a story with a stale view. */
    private interface Check {
        void run(Store store, WebServer web, String id) throws Exception;
    }

    private void withStaleStory(WebServer.ViewBuilding building, Check check) throws Exception {
        try (Store store = Store.open(dir)) {
            String id = storyWithAStaleView(store);
            WebServer web = WebServer.start(store, ANALYZER, "127.0.0.1", 0, null, 0, building);
            try {
                assertThat(web.awaitWarmup(Duration.ofMinutes(1))).isTrue();
                check.run(store, web, id);
            } finally {
                web.close();
            }
        }
    }

    @Test
    void aWebNodeShowsThePreviousViewAndLeavesTheRebuildToTheClusterer() throws Exception {
        withStaleStory(WebServer.ViewBuilding.BY_CLUSTERER, (store, web, id) -> {
            assertThat(articleIds(web, id)).containsExactlyInAnyOrder("flood-1", "flood-2");
            Thread.sleep(1_000); // time a rebuild would have had to start
            assertThat(articleIds(web, id)).containsExactlyInAnyOrder("flood-1", "flood-2");
            assertThat(new StoredViews(store, ANALYZER).find(id).orElseThrow().current()).isFalse();
        });
    }

    @Test
    void aServerOnItsOwnStoreRebuildsTheViewARequestFindsStale() throws Exception {
        withStaleStory(WebServer.ViewBuilding.HERE, (store, web, id) -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!articleIds(web, id).contains("flood-3") && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(articleIds(web, id)).contains("flood-3");
            assertThat(new StoredViews(store, ANALYZER).find(id).orElseThrow().current()).isTrue();
        });
    }
}
