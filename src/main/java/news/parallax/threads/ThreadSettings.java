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
     * Defaults: see BENCHMARKS.md, "Issue 14: story threads", for the tuning half of the labelled pairs these were
     * chosen on and the untouched half's figures.
     */
    public static final ThreadSettings DEFAULTS = new ThreadSettings(7, 0.70, 1);

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
