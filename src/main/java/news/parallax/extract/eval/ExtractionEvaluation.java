package news.parallax.extract.eval;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.dankito.readability4j.Readability4J;
import news.parallax.extract.ExtractedPage;
import news.parallax.extract.HtmlExtractor;
import org.jspecify.annotations.Nullable;

/**
 * Runs Parallax's extractor and two Java peers (boilerpipe's ArticleExtractor, Readability4J) over the
 * same labelled pages in one run and tallies body shingle scores, title, date and author accuracy and
 * single-threaded throughput. Peers get the page already decoded as UTF-8 text, as they take strings.
 */
public final class ExtractionEvaluation {

    /** What one extractor produced for one page; null fields mean the extractor does not produce them. */
    public record Output(String body, @Nullable String title, @Nullable List<String> authors,
            @Nullable OffsetDateTime published, boolean failed) {}

    /** An extractor under evaluation. */
    public interface Candidate {
        String name();

        Output run(FundusPage page, byte[] html) throws Exception;
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
            public Output run(FundusPage page, byte[] html) throws Exception {
                ExtractedPage p = extractor.extract(html, page.url().isEmpty() ? page.file().toString() : page.url(), null);
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
            public Output run(FundusPage page, byte[] html) throws Exception {
                String text = ArticleExtractor.INSTANCE.getText(new String(html, StandardCharsets.UTF_8));
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
            public Output run(FundusPage page, byte[] html) {
                var article = new Readability4J(page.url(), new String(html, StandardCharsets.UTF_8)).parse();
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
            long start = cpu.getCurrentThreadCpuTime();
            Output o;
            try {
                o = candidate.run(page, html.get(page));
            } catch (Exception | StackOverflowError e) {
                o = new Output("", null, null, null, true);
            }
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
        b.append(String.format(Locale.ROOT, "%-14s %-8s %5s %7s %7s %7s %7s %7s %7s %11s %5s%n",
                "extractor", "subset", "pages", "body P", "body R", "body F1", "title", "date", "authors", "pages/cpu-s", "fail"));
        for (Summary s : rows) {
            b.append(String.format(Locale.ROOT, "%-14s %-8s %5d %7.3f %7.3f %7.3f %7s %7s %7s %11.1f %5d%n",
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
