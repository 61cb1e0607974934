package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, the topology as processes on loopback: a crawler, two clusterers and a web node, each a
 * {@code run --role ...} JVM on one real PostgreSQL database, fed by a real HTTP feed server. The web node shows
 * the stories; after kill -9 of the leading clusterer, the standby takes over within 30 s and the stories of
 * articles published after the kill reach the web node.
 */
@Tag("slow") // four JVMs and a failover: about 2 minutes on two cores
class RunRolesProcessTest {
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final long TAKEOVER_LIMIT_SECONDS = 30;

    @TempDir
    Path data;

    private final List<Running> started = new ArrayList<>();

    /** A role's process and every line it printed so far. */
    private record Running(String role, Process process, List<String> lines) {
        boolean said(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Running r : started) {
            r.process().destroy();
            if (!r.process().waitFor(30, TimeUnit.SECONDS)) r.process().destroyForcibly();
        }
    }

    @Test
    void crawlerClusterersAndWebNodeShareOnePostgresAndSurviveTheLeadersDeath() throws Exception {
        String db = TestDatabase.POSTGRESQL.fresh(data).url();
        try (LoopbackServer server = new LoopbackServer()) {
            server.page("/feed", "application/rss+xml", rss(server, 0, 6));
            for (int i = 0; i < 12; i++) server.page("/a/" + i, "text/html; charset=utf-8", KillMidCrawlTest.articlePage(i));
            try (Store store = Store.open(db)) {
                FeedStore.of(store).addSource(server.url("/feed"), FeedSource.Kind.FEED, "wire.example", "Wire",
                        CrawlSettings.defaults().defaultInterval(), Instant.now());
            }
            Running first = start("clusterer", db);
            waitFor(() -> first.said("elected clusterer"), 60, "the first clusterer elected");
            Running second = start("clusterer", db);
            waitFor(() -> second.said("standby: another clusterer holds the lock"), 60, "the second clusterer standing by");
            Running web = start("web", db);
            waitFor(() -> web.lines().stream().anyMatch(l -> SERVING.matcher(l).find()), 60, "the web node serving");
            int port = port(web);
            start("crawler", db);

            waitFor(() -> stories(port).contains("\"articleCount\""), 90, "stories on the web node");
            assertThat(server.hits("/a/0")).isEqualTo(1);

            first.process().destroyForcibly(); // kill -9: no shutdown hook releases anything
            first.process().waitFor(10, TimeUnit.SECONDS);
            long killed = System.nanoTime();
            waitFor(() -> second.said("took over as the clusterer"), TAKEOVER_LIMIT_SECONDS, "the standby taking over");
            double takeover = (System.nanoTime() - killed) / 1e9;
            System.out.printf("RunRolesProcessTest: standby took over %.1f s after kill -9 of the leader%n", takeover);

            // Articles published after the leader died reach the web node through the new leader.
            try (Store store = Store.open(db)) {
                int before = store.articleCount();
                // The feed now lists six more; a new source (the same feed under another URL) is due at once.
                server.page("/feed", "application/rss+xml", rss(server, 0, 12));
                FeedStore.of(store).addSource(server.url("/feed?later"), FeedSource.Kind.FEED, "wire.example", "Wire later",
                        CrawlSettings.defaults().defaultInterval(), Instant.now());
                assertThat(before).isEqualTo(6);
            }
            waitFor(() -> {
                try (Store store = Store.open(db)) {
                    return store.articleCount() == 12 && !store.hasArticlesOutsideStories();
                }
            }, 90, "the later articles stored and clustered by the new leader");
            for (int i = 0; i < 12; i++) assertThat(server.hits("/a/" + i)).as("fetches of /a/%d", i).isEqualTo(1);
        }
    }

    private static String rss(LoopbackServer server, int from, int to) {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Wire</title>");
        for (int i = from; i < to; i++)
            rss.append("<item><title>A").append(i).append("</title><link>").append(server.url("/a/" + i)).append("</link></item>");
        return rss.append("</channel></rss>").toString();
    }

    private Running start(String role, String db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "news.parallax.cli.RunCommand",
                "--role", role, "--db", db, "--data", data.toString(), "--port", "0", "--allow-private", "--host-delay", "0",
                "--check-every", "1", "--no-defaults").redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
            } catch (java.io.IOException ignored) {
                // The process ended.
            }
        });
        Running r = new Running(role, p, lines);
        started.add(r);
        return r;
    }

    private static int port(Running web) {
        for (String l : web.lines()) {
            Matcher m = SERVING.matcher(l);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        throw new AssertionError("no address in " + web.lines());
    }

    private static String stories(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stories")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private void waitFor(Condition c, long seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (c.met()) return;
            Thread.sleep(250);
        }
        StringBuilder out = new StringBuilder();
        for (Running r : started) out.append("\n--- ").append(r.role()).append(":\n").append(String.join("\n", r.lines()));
        throw new AssertionError("waited " + seconds + " s for " + what + out);
    }
}
