package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import news.parallax.store.Database;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a crawler whose PostgreSQL server stops and starts again under it (a restart: every session ends)
 * keeps the pages it fetched meanwhile, reconnects with backoff, and stores them: every article stored once, no
 * page fetched twice. A real server of its own (scripts/pg-test-server.sh), stopped and started mid-crawl; the store's
 * pool waits less for a connection than the outage lasts, so the crawler's reconnect-with-backoff path really runs.
 */
class CrawlerDatabaseOutageTest {
    private static final int ARTICLES = 24;
    /** Pages fetched before the server stops: the rest of the pass runs into the outage. */
    private static final int STOP_AFTER = 6;
    /** How long the server is down: longer than the pool waits for a connection. */
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void crawlerRidesOutADatabaseRestartWithoutLosingOrRefetchingPages() throws Exception {
        Path state = dir.resolve("pg");
        Script pg = new Script(state);
        String url = pg.start();
        try (LoopbackServer server = LoopbackServer.onPlatformThreads()) {
            AtomicInteger fetched = new AtomicInteger();
            StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Wire</title>");
            for (int i = 0; i < ARTICLES; i++) {
                int n = i;
                server.route("/a/" + i, ex -> {
                    Thread.sleep(100); // slow pages: the pass is still fetching when the database stops
                    fetched.incrementAndGet();
                    LoopbackServer.send(ex, 200, "text/html; charset=utf-8", KillMidCrawlTest.articlePage(n));
                });
                rss.append("<item><title>A").append(i).append("</title><link>").append(server.url("/a/" + i)).append("</link></item>");
            }
            server.page("/feed", "application/rss+xml", rss.append("</channel></rss>").toString());
            try (Store admin = Store.open(url)) {
                FeedStore.of(admin).addSource(server.url("/feed"), FeedSource.Kind.FEED, "wire.example", "Wire",
                        CrawlSettings.defaults().defaultInterval(), Instant.now());
            }
            List<String> said = new CopyOnWriteArrayList<>();
            // One page at a time, so that the outage falls in the middle of the pass.
            CrawlSettings settings = CrawlSettings.defaults().withSinkParallelism(1);
            FetchConfig config = HttpFetcherTest.testConfig().withPerHost(1, java.time.Duration.ZERO);
            // The pool gives up on a connection sooner than the outage lasts (PARALLAX_DB_POOL_TIMEOUT), so the
            // crawler meets the outage instead of the pool riding it out unseen.
            Database.Settings pool = new Database.Settings(Database.DEFAULT_POOL_SIZE, POOL_TIMEOUT);
            LiveIngest first = new LiveIngest(Store.open(url, pool), null, config, settings, Clock.systemUTC());
            try (ReconnectingCrawler crawler = new ReconnectingCrawler(() -> Store.open(url, pool), first, said::add)) {
                Thread stopper = Thread.ofVirtual().start(() -> {
                    try {
                        while (fetched.get() < STOP_AFTER) Thread.sleep(20);
                        pg.run("halt");
                        Thread.sleep(OUTAGE.toMillis());
                        pg.run("resume");
                    } catch (Exception e) {
                        said.add("stopper failed: " + e);
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                int stored = 0;
                List<Boolean> reached = new ArrayList<>();
                List<Integer> kept = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    Optional<LiveIngest.Pass> pass = crawler.pass((phase, done, total) -> { });
                    reached.add(pass.isPresent());
                    if (pass.isPresent()) stored += pass.get().report().articlesStored();
                    kept.add(crawler.live().crawler().unsavedPages());
                    if (stored >= ARTICLES && crawler.live().crawler().unsavedPages() == 0) break;
                    Thread.sleep(Math.max(100, crawler.retryIn().toMillis()));
                }
                stopper.join();
                assertThat(said).as("what the crawler said").noneMatch(l -> l.startsWith("stopper failed"));
                // The crawler met the outage: either a pass could not reach the database at all (and it reconnected),
                // or a pass ended with fetched pages it could not store yet, kept for the next pass. Which one depends
                // on when in the pass the server stops (under load, the whole outage may fall inside one pass).
                boolean unreachable = said.stream().anyMatch(l -> l.startsWith("database unreachable"));
                if (unreachable) {
                    assertThat(said).anyMatch(l -> l.startsWith("reconnected to the database"));
                    assertThat(reached).as("passes that reached the database").contains(false);
                } else {
                    assertThat(kept).as("pages kept unsaved after each pass; said %s", said).anyMatch(n -> n > 0);
                }
                try (Store check = Store.open(url)) {
                    assertThat(check.articleCount()).as("articles stored; said %s", said).isEqualTo(ARTICLES);
                    assertThat(FeedStore.of(check).itemCounts()).containsEntry(FeedItem.Status.DONE, ARTICLES);
                }
                assertThat(stored).as("stored by the passes, counted once each").isEqualTo(ARTICLES);
                for (int i = 0; i < ARTICLES; i++) assertThat(server.hits("/a/" + i)).as("fetches of /a/%d", i).isEqualTo(1);
            }
        } finally {
            pg.run("stop");
        }
    }

    /** scripts/pg-test-server.sh on a server of this test's own. */
    private record Script(Path state) {
        String start() throws Exception {
            String out = run("start", "--fast", "--owner", Long.toString(ProcessHandle.current().pid()));
            return out.strip().lines().reduce((a, b) -> b).orElseThrow();
        }

        String run(String command, String... more) throws Exception {
            Path script = null;
            for (Path d = Path.of("").toAbsolutePath(); d != null && script == null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("scripts/pg-test-server.sh"))) script = d.resolve("scripts/pg-test-server.sh");
            }
            assumeTrue(script != null, "scripts/pg-test-server.sh not found");
            List<String> cmd = new ArrayList<>(List.of("bash", script.toString(), command, state.toString()));
            cmd.addAll(List.of(more));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) throw new IOException(command + " did not finish");
            assumeTrue(!(command.equals("start") && p.exitValue() == 3), "no PostgreSQL binaries: " + out);
            if (p.exitValue() != 0) throw new IOException("pg-test-server.sh " + command + " failed: " + out);
            return out;
        }
    }
}
