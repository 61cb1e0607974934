package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.internal.Json;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void store() {
        try (Store s = Store.open(dir)) {
            Article a = new Article("a1", "Reuters", "reuters.com", "https://reuters.com/a1", "Senate passes climate bill",
                    Instant.parse("2020-02-10T12:00:00Z"), List.of(), "A carbon tax on power plants.", "/in/a1", "en", Map.of());
            s.insert(List.of(a));
            s.replaceStories(List.of(new StoredStory(new StoryRef("st1", a.title(), 1, 1, a.published(), a.published(), List.of("a1")),
                    Map.of(), Map.of())));
        }
    }

    @Test
    void jsonListsStoriesAndArticlesWithTheirFields() throws Exception {
        JsonNode r = Json.mapper().readTree(CliRun.ok("search", "--data", dir.toString(), "--json", "\"carbon tax\"", "--side", "center"));
        assertThat(r.get("query").asText()).isEqualTo("\"carbon tax\"");
        assertThat(r.get("stories").get(0).get("id").asText()).isEqualTo("st1");
        assertThat(r.get("stories").get(0).get("matchedArticles").asInt()).isEqualTo(1);
        JsonNode article = r.get("articles").get(0);
        assertThat(article.get("storyId").asText()).isEqualTo("st1");
        assertThat(article.get("side").asText()).isEqualTo("center");
        assertThat(article.get("score").asDouble()).isPositive();
        assertThat(CliRun.ok("search", "--data", dir.toString(), "climate", "--from", "2020-03-01")).contains("Stories (0)");
    }

    @Test
    void malformedQueriesAndFiltersExitTwoWithAMessage() {
        for (String[] args : List.of(new String[] {"\"open"}, new String[] {"--", "-only"}, new String[] {"climate", "--side", "middle"},
                new String[] {"climate", "--from", "yesterday"})) {
            String[] full = new String[args.length + 3];
            full[0] = "search";
            full[1] = "--data";
            full[2] = dir.toString();
            System.arraycopy(args, 0, full, 3, args.length);
            CliRun.Result r = CliRun.run(full);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("Exception");
        }
    }
}
