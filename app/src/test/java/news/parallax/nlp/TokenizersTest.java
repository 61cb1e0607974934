package news.parallax.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** {@link Tokenizers#english()} cuts every sentence where OpenNLP's own tokenizer does, with the same probabilities. */
class TokenizersTest {
    private static final int CORPUS_ARTICLES = 300;

    private static final List<String> WRITTEN = List.of(
            "Police said 5,000 people attended; organisers said 50,000.",
            "The unemployment rate fell to 4.1% in March, the lowest since 2000.",
            "\"We won't back down,\" Sen. Elizabeth Warren told reporters on Tuesday.",
            "About 43-to-45 percent of likely voters (U.S. adults) say they approve.",
            "e-mail: info@example.com, http://example.com/a?b=1 -- $1.5bn",
            "",
            "Troops");

    @Test
    void tokenizesAsOpenNlpDoes() throws IOException {
        TokenizerME reference = new TokenizerME(OpenNlpModels.tokens());
        TokenizerME indexed = Tokenizers.english();
        List<String> sentences = new ArrayList<>(WRITTEN);
        sentences.addAll(CorpusSentences.ofFirst(CORPUS_ARTICLES));
        List<String> differ = new ArrayList<>();
        for (String s : sentences) {
            Span[] expected = reference.tokenizePos(s);
            double[] expectedProbs = reference.getTokenProbabilities();
            Span[] actual = indexed.tokenizePos(s);
            if (!List.of(expected).equals(List.of(actual))
                    || !java.util.Arrays.equals(expectedProbs, indexed.getTokenProbabilities())) {
                differ.add(s);
            }
        }
        assertThat(sentences).hasSizeGreaterThan(3_000);
        assertThat(differ).as("sentences tokenised differently").isEmpty();
    }

    @Test
    void eachTokenizerKeepsItsOwnState() {
        TokenizerME a = Tokenizers.english();
        TokenizerME b = Tokenizers.english();
        String[] first = a.tokenize("The report, released Monday, counted 12 deaths.");
        b.tokenize("Nothing here is the same.");
        assertThat(a.tokenize("The report, released Monday, counted 12 deaths.")).containsExactly(first);
        assertThat(first).contains("report", ",", "12", "deaths", ".");
    }
}
