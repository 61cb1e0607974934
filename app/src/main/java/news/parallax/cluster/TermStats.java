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
 * <p>A live stream ({@link #forgetUnheld}) also forgets terms once nothing in memory holds them (issue 15): about 17
 * new terms come with each article, and without this the dictionary grew by 3.3 KB an article for as long as the
 * process ran. Ids of forgotten terms are reused; a forgotten term's document frequency is kept in a table of bounded
 * size ({@link ForgottenCounts}) and given back when the term returns.
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
    /** Ids let go by their last holder: candidates to forget. */
    private final List<Integer> released = new ArrayList<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    /** Counts of the forgotten terms: 8 MB at most for each dictionary, whatever the stream's length. */
    private @Nullable ForgottenCounts forgotten;
    static final int FORGOTTEN_SLOTS = 1 << 20;

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
        if (forgotten != null) df[n] = forgotten.take(key);
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
     * From now on, terms that no article in memory names ({@link #hold}, {@link #release}) are forgotten by
     * {@link #forgetReleased}. Only a live stream does this; a whole re-cluster keeps every term, so its stories are
     * those it always gave.
     */
    void forgetUnheld() {
        forgets = true;
        forgotten = new ForgottenCounts(FORGOTTEN_SLOTS);
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
            if (--holders[id] == 0 && forgets) released.add(id);
        }
    }

    /**
     * Forgets the released terms still unheld and not {@code stillReferenced} (by a structure that counts terms
     * outside articles, such as the last week's news); those are tried again next time.
     *
     * <p>Why this is safe: no vector in memory names a forgotten id (its holders are 0), so no score between articles
     * and stories in memory changes. A term that comes back gets a new id (vectors compare ids, never their number's
     * meaning across time) and its document frequency from {@link #forgotten}, so its IDF is what it always was, unless
     * the table gave the count up for a larger one (then the term counts from 0 again). Forgetting counts altogether
     * moved 2 decisions on the development set after 2.5 years of stream; keeping them, none (BENCHMARKS.md).
     */
    void forgetReleased(IntPredicate stillReferenced) {
        if (released.isEmpty()) return;
        ForgottenCounts counts = java.util.Objects.requireNonNull(forgotten);
        List<Integer> retry = new ArrayList<>();
        for (int id : released) {
            if (holders[id] > 0 || keys.get(id) == null) continue;
            if (stillReferenced.test(id)) {
                retry.add(id);
                continue;
            }
            String key = java.util.Objects.requireNonNull(keys.get(id));
            counts.put(key, df[id]);
            ids.remove(key);
            keys.set(id, null);
            surface.set(id, null);
            df[id] = 0;
            free.push(id);
        }
        released.clear();
        released.addAll(retry);
    }

    /** The table of forgotten terms' counts, once {@link #forgetUnheld} was called. */
    @Nullable ForgottenCounts forgotten() {
        return forgotten;
    }

    /** Terms known now (not forgotten), for tests of bounded memory. */
    int size() {
        return ids.size();
    }
}
