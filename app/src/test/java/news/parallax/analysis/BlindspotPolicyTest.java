package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlindspotPolicyTest {
    @Test
    void rightOnlyCoverageIsABlindspotForTheLeft() {
        var b = BlindspotPolicy.DEFAULT.detect(new StoryView.Landscape(0, 1, 4, 3)).orElseThrow();
        assertThat(b.side()).isEqualTo("left");
        assertThat(b.dominantSide()).isEqualTo("right");
        assertThat(b.dominantShare()).isEqualTo(0.8);
    }

    @Test
    void twoSourcesAreNotOverwhelming() {
        assertThat(BlindspotPolicy.DEFAULT.detect(new StoryView.Landscape(2, 0, 0, 0))).isEmpty();
    }

    @Test
    void otherSideAboveItsShareIsNoBlindspot() {
        // left 8 of 10 rated (80%) but right has 2 of 10 (20%): still a blindspot; 3 of 11 is not.
        assertThat(BlindspotPolicy.DEFAULT.detect(new StoryView.Landscape(8, 0, 2, 0))).isPresent();
        assertThat(BlindspotPolicy.DEFAULT.detect(new StoryView.Landscape(8, 0, 3, 0))).isEmpty();
    }

    @Test
    void thresholdsAreConfigurable() {
        var strict = new BlindspotPolicy(5, 0.9, 0.1);
        assertThat(strict.detect(new StoryView.Landscape(0, 1, 4, 0))).isEmpty();
        assertThatThrownBy(() -> new BlindspotPolicy(3, 1.5, 0.2)).hasMessageContaining("minDominantShare");
    }
}
