package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.outlets.EmptyRegistry;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: pages served from {@link PageCache} change after a save, within one poll of the store; ETag, 304, gzip. */
class PageCacheTest {
    private static final String TEXT = "Crews restored power to most homes on Sunday after the ice storm brought down lines across the valley.";
    /** One poll plus slack for a loaded machine: a cached page older than this after a save is a failure. */
    private static final long CHANGE_DEADLINE_MILLIS = StoreStamps.POLL.toMillis() * 5;

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();
    private String storyId;

    @BeforeEach
    void start() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id":"x1","source":"Left Daily","url":"https://left.example/a","title":"Ice storm cuts power","date":"2021-02-01","text":"%s"}
                {"id":"x2","source":"Right Times","url":"https://right.example/b","title":"Power back after ice storm","date":"2021-02-01","text":"%s Officials praised the crews."}
                """.formatted(TEXT, TEXT));
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

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aSaveChangesTheCachedStoryPageItsJsonAndTheHomePageWithinOnePoll() throws Exception {
        java.util.Map<String, String> before = new java.util.HashMap<>();
        for (String path : List.of("/story/" + storyId, "/api/stories/" + storyId, "/", "/api/feed")) {
            assertThat(get(path).statusCode()).isEqualTo(200);
            before.put(path, text(get(path)));
            assertThat(before.get(path)).as(path).doesNotContain("Linemen finish the last repairs").contains(storyId);
        }
        String pageTag = get("/story/" + storyId).headers().firstValue("ETag").orElseThrow();

        // Another process's kind of save: new articles stored, the story re-clustered and its view rebuilt.
        Path more = dir.resolve("more.jsonl");
        Files.writeString(more, """
                {"id":"x3","source":"Center Wire","url":"https://center.example/c","title":"Linemen finish the last repairs after ice storm","date":"2021-02-02","text":"%s Linemen finished the last repairs on Monday."}
                """.formatted(TEXT));
        try (Store writer = Store.open(dir.resolve("data"))) {
            Pipeline.standard(writer).ingest(List.of(more), ProgressListener.NONE);
        }
        assertThat(store.storyRef(storyId)).isPresent();
        long saved = System.nanoTime();

        for (String path : before.keySet()) {
            String body = text(get(path));
            while (body.equals(before.get(path)) && (System.nanoTime() - saved) / 1_000_000 < CHANGE_DEADLINE_MILLIS) {
                Thread.sleep(50);
                body = text(get(path));
            }
            assertThat(body).as(path + " after the save").isNotEqualTo(before.get(path));
            // Stories list their articles: the page and JSON show the new one (a listing shows counts, not titles).
            if (path.contains(storyId)) assertThat(body).as(path).contains("Linemen finish the last repairs");
        }
        assertThat(get("/story/" + storyId).headers().firstValue("ETag").orElseThrow()).isNotEqualTo(pageTag);
    }

    @Test
    void anUnchangedPageIsAnswered304ForItsETagAndTheSameBytesOtherwise() throws Exception {
        for (String path : List.of("/story/" + storyId, "/api/stories/" + storyId, "/", "/api/feed")) {
            HttpResponse<byte[]> first = get(path);
            String tag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(tag).as(path).startsWith("W/\"");
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            assertThat(first.headers().allValues("Vary")).as(path).anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));

            HttpResponse<byte[]> again = get(path);
            assertThat(again.body()).as(path + ": the same bytes to the next reader").isEqualTo(first.body());
            assertThat(again.headers().firstValue("ETag")).hasValue(tag);

            HttpResponse<byte[]> revalidated = get(path, "If-None-Match", tag);
            assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
            assertThat(revalidated.headers().firstValue("Content-Security-Policy")).as("security headers on a 304").isPresent();

            assertThat(get(path, "If-None-Match", "W/\"someone-else\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void gzipIsServedToClientsThatAcceptItAndDecodesToThePlainBytes() throws Exception {
        for (String path : List.of("/story/" + storyId, "/api/stories/" + storyId, "/")) {
            HttpResponse<byte[]> plain = get(path);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();

            HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "br, gzip;q=0.8");
            assertThat(gz.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gz.body().length).isLessThan(plain.body().length);
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
                assertThat(in.readAllBytes()).as(path + " gunzipped").isEqualTo(plain.body());
            }
            assertThat(get(path, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).as(path).isEmpty();
        }
    }

    @Test
    void withoutACacheEveryRequestRendersAndIsStillCorrect() throws Exception {
        web.close();
        web = WebServer.start(store, new DefaultStoryAnalyzer(new EmptyRegistry()), "127.0.0.1", 0, null, 0);
        // The first topic refresh moves the story's links (its tags) and so its ETag: wait for it before comparing.
        assertThat(web.awaitWarmup(java.time.Duration.ofMinutes(1))).isTrue();
        HttpResponse<byte[]> r = get("/story/" + storyId, "Accept-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get("/story/" + storyId, "If-None-Match", r.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        assertThat(get("/story/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void headerParsing() {
        assertThat(PageCache.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PageCache.acceptsGzip("deflate")).isFalse();
        assertThat(PageCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PageCache.acceptsGzip("*")).isTrue();
        assertThat(PageCache.acceptsGzip(null)).isFalse();
        assertThat(PageCache.matches("\"a\", W/\"b\"", "W/\"b\"")).isTrue();
        assertThat(PageCache.matches("\"a\"", "W/\"b\"")).isFalse();
        assertThat(PageCache.matches("*", "W/\"b\"")).isTrue();
    }
}
