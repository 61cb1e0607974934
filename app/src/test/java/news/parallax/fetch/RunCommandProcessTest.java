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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} in its own JVM: it crawls while it serves, and the stories appear in the web UI. */
class RunCommandProcessTest {
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path data;

    @Test
    void storiesAppearWhileServing() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Wire</title>");
            for (int i = 0; i < 6; i++) {
                server.page("/a/" + i, "text/html; charset=utf-8", KillMidCrawlTest.articlePage(i));
                rss.append("<item><title>A").append(i).append("</title><link>").append(server.url("/a/" + i))
                        .append("</link></item>");
            }
            server.page("/feed", "application/rss+xml", rss.append("</channel></rss>").toString());
            try (Store store = Store.open(data)) {
                FeedStore.of(store).addSource(server.url("/feed"), FeedSource.Kind.FEED, "wire.example", "Wire",
                        CrawlSettings.defaults().defaultInterval(), Instant.now());
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "news.parallax.cli.RunCommand", "--port", "0", "--allow-private", "--host-delay", "0",
                    "--check-every", "1", "--data", data.toString()).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
                int port = -1;
                for (String line; port < 0 && (line = out.readLine()) != null; ) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) port = Integer.parseInt(m.group(1));
                }
                assertThat(port).as("run printed its address").isPositive();
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep the pipe drained

                HttpClient client = HttpClient.newHttpClient();
                String page = "";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!page.contains("/story/") && System.nanoTime() < deadline) {
                    Thread.sleep(300);
                    page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }
                assertThat(page).contains("/story/");
                assertThat(server.hits("/a/0")).isEqualTo(1);
            } finally {
                run.destroy(); // SIGTERM: the shutdown hook closes web, crawler and store
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("run stopped on SIGTERM").isTrue();
            }
        }
    }
}
