package news.parallax.fetch.eval;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.parallax.fetch.FeedEntry;
import news.parallax.fetch.FeedParseException;
import news.parallax.fetch.FeedParser;
import news.parallax.fetch.ParsedFeed;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link FeedParser} over feedparser's conformance cases: which parse, which crash or hang,
 * and how many of the scored {@code Expect:} lines (links, titles, ids, dates, summaries, encodings)
 * the parsed feed meets. Single-threaded; each parse gets {@link #PARSE_TIMEOUT}.
 */
public final class FeedConformance {
    /** A parse taking longer than this counts as a hang (the suite's feeds are a few kB). */
    public static final Duration PARSE_TIMEOUT = Duration.ofSeconds(10);

    /** How one case ended. */
    public enum Outcome { PARSED, REFUSED, CRASHED, TIMED_OUT }

    /**
     * One case's result.
     *
     * @param error           the parser's message (REFUSED) or the exception (CRASHED); null otherwise
     * @param expectation     the scored expectation; null when the case has none the evaluator can read
     * @param met             whether it was met (false when not parsed)
     * @param linkGiven       the first item had no link and was given one, so its fields could be scored
     */
    public record CaseResult(ConformanceCase c, Outcome outcome, @Nullable String error,
            @Nullable Expectation expectation, boolean met, boolean linkGiven, @Nullable ParsedFeed feed) {}

    private final FeedParser parser;

    public FeedConformance(FeedParser parser) {
        this.parser = parser;
    }

    /** Parses every case on one worker thread, each within {@link #PARSE_TIMEOUT}. */
    public List<CaseResult> run(List<ConformanceCase> cases) {
        List<CaseResult> results = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        try {
            for (ConformanceCase c : cases) {
                Future<ParsedFeed> f = worker.submit(() -> parse(c));
                Expectation exp = Expectation.parse(c.expect()).orElse(null);
                try {
                    ParsedFeed feed = f.get(PARSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    boolean met = exp != null && exp.test(fields(feed));
                    results.add(new CaseResult(c, Outcome.PARSED, null, exp, met, linkGiven(feed), feed));
                } catch (TimeoutException e) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(daemon()); // the hung thread is abandoned
                    results.add(new CaseResult(c, Outcome.TIMED_OUT, "no result after " + PARSE_TIMEOUT, exp, false, false, null));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof FeedParseException refused) {
                        results.add(new CaseResult(c, Outcome.REFUSED, refused.getMessage(), exp, false, false, null));
                    } else {
                        results.add(new CaseResult(c, Outcome.CRASHED, String.valueOf(cause), exp, false, false, null));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return results;
    }

    /**
     * Parses every case {@code passes} times on the calling thread; returns feeds per CPU-second of that
     * thread (wall time on a shared machine measures the neighbours more than the parser).
     */
    public double speed(List<ConformanceCase> cases, int passes) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < passes; i++) {
            for (ConformanceCase c : cases) {
                try {
                    parse(c);
                } catch (Exception e) {
                    // refusals and crashes are counted by run(); here only time matters
                }
            }
        }
        double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        return cases.size() * (double) passes / seconds;
    }

    ParsedFeed parse(ConformanceCase c) throws FeedParseException {
        return parser.parse(c.body(), c.url(), c.contentType(), c.contentLocation());
    }

    private static boolean linkGiven(ParsedFeed feed) {
        return !feed.entries().isEmpty() && FeedParser.LINK_GIVEN.equals(feed.entries().get(0).note());
    }

    /** The parsed feed's fields under feedparser's names. */
    static Expectation.Fields fields(ParsedFeed feed) {
        return new Expectation.Fields() {
            @Override
            public Optional<Object> value(int index, String key) {
                if (index < 0) {
                    // The parser reads a feed's title and link only (ids, dates, descriptions of the channel
                    // are not needed by a news reader): expectations on other channel fields are not scored.
                    return switch (key) {
                        case "title" -> Optional.of(feed.title());
                        case "link" -> Optional.ofNullable(feed.link());
                        default -> Optional.empty();
                    };
                }
                if (index >= feed.entries().size()) return Optional.empty();
                FeedEntry e = feed.entries().get(index);
                return switch (Expectation.categoryOf(key)) {
                    case LINK -> Optional.of(e.url());
                    case TITLE -> Optional.of(e.title());
                    case ID -> Optional.ofNullable(e.guid());
                    case DATE -> Optional.ofNullable(e.published()).map(FeedConformance::tuple);
                    case SUMMARY -> Optional.of(e.summary());
                    case null, default -> Optional.empty();
                };
            }

            @Override
            public @Nullable String encoding() {
                return feed.encoding();
            }
        };
    }

    /** The date parser scored on the date strings: the one {@link FeedParser} uses. */
    public static @Nullable Instant parseDate(String s) {
        return news.parallax.model.Dates.parse(s).orElse(null);
    }

    /** A UTC time as the first six fields of Python's struct_time. */
    static List<Long> tuple(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return List.of((long) d.getYear(), (long) d.getMonthValue(), (long) d.getDayOfMonth(), (long) d.getHour(),
                (long) d.getMinute(), (long) d.getSecond());
    }

    /** Per folder: cases, outcomes and, per category, expectations met out of scored. */
    public static String table(List<CaseResult> results) {
        Map<String, List<CaseResult>> byFolder = new TreeMap<>();
        for (CaseResult r : results) byFolder.computeIfAbsent(r.c().folder(), k -> new ArrayList<>()).add(r);
        byFolder.put("all", results);
        StringBuilder sb = new StringBuilder(String.format("%-11s %6s %6s %7s %7s %5s", "folder", "cases", "parsed",
                "refused", "crashed", "hung"));
        for (Expectation.Category k : Expectation.Category.values())
            sb.append(String.format(" %15s", k.name().toLowerCase(java.util.Locale.ROOT)));
        sb.append(String.format(" %15s%n", "all scored"));
        for (Map.Entry<String, List<CaseResult>> e : byFolder.entrySet()) {
            List<CaseResult> rs = e.getValue();
            Map<Expectation.Category, int[]> counts = new EnumMap<>(Expectation.Category.class);
            int[] all = new int[2];
            int[] outcomes = new int[Outcome.values().length];
            for (CaseResult r : rs) {
                outcomes[r.outcome().ordinal()]++;
                if (r.expectation() == null) continue;
                int[] c = counts.computeIfAbsent(r.expectation().category(), k -> new int[2]);
                c[1]++;
                all[1]++;
                if (r.met()) {
                    c[0]++;
                    all[0]++;
                }
            }
            sb.append(String.format("%-11s %6d %6d %7d %7d %5d", e.getKey(), rs.size(), outcomes[0], outcomes[1],
                    outcomes[2], outcomes[3]));
            for (Expectation.Category k : Expectation.Category.values()) sb.append(String.format(" %15s", ratio(counts.get(k))));
            sb.append(String.format(" %15s%n", ratio(all)));
        }
        return sb.toString();
    }

    private static String ratio(int @Nullable [] c) {
        if (c == null || c[1] == 0) return "-";
        return String.format("%d/%d %3.0f%%", c[0], c[1], 100.0 * c[0] / c[1]);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "eval-feeds");
            t.setDaemon(true);
            return t;
        };
    }
}
