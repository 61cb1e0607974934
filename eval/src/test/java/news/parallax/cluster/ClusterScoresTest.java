package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {
    private static Clustering clustering(List<List<String>> groups) {
        return new Clustering(groups.stream().map(g -> new Clustering.Group(g, Map.of(), Map.of())).toList());
    }

    @Test
    void perfectClusteringScoresOne() {
        var s = ClusterScores.of(clustering(List.of(List.of("a", "b"), List.of("c"))), Map.of("a", "x", "b", "x", "c", "y"));
        assertThat(s.bcubedF1()).isEqualTo(1.0);
        assertThat(s.pairwiseF1()).isEqualTo(1.0);
    }

    @Test
    void bcubedOfAKnownMistake() {
        // Gold {a,b,c} {d}; predicted {a,b} {c,d}.
        // Precision per item: a 1, b 1, c 1/2, d 1/2 -> 0.75. Recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3.
        var s = ClusterScores.of(clustering(List.of(List.of("a", "b"), List.of("c", "d"))), Map.of("a", "x", "b", "x", "c", "x", "d", "y"));
        assertThat(s.bcubedPrecision()).isCloseTo(0.75, within(1e-9));
        assertThat(s.bcubedRecall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.bcubedF1()).isCloseTo(2 * 0.75 * (2.0 / 3) / (0.75 + 2.0 / 3), within(1e-9));
        // Pairs: gold ab ac bc; predicted ab cd; one shared -> P 1/2, R 1/3.
        assertThat(s.pairwiseF1()).isCloseTo(0.4, within(1e-9));
    }
}
