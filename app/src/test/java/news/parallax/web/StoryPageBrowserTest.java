package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The story page in a real headless Chromium: the seeds story and a large corpus story load, a landscape bar
 * click reveals that side's headlines, and a screenshot of each page is kept under target/browser/.
 */
@Tag("browser")
class StoryPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SEEDS = Path.of("../shared/seeds");
    private static final Path CORPUS = Path.of("../shared/data/articles/allsides-articles.jsonl.gz");
    private static final Path SCREENSHOTS = Path.of("target/browser");
    /** Corpus records about one long-running story, enough for a story of dozens of outlets. */
    private static final int SEEDS_ARTICLES = 5;
    private static final String CORPUS_TOPIC = "kavanaugh";
    /** The size the story page must handle (issue 5: a 200-article story). */
    private static final int LARGE_STORY_ARTICLES = 200;

    @TempDir
    Path dir;

    private ChromeDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver absent at /usr/bin (apt-get install chromium chromium-driver); skipping");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2000", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void seedsStoryPageShowsTheSummaryAndOpensHeadlinesOnClick() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "seeds absent at " + SEEDS.toAbsolutePath() + "; skipping");
        try (Store store = Store.open(dir.resolve("seeds-data"))) {
            Pipeline.standard(store).ingest(List.of(SEEDS), ProgressListener.NONE);
            // The five seeds are one event; they are grouped here so the page, not the clusterer, is under test.
            StoryRef story = oneStory(store, "seeds", "North Korean troops sent to Russia", SEEDS_ARTICLES);
            assertThat(story.articleIds()).hasSize(SEEDS_ARTICLES);
            try (WebServer web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0)) {
                // The story was set without the pipeline, so without a stored view: the server builds it when it starts.
                assertThat(web.awaitWarmup(Duration.ofMinutes(2))).isTrue();
                driver.get("http://127.0.0.1:" + web.port() + "/story/" + story.id());
                assertThat(driver.findElement(By.cssSelector("#full-story .summary")).getText()).contains("1,500");
                String side = clickFirstBar();
                assertHeadlinesShown(side);
                screenshot("seeds-story.png");
            }
        }
    }

    @Test
    void largeCorpusStoryPageOpensEachSidesHeadlinesOnClick() throws Exception {
        Assumptions.assumeTrue(Files.exists(CORPUS), "corpus absent at " + CORPUS.toAbsolutePath() + "; skipping");
        Path subset = dir.resolve("topic.jsonl");
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(CORPUS)), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(subset)) {
            String line;
            while ((line = in.readLine()) != null) {
                int t = line.indexOf("\"title\":");
                int end = line.indexOf("\", \"", t);
                if (t >= 0 && end > t && line.substring(t, end).toLowerCase(Locale.ROOT).contains(CORPUS_TOPIC)) out.write(line + "\n");
            }
        }
        try (Store store = Store.open(dir.resolve("corpus-data"))) {
            Pipeline.standard(store).ingest(List.of(subset), ProgressListener.NONE);
            // One story of the topic's articles, set directly: this tests the page of a large story, not clustering.
            StoryRef story = oneStory(store, "topic-" + CORPUS_TOPIC, "All " + CORPUS_TOPIC + " articles", LARGE_STORY_ARTICLES);
            assertThat(story.articleIds()).hasSizeGreaterThanOrEqualTo(100);
            try (WebServer web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0)) {
                // The story was set without the pipeline, so without a stored view: the server builds it when it starts.
                assertThat(web.awaitWarmup(Duration.ofMinutes(2))).isTrue();
                driver.get("http://127.0.0.1:" + web.port() + "/story/" + story.id());
                screenshot("corpus-story-top.png");
                for (String side : List.of("left", "right")) {
                    WebElement bar = driver.findElement(By.cssSelector("#landscape .bar a[data-side='" + side + "']"));
                    assertThat(driver.findElement(By.cssSelector("#side-" + side + " li.headline")).isDisplayed()).isFalse();
                    bar.click();
                    assertHeadlinesShown(side);
                }
                screenshot("corpus-story.png");
            }
        }
    }

    /** Replaces the store's stories with one story of its first {@code max} articles. */
    private static StoryRef oneStory(Store store, String id, String title, int max) {
        List<String> ids = new java.util.ArrayList<>();
        store.forEachArticleByTime(a -> {
            if (ids.size() < max) ids.add(a.id());
        });
        StoryRef story = new StoryRef(id, title, ids.size(), ids.size(), null, null, ids);
        store.replaceStories(List.of(new StoredStory(story, java.util.Map.of(), java.util.Map.of())));
        return story;
    }

    /** Clicks the first bar segment and returns its side. */
    private String clickFirstBar() {
        WebElement bar = driver.findElement(By.cssSelector("#landscape .bar a[data-side]"));
        String side = bar.getAttribute("data-side");
        assertThat(driver.findElement(By.cssSelector("#side-" + side + " li.headline")).isDisplayed()).isFalse();
        bar.click();
        return side;
    }

    private void assertHeadlinesShown(String side) {
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElement(By.cssSelector("#side-" + side + " li.headline")).isDisplayed());
        List<WebElement> items = driver.findElements(By.cssSelector("#side-" + side + " li.headline"));
        assertThat(items).isNotEmpty();
        assertThat(items.get(0).getText()).contains(":");
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
