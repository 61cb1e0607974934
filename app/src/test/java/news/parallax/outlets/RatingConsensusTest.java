package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.parallax.model.Bias;
import org.junit.jupiter.api.Test;

class RatingConsensusTest {
    @Test
    void halfStepDisagreementRoundsTowardCentre() {
        var ratings = List.of(new Outlet.Rating("AllSides", "left-center", null, null),
                new Outlet.Rating("Media Bias/Fact Check", "left", null, null));
        assertThat(RatingConsensus.of(ratings)).contains(Bias.LEAN_LEFT);
    }

    @Test
    void eachRaterCountsOnceWithItsFirstPosition() {
        var ratings = List.of(new Outlet.Rating("AllSides", "center", null, null),
                new Outlet.Rating("Media Bias/Fact Check", "conspiracy", null, null),
                new Outlet.Rating("Media Bias/Fact Check", "extreme-right", null, null),
                new Outlet.Rating("Media Bias/Fact Check", "left", null, null));
        // center (3) and far right (6) average 4.5, rounded toward the centre: lean right.
        assertThat(RatingConsensus.of(ratings)).contains(Bias.LEAN_RIGHT);
    }

    @Test
    void labelsThatAreNotPositionsLeaveTheOutletUnrated() {
        var ratings = List.of(new Outlet.Rating("Media Bias/Fact Check", "satire", null, null),
                new Outlet.Rating("AllSides", "mixed", null, null));
        assertThat(RatingConsensus.of(ratings)).isEmpty();
    }
}
