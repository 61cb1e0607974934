package news.parallax.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** {@link MemoTokenizer} gives the spans OpenNLP's own tokenizer gives, the first time a piece is seen and after. */
class MemoTokenizerTest {
    private static final int CORPUS_ARTICLES = 300;

    private static final List<String> WRITTEN = List.of(
            "Police said 5,000 people attended; organisers said 50,000.",
            "\"We won't back down,\" Sen. Elizabeth Warren told reporters on Tuesday (U.S. time).",
            "e-mail: info@example.com, http://example.com/a?b=1 -- $1.5bn",
            "  two  spaces\tand a tab\nand a line\u00A0and a no-break space\u2009thin  ",
            "Mr. Smith's U.S.-backed plan, i.e. the \"deal\", costs €3.2bn/yr.",
            "",
            " ",
            "a",
            "Troops");

    @Test
    void tokenizesAsOpenNlpDoes() throws IOException {
        TokenizerME reference = new TokenizerME(OpenNlpModels.tokens());
        MemoTokenizer memo = new MemoTokenizer();
        List<String> sentences = new ArrayList<>(WRITTEN);
        sentences.addAll(CorpusSentences.ofFirst(CORPUS_ARTICLES));
        List<String> differ = new ArrayList<>();
        // twice: pieces are cut by the model the first time and remembered the second
        for (int pass = 0; pass < 2; pass++) {
            for (String s : sentences) {
                if (!offsets(reference.tokenizePos(s)).equals(offsets(memo.tokenizePos(s)))) differ.add(s);
            }
        }
        assertThat(sentences).hasSizeGreaterThan(3_000);
        assertThat(differ).as("sentences tokenised differently").isEmpty();
    }

    private static String offsets(Span[] spans) {
        return Arrays.stream(spans).map(s -> s.getStart() + "-" + s.getEnd()).toList().toString();
    }
}
