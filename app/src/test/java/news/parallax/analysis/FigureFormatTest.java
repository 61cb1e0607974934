package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5700000000|exact|dollars|$5.7 billion",
            "1375000000|exact|dollars|$1.375 billion",
            "600000000|exact|dollars|$600 million",
            "12302|exact|dollars|$12,302",
            "1500|exact|troops|1,500 troops",
            "12000|about|troops|about 12,000 troops",
            "10000|up to|soldiers|up to 10,000 soldiers",
            "10000-12000|range|troops|10,000–12,000 troops",
            "5000000|about|immigrants|about 5 million immigrants",
            "thousands|vague|troops|thousands of troops",
            "2.6|exact|percent|2.6%",
            "45274|exact|immigrants|45,274 immigrants",
            "1000000000-2000000000|range|dollars|$1–2 billion",
            "7000000000000|more than|dollars|more than $7 trillion",
            "1600000000000|exact|dollars|$1.6 trillion"})
    void writesFiguresAsPeopleDo(String value, String bound, String thing, String expected) {
        assertThat(FigureFormat.figure(value, bound, thing)).contains(expected);
    }

    @Test
    void aFractionThatRoundsToAWholeNumberIsWrittenWhole() {
        // Found on the full corpus: 2.999 rounded to "3" left no decimal point, and the page's analysis failed.
        assertThat(FigureFormat.number(2.999)).isEqualTo("3");
        assertThat(FigureFormat.number(1234.5)).isEqualTo("1,234.5");
        assertThat(FigureFormat.number(-0.5)).isEqualTo("-0.5");
    }

    @Test
    void aFigureWithoutAUnitIsNotWritten() {
        assertThat(FigureFormat.figure("1500", "exact", "")).isEmpty();
    }

    @Test
    void anAssertionIsNotAFigure() {
        assertThat(FigureFormat.figure("denies sending troops", "assertion", "troops")).isEmpty();
    }

    @Test
    void questionsReadAsQuestions() {
        assertThat(FigurePanel.question("troops", "deployed to Kursk")).isEqualTo("How many troops were deployed to Kursk?");
        assertThat(FigurePanel.question("troops", "training")).isEqualTo("How many troops are training?");
        assertThat(FigurePanel.question("dollars", "reported")).isEqualTo("How much money?");
    }

    @Test
    void linkTextAndTeasersAreNotProse() {
        assertThat(FigurePanel.readable("4 Winners And 4 Losers From The Funding Bill")).isFalse();
        assertThat(FigurePanel.readable("Read more: 2 questions")).isFalse();
        assertThat(FigurePanel.readable("South Korea said 1,500 North Korean troops had arrived in Russia by ship.")).isTrue();
    }
}
