package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.editor.Corrections;
import news.parallax.editor.EditorAccounts;
import news.parallax.editor.EditorFixtures;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 in a real headless Chromium: an editor logs in through the form, finds the panel on a story page (which a
 * reader never sees), splits an article off into a new story, and logs out; the browser keeps the session cookie
 * away from scripts. Screenshots of the log-in page and the panel go to target/screenshots/.
 */
@Tag("browser")
class EditorBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private ChromeDriver driver;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver absent at /usr/bin (apt-get install chromium chromium-driver); skipping");
        store = Store.open(dir.resolve("data"));
        EditorFixtures.fill(store);
        new EditorAccounts(store).add("ann", EditorWebTest.PASSWORD);
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--window-size=1366,900", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.quit();
        if (web != null) web.close();
        if (store != null) store.close();
    }

    private String storyOf(String articleId) {
        return store.stories(0).stream().filter(r -> r.articleIds().contains(articleId)).findFirst().orElseThrow().id();
    }

    @Test
    void anEditorLogsInSplitsAStoryFromItsPageAndLogsOut() throws Exception {
        String base = "http://127.0.0.1:" + web.port();
        String storm = storyOf("storm-1");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

        driver.get(base + "/story/" + storm);
        assertThat(driver.findElements(By.id("editor"))).as("a reader sees no editor panel").isEmpty();
        assertThat(driver.manage().getCookies()).isEmpty();

        driver.get(base + "/editor/login?next=/story/" + storm);
        screenshot("editor-login.png");
        driver.findElement(By.id("editor-name")).sendKeys("ann");
        driver.findElement(By.id("editor-password")).sendKeys("wrong password!");
        driver.findElement(By.cssSelector("form[action='/editor/login'] button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".form-error")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".form-error")).getText()).isEqualTo("Wrong name or password.");
        driver.findElement(By.id("editor-password")).sendKeys(EditorWebTest.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/editor/login'] button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/story/" + storm) && !d.findElements(By.id("editor")).isEmpty());

        Cookie cookie = driver.manage().getCookieNamed(EditorRoutes.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat((String) driver.executeScript("return document.cookie")).doesNotContain(EditorRoutes.COOKIE);

        driver.findElement(By.cssSelector("input[name=article][value='storm-3']")).click();
        driver.findElement(By.id("editor-note")).sendKeys("a different incident");
        screenshot("editor-panel.png");
        driver.findElement(By.xpath("//button[normalize-space()='Split the ticked articles into a new story']")).click();
        wait.until(d -> d.getCurrentUrl().contains("corrected="));
        assertThat(driver.findElement(By.cssSelector("#editor .reported")).getText()).startsWith("Correction stored");
        Set<Set<String>> partition = store.stories(0).stream().map(r -> Set.copyOf(r.articleIds())).collect(Collectors.toSet());
        assertThat(partition).contains(Set.of("storm-1", "storm-2"), Set.of("storm-3"));
        assertThat(new Corrections(store).all()).singleElement().satisfies(c -> {
            assertThat(c.editor()).isEqualTo("ann");
            assertThat(c.note()).isEqualTo("a different incident");
        });
        // The page now lists two articles, and the link to the new story opens it.
        assertThat(driver.findElements(By.cssSelector("input[name=article]"))).hasSize(2);
        driver.findElement(By.cssSelector("#editor .reported a[href='/story/" + storyOf("storm-3") + "']")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/story/" + storyOf("storm-3")));

        driver.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
        wait.until(d -> d.getCurrentUrl().equals(base + "/"));
        assertThat(driver.manage().getCookieNamed(EditorRoutes.COOKIE)).isNull();
        driver.get(base + "/story/" + storm);
        assertThat(driver.findElements(By.id("editor"))).isEmpty();
    }

    /**
     * Session 8: the editor's pages pass axe-core (no serious or critical violation) and fit a phone's width; an editor
     * undoes a correction from the start page and changes their password from its page.
     */
    @Test
    void editorPagesPassAxeAndAnEditorUndoesACorrectionAndChangesTheirPassword() throws Exception {
        String base = "http://127.0.0.1:" + web.port();
        String storm = storyOf("storm-1");
        new news.parallax.pipeline.StoryCorrector(store, OutletRegistries.bundled(), null).split(storm, List.of("storm-3"), "ann", "test");
        store.addReport(storm, "other", "The summary names the wrong town.");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/editor/login");
        driver.findElement(By.id("editor-name")).sendKeys("ann");
        driver.findElement(By.id("editor-password")).sendKeys(EditorWebTest.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/editor/login'] button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().equals(base + "/editor"));
        for (String path : List.of("/editor/login", "/editor", "/editor/reports?state=all", "/editor/password")) {
            for (int width : List.of(1366, 390)) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                driver.get(base + path);
                long scroll = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) driver.executeScript("return window.innerWidth")).longValue();
                assertThat(scroll).as(path + " at " + width + " px: no sideways scroll").isLessThanOrEqualTo(viewport);
                assertThat(axeViolations()).as(path + " at " + width + " px: serious or critical axe-core violations").isEmpty();
                screenshot("editor" + path.replace("/editor", "").replaceAll("[^a-z]+", "-") + "-" + width + ".png");
            }
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));

        driver.get(base + "/editor");
        driver.findElement(By.xpath("//button[normalize-space()='Undo']")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/editor?undone=1"));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).startsWith("Correction #1 undone");
        assertThat(driver.findElement(By.cssSelector("table.corrections tr.undone")).getText()).contains("undone by ann");
        assertThat(new Corrections(store).all()).isEmpty();
        assertThat(storyOf("storm-3")).isEqualTo(storyOf("storm-1"));

        driver.get(base + "/editor/password");
        driver.findElement(By.id("current")).sendKeys(EditorWebTest.PASSWORD);
        driver.findElement(By.id("password")).sendKeys("a brand new passphrase");
        driver.findElement(By.id("again")).sendKeys("a brand new passphrase");
        driver.findElement(By.xpath("//button[normalize-space()='Change password']")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        screenshot("editor-password-changed-1366.png");
        assertThat(new EditorAccounts(store).verify("ann", "a brand new passphrase")).contains("ann");
        assertThat(new EditorAccounts(store).verify("ann", EditorWebTest.PASSWORD)).isEmpty();
        // This browser's session lives on.
        driver.get(base + "/editor/reports");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/editor/reports");
    }

    /** Runs axe-core in the page; returns "rule: help (n nodes)" for each serious or critical violation. */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations() throws Exception {
        String axe;
        try (java.io.InputStream in = EditorBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core on the test class path").isNotNull();
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
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

    /** A full-page screenshot through the DevTools protocol. */
    private void screenshot(String name) throws Exception {
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        long width = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 8000), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
