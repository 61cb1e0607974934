package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --quiet-days}: a story closes after that long without a new article. A report and its
 * follow-up three days later (written for this test) form one story by default (4 days) and two
 * when stories close after one day.
 */
class QuietPeriodOptionTest {
    @TempDir
    Path dir;

    private Path articles;

    @BeforeEach
    void writeArticles() throws IOException {
        articles = dir.resolve("follow-up.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/cluster/follow-up-3-days.jsonl")) {
            Files.write(articles, in.readAllBytes());
        }
    }

    private JsonNode storiesAfterIngest(String data, String... options) throws IOException {
        String[] args = new String[4 + options.length];
        args[0] = "ingest";
        args[1] = "--data";
        args[2] = dir.resolve(data).toString();
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = articles.toString();
        CliRun.ok(args);
        return new ObjectMapper().readTree(CliRun.ok("stories", "--data", dir.resolve(data).toString(), "--json"));
    }

    @Test
    void followUpThreeDaysLaterJoinsUnderTheDefaultQuietPeriod() throws IOException {
        JsonNode stories = storiesAfterIngest("default");
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).get("articleIds")).hasSize(2);
    }

    @Test
    void followUpStartsANewStoryWhenStoriesCloseAfterOneDay() throws IOException {
        JsonNode stories = storiesAfterIngest("one-day", "--quiet-days", "1");
        assertThat(stories).hasSize(2);
    }

    @Test
    void aLongerQuietPeriodStillJoins() throws IOException {
        assertThat(storiesAfterIngest("week", "--quiet-days", "7.5")).hasSize(1);
    }

    @Test
    void aBadValueIsRefusedByNameBeforeAnyStoreIsCreated() {
        for (String bad : new String[] {"0", "-2", "abc", "NaN", "100000"}) {
            Path data = dir.resolve("bad-" + bad);
            CliRun.Result r = CliRun.run("ingest", "--data", data.toString(), "--quiet-days", bad, articles.toString());
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("--quiet-days").contains("'" + bad + "'");
            assertThat(data).as(bad).doesNotExist();
        }
    }
}
