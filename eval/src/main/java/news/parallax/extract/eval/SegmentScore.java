package news.parallax.extract.eval;

import java.util.regex.Pattern;

/**
 * Trafilatura's own scoring of its evaluation set ({@code tests/eval_common.py}): extracted text and
 * segments are whitespace-normalised (Unicode white space, as Python's {@code \\s}); a {@code with} segment found in the text is a true positive, else
 * a false negative; a {@code without} segment found is a false positive, else a true negative. Counts
 * are summed over pages and precision, recall, accuracy and F1 taken from the sums.
 */
public record SegmentScore(int truePositives, int falseNegatives, int falsePositives, int trueNegatives) {
    private static final Pattern SPACE = Pattern.compile("(?U)\\s+");

    public static final SegmentScore ZERO = new SegmentScore(0, 0, 0, 0);

    /** The counts for one page's extracted text. */
    public static SegmentScore of(String extracted, SegmentPage page) {
        String text = normalize(extracted);
        int tp = 0, fn = 0, fp = 0, tn = 0;
        for (String s : page.with()) {
            if (text.contains(normalize(s))) tp++;
            else fn++;
        }
        for (String s : page.without()) {
            if (text.contains(normalize(s))) fp++;
            else tn++;
        }
        return new SegmentScore(tp, fn, fp, tn);
    }

    static String normalize(String s) {
        return SPACE.matcher(s).replaceAll(" ").trim();
    }

    public SegmentScore plus(SegmentScore o) {
        return new SegmentScore(truePositives + o.truePositives, falseNegatives + o.falseNegatives,
                falsePositives + o.falsePositives, trueNegatives + o.trueNegatives);
    }

    public double precision() {
        int d = truePositives + falsePositives;
        return d == 0 ? 0 : (double) truePositives / d;
    }

    public double recall() {
        int d = truePositives + falseNegatives;
        return d == 0 ? 0 : (double) truePositives / d;
    }

    public double accuracy() {
        int all = truePositives + falseNegatives + falsePositives + trueNegatives;
        return all == 0 ? 0 : (double) (truePositives + trueNegatives) / all;
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
