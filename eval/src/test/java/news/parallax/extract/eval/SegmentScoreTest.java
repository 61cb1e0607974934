package news.parallax.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentScoreTest {
    static final Path DATA = Path.of("../shared/data/extraction-dev/trafilatura-eval");

    private static SegmentPage page(List<String> with, List<String> without) {
        return new SegmentPage("https://example.org/a", "a.html", Path.of("a.html.gz"), with, without);
    }

    @Test
    void segmentsAreFoundAfterWhitespaceNormalisation() {
        SegmentPage p = page(List.of("the tram  line", "missing words"), List.of("Share this", "Impressum"));
        SegmentScore s = SegmentScore.of("The council said the tram\n\nline opens.\u00A0Share\tthis", p);
        assertThat(s).isEqualTo(new SegmentScore(1, 1, 1, 1));
    }

    @Test
    void countsAreSummedBeforeTheRatios() {
        SegmentScore a = new SegmentScore(3, 1, 1, 3);
        SegmentScore b = new SegmentScore(1, 3, 0, 4);
        SegmentScore s = a.plus(b);
        assertThat(s.precision()).isEqualTo(4.0 / 5);
        assertThat(s.recall()).isEqualTo(4.0 / 8);
        assertThat(s.accuracy()).isEqualTo(11.0 / 16);
        assertThat(s.f1()).isEqualTo(2 * 0.8 * 0.5 / 1.3, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void splitIsFixedAndHoldsOutAboutAThird() {
        assertThat(Split.isHoldout("a.html")).isEqualTo(Split.isHoldout("a.html"));
        int held = 0;
        for (int i = 0; i < 3000; i++) if (Split.isHoldout("page-" + i + ".html")) held++;
        assertThat(held).isBetween(900, 1100);
        assertThat(Split.Part.TUNE.includes("x") ^ Split.Part.HOLDOUT.includes("x")).isTrue();
        assertThat(Split.Part.ALL.includes("x")).isTrue();
    }

    @Test
    void segmentSetLoadsWithItsPublishedFigures() throws Exception {
        assumeTrue(Files.isRegularFile(DATA.resolve("evaldata.json")), "trafilatura-eval absent at " + DATA.toAbsolutePath() + "; skipping");
        List<SegmentPage> pages = SegmentPage.load(DATA);
        assertThat(pages).hasSize(990);
        assertThat(pages.stream().mapToInt(p -> p.with().size()).sum()).isEqualTo(2951);
        assertThat(pages.stream().mapToInt(p -> p.without().size()).sum()).isEqualTo(2966);
        var published = ExtractionEvaluation.publishedResults(DATA.resolve("README.md"));
        assertThat(published).extracting(ExtractionEvaluation.PublishedResult::name).contains("trafilatura 2.2.0 (standard)");
        assertThat(published.getFirst().f1()).isEqualTo(0.924);
    }
}
