package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupts a real ingest process (SIGTERM, as Ctrl-C's shutdown path) and checks the store it leaves. */
class InterruptedIngestTest {
    @TempDir
    Path dir;

    @Test
    void interruptedIngestLeavesAnOpenableStoreOfWholeArticles() throws Exception {
        Path input = dir.resolve("many.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 60_000; i++) {
                w.write("{\"id\":\"a" + i + "\",\"source\":\"Outlet " + (i % 40) + "\",\"title\":\"Headline number " + i
                        + "\",\"date\":\"2019-01-" + (1 + i % 28) + "\",\"text\":\"Paragraph one of article " + i
                        + " tells of council votes, river floods and rail strikes in town " + (i % 977) + ".\\nParagraph two closes it.\"}\n");
            }
        }
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ingest",
                "--data", data.toString(), input.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        // Wait until some batches are committed, then interrupt mid-run.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && countOrZero(data) < 1000) Thread.sleep(50);
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Store store = Store.open(data)) {
            int count = store.articleCount();
            assertThat(count).isGreaterThan(0);
            int[] checked = {0};
            store.forEachArticleByTime(a -> {
                assertThat(a.text()).contains("Paragraph one of article").endsWith("Paragraph two closes it.");
                checked[0]++;
            });
            assertThat(checked[0]).isEqualTo(count);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
             var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    private static int countOrZero(Path data) {
        Path db = data.resolve(Store.FILE_NAME);
        if (!Files.exists(db)) return 0;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM articles")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
