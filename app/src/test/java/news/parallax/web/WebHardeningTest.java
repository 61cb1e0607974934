package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.internal.Json;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's web half over a real store and a real server on loopback: every status code with its headers, the
 * Host check, HEAD, 405 with Allow, and the report route's limits (size, kind, origin, token, rate, paging).
 * Raw sockets send what the JDK client refuses to (a foreign Host, TRACE).
 */
class WebHardeningTest {
    /** Small limits, so the test reaches them in a few requests. */
    private static final ReportPolicy TIGHT = new ReportPolicy(new RateLimiter.Limit(3, Duration.ofHours(1)),
            new RateLimiter.Limit(5, Duration.ofHours(1)));

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private String storyId;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        Path in = dir.resolve("in.jsonl");
        String text = "Crews restored power to most homes on Sunday after the ice storm brought down lines across the valley.";
        Files.writeString(in, """
                {"id":"x1","source":"Left Daily","bias":"left","url":"https://left.example/a","title":"Power back after ice storm","date":"2021-02-01","text":"%s"}
                {"id":"x2","source":"Right Times","bias":"right","url":"https://right.example/b","title":"Ice storm: power restored","date":"2021-02-01","text":"%s Officials praised the crews."}
                """.formatted(text, text));
        store = Store.open(dir.resolve("data"));
        Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
        storyId = store.stories(1).get(0).id();
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), OutletRegistries.bundled(), "127.0.0.1", 0,
                "news.example.org", TIGHT);
    }

    @AfterEach
    void stop() {
        web.close();
        store.close();
    }

    private String base() {
        return "http://127.0.0.1:" + web.port();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String body) throws Exception {
        return post("/story/" + storyId + "/report", "application/x-www-form-urlencoded", body, Map.of("Origin", base()));
    }

    private String token() throws Exception {
        return WebServerTest.formToken(get("/story/" + storyId).body());
    }

    /** A raw HTTP/1.1 exchange: status line and headers (lower-cased names), then the body. */
    record Raw(int status, Map<String, String> headers, String body) {}

    private Raw raw(String method, String path, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), web.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    private static void assertSecurityHeaders(HttpResponse<?> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(r.uri() + " CSP").contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(r.uri() + " Referrer-Policy").isPresent();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.uri().toString()).hasValue("nosniff");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersErrorsAndRedirectsIncluded() throws Exception {
        String token = token();
        HttpResponse<String> redirect = postForm("kind=other&message=Typo+in+the+summary&token=" + token);
        assertThat(redirect.statusCode()).isEqualTo(303);
        for (HttpResponse<String> r : List.of(get("/"), get("/story/" + storyId), get("/static/parallax.css"), get("/static/parallax.js"),
                get("/nope"), get("/api/stories/nope"), get("/api/stories?limit=abc"), redirect)) {
            assertSecurityHeaders(r);
        }
        Raw misdirected = raw("GET", "/", "evil.example");
        assertThat(misdirected.headers()).containsKey("content-security-policy").containsEntry("x-content-type-options", "nosniff");
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() throws Exception {
        for (String path : List.of("/", "/story/" + storyId, "/blindspots", "/outlets", "/outlet/foxnews.com", "/feeds", "/nope")) {
            String body = get(path).body();
            assertThat(body).as(path).doesNotContain("<style", " style=", " onclick=").doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        }
    }

    @Test
    void aForeignHostIsAnswered421AndTheConfiguredNamesAreServed() throws Exception {
        Raw rebinding = raw("GET", "/", "evil.example:" + web.port());
        assertThat(rebinding.status()).isEqualTo(421);
        assertThat(rebinding.body()).contains("evil.example").doesNotContain("Exception");
        assertThat(raw("GET", "/api/stories", "evil.example").status()).isEqualTo(421);
        assertThat(raw("GET", "/", "news.example.org").status()).isEqualTo(200);
        assertThat(raw("GET", "/", "localhost:" + web.port()).status()).isEqualTo(200);
        assertThat(raw("GET", "/", "127.0.0.1:" + web.port()).status()).isEqualTo(200);
    }

    @Test
    void headWorksWhereverGetDoes() throws Exception {
        for (String path : List.of("/", "/story/" + storyId, "/api/stories", "/api/stories/" + storyId, "/outlets", "/feeds",
                "/static/parallax.css")) {
            Raw head = raw("HEAD", path, "127.0.0.1");
            assertThat(head.status()).as("HEAD " + path).isEqualTo(200);
            assertThat(head.body()).as("HEAD " + path).isEmpty();
        }
        assertThat(raw("HEAD", "/story/nope", "127.0.0.1").status()).isEqualTo(404);
    }

    @Test
    void wrongMethodsGet405WithAllow() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS")) {
            Raw r = raw(method, "/api/stories/" + storyId + "/reports", "127.0.0.1");
            assertThat(r.status()).as(method).isEqualTo(405);
            assertThat(r.headers().get("allow")).as(method).contains("GET", "POST", "HEAD");
            assertThat(r.body()).doesNotContain("\"id\"");
        }
        Raw getReport = raw("GET", "/story/" + storyId + "/report", "127.0.0.1");
        assertThat(getReport.status()).isEqualTo(405);
        assertThat(getReport.headers().get("allow")).isEqualTo("POST");
        Raw postHome = raw("POST", "/", "127.0.0.1");
        assertThat(postHome.status()).isEqualTo(405);
        assertThat(postHome.headers().get("allow")).isEqualTo("GET, HEAD");
        assertThat(raw("TRACE", "/api/stories/" + storyId + "/reports", "127.0.0.1").status()).isEqualTo(405);
    }

    @Test
    void badParametersGet400WithAMessageAsJsonUnderApiAndAsAPageElsewhere() throws Exception {
        for (String path : List.of("/api/stories?limit=-1", "/api/stories?limit=abc", "/api/feed?limit=0", "/api/blindspots?side=up",
                "/api/stories?page=x")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
            JsonNode json = Json.mapper().readTree(r.body());
            assertThat(json.get("status").asInt()).isEqualTo(400);
            assertThat(json.get("error").asText()).as(path).containsAnyOf("limit", "page", "side");
        }
        HttpResponse<String> page = get("/?page=abc");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("page must be a whole number").contains("<h1>Bad request</h1>");
        assertThat(get("/blindspots?side=up").statusCode()).isEqualTo(400);
    }

    @Test
    void missingThingsGet404AsJsonOrPage() throws Exception {
        HttpResponse<String> api = get("/api/stories/nope");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(api.body()).get("error").asText()).contains("nope");
        HttpResponse<String> page = get("/story/nope");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Not found</h1>", "No story nope");
        assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
        assertThat(get("/outlet/no-such-outlet.example").statusCode()).isEqualTo(404);
    }

    @Test
    void aServerFailureIs500WithoutAStackTrace() throws Exception {
        store.close(); // every store call now fails
        HttpResponse<String> api = get("/api/stories");
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.body()).contains("\"error\"").doesNotContain("Exception", "at news.parallax");
        // "?reported" skips the page cache, which would still answer from memory with the store gone (by design).
        HttpResponse<String> page = get("/story/" + storyId + "?reported");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Server error").doesNotContain("Exception", "at news.parallax");
        assertSecurityHeaders(page);
    }

    @Test
    void reportsAreValidated() throws Exception {
        String token = token();
        HttpResponse<String> tooLong = postForm("kind=other&token=" + token + "&message=" + "x".repeat(ReportPolicy.MAX_MESSAGE_CHARS + 1));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).contains("4001 characters; at most 4000");
        HttpResponse<String> hugeBody = postForm("kind=other&token=" + token + "&message=" + "x".repeat(ReportPolicy.MAX_BODY_BYTES));
        assertThat(hugeBody.statusCode()).isEqualTo(413);
        HttpResponse<String> badKind = postForm("kind=spam&message=hi&token=" + token);
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(badKind.body()).contains("kind must be one of");
        assertThat(postForm("kind=other&message=%zz%&token=" + token).statusCode()).isEqualTo(400);
        assertThat(postForm("kind=other&message=&token=" + token).statusCode()).isEqualTo(400);
        String api = "/api/stories/" + storyId + "/reports";
        HttpResponse<String> malformed = post(api, "application/json", "{\"kind\": ", Map.of());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(malformed.body()).get("error").asText()).contains("not valid JSON");
        assertThat(post(api, "text/plain", "{\"kind\":\"other\",\"message\":\"hi\"}", Map.of()).statusCode()).isEqualTo(415);
        assertThat(post("/api/stories/nope/reports", "application/json", "{\"kind\":\"other\",\"message\":\"hi\"}", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(store.reports(storyId)).isEmpty();
    }

    @Test
    void crossSiteAndTokenlessReportsAreRefused() throws Exception {
        String token = token();
        String form = "kind=other&message=hi&token=" + token;
        String path = "/story/" + storyId + "/report";
        String ct = "application/x-www-form-urlencoded";
        assertThat(post(path, ct, form, Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        assertThat(post(path, ct, form, Map.of("Referer", "http://evil.example/page")).statusCode()).isEqualTo(403);
        assertThat(post(path, ct, "kind=other&message=hi", Map.of("Origin", base())).statusCode()).isEqualTo(403);
        assertThat(post(path, ct, "kind=other&message=hi&token=1." + "A".repeat(43), Map.of("Origin", base())).statusCode()).isEqualTo(403);
        // A token is good for its own story only.
        assertThat(post("/story/other/report", ct, form, Map.of("Origin", base())).statusCode()).isIn(403, 404);
        String api = "/api/stories/" + storyId + "/reports";
        assertThat(post(api, "application/json", "{\"kind\":\"other\",\"message\":\"hi\"}", Map.of("Origin", "http://evil.example"))
                .statusCode()).isEqualTo(403);
        assertThat(post(api, ct, "kind=other&message=hi", Map.of()).statusCode()).isEqualTo(403);
        assertThat(store.reports(storyId)).isEmpty();
        // The same post from the site's own page is stored.
        assertThat(post(path, ct, form, Map.of("Referer", base() + "/story/" + storyId)).statusCode()).isEqualTo(303);
        assertThat(store.reports(storyId)).hasSize(1);
    }

    @Test
    void reportsAreRateLimitedPerAddressAndOverall() throws Exception {
        String api = "/api/stories/" + storyId + "/reports";
        String json = "{\"kind\":\"inaccurate\",\"message\":\"The date is wrong\"}";
        for (int i = 0; i < TIGHT.perClient().burst(); i++) assertThat(post(api, "application/json", json, Map.of()).statusCode()).isEqualTo(201);
        HttpResponse<String> limited = post(api, "application/json", json, Map.of());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(Json.mapper().readTree(limited.body()).get("error").asText()).contains("your address");
        // Another address has its own bucket until the global one runs dry.
        HttpClient other = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        HttpRequest fromOther = HttpRequest.newBuilder(URI.create(base() + api)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        int stored = TIGHT.perClient().burst();
        int status;
        while ((status = other.send(fromOther, HttpResponse.BodyHandlers.ofString()).statusCode()) == 201) stored++;
        assertThat(status).isEqualTo(429);
        assertThat(stored).isEqualTo(TIGHT.overall().burst());
        HttpResponse<String> global = other.send(fromOther, HttpResponse.BodyHandlers.ofString());
        assertThat(global.body()).contains("from everyone");
        assertThat(store.reports(storyId)).hasSize(TIGHT.overall().burst());
    }

    @Test
    void reportListsArePaged() throws Exception {
        for (int i = 0; i < 5; i++) store.addReport(storyId, "other", "report " + i);
        String api = "/api/stories/" + storyId + "/reports";
        HttpResponse<String> page2 = get(api + "?limit=2&page=2");
        JsonNode json = Json.mapper().readTree(page2.body());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("message").asText()).isEqualTo("report 2");
        assertThat(page2.headers().firstValue("X-Total-Count")).hasValue("5");
        assertThat(page2.headers().firstValue("Link").orElse("")).contains("page=3", "rel=\"next\"");
        assertThat(Json.mapper().readTree(get(api + "?limit=2&page=3").body())).hasSize(1);
        assertThat(get(api + "?limit=2&page=3").headers().firstValue("Link")).isEmpty();
        assertThat(Json.mapper().readTree(get(api).body())).hasSize(5);
        assertThat(get(api + "?limit=500").statusCode()).isEqualTo(400);
    }
}
