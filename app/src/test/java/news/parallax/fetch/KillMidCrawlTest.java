package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import news.parallax.store.TestSql;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL a {@code crawl --once} process midway, run it again, and check that every article the
 * feed announced is stored exactly once.
 */
class KillMidCrawlTest {
    private static final int ARTICLES = 120;
    /** Article pages served before the crawler is killed: well inside the crawl. */
    private static final int KILL_AFTER_PAGES = 40;
    private static final String[] WORDS = {"ministry", "troops", "border", "officials", "satellite", "report",
        "parliament", "sanctions", "intelligence", "convoy", "statement", "analysts", "capital", "exercise"};

    @TempDir
    Path data;

    static String articlePage(int i) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Article " + i
                + "</title></head><body><article><h1>Article number " + i + "</h1>");
        for (int p = 0; p < 4; p++) {
            sb.append("<p>");
            for (int w = 0; w < 14; w++) sb.append(WORDS[(i * 7 + p * 3 + w * (i % 5 + 1)) % WORDS.length]).append(' ');
            sb.append("in dispatch ").append(i).append(" paragraph ").append(p).append(".</p>");
        }
        return sb.append("</article></body></html>").toString();
    }

    @Test
    void killedCrawlResumesWithoutLossOrDuplicates() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Wire</title>");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                int n = i;
                String path = "/a/" + i;
                server.route(path, ex -> {
                    Thread.sleep(40); // a slow server keeps the crawl busy long enough to kill it midway
                    LoopbackServer.send(ex, 200, "text/html; charset=utf-8", articlePage(n));
                });
                rss.append("<item><title>Article ").append(i).append("</title><link>").append(server.url(path))
                        .append("</link><guid>").append(i).append("</guid></item>");
                expected.add(server.url(path));
            }
            server.page("/feed", "application/rss+xml", rss.append("</channel></rss>").toString());
            try (Store store = Store.open(data)) {
                FeedStore.of(store).addSource(server.url("/feed"), FeedSource.Kind.FEED, "wire.example", "Wire",
                        CrawlSettings.defaults().defaultInterval(), Instant.now());
            }

            Process first = crawl();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (articleHits(server) < KILL_AFTER_PAGES && first.isAlive() && System.nanoTime() < deadline)
                Thread.sleep(20);
            assertThat(first.isAlive()).as("crawl still running when killed").isTrue();
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
            first.waitFor(10, TimeUnit.SECONDS);

            int storedAtKill;
            try (Store store = Store.open(data)) {
                storedAtKill = store.articleCount();
            }
            assertThat(storedAtKill).as("killed midway").isPositive().isLessThan(ARTICLES);
            System.out.println("KillMidCrawlTest: " + storedAtKill + " of " + ARTICLES + " articles stored when killed");

            Process second = crawl();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("second crawl finished").isTrue();
            String out = new String(second.getInputStream().readAllBytes());
            assertThat(second.exitValue()).as(out).isZero();

            try (Store store = Store.open(data); var c = TestSql.connect(store); Statement st = c.createStatement()) {
                assertThat(store.articleCount()).isEqualTo(ARTICLES);
                Set<String> urls = new HashSet<>();
                try (ResultSet rs = st.executeQuery("SELECT url FROM articles")) {
                    while (rs.next()) assertThat(urls.add(rs.getString(1))).as("stored once: " + rs.getString(1)).isTrue();
                }
                assertThat(urls).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(FeedStore.of(store).itemCounts()).containsEntry(FeedItem.Status.DONE, ARTICLES)
                        .containsEntry(FeedItem.Status.PENDING, 0);
            }
        }
    }

    private static int articleHits(LoopbackServer server) {
        int n = 0;
        for (int i = 0; i < ARTICLES; i++) n += server.hits("/a/" + i);
        return n;
    }

    private Process crawl() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "news.parallax.cli.CrawlCommand",
                "--once", "--allow-private", "--host-delay", "0", "--host-connections", "2", "--data", data.toString())
                .redirectErrorStream(true).start();
    }
}
