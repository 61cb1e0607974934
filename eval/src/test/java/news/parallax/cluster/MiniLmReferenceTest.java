package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The product's own MiniLM runner against langchain4j's wrapper of the same model files (the reference bench-embed times). */
class MiniLmReferenceTest {
    private static final List<String> TEXTS = List.of(
            "Senate passes $1.2 trillion infrastructure bill after months of talks.",
            "Senators approve the bipartisan public works package; it now goes to the House",
            "A cat sleeps on the sofa all afternoon.",
            "Zelensky: « Nous ne céderons pas » — Kyiv's mayor on the 3rd night of strikes",
            "Fed raises rates by 0.75 percentage point, the largest increase since 1994",
            // Longer than the tokenizer's 128 tokens: both cut it at the same place.
            "Markets ".repeat(200) + "closed higher.",
            "   ");

    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void vectorsMatchLangchain4jsModel() {
        List<float[]> all = new MiniLmEmbedder().embedAll(TEXTS);
        List<float[]> expected = new LangChainMiniLm().embedAll(TEXTS);
        assertThat(all).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(all.get(i)).hasSize(384);
            assertThat(maxDiff(all.get(i), expected.get(i))).as("text %d", i).isLessThan(1e-5);
        }
    }
}
