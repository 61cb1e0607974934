package news.parallax.cluster;

/**
 * Document frequencies of terms a live dictionary has forgotten, in a table of bounded size (issue 15): a term that
 * comes back takes its count back, so its IDF is what it would have been had it never been forgotten.
 *
 * <p>Each slot packs a 40-bit fingerprint of the term with its count (24 bits, saturating), in buckets of
 * {@link #WAYS} slots, each term in the emptier of two buckets. The table doubles from a small start up to
 * {@code maxSlots}; once there, two full buckets give up their smallest count for a larger one. So what is lost first, when months of news bring more distinct terms than the
 * table holds, is a term seen once (it would come back counting 1 where it should count 2); a term news keeps naming
 * is held longest. A false match needs two terms of the same buckets to share 40 bits (about one lookup in 10^10).
 */
final class ForgottenCounts {
    static final int WAYS = 8;
    private static final int COUNT_BITS = 24;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private final int maxSlots;
    private long[] slots;
    private int used;
    private long evicted;

    /** @param maxSlots a power of two, at least {@link #WAYS}: 8 bytes each at most */
    ForgottenCounts(int maxSlots) {
        if (Integer.bitCount(maxSlots) != 1 || maxSlots < WAYS) throw new IllegalArgumentException("maxSlots must be a power of two >= " + WAYS);
        this.maxSlots = maxSlots;
        this.slots = new long[Math.min(maxSlots, 1 << 12)];
    }

    /** Remembers {@code count} documents for {@code key} (replacing what was kept for it). */
    void put(String key, int count) {
        if (count <= 0) return;
        long fp = fingerprint(key);
        // Grow rather than give a count up while the table may still grow.
        while (!place(fp, Math.min(count, COUNT_MASK), slots.length == maxSlots)) grow();
    }

    /** The count kept for {@code key}, removed from the table (the term is known again); 0 if none. */
    int take(String key) {
        long fp = fingerprint(key);
        for (int base : buckets(fp)) {
            for (int i = base; i < base + WAYS; i++) {
                long s = slots[i];
                if (s != 0 && (s >>> COUNT_BITS) == fp) {
                    slots[i] = 0;
                    used--;
                    return (int) (s & COUNT_MASK);
                }
            }
        }
        return 0;
    }

    /**
     * Puts the count in the emptier of the key's two buckets (two choices fill a table evenly: a bucket overflows only
     * when the table is nearly full); false if both are full and not {@code evict} (nothing changed).
     */
    private boolean place(long fp, long count, boolean evict) {
        int[] buckets = buckets(fp);
        int free = -1, freeInBucket = 0, smallest = -1;
        for (int base : buckets) {
            int emptyHere = 0, firstEmpty = -1;
            for (int i = base; i < base + WAYS; i++) {
                long s = slots[i];
                if (s == 0) {
                    emptyHere++;
                    if (firstEmpty < 0) firstEmpty = i;
                } else if ((s >>> COUNT_BITS) == fp) {
                    slots[i] = fp << COUNT_BITS | count;
                    return true;
                } else if (smallest < 0 || (s & COUNT_MASK) < (slots[smallest] & COUNT_MASK)) {
                    smallest = i;
                }
            }
            if (emptyHere > freeInBucket) {
                freeInBucket = emptyHere;
                free = firstEmpty;
            }
        }
        if (free >= 0) {
            slots[free] = fp << COUNT_BITS | count;
            used++;
            return true;
        }
        if (!evict) return false;
        evicted++;
        if ((slots[smallest] & COUNT_MASK) < count) slots[smallest] = fp << COUNT_BITS | count;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        used = 0;
        for (long s : old) if (s != 0) place(s >>> COUNT_BITS, s & COUNT_MASK, true);
    }

    /** First slots of the key's two buckets. */
    private int[] buckets(long fp) {
        int mask = slots.length - WAYS;
        return new int[] {(int) (fp * 0x9E3779B97F4A7C15L >>> 32) & mask, (int) (fp * 0xD6E8FEB86659FD93L >>> 32) & mask};
    }

    /** 40 bits of two independent string hashes, never 0 (0 marks an empty slot). */
    private static long fingerprint(String key) {
        int h2 = 0x811C9DC5;
        for (int c = 0; c < key.length(); c++) h2 = (h2 ^ key.charAt(c)) * 0x01000193;
        long fp = ((long) key.hashCode() << 32 | (h2 & 0xFFFFFFFFL)) * 0xC2B2AE3D27D4EB4FL >>> 24;
        return fp == 0 ? 1 : fp;
    }

    /** Terms kept now. */
    int size() {
        return used;
    }

    /** Counts given up to make room (each a term that would come back counting less than it should). */
    long evicted() {
        return evicted;
    }

    /** Bytes of the table now. */
    long bytes() {
        return slots.length * 8L;
    }
}
