package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark machinery at toy size: everything stored, politeness held. Figures come from bench-fetch, not here. */
class BenchmarkSmokeTest {
    @Test
    void smallRunStoresEverythingWithinTheHostLimit() throws Exception {
        FetchBenchmark.Result r = FetchBenchmark.run(new FetchBenchmark.Settings(2, 4, 60, Duration.ofMillis(5), 3));
        assertThat(r.sourcesFetched()).isEqualTo(4);
        assertThat(r.articlesStored()).isEqualTo(60);
        assertThat(r.stories()).isPositive();
        assertThat(r.maxInFlightPerHost()).isBetween(1, 3);
    }
}
