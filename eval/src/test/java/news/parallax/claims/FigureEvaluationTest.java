package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching rules of the issue-18 scorer, one literal case each. */
class FigureEvaluationTest {
    private static FigureEvaluation.Label label(String kind, double value, double high, String thing, String head) {
        return new FigureEvaluation.Label(kind, value, high, thing, head, thing, Arrays.asList((String) null), null, "");
    }

    private static FigureEvaluation.Predicted predicted(String kind, double value, double high, String thing) {
        return new FigureEvaluation.Predicted(kind, value, high, thing, thing, thing, "", null, "asserted", "");
    }

    @Test
    void valueWithinHalfAPercentMatches() {
        assertThat(FigureEvaluation.matches(label("count", 1000, 1000, "people killed", "people"),
                predicted("count", 1004, 1004, "people"))).isTrue();
    }

    @Test
    void valueOffByOnePercentDoesNotMatch() {
        assertThat(FigureEvaluation.matches(label("count", 1000, 1000, "people killed", "people"),
                predicted("count", 1010, 1010, "people"))).isFalse();
    }

    @Test
    void rangeNeedsBothEnds() {
        assertThat(FigureEvaluation.matches(label("money", 800, 2200, "cost of a visa", "cost"),
                predicted("money", 800, 800, "cost"))).isFalse();
    }

    @Test
    void kindMustAgree() {
        assertThat(FigureEvaluation.matches(label("percent", 24, 24, "Biden's support", "support"),
                predicted("points", 24, 24, "support"))).isFalse();
    }

    @Test
    void labelledHeadInPredictedPhraseMatchesInThePlural() {
        assertThat(FigureEvaluation.matches(label("count", 3, 3, "jobs added", "job"),
                predicted("count", 3, 3, "new jobs in May"))).isTrue();
    }

    @Test
    void predictedHeadInLabelledPhraseMatches() {
        assertThat(FigureEvaluation.matches(label("count", 1500, 1500, "North Korean troops in Russia", "troops"),
                new FigureEvaluation.Predicted("count", 1500, 1500, "troops sent", "troop", "troops", "", null, "asserted", "")))
                .isTrue();
    }

    @Test
    void attributionContainedIgnoringTheAndCase() {
        assertThat(FigureEvaluation.sameSource(List.of("the Bureau of Labor Statistics"), "bureau of labor statistics"))
                .isTrue();
    }

    @Test
    void attributionNullMatchesOnlyNull() {
        assertThat(FigureEvaluation.sameSource(Arrays.asList((String) null), "Trump")).isFalse();
    }

    @Test
    void aLabelledRateMatchesAPredictedPercentOfTheSameValue() {
        assertThat(FigureEvaluation.matches(label("rate", 2.6, 2.6, "economic growth rate", "rate"),
                predicted("percent", 2.6, 2.6, "annualized rate"))).isTrue();
    }

    @Test
    void dozensIsTwentyFourAsTheGuideReadsIt() {
        assertThat(FigureEvaluation.parseValue("dozens")).containsExactly(24, 24);
    }

    @Test
    void vagueValuesReadAsTheirOrderOfMagnitude() {
        assertThat(FigureEvaluation.parseValue("tens of thousands")).containsExactly(10_000, 10_000);
    }
}
