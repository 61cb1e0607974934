package news.parallax.fetch.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import news.parallax.fetch.FeedParser;
import news.parallax.fetch.FetchConfig;
import news.parallax.fetch.eval.FeedConformance.CaseResult;
import news.parallax.fetch.eval.FeedConformance.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** feedparser's conformance suite (../shared/data/feeds-conformance): floors of issue 20. Skips when the data is absent. */
class FeedConformanceTest {
    private static final Path SUITE = Path.of("../shared/data/feeds-conformance");
    private static List<ConformanceCase> cases = List.of();
    private final FeedConformance conformance =
            new FeedConformance(new FeedParser(FetchConfig.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC(), true));

    @BeforeAll
    static void load() {
        if (Files.isDirectory(SUITE)) cases = ConformanceCase.load(SUITE);
    }

    private static void requireSuite() {
        assumeTrue(!cases.isEmpty(), "feed conformance suite absent: " + SUITE.toAbsolutePath() + " (see ../shared/data/README.md)");
    }

    @Test
    void everyCaseEndsWithoutForeignExceptionOrHang() {
        requireSuite();
        List<CaseResult> results = conformance.run(cases);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.CRASHED || r.outcome() == Outcome.TIMED_OUT).isEmpty();
        long parsed = results.stream().filter(r -> r.outcome() == Outcome.PARSED).count();
        assertThat(parsed).isGreaterThanOrEqualTo(cases.size() - 5L); // only empty or non-feed documents are refused
    }

    @Test
    void twoThousandSeededMutationsEndWithoutForeignExceptionOrHang() {
        requireSuite();
        List<CaseResult> results = conformance.run(FeedMutations.mutate(cases, 2_000, 20));
        assertThat(results).hasSize(2_000)
                .filteredOn(r -> r.outcome() == Outcome.CRASHED || r.outcome() == Outcome.TIMED_OUT).isEmpty();
    }

    @Test
    void dateStringsMeetTheIssueFloors() {
        Path file = SUITE.resolve("test_date_parsers.py");
        assumeTrue(Files.isRegularFile(file), "feedparser's date cases absent: " + file.toAbsolutePath());
        DateCases.Score s = DateCases.score(DateCases.load(file), FeedConformance::parseDate);
        assertThat(s.valid()).isGreaterThan(40);
        assertThat((double) s.validRight() / s.valid()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.invalidAccepted()).as("invalid date strings accepted: %s", s.failures()).isZero();
    }
}
