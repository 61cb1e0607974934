package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.parallax.internal.Json;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./parallax briefing} over a real SQLite store: the same selection as {@code /api/briefing}. */
class BriefingCommandTest {
    @TempDir
    Path dir;
    private String data;
    private String fire;

    @BeforeEach
    void ingest() throws Exception {
        Path in = dir.resolve("stories.jsonl");
        try (InputStream res = getClass().getResourceAsStream("/analysis/landscape-stories.jsonl")) {
            Files.write(in, res.readAllBytes());
        }
        try (Store store = Store.open(dir.resolve("data"))) {
            Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
            fire = store.stories(0).stream().filter(s -> s.articleIds().contains("b1")).findFirst().orElseThrow().id();
        }
        data = dir.resolve("data").toString();
    }

    @Test
    void jsonForADayAndTextForTheLatestDay() throws Exception {
        JsonNode b = Json.mapper().readTree(CliRun.ok("briefing", "--data", data, "--date", "2024-07-01", "--json"));
        assertThat(b.get("date").asText()).isEqualTo("2024-07-01");
        assertThat(b.get("largest").get(0).get("story").get("id").asText()).isEqualTo(fire);
        assertThat(b.get("blindspots").get("left").get(0).get("story").get("id").asText()).isEqualTo(fire);
        String text = CliRun.ok("briefing", "--data", data);
        assertThat(text).startsWith("Briefing for 2024-07-02").contains("Blindspots for the left:", "(" + fire + ")");
    }

    @Test
    void aOneSourceStoryOfOnlyOpinionOrAFeatureIsNotAmongTheLargest() throws Exception {
        Path more = dir.resolve("more.jsonl");
        Files.writeString(more, String.join("\n",
                "{\"id\": \"o1\", \"source\": \"Washington Examiner\", \"url\": \"https://www.washingtonexaminer.com/opinion/zoning-is-theft\","
                        + " \"title\": \"Zoning rules are quietly robbing homeowners\", \"date\": \"2024-07-01\", \"text\": \"Every suburb in the"
                        + " country has a zoning board, and every one of them has forgotten who it works for. Homeowners pay for the privilege"
                        + " of being told what they may build on their own land, and the boards answer to nobody.\"}",
                "{\"id\": \"q1\", \"source\": \"The Atlantic\", \"url\": \"https://www.theatlantic.com/ideas/archive/2024/07/tides/\","
                        + " \"title\": \"Why are the tides getting stranger every summer?\", \"date\": \"2024-07-01\", \"text\": \"Coastal"
                        + " engineers have argued for a decade about the odd tides of the northern bays, and nobody agrees on what drives them.\"}",
                "{\"id\": \"n1\", \"source\": \"Reuters\", \"url\": \"https://www.reuters.com/world/harbor-bridge-reopens-2024-07-01/\","
                        + " \"title\": \"Harbor bridge reopens after repairs\", \"date\": \"2024-07-01\", \"text\": \"The harbor bridge reopened to"
                        + " traffic on Monday after eight months of repairs to its cables and deck, the port authority said.\"}"));
        try (Store store = Store.open(dir.resolve("data"))) {
            Pipeline.standard(store).ingest(List.of(more), ProgressListener.NONE);
        }
        JsonNode b = Json.mapper().readTree(CliRun.ok("briefing", "--data", data, "--date", "2024-07-01", "--json"));
        List<String> titles = new java.util.ArrayList<>();
        b.get("largest").forEach(o -> titles.add(o.get("story").get("title").asText()));
        assertThat(titles).contains("Harbor bridge reopens after repairs").doesNotContain("Zoning rules are quietly robbing homeowners", "Why are the tides getting stranger every summer?");
        assertThat(b.get("storyCount").asInt()).as("the column's story is still one of the day's").isGreaterThanOrEqualTo(titles.size() + 2);
    }

    @Test
    void aMalformedDateExitsWith2NamingIt() {
        CliRun.Result r = CliRun.run("briefing", "--data", data, "--date", "07/01/2024");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("YYYY-MM-DD", "07/01/2024");
        assertThat(r.out()).isEmpty();
    }
}
