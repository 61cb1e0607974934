package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.model.Claim;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the learned figure decision's hook (not shipped: the product keeps the rules' own figures). Hand-set
 * weights stand in for a trained model so that each test says exactly what the hook must do with them.
 */
class FigureDecisionTest {
    /** "22" has no noun of its own: the rules leave it, a loose reading gives it the sentence's "suspects". */
    private static final String BODY = "Of the 32 suspects identified by police in Cologne, 22 are asylum seekers, "
            + "the ministry said on March 3, 2016.";

    private static List<String> values(FigureDecision decision) {
        Article a = new Article("a1", "Test Outlet", null, null, "", null, List.of(), BODY, "test", "en", Map.of());
        return new ClaimAnalyzer(decision).analyze(List.of(a)).claims().stream().map(Claim::value).toList();
    }

    @Test
    void theRulesDecisionGivesTheProductsFigures() {
        Article a = new Article("a1", "Test Outlet", null, null, "", null, List.of(), BODY, "test", "en", Map.of());
        List<String> product = new ClaimAnalyzer().analyze(List.of(a)).claims().stream().map(Claim::value).toList();
        assertThat(values(FigureDecision.RULES)).isEqualTo(product).contains("32").doesNotContain("22");
    }

    @Test
    void aModelThatKeepsEverythingAddsTheLooseCount() {
        FigureModel keepAll = new FigureModel(Map.of("bias", 5.0), 0.5, true);
        assertThat(values(keepAll)).contains("32", "22");
    }

    @Test
    void aModelDropsWhatItsWeightsSpeakAgainst() {
        // loose candidates and year-like numbers weigh against; the rules' count is kept
        FigureModel m = new FigureModel(Map.of("bias", 5.0, "src=L", -10.0), 0.5, true);
        assertThat(values(m)).contains("32").doesNotContain("22", "2016");
    }

    @Test
    void theModelFileReadsBackAsWritten() throws Exception {
        FigureModel m = new FigureModel(Map.of("bias", 0.25, "k=count|R", 1.5, "w+1=years", -0.75), 0.31, true, 0.8);
        FigureModel back = FigureModel.read(new ByteArrayInputStream(m.write().getBytes(StandardCharsets.UTF_8)));
        assertThat(back.weights()).isEqualTo(m.weights());
        assertThat(back.threshold()).isEqualTo(0.31);
        assertThat(back.loose()).isTrue();
        assertThat(back.thingThreshold()).isEqualTo(0.8);
        assertThat(back.write()).isEqualTo(m.write());
    }

    @Test
    void looseFiguresSkipTheRulesOwnTokens() {
        TaggedSentence s = Tagger.tag("Of the 32 suspects identified by police in Cologne, 22 are asylum seekers.");
        List<Quantity> ruled = new QuantityParser().parse(s);
        List<Quantity> loose = LooseFigures.find(s, ruled, null);
        assertThat(loose).extracting(Quantity::value).containsExactly("22");
        assertThat(loose.get(0).phrase()).isEqualTo("suspects");
    }
}
