package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.outlets.EmptyRegistry;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19, session 9: a kept story page is keyed on its own topic tags and thread links, not on every story's, so a
 * topic change elsewhere keeps it and a change to its own tags renders it again within one poll.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PageCacheLinksTest {
    private static final long CHANGE_DEADLINE_MILLIS = StoreStamps.POLL.toMillis() * 5;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (web != null) web.close();
        if (store != null) store.close();
    }

    private String page(String id) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/story/" + id)).build();
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        return res.body();
    }

    /** Tags story {@code storyId} with a topic named {@code name}, as a topic refresh by another process would. */
    private void tag(String slug, String name, String storyId) throws Exception {
        store.database().execute(c -> {
            try (PreparedStatement t = c.prepareStatement("INSERT INTO topics (slug, name, kind, story_count, variants, name_keys) "
                    + "VALUES (?, ?, 'organization', 1, '[]', '[]') ON CONFLICT DO NOTHING");
                 PreparedStatement st = c.prepareStatement("INSERT INTO story_topics (slug, story_id) VALUES (?, ?)")) {
                t.setString(1, slug);
                t.setString(2, name);
                t.executeUpdate();
                st.setString(1, slug);
                st.setString(2, storyId);
                st.executeUpdate();
            }
        });
    }

    private String pageContaining(String id, String text) throws Exception {
        long start = System.nanoTime();
        String body = page(id);
        while (!body.contains(text) && (System.nanoTime() - start) / 1_000_000 < CHANGE_DEADLINE_MILLIS) {
            Thread.sleep(50);
            body = page(id);
        }
        return body;
    }

    /** Reads the page until a poll passes without it being rendered again; returns the render count then. */
    private long settled(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        page(id);
        long before = web.storyRenders();
        while (System.nanoTime() < deadline) {
            Thread.sleep(StoreStamps.POLL.toMillis() + 200);
            page(id);
            long now = web.storyRenders();
            if (now == before) return now;
            before = now;
        }
        return before;
    }

    @Test
    void anotherStorysTopicChangeKeepsThePageAndItsOwnRendersItAgain() throws Exception {
        String storm = twoStoriesStored();
        List<String> ids = store.storyIds();
        assertThat(ids).hasSize(2);
        String music = ids.stream().filter(id -> !id.equals(storm)).findFirst().orElseThrow();
        web = WebServer.start(store, new DefaultStoryAnalyzer(new EmptyRegistry()), "127.0.0.1", 0);
        assertThat(web.awaitWarmup(Duration.ofSeconds(60))).isTrue();
        // Once kept (a view or topic refresh after the start may still land): two readings a poll apart render nothing.
        long kept = settled(storm);
        assertThat(page(storm)).doesNotContain("Zeta Concerts");
        assertThat(web.storyRenders()).as("a kept page is not rendered again").isEqualTo(kept);

        // Another story's topic tags change: its page shows the new tag within one poll ...
        tag("zeta-concerts", "Zeta Concerts", music);
        assertThat(pageContaining(music, "Zeta Concerts")).contains("Zeta Concerts");
        settled(music);
        long afterOther = web.storyRenders();
        // ... and this one is still the kept page.
        assertThat(page(storm)).doesNotContain("Zeta Concerts");
        assertThat(web.storyRenders()).as("an unrelated topic change keeps the page").isEqualTo(afterOther);

        // Its own tags change: rendered again within one poll.
        tag("zeta-concerts", "Zeta Concerts", storm);
        assertThat(pageContaining(storm, "Zeta Concerts")).contains("Zeta Concerts");
        assertThat(web.storyRenders()).isGreaterThan(afterOther);
    }

    /**
     * Issue 15, session 12: a page saved again replaces its kept version. Kept under what it was made from, every
     * version stayed until the byte bound evicted it, so a web node's heap grew with each pass of the clusterer (the
     * soak's web nodes: about 6.5 MB a minute). Each change of the story's tags moves its page, its JSON and the home
     * page (the store's generation); the cache must still hold one entry for each.
     */
    @Test
    void aPageChangedManyTimesKeepsOneEntryNotOnePerVersion() throws Exception {
        String storm = twoStoriesStored();
        web = WebServer.start(store, new DefaultStoryAnalyzer(new EmptyRegistry()), "127.0.0.1", 0);
        assertThat(web.awaitWarmup(Duration.ofSeconds(60))).isTrue();
        settled(storm);
        long rendersBefore = web.storyRenders();
        int versions = 12;
        for (int i = 0; i < versions; i++) {
            tag("zeta-" + i, "Zeta Topic " + (char) ('A' + i), storm);
            assertThat(pageContaining(storm, "Zeta Topic " + (char) ('A' + i))).contains("Zeta Topic " + (char) ('A' + i));
            for (String path : List.of("/api/stories/" + storm, "/")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
        }
        // Each version was rendered (page and JSON), so there were that many versions to keep ...
        assertThat(web.storyRenders() - rendersBefore).isGreaterThanOrEqualTo(2L * versions);
        // ... and the cache holds the pages there are: two stories' page and JSON, and the home page.
        assertThat(web.pageCacheEntries()).isBetween(1L, 2L * 2 + 1);
    }

    /** Stores two unrelated one-article stories (an ice storm, an orchestra) and returns the storm's story id. */
    private String twoStoriesStored() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id":"x1","source":"Left Daily","url":"https://left.example/a","title":"Ice storm cuts power","date":"2021-02-01","text":"Crews restored power to most homes on Sunday after the ice storm brought down lines across the valley."}
                {"id":"y1","source":"Right Times","url":"https://right.example/b","title":"Orchestra opens its season","date":"2023-09-10","text":"The city orchestra opened its autumn season with a new symphony by a young composer, to a full hall."}
                """);
        store = database.fresh(dir.resolve("data")).open();
        Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
        return store.stories(2).stream().filter(s -> s.title().contains("Ice")).findFirst().orElseThrow().id();
    }
}
