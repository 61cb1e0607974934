package news.parallax.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.parallax.extract.HtmlExtractors;
import org.junit.jupiter.api.Test;

/** Reads the Fundus development set from ../shared/data when it is there; skips otherwise. */
class FundusEvaluationTest {
    static final Path DATA = Path.of("../shared/data/extraction-dev/fundus");

    @Test
    void versionsSortNumericallyPartByPart() {
        List<String> keys = new java.util.ArrayList<>(List.of("V2", "V1_1", "V10", "V1", "V2_1"));
        keys.sort(FundusPage::compareVersions);
        assertThat(keys).containsExactly("V1", "V1_1", "V2", "V2_1", "V10");
    }

    @Test
    void sameDayComparesInTheLabelsOwnOffset() {
        var got = java.time.OffsetDateTime.parse("2024-05-03T23:30:00-04:00"); // 03:30 UTC on the 4th
        assertThat(ExtractionEvaluation.sameDay(got, "2024-05-04 03:30:00+00:00")).isTrue();
        assertThat(ExtractionEvaluation.sameDay(got, "2024-05-03 00:00:00")).isTrue(); // no offset: the page's own day
        assertThat(ExtractionEvaluation.sameDay(got, "2024-05-05")).isFalse();
    }

    @Test
    void labelledPagesLoadAndAGermanAndAnEnglishPageScoreWell() throws Exception {
        assumeTrue(Files.isDirectory(DATA), "Fundus data absent at " + DATA.toAbsolutePath() + "; skipping");
        List<FundusPage> pages = FundusPage.load(DATA);
        assertThat(pages).hasSizeGreaterThan(200);
        assertThat(pages).allSatisfy(p -> assertThat(p.expectedBody()).isNotBlank());
        // A small sample keeps the default suite fast; the full run is `eval-extract`.
        List<FundusPage> sample = pages.stream().filter(p -> p.country().equals("us") || p.country().equals("de")).limit(12).toList();
        Map<FundusPage, byte[]> html = ExtractionEvaluation.readAll(sample);
        var results = ExtractionEvaluation.run(ExtractionEvaluation.parallax(HtmlExtractors.standard()), sample, html);
        var summary = ExtractionEvaluation.summarize("parallax", "sample", results, p -> true);
        assertThat(summary.f1()).isGreaterThan(0.8);
    }
}
