package news.parallax.threads;

/**
 * When two stories are one saga.
 *
 * @param maxGapDays            the later story begins at most this many days after the earlier one's last article
 *                              (a negative gap, overlapping spans, always qualifies)
 * @param minSimilarity         least cosine between the two stories' embedding centroids; the clusterer already
 *                              keeps apart what is not one event, so a saga's parts sit a little below its join level
 * @param minSharedSubjects     main subjects ({@link StoryProfile#subjects()}) both must name: "same main subjects";
 *                              ubiquitous subjects do not count
 * @param ubiquitousShare       a subject named by more than this share of all profiled stories ("trump", "gop",
 *                              "congress") says nothing about two stories being one saga: it counts neither as shared
 *                              nor towards {@code minSpecificWeight} (1: every subject counts)
 * @param minSpecificWeight     shared subjects whose summed rarity (each one's ln(stories / stories naming it)) reaches
 *                              this are specific: two stories naming the same rare people or things are one saga over a
 *                              longer pause and with less alike texts (Infinity: never)
 * @param specificGapDays       the longest gap for a specific pair (at least {@code maxGapDays})
 * @param specificMinSimilarity the least cosine for a specific pair (at most {@code minSimilarity})
 * @param rarityOnlyAsFallback  the rarity rules apply only to a story that continues no earlier story under the base
 *                              rule (every subject counted, {@code maxGapDays}, {@code minSimilarity}): they can then
 *                              add a link for a story that had none, never replace a story's base-rule link (session 9
 *                              saw them break labelled chains by picking a different earlier story)
 */
public record ThreadSettings(double maxGapDays, double minSimilarity, int minSharedSubjects, double ubiquitousShare,
        double minSpecificWeight, double specificGapDays, double specificMinSimilarity, boolean rarityOnlyAsFallback) {
    /**
     * Chosen on the tuning part of both labelled pair sets (eval/src/test/resources/threads) by a rule fixed before the
     * sweep: the most saga pairs linked with at most 1% of the other pairs wrongly linked, then the fewest wrong links.
     * Session 7: 14 days, cosine 0.65, two shared subjects. Session 9 (issue 14) measured the rarity rules (ubiquitous
     * subjects not counted; rare shared subjects allowing 35 days and cosine 0.55): on the tuning parts no setting
     * linked more saga pairs without more wrong links, so they stay off by default (eval-threads --ubiquitous-share,
     * --specific); figures and commands: BENCHMARKS.md, issue 14, session 9.
     */
    public static final ThreadSettings DEFAULTS = new ThreadSettings(14, 0.65, 2);

    /** Settings whose rarity rules, if on, apply to every pair (session 9's form). */
    public ThreadSettings(double maxGapDays, double minSimilarity, int minSharedSubjects, double ubiquitousShare,
            double minSpecificWeight, double specificGapDays, double specificMinSimilarity) {
        this(maxGapDays, minSimilarity, minSharedSubjects, ubiquitousShare, minSpecificWeight, specificGapDays, specificMinSimilarity, false);
    }

    public ThreadSettings {
        if (!(maxGapDays >= 0 && maxGapDays <= 365)) throw new IllegalArgumentException("maxGapDays must be 0..365, got " + maxGapDays);
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) throw new IllegalArgumentException("minSimilarity must be -1..1, got " + minSimilarity);
        if (minSharedSubjects < 0) throw new IllegalArgumentException("minSharedSubjects must be at least 0, got " + minSharedSubjects);
        if (!(ubiquitousShare > 0 && ubiquitousShare <= 1)) throw new IllegalArgumentException("ubiquitousShare must be in (0, 1], got " + ubiquitousShare);
        if (!(minSpecificWeight >= 0)) throw new IllegalArgumentException("minSpecificWeight must be 0 or more, got " + minSpecificWeight);
        if (!(specificGapDays >= maxGapDays && specificGapDays <= 365)) {
            throw new IllegalArgumentException("specificGapDays must be maxGapDays..365, got " + specificGapDays);
        }
        if (!(specificMinSimilarity >= -1 && specificMinSimilarity <= minSimilarity)) {
            throw new IllegalArgumentException("specificMinSimilarity must be -1..minSimilarity, got " + specificMinSimilarity);
        }
    }

    /** Settings without the rarity rules: every subject counts, one gap and one cosine for all pairs (session 7's form). */
    public ThreadSettings(double maxGapDays, double minSimilarity, int minSharedSubjects) {
        this(maxGapDays, minSimilarity, minSharedSubjects, 1, Double.POSITIVE_INFINITY, maxGapDays, minSimilarity, false);
    }

    /** The longest gap any pair may have: how far back a story's candidates reach. */
    public double longestGapDays() {
        return Math.max(maxGapDays, specificGapDays);
    }

    public ThreadSettings withMinSimilarity(double v) {
        return new ThreadSettings(maxGapDays, v, minSharedSubjects, ubiquitousShare, minSpecificWeight, specificGapDays,
                Math.min(v, specificMinSimilarity));
    }

    public ThreadSettings withMaxGapDays(double v) {
        return new ThreadSettings(v, minSimilarity, minSharedSubjects, ubiquitousShare, minSpecificWeight, Math.max(v, specificGapDays),
                specificMinSimilarity, rarityOnlyAsFallback);
    }

    public ThreadSettings withMinSharedSubjects(int v) {
        return new ThreadSettings(maxGapDays, minSimilarity, v, ubiquitousShare, minSpecificWeight, specificGapDays, specificMinSimilarity,
                rarityOnlyAsFallback);
    }

    public ThreadSettings withUbiquitousShare(double v) {
        return new ThreadSettings(maxGapDays, minSimilarity, minSharedSubjects, v, minSpecificWeight, specificGapDays, specificMinSimilarity,
                rarityOnlyAsFallback);
    }

    /** The rarity rule: pairs whose shared subjects weigh at least {@code weight} may pause {@code gapDays} and reach {@code cosine}. */
    public ThreadSettings withSpecific(double weight, double gapDays, double cosine) {
        return new ThreadSettings(maxGapDays, minSimilarity, minSharedSubjects, ubiquitousShare, weight, gapDays, cosine, rarityOnlyAsFallback);
    }

    /** The rarity rules only for a story the base rule links to no earlier story ({@code true}), or for every pair. */
    public ThreadSettings withRarityOnlyAsFallback(boolean v) {
        return new ThreadSettings(maxGapDays, minSimilarity, minSharedSubjects, ubiquitousShare, minSpecificWeight, specificGapDays,
                specificMinSimilarity, v);
    }
}
