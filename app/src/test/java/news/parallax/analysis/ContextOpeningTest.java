package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sentences that lean on the one before them are discounted as summary sentences and key points. */
class ContextOpeningTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Key points read on the top stories, each meaningless without the sentence before it.
        "In that phone interview, she shared similar details of the allegation.|true",
        "Similarly, online news coverage has mentioned Reade's allegations less often.|true",
        "The strikes come after top Iranian Gen. Qassem Soleimani was killed in a U.S. drone strike.|true",
        "The move came as the president faced pressure from Republicans.|true",
        "However, the Senate voted 51-49 against calling witnesses.|true",
        "It’s Alex Burns in Las Vegas, where the debate was held.|true",
        // Sentences that stand on their own.
        "The U.S. military carried out air strikes on Sunday against the Kataib Hezbollah militia.|false",
        "Thousands of protesters marched in Minneapolis on Friday.|false",
        "Thenceforth is a word nobody uses.|false",
        "In Minneapolis, protesters gathered for a fourth night.|false",
        "The strike that took out Soleimani also killed the militia's leader.|false",
    })
    void aSentenceThatLeansOnTheOneBeforeIsRecognised(String sentence, boolean leans) {
        assertThat(ExtractiveSummarizer.leansOnContext(sentence)).isEqualTo(leans);
    }
}
