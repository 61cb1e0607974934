package news.parallax.extract.eval;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import net.dankito.readability4j.Readability4J;
import news.parallax.extract.ExtractedPage;
import news.parallax.extract.HtmlExtractor;
import news.parallax.extract.HtmlExtractors;
import org.jspecify.annotations.Nullable;

/**
 * Runs Parallax's extractor and two Java peers (boilerpipe's ArticleExtractor, Readability4J) over the
 * same labelled pages in one run and tallies body shingle scores, title, date and author accuracy and
 * single-threaded throughput. Peers take strings: they get the page decoded as Parallax decodes it, outside the timing.
 */
public final class ExtractionEvaluation {

    /** What one extractor produced for one page; null fields mean the extractor does not produce them. */
    public record Output(String body, @Nullable String title, @Nullable List<String> authors,
            @Nullable OffsetDateTime published, boolean failed) {}

    /** An extractor under evaluation. */
    public interface Candidate {
        String name();

        /**
         * @param html    the page's bytes, for extractors that decode pages themselves
         * @param decoded the page decoded as Parallax decodes it, for extractors that take strings
         */
        Output run(String location, byte[] html, String decoded) throws Exception;
    }

    /** Per-page result of one candidate. */
    public record PageResult(FundusPage page, Shingles.Score body, @Nullable Boolean titleOk,
            @Nullable Boolean dateOk, @Nullable Boolean authorsOk, long nanos, boolean failed, Output output) {}

    /** Averages over a subset of pages for one candidate. */
    public record Summary(String candidate, String subset, int pages, double precision, double recall, double f1,
            @Nullable Double title, @Nullable Double date, int datePages, @Nullable Double authors,
            double pagesPerSecond, int failures) {}

    public static Candidate parallax(HtmlExtractor extractor) {
        return new Candidate() {
            @Override
            public String name() {
                return "parallax";
            }

            @Override
            public Output run(String location, byte[] html, String decoded) throws Exception {
                ExtractedPage p = extractor.extract(html, location, null);
                return new Output(p.text(), p.title(), p.authors(), p.published(), false);
            }
        };
    }

    public static Candidate boilerpipe() {
        return new Candidate() {
            @Override
            public String name() {
                return "boilerpipe";
            }

            @Override
            public Output run(String location, byte[] html, String decoded) throws Exception {
                String text = ArticleExtractor.INSTANCE.getText(decoded);
                return new Output(text == null ? "" : text, null, null, null, false);
            }
        };
    }

    public static Candidate readability4j() {
        return new Candidate() {
            @Override
            public String name() {
                return "readability4j";
            }

            @Override
            public Output run(String location, byte[] html, String decoded) {
                var article = new Readability4J(location.startsWith("http") ? location : "", decoded).parse();
                String text = article.getTextContent();
                return new Output(text == null ? "" : text, article.getTitle(), null, null, false);
            }
        };
    }

    /**
     * Runs one candidate over all pages. Time is the thread's CPU time, not wall time: the evaluation
     * machine is shared, and CPU time is what other processes disturb least.
     */
    public static List<PageResult> run(Candidate candidate, List<FundusPage> pages, Map<FundusPage, byte[]> html) {
        List<PageResult> out = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (FundusPage page : pages) {
            byte[] bytes = Objects.requireNonNull(html.get(page), () -> "no HTML read for " + page.file());
            String decoded = HtmlExtractors.decode(bytes, null);
            long start = cpu.getCurrentThreadCpuTime();
            Output o = runOne(candidate, page.url().isEmpty() ? page.file().toString() : page.url(), bytes, decoded);
            long nanos = cpu.getCurrentThreadCpuTime() - start;
            Shingles.Score body = Shingles.score(o.body(), page.expectedBody());
            Boolean titleOk = candidate.name().equals("boilerpipe") ? null : o.failed() ? Boolean.FALSE
                    : o.title() != null && normalize(o.title()).equals(normalize(page.expectedTitle()));
            Boolean dateOk = !candidate.name().equals("parallax") || page.expectedDate() == null ? null
                    : sameDay(o.published(), page.expectedDate());
            Boolean authorsOk = !candidate.name().equals("parallax") ? null : authorSet(o.authors()).equals(authorSet(page.expectedAuthors()));
            out.add(new PageResult(page, body, titleOk, dateOk, authorsOk, nanos, o.failed(), o));
        }
        return out;
    }

