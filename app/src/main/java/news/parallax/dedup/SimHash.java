package news.parallax.dedup;

import java.util.List;

/**
 * 64-bit SimHash fingerprints (Charikar 2002) of paragraphs: texts differing in a few words get
 * fingerprints a few bits apart, so edited copies of a wire paragraph still match.
 * Thread-safe.
 */
public final class SimHash {
    private SimHash() {}

    public static long fingerprint(List<String> words) {
        int[] votes = new int[64];
        for (String w : words) {
            long h = MinHash.mix(w.hashCode() * 0x9E3779B97F4A7C15L);
            for (int b = 0; b < 64; b++) votes[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
        }
        long f = 0;
        for (int b = 0; b < 64; b++) if (votes[b] > 0) f |= 1L << b;
        return f;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
