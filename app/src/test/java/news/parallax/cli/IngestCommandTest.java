package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ingest} prints about inputs it did not read: one line each, then the counts by reason. */
class IngestCommandTest {
    @TempDir
    Path dir;

    @Test
    void summaryNamesEachProblemAndCountsThemByReason() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String body = "The natural history museum reopened its east wing on Saturday after a renovation that restored "
                + "the mineral galleries and added a new hall for fossil skeletons.";
        Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"m1\",\"title\":\"Museum reopens\",\"text\":\"" + body + "\"}\n"
                + "{\"id\":\"m2\",\"title\":\"" + "T".repeat(1_001) + "\",\"text\":\"" + body + " Again.\"}\n");
        assertThat(new ProcessBuilder("mkfifo", in.resolve("b.jsonl").toString()).start().waitFor()).isZero();
        Files.writeString(in.resolve("notes.md"), "not an input");

        CliRun.Result r = CliRun.run("ingest", "--data", dir.resolve("data").toString(), in.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("rejected: " + in.resolve("a.jsonl") + ":2: title longer than 1,000 characters (1,001)")
                .contains("skipped: " + in.resolve("b.jsonl") + ": not a regular file (FIFO); skipped unopened");
        assertThat(r.out()).contains("read 1, stored 1, duplicates 0, rejected 1, skipped 1;")
                .contains("by reason: 1 FIFO, device or socket (skipped), 1 field too long")
                .contains("1 other files in the folders are no input format (not read)");
    }
}
