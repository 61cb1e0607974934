package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import news.parallax.model.Side;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BundledRegistryTest {
    private static final Path CORPUS = Path.of("../shared/data/articles/allsides-articles.jsonl.gz");
    /** Issue 5 acceptance floor: share of corpus records that resolve to a rated outlet. */
    private static final double MIN_RATED_SHARE = 0.95;

    @Test
    void bundledRegistryCitesItsRaters() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(OutletRegistries.BUNDLED_RESOURCE)) {
            String head = new String(in.readNBytes(4000), StandardCharsets.UTF_8);
            assertThat(head).contains("AllSides").contains("Media Bias/Fact Check").contains("CC BY-NC 4.0");
        }
    }

    @Test
    void corpusNamesResolveWithEveryRatersLabel() {
        DefaultOutletRegistry registry = OutletRegistries.bundled();
        Outlet fox = registry.find("Fox Online News").orElseThrow();
        assertThat(fox.domain()).isEqualTo("foxnews.com");
        assertThat(fox.side()).isEqualTo(Side.RIGHT);
        assertThat(fox.ratings()).extracting(Outlet.Rating::rater).contains("AllSides", "Media Bias/Fact Check");
        assertThat(registry.find("New York Times - News").map(Outlet::domain)).contains("nytimes.com");
    }

    @Test
    void atLeast95PercentOfCorpusRecordsResolveToARatedOutlet() throws IOException {
        Assumptions.assumeTrue(Files.exists(CORPUS), "corpus absent at " + CORPUS.toAbsolutePath() + "; skipping");
        RegistryCoverage.Result r = RegistryCoverage.measure(CORPUS, OutletRegistries.bundled());
        assertThat(r.records()).isGreaterThan(0);
        assertThat(r.ratedShare()).isGreaterThanOrEqualTo(MIN_RATED_SHARE);
    }
}
