package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The product's own MiniLM runner (its agreement with langchain4j's wrapper of the same model files: eval's {@code MiniLmReferenceTest}). */
class MiniLmEmbedderTest {
    private static final List<String> TEXTS = List.of(
            "Senate passes $1.2 trillion infrastructure bill after months of talks.",
            "Senators approve the bipartisan public works package; it now goes to the House",
            "A cat sleeps on the sofa all afternoon.",
            "Zelensky: « Nous ne céderons pas » — Kyiv's mayor on the 3rd night of strikes",
            "Fed raises rates by 0.75 percentage point, the largest increase since 1994",
            // Longer than the tokenizer's 128 tokens: both cut it at the same place.
            "Markets ".repeat(200) + "closed higher.",
            "   ",
            "Senate passes $1.2 trillion infrastructure bill after months of talks.");

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += a[i] * b[i];
        return d;
    }

    @Test
    void vectorsAreUnitLengthWhetherPooledOrOneAtATime() {
        Embedder own = new MiniLmEmbedder();
        List<float[]> all = own.embedAll(TEXTS);
        assertThat(all).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(all.get(i)).hasSize(384);
            // One at a time on this thread gives the same as spread over the pool, in input order.
            assertThat(own.embed(TEXTS.get(i))).containsExactly(all.get(i));
            assertThat(dot(all.get(i), all.get(i))).isBetween(0.9999, 1.0001);
        }
        assertThat(all.get(7)).containsExactly(all.get(0));
    }

    @Test
    void similarMeaningsAreCloser() {
        List<float[]> v = new MiniLmEmbedder().embedAll(TEXTS.subList(0, 3));
        double paraphrase = dot(v.get(0), v.get(1)), unrelated = dot(v.get(0), v.get(2));
        assertThat(paraphrase).isGreaterThan(0.4).isGreaterThan(unrelated + 0.3);
    }

    @Test
    void manyTextsComeBackInOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) texts.add("Story number " + i + " about " + (i % 2 == 0 ? "elections" : "storms"));
        Embedder own = new MiniLmEmbedder();
        List<float[]> all = own.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) assertThat(all.get(i)).containsExactly(own.embed(texts.get(i)));
    }
}
