package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.outlets.EmptyRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The seeds as scraped, chrome included: the summary must state the deployment and carry none of it. */
class SeedsSummaryTest {
    @Test
    void seedsSummaryStatesTheSpecialForcesDeploymentWithoutChrome() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Fixtures.SEEDS), "seeds absent at " + Fixtures.SEEDS.toAbsolutePath());
        List<Article> seeds = Fixtures.seeds();
        StoryView view = new DefaultStoryAnalyzer(new EmptyRegistry()).analyze(Fixtures.story(seeds, Map.of()));
        assertThat(view.summarySentences()).hasSizeBetween(3, 6);
        assertThat(view.summary()).contains("1,500").containsIgnoringCase("special forces");
        for (String chrome : List.of("Read next", "Send Push", "Tags:", "Media landscape", "Click on bars", "Next Story",
                "Powered by", "Report an issue", "total sources", "Main / News")) {
            assertThat(view.summary()).doesNotContainIgnoringCase(chrome);
        }
        assertThat(view.landscape().unrated()).isEqualTo(5);
        assertThat(view.keyPoints().values()).allSatisfy(points -> assertThat(points).isEmpty());
    }
}
