package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code outlets} and {@code outlet} commands over the bundled registry, a user file and a real store. */
class OutletCommandTest {
    @TempDir
    Path dir;

    private String run(Object command, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(command).execute(args);
            assertThat(code).as("exit code of " + String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outletShowsEveryRatingAndItsStoredStories() throws IOException {
        Path data = dir.resolve("data");
        Path in = dir.resolve("in.jsonl");
        try (InputStream res = getClass().getResourceAsStream("/analysis/landscape-stories.jsonl")) {
            Files.write(in, res.readAllBytes());
        }
        try (Store store = Store.open(data)) {
            Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
        }
        String text = run(new OutletCommand(), "--data", data.toString(), "Fox Online News");
        assertThat(text).contains("Fox News (foxnews.com)", "AllSides: right-center", "Media Bias/Fact Check: right")
                .contains("stories (2)", "Ridge fire");
    }

    @Test
    void userFileEntriesAreListed() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("outlets.json"),
                "{\"outlets\": [{\"domain\": \"valley-courier.example\", \"name\": \"Valley Courier\", \"bias\": \"center\", \"ownership\": \"independent\"}]}");
        String json = run(new OutletsCommand(), "--data", data.toString(), "--json");
        assertThat(json).contains("\"name\":\"Valley Courier\"", "\"ownership\":\"independent\"", "\"domain\":\"cnn.com\"");
    }
}
