package news.parallax.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import news.parallax.extract.eval.FundusPage;
import news.parallax.extract.eval.SegmentPage;
import news.parallax.extract.eval.Split;

/**
 * Trains {@link BlockClassifier} (test scope; the product only reads the weights it writes). For every page
 * of the TUNE parts of the two development sets, the extractor runs as in production and reports the blocks
 * its rules left out (the classifier's candidates) with their {@link BlockFeatures}; each candidate gets a
 * label where the set gives one:
 * <ul>
 *   <li>segment set: content when a text segment lies in the block or the block in a text segment,
 *       boilerplate likewise for a boilerplate segment, else unlabelled (the set labels a few segments a page);</li>
 *   <li>Fundus: content when the block's letters and digits occur in the labelled body's (short blocks:
 *       when they are a whole labelled line), else boilerplate.</li>
 * </ul>
 * Each set carries half the total weight. The model is an L2-regularised logistic regression fitted by
 * Newton's method. The held-out parts are never read.
 *
 * <pre>mvn -q -o test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     news.parallax.extract.BlockModelTrainer SEGMENT_DIR FUNDUS_DIR OUT_FILE [THRESHOLD]</pre>
 */
public final class BlockModelTrainer {
    /** Strength of the L2 penalty, against a total sample weight equal to the number of examples. */
    static final double L2 = 1.0;
    static final int NEWTON_STEPS = 25;
    /** Shorter keys are matched as whole labelled lines only (accidental substrings otherwise). */
    static final int MIN_SUBSTRING_KEY = 12;

    record Example(double[] x, boolean content, boolean segmentSet) {}

