package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The reader's pages in a real headless Chromium at a desktop (1366 px) and a phone (390 px) width: a full-page
 * screenshot of each under target/screenshots/, no horizontal overflow at 390 px (the document's scroll width
 * within the viewport), and axe-core with no serious or critical violation. The store holds the analysis fixture,
 * the seeds and a slice of the corpus (February 2019) when those are present.
 */
@Tag("browser")
class PagesBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SEEDS = Path.of("../shared/seeds");
    private static final Path CORPUS = Path.of("../shared/data/articles/allsides-articles.jsonl.gz");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    /** Corpus records of the slice: February 2019, enough for multi-outlet stories, small enough for a test. */
    private static final String CORPUS_MONTH = "\"date\": \"2019-02";
    private static final int CORPUS_RECORDS = 200;
    private static final int DESKTOP = 1366;
    private static final int PHONE = 390;
    /** Screenshots stop at this height (px): a story page of 200 articles is longer than anyone scrolls. */
    private static final int MAX_SHOT_HEIGHT = 8_000;

    @TempDir
    static Path dir;

    private static Store store;
    private static WebServer web;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver absent at /usr/bin (apt-get install chromium chromium-driver); skipping");
        List<Path> inputs = new ArrayList<>();
        Path fixture = dir.resolve("fixture.jsonl");
        try (InputStream res = PagesBrowserTest.class.getResourceAsStream(AnalysisPagesTest.FIXTURE)) {
            Files.write(fixture, res.readAllBytes());
        }
        inputs.add(fixture);
        Path topicFixture = dir.resolve("topics.jsonl");
        try (InputStream res = PagesBrowserTest.class.getResourceAsStream(TopicRoutesTest.FIXTURE)) {
            Files.write(topicFixture, res.readAllBytes());
        }
        inputs.add(topicFixture);
        if (Files.isDirectory(SEEDS)) inputs.add(SEEDS);
        if (Files.exists(CORPUS)) inputs.add(corpusSlice(dir.resolve("feb2019.jsonl")));
        store = Store.open(dir.resolve("data"));
        Pipeline.standard(store).ingest(inputs, ProgressListener.NONE);
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--window-size=" + DESKTOP + ",900", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
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

    private static Path corpusSlice(Path out) throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(CORPUS)), StandardCharsets.UTF_8));
                Writer w = Files.newBufferedWriter(out)) {
            String line;
            int n = 0;
            while (n < CORPUS_RECORDS && (line = in.readLine()) != null) {
                if (line.contains(CORPUS_MONTH)) {
                    w.write(line + "\n");
                    n++;
                }
            }
        }
        return out;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    /** The largest story: the one a reader opens first. */
    private static StoryRef largest() {
        return store.stories(1).get(0);
    }

    @Test
    void homePage() throws Exception {
        check("home", "/");
    }

    @Test
    void storyPage() throws Exception {
        check("story", Fmt.storyHref(largest().id()));
    }

    @Test
    void blindspotPage() throws Exception {
        check("blindspots", "/blindspots");
    }

    @Test
    void outletPage() throws Exception {
        check("outlet", "/outlet/foxnews.com");
    }

    @Test
    void outletsPage() throws Exception {
        check("outlets", "/outlets?side=center");
    }

    /** A thread of the two largest dated stories (issue 14): its timeline page, and a story page with its block. */
    @Test
    void threadPageAndStoryPageWithItsThread() throws Exception {
        List<String> dated = store.stories(0).stream().filter(s -> s.firstSeen() != null).limit(2).map(StoryRef::id).toList();
        String thread = news.parallax.threads.ThreadFixtures.thread(store, dated);
        check("thread", "/thread/" + thread);
        String later = new news.parallax.threads.ThreadStore(store).thread(thread).orElseThrow().storyIds().get(1);
        check("story-in-thread", Fmt.storyHref(later));
        assertThat(driver.findElement(org.openqa.selenium.By.id("thread")).getText()).contains("Earlier");
    }

    @Test
    void briefingPage() throws Exception {
        // The fixture's 1 July 2024: the right-only fire story, listed as largest and as a blindspot for the left.
        check("briefing", "/briefing?date=2024-07-01");
    }

    @Test
    void topicPage() throws Exception {
        // The largest topic: on the corpus slice a politician with many stories, else the fixture's intelligence chief.
        check("topic", "/topic/" + new news.parallax.topics.TopicStore(store).topics("", 0, 1).get(0).slug());
    }

    @Test
    void topicsPage() throws Exception {
        check("topics", "/topics");
    }

    @Test
    void storyPageWithTopicTags() throws Exception {
        // A story of the largest topic: which names become topics depends on the data present (fixture, seeds, corpus).
        var topics = new news.parallax.topics.TopicStore(store);
        String id = topics.storyIds(topics.topics("", 0, 1).get(0).slug(), 0, 1).get(0);
        check("story-topics", Fmt.storyHref(id));
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector(".topic-tags a.topic-tag"))).isNotEmpty();
    }

    /** Screenshots at both widths, the overflow check at the phone width, axe at both. */
    private static void check(String name, String path) throws Exception {
        for (int width : List.of(DESKTOP, PHONE)) {
            driver.manage().window().setSize(new Dimension(width, 900));
            driver.get(url(path));
            assertThat(driver.getTitle()).as(path).endsWith("Parallax");
            if (width == PHONE) {
                long scrollWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) driver.executeScript("return window.innerWidth")).longValue();
                assertThat(scrollWidth).as(path + " scroll width at " + width + " px (viewport " + viewport + ")").isLessThanOrEqualTo(viewport);
            }
            assertThat(axeViolations()).as(path + " at " + width + " px: serious or critical axe-core violations").isEmpty();
            screenshot(name + "-" + width + ".png");
        }
    }

    /** Runs axe-core in the page; returns "rule: help (n nodes)" for each serious or critical violation. */
    @SuppressWarnings("unchecked")
    private static List<String> axeViolations() throws IOException {
        String axe;
        try (InputStream in = PagesBrowserTest.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test class path (org.webjars.npm:axe-core)").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes, e.g. ' + v.nodes[0].target + ')')))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    /** A full-page screenshot through the DevTools protocol (WebDriver's covers the viewport only). */
    private static void screenshot(String name) throws IOException {
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        long width = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, MAX_SHOT_HEIGHT), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
