package news.parallax.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Term dictionary and streaming document frequencies: IDF is computed from the articles seen
 * so far, so the clusterer needs no corpus prepared in advance. Not thread-safe.
 */
final class TermStats {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> surface = new ArrayList<>();
    private int[] df = new int[1024];
    private int documents;

    /** Id of {@code key}, registering it with {@code display} as its readable form on first sight. */
    int id(String key, String display) {
        Integer id = ids.get(key);
        if (id != null) return id;
        int n = surface.size();
        ids.put(key, n);
        surface.add(display);
        if (n >= df.length) df = java.util.Arrays.copyOf(df, df.length * 2);
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
        return surface.get(id);
    }
}
