package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.editor.Corrections;
import news.parallax.editor.EditorFixtures;
import news.parallax.editor.EditorAccounts;
import news.parallax.editor.EditorSessions;
import news.parallax.editor.LoginThrottle;
import news.parallax.editor.ReportQueue;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.TestSql;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's editor routes on a real server on loopback over a real SQLite store: log-in and its cookie's attributes,
 * the lock-out (per name and per address, for names that exist and names that do not alike), anti-forgery checks on
 * every form, the story page's panel with split, merge and move, the reports list with states and paging, log-out,
 * and reader pages that neither need nor set a cookie.
 */
class EditorWebTest {
    static final String PASSWORD = "correct horse battery";
    /** Small limits so the test reaches them: 3 failures lock a name, 5 an address, for 2 seconds. */
    private static final LoginThrottle.Policy TIGHT = new LoginThrottle.Policy(3, 5, Duration.ofHours(1), Duration.ofSeconds(2));

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private EditorClient client;

    @BeforeEach
    void start() {
        store = Store.open(dir.resolve("data"));
        EditorFixtures.fill(store);
        new EditorAccounts(store).add("ann", PASSWORD);
        new EditorAccounts(store).add("bob", PASSWORD + " too");
        startServer();
    }

    private void startServer() {
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), OutletRegistries.bundled(), "127.0.0.1", 0, null,
                ReportPolicy.DEFAULT, TIGHT);
        client = new EditorClient(web.port());
    }

    @AfterEach
    void stop() {
        web.close();
        store.close();
    }

    private String storyOf(String articleId) {
        return store.stories(0).stream().filter(r -> r.articleIds().contains(articleId)).findFirst().orElseThrow().id();
    }

    private Set<Set<String>> partition() {
        return store.stories(0).stream().map(r -> Set.copyOf(r.articleIds())).collect(Collectors.toSet());
    }

    @Test
    void readerPagesNeitherNeedNorSetACookieAndEditorPagesAskForALogIn() throws Exception {
        String storm = storyOf("storm-1");
        for (String path : List.of("/", "/story/" + storm, "/blindspots", "/outlets", "/search?q=storm", "/briefing", "/my-bias")) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Set-Cookie")).as(path).isEmpty();
            assertThat(r.body()).as(path).doesNotContain("editor-panel");
        }
        HttpResponse<String> reports = client.get("/editor/reports?state=all");
        assertThat(reports.statusCode()).isEqualTo(303);
        assertThat(reports.headers().firstValue("Location")).contains("/editor/login?next=%2Feditor%2Freports%3Fstate%3Dall");
        assertThat(client.get("/editor").statusCode()).isEqualTo(303);
        // A made-up cookie is no session: the story page stays the reader's.
        client.cookie = "parallax_editor=forged";
        assertThat(client.get("/story/" + storm).body()).doesNotContain("editor-panel");
        assertThat(client.get("/editor").statusCode()).isEqualTo(303);
    }

    @Test
    void logInSetsARandomHttpOnlyStrictCookieSecureOverHttpsAndTheStoreKeepsOnlyItsHash() throws Exception {
        HttpResponse<String> r = client.login("ann", PASSWORD);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/editor");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("parallax_editor=").contains("; HttpOnly", "; SameSite=Strict", "; Path=/", "; Max-Age=43200")
                .doesNotContain("Secure");
        String id = EditorClient.cookieValue(set);
        assertThat(id).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
        String again = EditorClient.cookieValue(new EditorClient(web.port()).login("ann", PASSWORD).headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(again).isNotEqualTo(id);
        try (var c = TestSql.connect(store); var rs = c.createStatement().executeQuery("SELECT id_hash FROM editor_sessions")) {
            while (rs.next()) assertThat(rs.getString(1)).isNotIn(id, again).hasSize(64);
        }
        assertThat(client.get("/editor").body()).contains("Editor <strong>ann</strong>");

        // Behind a TLS-ending proxy: Secure, under the __Host- prefix (no Domain, Path=/).
        HttpResponse<String> https = new EditorClient(web.port()).login("ann", PASSWORD, Map.of("X-Forwarded-Proto", "https"));
        assertThat(https.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-parallax_editor=").contains("; Secure", "; HttpOnly",
                "; SameSite=Strict", "; Path=/").doesNotContain("Domain");
    }

    @Test
    void aPublicHttpsNameMakesTheCookieSecureForRequestsThroughIt() throws Exception {
        web.close();
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), OutletRegistries.bundled(), "127.0.0.1", 0,
                "https://news.example.org", ReportPolicy.DEFAULT, TIGHT);
        client = new EditorClient(web.port());
        assertThat(client.login("ann", PASSWORD).headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
        // Through the proxy the Host is the public name (raw socket: the JDK client will not send another Host).
        String token = new EditorClient(web.port()).loginToken();
        String body = EditorClient.encode(Map.of("token", token, "name", "ann", "password", PASSWORD));
        try (var s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), web.port())) {
            s.getOutputStream().write(("POST /editor/login HTTP/1.1\r\nHost: news.example.org\r\nOrigin: https://news.example.org\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 303").contains("Set-Cookie: __Host-parallax_editor=").contains("; Secure");
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswerAndNoCookie() throws Exception {
        HttpResponse<String> wrong = client.login("ann", "not the password");
        HttpResponse<String> unknown = client.login("nobody", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(unknown.headers().firstValue("Set-Cookie")).isEmpty();
        String error = "Wrong name or password.";
        assertThat(wrong.body()).contains(error);
        assertThat(unknown.body()).contains(error);
        assertThat(wrong.body().replaceAll("value=\"[^\"]*\"", "")).isEqualTo(unknown.body().replaceAll("value=\"[^\"]*\"", ""));
    }

    @Test
    void repeatedFailuresLockTheNameThenTheAddressForTheSetTime() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(client.login("ann", "guess " + i).statusCode()).isEqualTo(401);
        // Locked: even the right password is refused, with the time it lasts.
        HttpResponse<String> locked = client.login("ann", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s -> assertThat(s).isBetween(1L, 2L));
        assertThat(locked.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(locked.body()).contains("Too many failed log-ins");
        // Another account from the same address: 3 failures so far, under the address's 5.
        assertThat(new EditorClient(web.port()).login("bob", PASSWORD + " too").statusCode()).isEqualTo(303);
        // A name nobody has is locked the same way, so a lock-out tells no names; its failures lock the address too.
        for (int i = 0; i < 2; i++) assertThat(client.login("ghost", "guess " + i).statusCode()).isEqualTo(401);
        HttpResponse<String> address = new EditorClient(web.port()).login("bob", PASSWORD + " too");
        assertThat(address.statusCode()).isEqualTo(429);
        Thread.sleep(2_200);
        assertThat(client.login("ann", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void anUnknownNameIsLockedOutExactlyAsAKnownOne() throws Exception {
        for (int i = 0; i < 3; i++) client.login("ghost", "guess " + i);
        HttpResponse<String> ghost = client.login("ghost", "guess");
        web.close();
        startServer();
        for (int i = 0; i < 3; i++) client.login("ann", "guess " + i);
        HttpResponse<String> ann = client.login("ann", "guess");
        assertThat(ghost.statusCode()).isEqualTo(ann.statusCode()).isEqualTo(429);
        assertThat(ghost.body().replaceAll("value=\"[^\"]*\"", "").replace("ghost", "NAME"))
                .isEqualTo(ann.body().replaceAll("value=\"[^\"]*\"", "").replace("ann", "NAME"));
    }

    @Test
    void everyFormNeedsItsTokenAndThisSitesOrigin() throws Exception {
        String storm = storyOf("storm-1");
        Set<Set<String>> before = partition();
        // Log-in form: no token, a forged token, another site's Origin.
        assertThat(client.post("/editor/login", Map.of("name", "ann", "password", PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(client.post("/editor/login", Map.of("token", "1.forged", "name", "ann", "password", PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(client.post("/editor/login", Map.of("token", client.loginToken(), "name", "ann", "password", PASSWORD),
                Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        assertThat(client.cookie).isNull();
        // Corrections: no session, then a session without its token, a wrong token, another site.
        Map<String, Object> split = new LinkedHashMap<>(Map.of("article", List.of("storm-3")));
        assertThat(client.post("/editor/story/" + storm + "/split", split).statusCode()).isEqualTo(403);
        client.login("ann", PASSWORD);
        String csrf = client.csrf("/story/" + storm);
        assertThat(client.post("/editor/story/" + storm + "/split", split).statusCode()).isEqualTo(403);
        // A wrong token: its first character changed (never to itself, which a random token may start with).
        split.put("csrf", (csrf.charAt(0) == 'x' ? "y" : "x") + csrf.substring(1));
        assertThat(client.post("/editor/story/" + storm + "/split", split).statusCode()).isEqualTo(403);
        split.put("csrf", csrf);
        assertThat(client.post("/editor/story/" + storm + "/split", split, Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        assertThat(client.post("/editor/story/" + storm + "/split", split, Map.of("Sec-Fetch-Site", "cross-site", "Origin", client.base))
                .statusCode()).isEqualTo(403);
        long report = store.addReport(storm, "other", "wrong").id();
        assertThat(client.post("/editor/reports/" + report + "/state", Map.of("state", "resolved")).statusCode()).isEqualTo(403);
        assertThat(client.post("/editor/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(partition()).isEqualTo(before);
        assertThat(new Corrections(store).all()).isEmpty();
        assertThat(new ReportQueue(store).count(ReportQueue.State.OPEN)).isEqualTo(1);
        // A GET never changes anything: the correction routes take POST only.
        assertThat(client.get("/editor/story/" + storm + "/split").statusCode()).isEqualTo(405);
    }

    @Test
    void anEditorSplitsMergesAndMovesFromTheStoryPage() throws Exception {
        String storm = storyOf("storm-1");
        String chess = storyOf("chess-1");
        String quake = storyOf("quake-1");
        client.login("ann", PASSWORD);
        HttpResponse<String> page = client.get("/story/" + storm);
        assertThat(page.body()).contains("id=\"editor\"", "value=\"storm-3\"", "/editor/story/" + storm + "/split");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        String csrf = client.csrf("/story/" + storm);

        HttpResponse<String> split = client.post("/editor/story/" + storm + "/split",
                Map.of("csrf", csrf, "article", List.of("storm-3"), "note", "separate incident"));
        assertThat(split.statusCode()).isEqualTo(303);
        String newStory = storyOf("storm-3");
        assertThat(newStory).isNotEqualTo(storm);
        assertThat(split.headers().firstValue("Location").orElseThrow()).startsWith("/story/" + storm + "?corrected=").contains(newStory)
                .endsWith("#editor");
        assertThat(client.get(split.headers().firstValue("Location").orElseThrow().replace("#editor", "")).body())
                .contains("Correction stored", "href=\"/story/" + newStory + "\"");

        // Merge by the other story's link, as an editor pastes it.
        HttpResponse<String> merge = client.post("/editor/story/" + chess + "/merge", Map.of("csrf", csrf, "other", client.base + "/story/" + quake));
        assertThat(merge.statusCode()).isEqualTo(303);
        assertThat(storyOf("quake-1")).isEqualTo(chess);
        HttpResponse<String> old = client.get("/story/" + quake);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).contains("/story/" + chess);

        HttpResponse<String> move = client.post("/editor/story/" + storyOf("fire-2") + "/move", Map.of("csrf", csrf, "article", List.of("fire-2"), "to", storm));
        assertThat(move.statusCode()).isEqualTo(303);
        assertThat(partition()).isEqualTo(Set.of(Set.of("storm-1", "storm-2", "fire-2"), Set.of("storm-3"),
                Set.of("chess-1", "chess-2", "quake-1", "quake-2"), Set.of("fire-1")));
        assertThat(new Corrections(store).all()).extracting(c -> c.kind().key() + " by " + c.editor()).containsExactly("split by ann",
                "merge by ann", "move by ann");
        // The changed stories' views were built at once: the page shows the new membership.
        assertThat(client.get("/story/" + storm).body()).contains("Carrow County ranchers flee grassland wildfire");
        assertThat(client.get("/editor").body()).contains("separate incident", "merge", "move");

        // Bad input is a 400 naming it; nothing changes.
        HttpResponse<String> bad = client.post("/editor/story/" + storm + "/split", Map.of("csrf", csrf, "article", List.of("chess-1")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("article chess-1 is not in story " + storm);
        assertThat(client.post("/editor/story/" + storm + "/merge", Map.of("csrf", csrf, "other", "<b>")).statusCode()).isEqualTo(400);
        assertThat(new Corrections(store).all()).hasSize(3);
    }

    @Test
    void reportsAreListedByStatePagedAndTheirStateChanged() throws Exception {
        String storm = storyOf("storm-1");
        for (int i = 1; i <= 55; i++) store.addReport(storm, "inaccurate", "report number " + i);
        client.login("ann", PASSWORD);
        HttpResponse<String> first = client.get("/editor/reports");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("55 reports (open)", "report number 55", "report number 6", "rel=\"next\"")
                .doesNotContain("report number 5<");
        HttpResponse<String> second = client.get("/editor/reports?state=open&page=2");
        assertThat(second.body()).contains("report number 5<", "report number 1<").doesNotContain("report number 6<");
        long id = store.reports(storm).get(0).id();
        String csrf = client.csrf("/editor/reports");
        HttpResponse<String> resolve = client.post("/editor/reports/" + id + "/state", Map.of("csrf", csrf, "state", "resolved",
                "back", "/editor/reports?state=open&page=2"));
        assertThat(resolve.statusCode()).isEqualTo(303);
        assertThat(resolve.headers().firstValue("Location")).contains("/editor/reports?state=open&page=2");
        assertThat(client.get("/editor/reports?state=resolved").body()).contains("1 report (resolved)", "report number 1<", "by ann");
        assertThat(client.get("/editor/reports").body()).contains("54 reports (open)");
        assertThat(client.post("/editor/reports/" + id + "/state", Map.of("csrf", csrf, "state", "closed")).statusCode()).isEqualTo(400);
        assertThat(client.post("/editor/reports/999999/state", Map.of("csrf", csrf, "state", "dismissed")).statusCode()).isEqualTo(404);
        assertThat(client.get("/editor/reports?state=bogus").statusCode()).isEqualTo(400);
    }

    @Test
    void logOutEndsTheSessionAndClearsTheCookie() throws Exception {
        client.login("ann", PASSWORD);
        String storm = storyOf("storm-1");
        String csrf = client.csrf("/story/" + storm);
        String cookie = client.cookie;
        HttpResponse<String> out = client.post("/editor/logout", Map.of("csrf", csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("parallax_editor=;", "Max-Age=0");
        assertThat(new EditorSessions(store).count()).isZero();
        client.cookie = cookie; // a copy of the old cookie is worth nothing now
        assertThat(client.get("/story/" + storm).body()).doesNotContain("editor-panel");
        assertThat(client.post("/editor/story/" + storm + "/split", Map.of("csrf", csrf, "article", List.of("storm-3"))).statusCode()).isEqualTo(403);
    }
}