    /** Runs one candidate on one page; an exception or stack overflow is a failed page with no text. */
    static Output runOne(Candidate candidate, String location, byte[] html, String decoded) {
        try {
            return candidate.run(location, html, decoded);
        } catch (Exception | StackOverflowError e) {
            return new Output("", null, null, null, true);
        }
    }

    /** Per-page segment counts of one candidate on the segment set, with CPU time. */
    public record SegmentResult(SegmentPage page, SegmentScore score, long nanos, boolean failed, Output output) {}

    /** Totals of one candidate over a part of the segment set. */
    public record SegmentSummary(String candidate, String subset, int pages, SegmentScore score, double pagesPerSecond, int failures) {}

    /** Runs one candidate over segment pages (bytes already read); time as in {@link #run}. */
    public static List<SegmentResult> runSegments(Candidate candidate, List<SegmentPage> pages, Map<SegmentPage, byte[]> html) {
        List<SegmentResult> out = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (SegmentPage page : pages) {
            byte[] bytes = Objects.requireNonNull(html.get(page), () -> "no HTML read for " + page.file());
            String decoded = HtmlExtractors.decode(bytes, null);
            long start = cpu.getCurrentThreadCpuTime();
            Output o = runOne(candidate, page.url(), bytes, decoded);
            long nanos = cpu.getCurrentThreadCpuTime() - start;
            out.add(new SegmentResult(page, SegmentScore.of(o.body(), page), nanos, o.failed(), o));
        }
        return out;
    }

    public static SegmentSummary summarizeSegments(String candidate, String subset, List<SegmentResult> results) {
        SegmentScore total = SegmentScore.ZERO;
        long nanos = 0;
        int failures = 0;
        for (SegmentResult r : results) {
            total = total.plus(r.score());
            nanos += r.nanos();
            if (r.failed()) failures++;
        }
        return new SegmentSummary(candidate, subset, results.size(), total, nanos == 0 ? 0 : results.size() / (nanos / 1e9), failures);
    }

