package news.parallax.dedup;

import java.util.List;

/**
 * MinHash signatures of word-shingle sets: the share of equal slots of two signatures estimates
 * the Jaccard similarity of the two sets (Broder 1997).
 *
 * <p>Seeds are fixed, so signatures are stable across runs and machines. Thread-safe.
 */
public final class MinHash {
    /** Signature length: the Jaccard estimate's standard error is about 1/sqrt(64) = 0.125 at worst, 0.05 near 0.9. */
    public static final int SLOTS = 64;
    /** Words per shingle: long enough that shared shingles mean shared sentences, not shared phrases. */
    public static final int SHINGLE_WORDS = 5;

    private static final long[] SEEDS = new long[SLOTS];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SLOTS; i++) {
            x = mix(x + 0x632BE59BD9B4E019L);
            SEEDS[i] = x;
        }
    }

    private MinHash() {}

    /** Signature of the shingles of {@code words}; an all-max signature when there are fewer words than a shingle. */
    public static long[] signature(List<String> words) {
        long[] sig = new long[SLOTS];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            long h = 1469598103934665603L;
            for (int k = 0; k < SHINGLE_WORDS; k++) h = (h ^ words.get(i + k).hashCode()) * 1099511628211L;
            for (int s = 0; s < SLOTS; s++) {
                long v = mix(h ^ SEEDS[s]);
                if (v < sig[s]) sig[s] = v;
            }
        }
        return sig;
    }

    /** Estimated Jaccard similarity of the two shingle sets. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < SLOTS; i++) if (a[i] == b[i] && a[i] != Long.MAX_VALUE) same++;
        return same / (double) SLOTS;
    }

    /** SplitMix64 finaliser: a fast, well-distributed 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
