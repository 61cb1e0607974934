package news.parallax.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import news.parallax.fetch.FeedParser;
import news.parallax.fetch.eval.ConformanceCase;
import news.parallax.fetch.eval.DateCases;
import news.parallax.fetch.eval.FeedConformance;
import news.parallax.fetch.eval.FeedConformance.CaseResult;
import news.parallax.fetch.eval.FeedConformance.Outcome;
import news.parallax.fetch.eval.FeedMutations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval-feeds DIR}: the feed parser against feedparser's conformance cases and date strings. */
@Command(name = "eval-feeds", mixinStandardHelpOptions = true,
        description = "Parse every feed of feedparser's conformance suite, score the Expect: lines about links, titles, "
                + "ids, dates, summaries and encodings by folder, score the date strings, check random mutations "
                + "for crashes and hangs, and time the parser.")
public final class EvalFeedsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The conformance folder (wellformed/, illformed/, ..., test_date_parsers.py).")
    Path dir;

    @Option(names = "--mutations", description = "Random mutations of the cases to parse (truncation, byte flips, "
            + "encoding swaps, stray markup); 0 skips. Default: ${DEFAULT-VALUE}.", defaultValue = "2000")
    int mutations;

    @Option(names = "--seed", description = "Seed of the mutations. Default: ${DEFAULT-VALUE}.", defaultValue = "20")
    long seed;

    @Option(names = "--passes", description = "Timed passes over the suite for the speed figure. Default: ${DEFAULT-VALUE}.",
            defaultValue = "3")
    int passes;

    @Option(names = "--failures", description = "List every scored expectation not met, and every date string missed.")
    boolean failures;

    /** Runs the command on its own, before or without {@code Main}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EvalFeedsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.err.println("eval-feeds: not a directory: " + dir);
            return 2;
        }
        List<ConformanceCase> cases = ConformanceCase.load(dir);
        if (cases.isEmpty()) {
            System.err.println("eval-feeds: no .xml or .json cases under " + dir);
            return 2;
        }
        FeedConformance conformance = new FeedConformance(new FeedParser(news.parallax.fetch.FetchConfig.DEFAULT_MAX_BODY_BYTES,
                java.time.Clock.systemUTC(), true));
        List<CaseResult> results = conformance.run(cases);
        long scored = results.stream().filter(r -> r.expectation() != null).count();
        System.out.println(cases.size() + " cases from " + dir + "; " + scored + " with an Expect: line about links, titles, "
                + "ids, dates, summaries or the encoding (bozo, feedparser's well-formedness flag, is not scored). "
                + "Titles and summaries are compared as text: markup of the expected value stripped, whitespace collapsed.");
        long given = results.stream().filter(CaseResult::linkGiven).count();
        System.out.println(given + " cases had a first item without a link and were given one (the feed URL) to score it.");
        System.out.print(FeedConformance.table(results));
        for (CaseResult r : results) {
            if (r.outcome() == Outcome.CRASHED || r.outcome() == Outcome.TIMED_OUT)
                System.out.println(r.outcome() + " " + r.c().file() + ": " + r.error());
        }
        if (failures) {
            for (CaseResult r : results) {
                if (r.expectation() != null && !r.met())
                    System.out.println("unmet " + r.c().file() + " [" + r.outcome() + (r.error() == null ? "" : ": " + r.error())
                            + "] " + r.expectation().source() + describe(r));
            }
        }
        Path dateFile = dir.resolve("test_date_parsers.py");
        if (Files.isRegularFile(dateFile)) {
            List<DateCases.DateCase> dates = DateCases.load(dateFile);
            DateCases.Score s = DateCases.score(dates, FeedConformance::parseDate);
            System.out.printf(Locale.ROOT, "date strings: valid %d, read right %d (%.1f%%), wrong %d, not read %d; invalid %d, "
                    + "rejected %d (%.1f%%)%n", s.valid(), s.validRight(), 100.0 * s.validRight() / Math.max(1, s.valid()),
                    s.validWrong(), s.validMissed(), s.invalid(), s.invalidRejected(),
                    100.0 * s.invalidRejected() / Math.max(1, s.invalid()));
            if (failures) s.failures().forEach(f -> System.out.println("date " + f));
        } else {
            System.out.println("date strings: no " + dateFile);
        }
        if (mutations > 0) {
            List<CaseResult> mutants = conformance.run(FeedMutations.mutate(cases, mutations, seed));
            long parsed = mutants.stream().filter(r -> r.outcome() == Outcome.PARSED).count();
            long refused = mutants.stream().filter(r -> r.outcome() == Outcome.REFUSED).count();
            List<CaseResult> bad = mutants.stream()
                    .filter(r -> r.outcome() == Outcome.CRASHED || r.outcome() == Outcome.TIMED_OUT).toList();
            System.out.printf(Locale.ROOT, "mutations: %d (seed %d): parsed %d, refused with the parser's own error %d, "
                    + "other exceptions %d, timeouts %d%n", mutants.size(), seed, parsed, refused,
                    bad.stream().filter(r -> r.outcome() == Outcome.CRASHED).count(),
                    bad.stream().filter(r -> r.outcome() == Outcome.TIMED_OUT).count());
            bad.stream().limit(20).forEach(r -> System.out.println("  " + r.outcome() + " " + r.c().file() + ": " + r.error()));
        }
        conformance.speed(cases, 1); // warm-up
        double perSecond = conformance.speed(cases, passes);
        System.out.printf(Locale.ROOT, "speed: %.0f feeds per CPU-second (one thread, %d passes over %d cases, parsing only)%n",
                perSecond, passes, cases.size());
        return 0;
    }

    private static String describe(CaseResult r) {
        if (r.feed() == null) return "";
        var f = r.feed();
        String first = f.entries().isEmpty() ? "no entries" : "entry0=" + f.entries().get(0);
        return "\n    got: title=\"" + f.title() + "\" " + first;
    }
}
