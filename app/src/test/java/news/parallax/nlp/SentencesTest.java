package news.parallax.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SentencesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "Police said the alleged attack on Jan. 29 was staged by the actor himself.",
            "Virginia Gov. Ralph Northam said Saturday he would not resign.",
            "The letter was signed by Sen. Elizabeth Warren and Rep. Ro Khanna last week.",
            "He met U.S. officials in Hanoi on Wednesday to prepare the summit.",
            "The vigil was held at St. Patrick's Cathedral in New York on Sunday.",
            "Judge Brett M. Kavanaugh joined the majority in the ruling on Wednesday.",
            "The U.S. Rep. from Texas said the wall would be built anyway."})
    void keepsAbbreviationsInsideOneSentence(String sentence) {
        assertThat(Sentences.split(sentence)).containsExactly(sentence);
    }

    @Test
    void stillEndsSentencesThatEnd() {
        assertThat(Sentences.split("The vote was set for Feb. 26 in the House. Democrats said they had the votes."))
                .containsExactly("The vote was set for Feb. 26 in the House.", "Democrats said they had the votes.");
    }
}