    /** The printed table of segment scores, one row per candidate (ours and published ones). */
    public static String segmentTable(List<SegmentSummary> rows, List<PublishedResult> published) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-36s %-8s %5s %9s %7s %9s %7s %11s %5s%n",
                "extractor", "part", "pages", "precision", "recall", "accuracy", "F1", "pages/cpu-s", "fail"));
        for (SegmentSummary s : rows) {
            SegmentScore c = s.score();
            b.append(String.format(Locale.ROOT, "%-36s %-8s %5d %9.3f %7.3f %9.3f %7.4f %11.1f %5d%n", s.candidate(), s.subset(),
                    s.pages(), c.precision(), c.recall(), c.accuracy(), c.f1(), s.pagesPerSecond(), s.failures()));
        }
        for (PublishedResult p : published) {
            b.append(String.format(Locale.ROOT, "%-36s %-8s %5s %9.3f %7.3f %9.3f %7.3f %11s %5s%n", p.name() + " (published)", "all",
                    "-", p.precision(), p.recall(), p.accuracy(), p.f1(), "-", "-"));
        }
        return b.toString();
    }

    /** A published result on the whole segment set, as its README's table gives it. */
    public record PublishedResult(String name, double precision, double recall, double accuracy, double f1) {}

    /**
     * The published results from the set's README: rows of a Markdown table whose last four cells are
     * precision, recall, accuracy and F1. Empty when the README is absent.
     */
    public static List<PublishedResult> publishedResults(java.nio.file.Path readme) throws java.io.IOException {
        List<PublishedResult> out = new ArrayList<>();
        if (!java.nio.file.Files.isRegularFile(readme)) return out;
        for (String line : java.nio.file.Files.readAllLines(readme)) {
            String[] cells = line.trim().split("\\s*\\|\\s*");
            // "| name | p | r | a | f1 |" splits into "", name, p, r, a, f1.
            if (cells.length != 6 || !cells[0].isEmpty()) continue;
            try {
                out.add(new PublishedResult(cells[1], Double.parseDouble(cells[2]), Double.parseDouble(cells[3]),
                        Double.parseDouble(cells[4]), Double.parseDouble(cells[5])));
            } catch (NumberFormatException notANumberRow) {
                // the header and separator rows
            }
        }
        return out;
    }

    public static Summary summarize(String candidate, String subset, List<PageResult> results, Predicate<FundusPage> filter) {
        int n = 0;
        int failures = 0;
        double p = 0, r = 0, f = 0;
        int titles = 0, titleOk = 0, dates = 0, dateOk = 0, authors = 0, authorsOk = 0;
        long nanos = 0;
        for (PageResult res : results) {
            if (!filter.test(res.page())) continue;
            n++;
            if (res.failed()) failures++;
            p += res.body().precision();
            r += res.body().recall();
            f += res.body().f1();
            nanos += res.nanos();
            if (res.titleOk() != null) { titles++; if (res.titleOk()) titleOk++; }
            if (res.dateOk() != null) { dates++; if (res.dateOk()) dateOk++; }
            if (res.authorsOk() != null) { authors++; if (res.authorsOk()) authorsOk++; }
        }
        return new Summary(candidate, subset, n, p / n, r / n, f / n, titles == 0 ? null : (double) titleOk / titles,
                dates == 0 ? null : (double) dateOk / dates, dates, authors == 0 ? null : (double) authorsOk / authors,
                nanos == 0 ? 0 : n / (nanos / 1e9), failures);
    }

    static String normalize(String s) {
        return s.replaceAll("(?U)[\\s\\u00A0\\u2007\\u202F]+", " ").trim();
    }

    static boolean sameDay(@Nullable OffsetDateTime got, String expected) {
        if (got == null) return false;
        try {
            String e = expected.trim();
            if (e.length() <= 10) return got.toLocalDate().equals(LocalDate.parse(e));
            String iso = e.replace(' ', 'T');
            if (!iso.matches(".*(Z|[+-]\\d{2}:?\\d{2})$")) {
                // No offset in the label: compare with the day as the page itself states it.
                return got.toLocalDate().equals(java.time.LocalDateTime.parse(iso).toLocalDate());
            }
            OffsetDateTime want = OffsetDateTime.parse(iso);
            return got.withOffsetSameInstant(want.getOffset()).toLocalDate().equals(want.toLocalDate());
        } catch (DateTimeParseException ex) {
            return false;
        }
    }

    static Set<String> authorSet(@Nullable List<String> names) {
        Set<String> out = new HashSet<>();
        if (names == null) return out;
        for (String n : names) out.add(normalize(n).toLowerCase(Locale.ROOT));
        return out;
    }

    /** The printed table: one row per candidate and subset. */
    public static String table(List<Summary> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-14s %-11s %5s %7s %7s %7s %7s %7s %7s %11s %5s%n",
                "extractor", "subset", "pages", "body P", "body R", "body F1", "title", "date", "authors", "pages/cpu-s", "fail"));
        for (Summary s : rows) {
            b.append(String.format(Locale.ROOT, "%-14s %-11s %5d %7.3f %7.3f %7.4f %7s %7s %7s %11.1f %5d%n",
                    s.candidate(), s.subset(), s.pages(), s.precision(), s.recall(), s.f1(), pct(s.title()),
                    pct(s.date()), pct(s.authors()), s.pagesPerSecond(), s.failures()));
        }
        return b.toString();
    }

    private static String pct(@Nullable Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** Loads every page once so that reading and unzipping stay out of the timings. */
    public static Map<FundusPage, byte[]> readAll(List<FundusPage> pages) {
        Map<FundusPage, byte[]> out = new LinkedHashMap<>();
        for (FundusPage p : pages) out.put(p, p.html());
        return out;
    }
}
