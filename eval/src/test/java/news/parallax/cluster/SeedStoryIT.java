package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import news.parallax.model.Article;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeds 000, 001, 003 and 004 (one event, four outlets, raw text dumps) mixed into the full
 * 37,554-article corpus must form one story that no other article joins. The seeds are undated,
 * so they sit among the corpus's 4,400 undated articles, where no time window helps.
 * Slow (minutes): run with {@code mvn -o test -Dtest=SeedStoryIT -Dsurefire.excludedGroups=}.
 */
@Tag("slow")
class SeedStoryIT {
    private static final Path SEEDS = Path.of("../shared/seeds");
    private static final List<String> SEED_FILES = List.of("000_12b44150948cd5de.txt", "001_4fd664b2c8154858.txt",
            "003_18690dbe83cd4039.txt", "004_18f0df8674141607.txt");

    @Test
    void seedsFormOneStoryOfTheirOwnInTheFullCorpus() {
        assumeTrue(Files.isRegularFile(DevSetTest.CORPUS), "corpus absent: " + DevSetTest.CORPUS.toAbsolutePath() + "; skipped");
        assumeTrue(Files.isDirectory(SEEDS), "seeds absent: " + SEEDS.toAbsolutePath() + "; skipped");
        List<Article> stream = new ArrayList<>(LabelledArticles.readArticles(DevSetTest.CORPUS));
        List<Article> seeds = SEED_FILES.stream().map(f -> LabelledArticles.fromTextDump(SEEDS.resolve(f))).toList();
        stream.addAll(seeds);
        stream.sort(LabelledArticles.STREAM_ORDER);
        Set<String> seedIds = seeds.stream().map(Article::id).collect(Collectors.toSet());

        Clustering c = StoryClusterers.standard().cluster(stream);

        List<Clustering.Group> withSeeds = c.groups().stream().filter(g -> g.articleIds().stream().anyMatch(seedIds::contains)).toList();
        assertThat(withSeeds).hasSize(1);
        assertThat(withSeeds.get(0).articleIds()).containsExactlyInAnyOrderElementsOf(seedIds);
    }
}
