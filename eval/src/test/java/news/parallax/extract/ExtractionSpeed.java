package news.parallax.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dankito.readability4j.Readability4J;
import news.parallax.extract.eval.FundusPage;
import news.parallax.extract.eval.SegmentPage;
import news.parallax.extract.eval.Split;

/**
 * Evidence tool (test scope): CPU time and wall time per page of Parallax's extractor against Readability4J on
 * the same pages, in alternating rounds after warm-up passes, so that a change of load on the shared machine hits
 * both alike. Readability4J gets the page already decoded (as in {@code eval-extract}); Parallax gets bytes. With
 * {@code --only parallax} it runs Parallax alone, for a profiler.
 *
 * <pre>java -cp eval/target/test-classes:$EVAL_CP news.parallax.extract.ExtractionSpeed DIR [tune|holdout|all] ROUNDS WARMUP [--only parallax]</pre>
 */
public final class ExtractionSpeed {
    private ExtractionSpeed() {}

    record Page(String url, byte[] html, String decoded) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Split.Part part = Split.Part.valueOf(args[1].toUpperCase(Locale.ROOT));
        int rounds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        boolean onlyParallax = List.of(args).contains("parallax");
        List<Page> pages = new ArrayList<>();
        if (SegmentPage.isSegmentSet(dir)) {
            for (SegmentPage p : SegmentPage.load(dir)) {
                if (part.includes(p.file())) pages.add(page(p.url(), p.html()));
            }
        } else {
            for (FundusPage p : FundusPage.load(dir)) {
                if (part.includes(p.publisherLabel())) pages.add(page(p.url().isEmpty() ? p.file().toString() : p.url(), p.html()));
            }
        }
        HtmlExtractor x = HtmlExtractors.standard();
        for (int i = 0; i < warmup; i++) {
            parallax(x, pages);
            if (!onlyParallax) readability(pages);
        }
        long[] ours = new long[2], theirs = new long[2];
        for (int r = 0; r < rounds; r++) {
            long[] a = parallax(x, pages);
            ours[0] += a[0];
            ours[1] += a[1];
            if (onlyParallax) {
                System.out.printf(Locale.ROOT, "round %d: parallax %.3f ms CPU/page%n", r, a[0] / 1e6 / pages.size());
                continue;
            }
            long[] b = readability(pages);
            theirs[0] += b[0];
            theirs[1] += b[1];
            System.out.printf(Locale.ROOT, "round %d: parallax %.3f ms CPU/page, readability4j %.3f: %.2fx CPU, %.2fx wall%n", r,
                    a[0] / 1e6 / pages.size(), b[0] / 1e6 / pages.size(), (double) b[0] / a[0], (double) b[1] / a[1]);
        }
        double n = (double) rounds * pages.size();
        System.out.printf(Locale.ROOT, "%d pages x %d rounds: parallax %.3f ms CPU (%.3f wall) per page", pages.size(), rounds,
                ours[0] / 1e6 / n, ours[1] / 1e6 / n);
        if (!onlyParallax) {
            System.out.printf(Locale.ROOT, "; readability4j %.3f ms CPU (%.3f wall); ratio %.2fx CPU, %.2fx wall", theirs[0] / 1e6 / n,
                    theirs[1] / 1e6 / n, (double) theirs[0] / ours[0], (double) theirs[1] / ours[1]);
        }
        System.out.println();
    }

    private static Page page(String url, byte[] html) {
        return new Page(url, html, HtmlExtractors.decode(html, null));
    }

    private static long[] parallax(HtmlExtractor x, List<Page> pages) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
        for (Page p : pages) {
            try {
                x.extract(p.html(), p.url(), null);
            } catch (ExtractionException e) {
                // counted like a page
            }
        }
        return new long[] {cpu.getCurrentThreadCpuTime() - c0, System.nanoTime() - w0};
    }

    private static long[] readability(List<Page> pages) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
        for (Page p : pages) {
            try {
                new Readability4J(p.url().startsWith("http") ? p.url() : "", p.decoded()).parse().getTextContent();
            } catch (RuntimeException | StackOverflowError e) {
                // one page fails in Readability4J
            }
        }
        return new long[] {cpu.getCurrentThreadCpuTime() - c0, System.nanoTime() - w0};
    }
}