    public static void main(String[] args) throws Exception {
        Path segDir = Path.of(args[0]);
        Path fundusDir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        double threshold = args.length > 3 ? Double.parseDouble(args[3]) : 0.5;

        DefaultHtmlExtractor extractor = new DefaultHtmlExtractor();
        List<Example> examples = new ArrayList<>();
        int segPages = 0, fundusPages = 0;
        for (SegmentPage page : SegmentPage.load(segDir)) {
            if (!Split.Part.TUNE.includes(page.file())) continue;
            segPages++;
            List<String> with = keys(page.with());
            List<String> without = keys(page.without());
            run(extractor, page.html(), page.url(), (blocks, features, candidates) -> {
                for (int i : candidates) {
                    String k = Text.key(blocks.get(i).text());
                    boolean pos = matches(k, with), neg = matches(k, without);
                    if (pos != neg) examples.add(new Example(features.of(i), pos, true));
                }
            });
        }
        for (FundusPage page : FundusPage.load(fundusDir)) {
            if (!Split.Part.TUNE.includes(page.publisherLabel())) continue;
            fundusPages++;
            String body = Text.key(page.expectedBody());
            Set<String> lines = new HashSet<>();
            for (String l : page.expectedBody().split("\n")) lines.add(Text.key(l));
            run(extractor, page.html(), page.url().isEmpty() ? page.file().toString() : page.url(), (blocks, features, candidates) -> {
                for (int i : candidates) {
                    String k = Text.key(blocks.get(i).text());
                    boolean pos = k.length() >= MIN_SUBSTRING_KEY ? body.contains(k) : lines.contains(k);
                    examples.add(new Example(features.of(i), pos, false));
                }
            });
        }
        long seg = examples.stream().filter(Example::segmentSet).count();
        long fun = examples.size() - seg;
        double[] weight = new double[examples.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = examples.size() / 2.0 / (examples.get(i).segmentSet() ? seg : fun);
        }
        double[] beta = fit(examples, weight);
        report(examples, beta);
        StringBuilder b = new StringBuilder();
        b.append("# Block classifier for news.parallax.extract.BlockClassifier: logistic regression over BlockFeatures, over the blocks the rules")
                .append(" left out (a block at or above the threshold is added).\n");
        b.append("# Written by news.parallax.extract.BlockModelTrainer (src/test/java), ").append(Instant.now()).append(":\n");
        b.append("#   java -cp target/classes:target/test-classes:$(cat cp.txt) news.parallax.extract.BlockModelTrainer \\\n");
        b.append("#       ../shared/data/extraction-dev/trafilatura-eval ../shared/data/extraction-dev/fundus ").append(out).append(' ')
                .append(threshold).append('\n');
        b.append(String.format(Locale.ROOT, "# Trained on the TUNE parts only (%d segment pages, %d Fundus pages): %d labelled blocks the rules"
                + " left out (%d segment set, %d Fundus; %d content), each set half the weight; L2 %.1f; threshold chosen on the tune parts.%n",
                segPages, fundusPages, examples.size(), seg, fun, examples.stream().filter(Example::content).count(), L2));
        b.append(String.format(Locale.ROOT, "threshold %.3f%n", threshold));
        for (int j = 0; j < beta.length; j++) {
            b.append(String.format(Locale.ROOT, "%s %.6f%n", BlockFeatures.NAMES.get(j), beta[j]));
        }
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private static void run(DefaultHtmlExtractor extractor, byte[] html, String location, DefaultHtmlExtractor.BlockProbe probe) {
        try {
            extractor.extract(html, location, null, probe);
        } catch (ExtractionException e) {
            // a page with no text has no candidates
        }
    }

    private static List<String> keys(List<String> segments) {
        List<String> out = new ArrayList<>();
        for (String s : segments) {
            String k = Text.key(s);
            if (!k.isEmpty()) out.add(k);
        }
        return out;
    }

    /** The segment lies in the block, or a block long enough not to match by accident lies in the segment. */
    static boolean matches(String block, List<String> segments) {
        if (block.isEmpty()) return false;
        for (String s : segments) {
            if (block.contains(s) || (block.length() >= MIN_SUBSTRING_KEY && s.contains(block))) return true;
        }
        return false;
    }

    static double[] fit(List<Example> examples, double[] weight) {
        int d = BlockFeatures.NAMES.size();
        double[] beta = new double[d];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double[][] h = new double[d][d];
            double[] g = new double[d];
            for (int i = 0; i < examples.size(); i++) {
                double[] x = examples.get(i).x();
                double p = sigmoid(dot(beta, x));
                double y = examples.get(i).content() ? 1 : 0;
                double w = weight[i];
                for (int a = 0; a < d; a++) {
                    g[a] += w * (y - p) * x[a];
                    double wa = w * p * (1 - p) * x[a];
                    if (wa == 0) continue;
                    for (int c = 0; c < d; c++) h[a][c] += wa * x[c];
                }
            }
            for (int a = 0; a < d; a++) {
                g[a] -= L2 * beta[a];
                h[a][a] += L2;
            }
            double[] delta = solve(h, g);
            double change = 0;
            for (int a = 0; a < d; a++) {
                beta[a] += delta[a];
                change = Math.max(change, Math.abs(delta[a]));
            }
            if (change < 1e-6) break;
        }
        return beta;
    }

    private static void report(List<Example> examples, double[] beta) {
        for (boolean segSet : new boolean[] {true, false}) {
            for (double t = 0.3; t < 0.95; t += 0.1) {
                int tp = 0, fp = 0, fn = 0;
                for (Example e : examples) {
                    if (e.segmentSet() != segSet) continue;
                    boolean yes = sigmoid(dot(beta, e.x())) >= t;
                    if (yes && e.content()) tp++;
                    if (yes && !e.content()) fp++;
                    if (!yes && e.content()) fn++;
                }
                System.out.printf(Locale.ROOT, "%s threshold %.1f: added content %d, added boilerplate %d, content left out %d%n",
                        segSet ? "segment set" : "fundus     ", t, tp, fp, fn);
            }
        }
        for (int j = 0; j < beta.length; j++) System.out.printf(Locale.ROOT, "  %-22s %8.3f%n", BlockFeatures.NAMES.get(j), beta[j]);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small (one row per feature). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[c][c]) < 1e-12) continue;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c] / m[c][c];
                if (f == 0) continue;
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        return x;
    }
}
