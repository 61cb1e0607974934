package news.parallax.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A unit-length sparse vector over term ids, ids ascending. Immutable. */
final class SparseVector {
    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    final int[] ids;
    final float[] weights;

    private SparseVector(int[] ids, float[] weights) {
        this.ids = ids;
        this.weights = weights;
    }

    /** Builds a normalised vector from raw weights; zero weights are dropped. */
    static SparseVector of(Map<Integer, Double> raw) {
        List<Map.Entry<Integer, Double>> kept = raw.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey()).toList();
        if (kept.isEmpty()) return EMPTY;
        int[] ids = new int[kept.size()];
        float[] w = new float[ids.length];
        double norm = 0;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = kept.get(i).getKey();
            double v = kept.get(i).getValue();
            w[i] = (float) v;
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < w.length; i++) w[i] /= (float) norm;
        return new SparseVector(ids, w);
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    double dot(SparseVector o) {
        double s = 0;
        int i = 0, j = 0;
        while (i < ids.length && j < o.ids.length) {
            if (ids[i] == o.ids[j]) s += weights[i++] * o.weights[j++];
            else if (ids[i] < o.ids[j]) i++;
            else j++;
        }
        return s;
    }

    /** Ids of the {@code k} largest weights, strongest first (ties: lower id first). */
    int[] topIds(int k) {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> weights[a] != weights[b] ? Float.compare(weights[b], weights[a]) : Integer.compare(ids[a], ids[b]));
        int n = Math.min(k, order.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = ids[order[i]];
        return out;
    }
}
