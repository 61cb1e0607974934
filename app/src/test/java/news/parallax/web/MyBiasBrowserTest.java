package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "My news bias" in a real headless Chromium: a reader opens two stories and follows one article link, then
 * {@code /my-bias} shows those stories with their sides, the clicked outlet, and the current blindspots not opened;
 * the browser sent the server nothing but GETs, without cookies, and received no cookie; "Forget" empties the
 * history. Screenshots at 1366 and 390 px go to target/screenshots/.
 */
@Tag("browser")
class MyBiasBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final int DESKTOP = 1366;
    private static final int PHONE = 390;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A third story covered by left outlets only: a blindspot for the right that the reader does not open. */
    private static final String LEFT_ONLY_STORY = """
            {"id": "m1", "source": "CNN (Web News)", "url": "https://www.cnn.com/2024/05/10/library-hours", "title": "Libraries extend weekend opening hours", "date": "2024-05-10", "text": "The county library board voted to extend weekend opening hours at all twelve branch libraries starting in June. Librarians said weekend visits to the branch libraries doubled last year. The library board will hire twenty part-time librarians for the weekend opening hours."}
            {"id": "m2", "source": "MSNBC", "url": "https://www.msnbc.com/news/library-weekend-hours", "title": "County libraries open longer on weekends", "date": "2024-05-10", "text": "County branch libraries will extend weekend opening hours from June after a library board vote. The board plans to hire twenty part-time librarians as weekend visits to branch libraries doubled. Librarians welcomed the longer weekend opening hours."}
            {"id": "m3", "source": "HuffPost", "url": "https://www.huffpost.com/entry/library-weekend-hours", "title": "Weekend library hours extended across the county", "date": "2024-05-11", "text": "The county library board approved longer weekend opening hours for its twelve branch libraries. Twenty part-time librarians will be hired because weekend visits to the branch libraries doubled. The new weekend opening hours start in June."}
            """;

    @TempDir
    static Path dir;

    private static Store store;
    private static WebServer web;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver absent at /usr/bin (apt-get install chromium chromium-driver); skipping");
        Path fixture = dir.resolve("fixture.jsonl");
        try (InputStream res = MyBiasBrowserTest.class.getResourceAsStream(AnalysisPagesTest.FIXTURE)) {
            Files.write(fixture, res.readAllBytes());
        }
        Path leftOnly = dir.resolve("left-only.jsonl");
        Files.writeString(leftOnly, LEFT_ONLY_STORY);
        store = Store.open(dir.resolve("data"));
        Pipeline.standard(store).ingest(List.of(fixture, leftOnly), ProgressListener.NONE);
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Article links point at real outlets: resolve no name but loopback, so a followed link fails fast offline.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--window-size=" + DESKTOP + ",900", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (web != null) web.close();
        if (store != null) store.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    @Test
    void recordsReadingInTheBrowserOnlyAndForgetsIt() throws Exception {
        List<StoryRef> stories = store.stories(10);
        assertThat(stories).as("stories in the test data").hasSize(3);
        StoryRef library = stories.stream().filter(s -> s.title().toLowerCase(java.util.Locale.ROOT).contains("librar"))
                .findFirst().orElseThrow();
        List<StoryRef> opened = stories.stream().filter(s -> s != library).toList();
        StoryRef first = opened.get(0);
        StoryRef second = opened.get(1);

        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        driver.get(url("/my-bias"));
        driver.executeScript("localStorage.clear()");
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("my-bias-status")).getText()).contains("empty");

        // Each visit is recorded before the next page loads (under a loaded CI machine the next navigation came
        // first once, and the history then held one story): wait until the page's record is in storage.
        for (StoryRef visit : List.of(first, second)) {
            driver.get(url(Fmt.storyHref(visit.id())));
            new WebDriverWait(driver, WAIT).until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return localStorage.getItem('parallax.reading.v1')")).contains(visit.id()));
        }
        WebElement article = driver.findElements(By.cssSelector("li.article[data-article]")).stream()
                .filter(li -> !li.findElements(By.cssSelector("a[rel~=nofollow]")).isEmpty()).findFirst().orElseThrow();
        String clickedOutlet = article.getAttribute("data-outlet");
        String clickedSide = article.getAttribute("data-side");
        article.findElement(By.cssSelector("a[rel~=nofollow]")).click();
        new WebDriverWait(driver, WAIT).until(d -> !String.valueOf(d.getCurrentUrl()).startsWith(url("/")));

        driver.get(url("/my-bias"));
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.cssSelector("#my-bias-blindspot-list li")).isEmpty());
        assertThat(driver.findElement(By.id("my-bias-nojs")).isDisplayed()).as("no-JavaScript line hidden").isFalse();
        assertThat(driver.findElement(By.id("my-bias-status")).getText()).contains("2 stories opened").contains("1 article link");
        List<String> listed = driver.findElements(By.cssSelector("#my-bias-story-list li[data-story]")).stream()
                .map(li -> li.getAttribute("data-story")).toList();
        assertThat(listed).as("most recent first").containsExactly(second.id(), first.id());
        String storyText = driver.findElement(By.id("my-bias-story-list")).getText();
        assertThat(storyText).contains(first.title()).contains(second.title()).contains("left,").contains("right");
        int storiesBySide = driver.findElements(By.cssSelector("#my-bias-story-sides tbody tr[data-key]")).stream()
                .mapToInt(tr -> Integer.parseInt(tr.findElements(By.tagName("td")).get(1).getText())).sum();
        assertThat(storiesBySide).as("each opened story counted once by side").isEqualTo(2);
        WebElement articleSide = driver.findElement(By.cssSelector("#my-bias-article-sides tr[data-key='" + clickedSide + "']"));
        assertThat(articleSide.getText()).contains("1").contains("100%");
        assertThat(driver.findElement(By.id("my-bias-outlet-list")).findElements(By.tagName("li")).get(0).getText())
                .as("the clicked outlet is read most").contains(clickedOutlet).contains("1 article opened");

        // Blindspots missed: the server's current blindspots minus the stories opened.
        List<String> expectedMissed = new ArrayList<>();
        for (JsonNode o : JSON.readTree(get("/api/blindspots?limit=" + MyBiasPage.BLINDSPOT_LIMIT))) {
            String id = o.path("story").path("id").asText();
            if (!id.equals(first.id()) && !id.equals(second.id())) expectedMissed.add(id);
        }
        List<String> missed = driver.findElements(By.cssSelector("#my-bias-blindspot-list li[data-story]")).stream()
                .map(li -> li.getAttribute("data-story")).toList();
        assertThat(missed).containsExactlyElementsOf(expectedMissed).contains(library.id());

        shots("my-bias");

        // Nothing of the history reached the server: only GETs (no body), no cookie either way.
        List<String> problems = new ArrayList<>();
        int ours = 0;
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode m = JSON.readTree(e.getMessage()).path("message");
            String method = m.path("method").asText();
            JsonNode p = m.path("params");
            if (method.equals("Network.requestWillBeSent") && p.path("request").path("url").asText().startsWith(url("/"))) {
                ours++;
                JsonNode req = p.path("request");
                if (!req.path("method").asText().equals("GET")) problems.add(req.path("method").asText() + " " + req.path("url").asText());
                if (req.has("postData") || req.path("hasPostData").asBoolean()) problems.add("body sent to " + req.path("url").asText());
                if (hasHeader(req.path("headers"), "cookie")) problems.add("cookie sent to " + req.path("url").asText());
                String u = req.path("url").asText();
                if (u.contains("/api/") && (u.contains(first.id()) || u.contains(second.id()))) problems.add("history in " + u);
            }
            if ((method.equals("Network.responseReceived") && hasHeader(p.path("response").path("headers"), "set-cookie"))
                    || (method.equals("Network.responseReceivedExtraInfo") && hasHeader(p.path("headers"), "set-cookie"))) {
                problems.add("Set-Cookie in a response");
            }
        }
        assertThat(ours).as("requests seen in the browser's network log").isGreaterThan(3);
        assertThat(problems).isEmpty();
        assertThat(driver.manage().getCookies()).isEmpty();

        // Forget: the history is gone, the page says so, and stays so on reload.
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        driver.findElement(By.id("my-bias-forget-button")).click();
        assertThat(driver.findElement(By.id("my-bias-status")).getText()).contains("forgotten");
        assertThat(driver.findElements(By.cssSelector("#my-bias-story-list li[data-story]"))).isEmpty();
        assertThat(driver.executeScript("return window.localStorage.length")).isEqualTo(0L);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("my-bias-status")).getText()).contains("empty");
        shots("my-bias-forgotten");
    }

    @Test
    void storyPageCarriesItsRecordAsAnAttributeAndTheNavigationLinksThePage() throws Exception {
        StoryRef story = store.stories(1).get(0);
        String page = get(Fmt.storyHref(story.id()));
        assertThat(page).contains("data-reading=\"{&#34;id&#34;:&#34;" + story.id() + "&#34;");
        assertThat(page).contains("<script src=\"/static/mybias.js\" defer></script>").doesNotContain("<script>");
        assertThat(get("/")).contains("<a href=\"/my-bias\">My news bias</a>");
        assertThat(get("/my-bias")).contains("This page needs JavaScript").contains("Forget my reading history");
    }

    /** The history is bounded (oldest dropped: 602 entries keep the last 500) and is shown as text, never as markup. */
    @Test
    @SuppressWarnings("unchecked")
    void historyIsBoundedAndRenderedAsText() {
        StoryRef story = store.stories(1).get(0);
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        driver.get(url("/my-bias"));
        driver.executeScript("""
                var e = [{type: 'story', key: 'story:x', id: 'x', title: '<img id="injected" src="/x">Hostile', landscape: {right: 2}}];
                for (var i = 0; i < 600; i++) e.push({type: 'article', key: 'article:' + i, story: 'x', outlet: 'Outlet ' + i, side: 'left'});
                localStorage.setItem('parallax.reading.v1', JSON.stringify(e));
                """);
        driver.get(url(Fmt.storyHref(story.id())));
        Object kept = driver.executeScript("""
                var e = JSON.parse(localStorage.getItem('parallax.reading.v1'));
                return [e.length, e[0].key, e[e.length - 1].key];
                """);
        assertThat((List<Object>) kept).containsExactly(500L, "article:101", "story:" + story.id());
        driver.executeScript("""
                var e = JSON.parse(localStorage.getItem('parallax.reading.v1'));
                e.push({type: 'story', key: 'story:x', id: 'x', title: '<img id="injected" src="/x">Hostile', landscape: {right: 2}});
                localStorage.setItem('parallax.reading.v1', JSON.stringify(e));
                """);
        driver.get(url("/my-bias"));
        assertThat(driver.findElements(By.id("injected"))).isEmpty();
        assertThat(driver.findElement(By.id("my-bias-story-list")).getText()).contains("<img id=\"injected\" src=\"/x\">Hostile");
        driver.findElement(By.id("my-bias-forget-button")).click();
        assertThat(driver.executeScript("return localStorage.getItem('parallax.reading.v1')")).isNull();
    }

    private static boolean hasHeader(JsonNode headers, String name) {
        for (var it = headers.fieldNames(); it.hasNext();) {
            if (it.next().equalsIgnoreCase(name)) return true;
        }
        return false;
    }

    private static String get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        }
    }

    /** Screenshots at both widths, no horizontal overflow at 390 px, no serious axe-core violation. */
    private static void shots(String name) throws IOException {
        for (int width : List.of(DESKTOP, PHONE)) {
            driver.manage().window().setSize(new Dimension(width, 900));
            if (width == PHONE) {
                long scrollWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) driver.executeScript("return window.innerWidth")).longValue();
                assertThat(scrollWidth).as(name + " scroll width at " + width + " px").isLessThanOrEqualTo(viewport);
            }
            assertThat(axeViolations()).as(name + " at " + width + " px: serious or critical axe-core violations").isEmpty();
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            long w = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", w, "height", height, "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> axeViolations() throws IOException {
        String axe;
        try (InputStream in = MyBiasBrowserTest.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test class path").isNotNull();
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        return (List<String>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes, e.g. ' + v.nodes[0].target + ')')))
                  .catch(e => done(['axe failed: ' + e]));
                """);
    }
}
