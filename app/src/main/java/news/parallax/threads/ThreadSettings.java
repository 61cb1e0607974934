package news.parallax.threads;

/**
 * When two stories are one saga.
 *
 * @param maxGapDays        the later story begins at most this many days after the earlier one's last article
 *                          (a negative gap, overlapping spans, always qualifies)
 * @param minSimilarity     least cosine between the two stories' embedding centroids; the clusterer already
 *                          keeps apart what is not one event, so a saga's parts sit a little below its join level
 * @param minSharedSubjects main subjects ({@link StoryProfile#subjects()}) both must name: "same main subjects"
 */
public record ThreadSettings(double maxGapDays, double minSimilarity, int minSharedSubjects) {
    /**
     * Chosen on the tuning part of both labelled pair sets (eval/src/test/resources/threads) by a rule fixed before the
     * sweep: the most saga pairs linked with at most 1% of the other pairs wrongly linked, then the fewest wrong links.
     * 9 of 18 saga pairs, 3 of 827 others (from 4 of 18 and 0 at the first guess, 7 days, 0.70, one subject): a
     * two-week gap reaches the next chapter of a saga that pauses, and two shared subjects let a lower cosine through
     * without "Trump" alone joining stories. Figures, the untouched part and commands: BENCHMARKS.md, issue 14.
     */
    public static final ThreadSettings DEFAULTS = new ThreadSettings(14, 0.65, 2);

    public ThreadSettings {
        if (!(maxGapDays >= 0 && maxGapDays <= 365)) throw new IllegalArgumentException("maxGapDays must be 0..365, got " + maxGapDays);
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) throw new IllegalArgumentException("minSimilarity must be -1..1, got " + minSimilarity);
        if (minSharedSubjects < 0) throw new IllegalArgumentException("minSharedSubjects must be at least 0, got " + minSharedSubjects);
    }

    public ThreadSettings withMinSimilarity(double v) {
        return new ThreadSettings(maxGapDays, v, minSharedSubjects);
    }

    public ThreadSettings withMaxGapDays(double v) {
        return new ThreadSettings(v, minSimilarity, minSharedSubjects);
    }

    public ThreadSettings withMinSharedSubjects(int v) {
        return new ThreadSettings(maxGapDays, minSimilarity, v);
    }
}
