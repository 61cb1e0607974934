package news.parallax.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Term dictionary and streaming document frequencies: IDF is computed from the articles seen
 * so far, so the clusterer needs no corpus prepared in advance. Not thread-safe.
 *
 * <p>A live stream ({@link #forgetHapaxes}) also forgets terms once nothing in memory holds them and only one
 * document ever had them (issue 15): about 17 new terms come with each article, most seen once, and without this
 * the dictionary grew by 3.3 KB an article for as long as the process ran. Ids of forgotten terms are reused; a
 * forgotten term that comes back gets its count back ({@link #onceSeen}).
 */
final class TermStats {
    private final Map<String, Integer> ids = new HashMap<>();
    /** Key of each id (null: free), to take a forgotten term out of {@link #ids}. */
    private final List<@Nullable String> keys = new ArrayList<>();
    private final List<@Nullable String> surface = new ArrayList<>();
    private int[] df = new int[1024];
    /** Articles in the clusterer's memory whose features name each id (counted always, read only when forgetting). */
    private int[] holders = new int[1024];
    private int documents;
    private boolean forgets;
    /** Ids let go by their last holder with a document frequency of at most 1: candidates to forget. */
    private final List<Integer> released = new ArrayList<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    /**
     * The keys forgotten with document frequency 1, as a Bloom filter (bits {@link #ONCE_BITS}, {@link #ONCE_HASHES} hashes)
     * in two generations: a forgotten term that comes back starts from its old count, so its IDF is what it would have been
     * had it never been forgotten (wrong only for a false positive, about 1 % at most, or a term silent for two generations of
     * {@link #ONCE_PER_GENERATION} forgotten terms, which then counts as new). 2 MB a generation, whatever the stream's length.
     */
    private long @Nullable [] onceSeen, onceSeenBefore;
    private int onceSeenAdded;
    private static final int ONCE_BITS = 1 << 24, ONCE_HASHES = 3, ONCE_PER_GENERATION = ONCE_BITS / 16;

    /** Id of {@code key}, registering it with {@code display} as its readable form on first sight. */
    int id(String key, String display) {
        Integer id = ids.get(key);
        if (id != null) return id;
        int n;
        if (!free.isEmpty()) {
            n = free.pop();
            keys.set(n, key);
            surface.set(n, display);
        } else {
            n = surface.size();
            keys.add(key);
            surface.add(display);
            if (n >= df.length) {
                df = Arrays.copyOf(df, df.length * 2);
                holders = Arrays.copyOf(holders, holders.length * 2);
            }
        }
        ids.put(key, n);
        if (forgets && seenOnce(key)) df[n] = 1;
        return n;
    }

    /** Counts one more document containing each of {@code termIds} (each id once). */
    void addDocument(Iterable<Integer> termIds) {
        documents++;
        for (int id : termIds) df[id]++;
    }

    /** Smoothed inverse document frequency; rare terms weigh most. */
    double idf(int id) {
        return Math.log((documents + 1.0) / (df[id] + 1.0)) + 1.0;
    }

    int documentFrequency(int id) {
        return df[id];
    }

    int documents() {
        return documents;
    }

    String display(int id) {
        return java.util.Objects.requireNonNull(surface.get(id), "forgotten term");
    }

    /**
     * From now on, terms of document frequency 0 or 1 that no article in memory names ({@link #hold}, {@link #release})
     * are forgotten by {@link #forgetReleased}. Only a live stream does this; a whole re-cluster keeps every term, so its
     * stories are those it always gave.
     */
    void forgetHapaxes() {
        forgets = true;
        onceSeen = new long[ONCE_BITS / 64];
    }

    boolean forgets() {
        return forgets;
    }

    /** One more article in memory names each of {@code termIds} (distinct). */
    void hold(int[] termIds) {
        for (int id : termIds) holders[id]++;
    }

    /** An article that named each of {@code termIds} (distinct) left memory. */
    void release(int[] termIds) {
        for (int id : termIds) {
            if (--holders[id] == 0 && forgets && df[id] <= 1) released.add(id);
        }
    }

    /**
     * Forgets the released terms still unheld, of document frequency at most 1, and not {@code stillReferenced}
     * (by a structure that counts terms outside articles, such as the last week's news); those are tried again next time.
     *
     * <p>Why this is safe: no vector in memory names a forgotten id (its holders are 0), so no score between articles
     * and stories in memory changes. A term that comes back gets a new id (vectors compare ids, never their number's
     * meaning across time) and its old document frequency from {@link #onceSeen}, so its IDF is what it always was.
     * Forgetting the count too (a returning term counting 1 where it would count 2, an IDF higher by up to log(3/2))
     * moved 2 decisions on the development set after 2.5 years of stream; with the filter, none (BENCHMARKS.md).
     */
    void forgetReleased(IntPredicate stillReferenced) {
        if (released.isEmpty()) return;
        List<Integer> retry = new ArrayList<>();
        for (int id : released) {
            if (holders[id] > 0 || df[id] > 1 || keys.get(id) == null) continue;
            if (stillReferenced.test(id)) {
                retry.add(id);
                continue;
            }
            String key = java.util.Objects.requireNonNull(keys.get(id));
            if (df[id] == 1) rememberOnce(key);
            ids.remove(key);
            keys.set(id, null);
            surface.set(id, null);
            df[id] = 0;
            free.push(id);
        }
        released.clear();
        released.addAll(retry);
    }

    private void rememberOnce(String key) {
        if (onceSeenAdded >= ONCE_PER_GENERATION) {
            onceSeenBefore = onceSeen;
            onceSeen = new long[ONCE_BITS / 64];
            onceSeenAdded = 0;
        }
        long[] bits = java.util.Objects.requireNonNull(onceSeen);
        for (int i = 0; i < ONCE_HASHES; i++) {
            int b = bit(key, i);
            bits[b >>> 6] |= 1L << b;
        }
        onceSeenAdded++;
    }

    private boolean seenOnce(String key) {
        return in(onceSeen, key) || in(onceSeenBefore, key);
    }

    private static boolean in(long @Nullable [] bits, String key) {
        if (bits == null) return false;
        for (int i = 0; i < ONCE_HASHES; i++) {
            int b = bit(key, i);
            if ((bits[b >>> 6] & (1L << b)) == 0) return false;
        }
        return true;
    }

    /** The {@code i}th bit of {@code key}: double hashing of two independent string hashes. */
    private static int bit(String key, int i) {
        int h1 = key.hashCode() * 0x9E3779B9;
        int h2 = 0x811C9DC5;
        for (int c = 0; c < key.length(); c++) h2 = (h2 ^ key.charAt(c)) * 0x01000193;
        return (h1 + i * (h2 | 1)) & (ONCE_BITS - 1);
    }

    /** Terms known now (not forgotten), for tests of bounded memory. */
    int size() {
        return ids.size();
    }
}
