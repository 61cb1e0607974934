package news.parallax.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Running sum of unit vectors (a story's centre), pruned to its strongest terms to bound memory.
 * {@link #release()} frees it for good once its story closes. Not thread-safe.
 */
final class Centroid {
    /** Terms kept after pruning; a story is described by far fewer. */
    private static final int MAX_TERMS = 400;

    private @Nullable Map<Integer, Double> terms = new HashMap<>();
    private double squaredNorm;

    /** Drops the terms: a closed story is never scored again, and any later use is a bug, so it fails. */
    void release() {
        terms = null;
        squaredNorm = 0;
    }

    private Map<Integer, Double> sums() {
        if (terms == null) throw new IllegalStateException("centre of a closed story");
        return terms;
    }

    void add(SparseVector v) {
        Map<Integer, Double> sums = sums();
        for (int i = 0; i < v.ids.length; i++) {
            double old = sums.getOrDefault(v.ids[i], 0.0);
            double now = old + v.weights[i];
            sums.put(v.ids[i], now);
            squaredNorm += now * now - old * old;
        }
        if (sums.size() > 2 * MAX_TERMS) prune();
    }

    void addAll(Centroid other) {
        Map<Integer, Double> sums = sums();
        for (var e : other.sums().entrySet()) {
            double old = sums.getOrDefault(e.getKey(), 0.0);
            double now = old + e.getValue();
            sums.put(e.getKey(), now);
            squaredNorm += now * now - old * old;
        }
        if (sums.size() > 2 * MAX_TERMS) prune();
    }

    boolean isEmpty() {
        return sums().isEmpty();
    }

    /** Cosine between {@code v} (unit length) and this centre. */
    double cosine(SparseVector v) {
        Map<Integer, Double> sums = sums();
        if (squaredNorm <= 0 || v.isEmpty()) return 0;
        double s = 0;
        for (int i = 0; i < v.ids.length; i++) {
            Double c = sums.get(v.ids[i]);
            if (c != null) s += c * v.weights[i];
        }
        return s / Math.sqrt(squaredNorm);
    }

    double cosine(Centroid o) {
        Map<Integer, Double> sums = sums(), others = o.sums();
        if (squaredNorm <= 0 || o.squaredNorm <= 0) return 0;
        Map<Integer, Double> small = sums.size() <= others.size() ? sums : others;
        Map<Integer, Double> large = small == sums ? others : sums;
        double s = 0;
        for (var e : small.entrySet()) {
            Double c = large.get(e.getKey());
            if (c != null) s += c * e.getValue();
        }
        return s / Math.sqrt(squaredNorm * o.squaredNorm);
    }

    /** Terms shared with {@code v}, by contribution to the cosine, strongest first. */
    List<Integer> sharedTerms(SparseVector v, int k) {
        Map<Integer, Double> weights = new HashMap<>();
        for (int i = 0; i < v.ids.length; i++) weights.put(v.ids[i], (double) v.weights[i]);
        return sharedTerms(weights, k);
    }

    /** Terms shared with another centre, by contribution to their cosine, strongest first. */
    List<Integer> sharedTerms(Centroid o, int k) {
        return sharedTerms(o.sums(), k);
    }

    private List<Integer> sharedTerms(Map<Integer, Double> weights, int k) {
        Map<Integer, Double> sums = sums();
        List<int[]> order = new ArrayList<>();
        List<Double> contrib = new ArrayList<>();
        for (var e : weights.entrySet()) {
            Double c = sums.get(e.getKey());
            if (c != null) {
                order.add(new int[] {e.getKey(), contrib.size()});
                contrib.add(c * e.getValue());
            }
        }
        order.sort((a, b) -> {
            int cmp = Double.compare(contrib.get(b[1]), contrib.get(a[1]));
            return cmp != 0 ? cmp : Integer.compare(a[0], b[0]);
        });
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, order.size()); i++) out.add(order.get(i)[0]);
        return out;
    }

    private void prune() {
        Map<Integer, Double> sums = sums();
        List<Map.Entry<Integer, Double>> entries = new ArrayList<>(sums.entrySet());
        entries.sort((a, b) -> {
            int cmp = Double.compare(b.getValue(), a.getValue());
            return cmp != 0 ? cmp : Integer.compare(a.getKey(), b.getKey());
        });
        sums.clear();
        squaredNorm = 0;
        for (int i = 0; i < Math.min(MAX_TERMS, entries.size()); i++) {
            sums.put(entries.get(i).getKey(), entries.get(i).getValue());
            squaredNorm += entries.get(i).getValue() * entries.get(i).getValue();
        }
    }
}
