package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The bundled registry measured on the corpus. */
class RegistryCoverageTest {
    private static final Path CORPUS = Path.of("../shared/data/articles/allsides-articles.jsonl.gz");
    /** Issue 5 acceptance floor: share of corpus records that resolve to a rated outlet. */
    private static final double MIN_RATED_SHARE = 0.95;

    @Test
    void atLeast95PercentOfCorpusRecordsResolveToARatedOutlet() throws IOException {
        Assumptions.assumeTrue(Files.exists(CORPUS), "corpus absent at " + CORPUS.toAbsolutePath() + "; skipping");
        RegistryCoverage.Result r = RegistryCoverage.measure(CORPUS, OutletRegistries.bundled());
        assertThat(r.records()).isGreaterThan(0);
        assertThat(r.ratedShare()).isGreaterThanOrEqualTo(MIN_RATED_SHARE);
    }
}
