package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-growth refuses bad input before it writes anything, naming what is wrong. */
class BenchGrowthCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingCorpusOrStoreIsNamed() throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.jsonl"), "");
        CliRun.Result noCorpus = CliRun.run("bench-growth", dir.resolve("absent.jsonl").toString(), "--stories-from", corpus.toString());
        assertThat(noCorpus.exitCode()).isEqualTo(2);
        assertThat(noCorpus.err()).contains("no such corpus").contains("absent.jsonl");
        CliRun.Result noStore = CliRun.run("bench-growth", corpus.toString(), "--stories-from", dir.resolve("absent.db").toString());
        assertThat(noStore.exitCode()).isEqualTo(2);
        assertThat(noStore.err()).contains("no such store").contains("absent.db");
        CliRun.Result twoSizes = CliRun.run("bench-growth", corpus.toString(), "--stories-from", corpus.toString(), "--db",
                "jdbc:postgresql://127.0.0.1:1/none", "--sizes", "10,20");
        assertThat(twoSizes.exitCode()).isEqualTo(2);
        assertThat(twoSizes.err()).contains("one size");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("corpus.jsonl");
        }
    }
}
