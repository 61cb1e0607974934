package news.parallax.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agreement of a clustering with gold story labels: B-cubed precision, recall and F1 (Bagga and
 * Baldwin 1998; the measure of Miranda et al. 2018) and pairwise F1. Only articles present in
 * both are scored.
 */
public record ClusterScores(double bcubedPrecision, double bcubedRecall, double bcubedF1, double pairwiseF1, int articles,
        int predictedStories, int goldStories) {

    public static ClusterScores of(Clustering predicted, Map<String, String> gold) {
        Map<String, Integer> cluster = new HashMap<>();
        int c = 0;
        for (Clustering.Group g : predicted.groups()) {
            boolean any = false;
            for (String id : g.articleIds()) {
                if (gold.containsKey(id)) {
                    cluster.put(id, c);
                    any = true;
                }
            }
            if (any) c++;
        }
        List<String> ids = cluster.keySet().stream().sorted().toList();
        Map<Integer, Integer> clusterSize = new HashMap<>();
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (String id : ids) {
            clusterSize.merge(cluster.get(id), 1, Integer::sum);
            goldSize.merge(gold.get(id), 1, Integer::sum);
            both.merge(cluster.get(id) + "\u0000" + gold.get(id), 1, Integer::sum);
        }
        double p = 0, r = 0;
        for (String id : ids) {
            int inter = known(both, cluster.get(id) + "\u0000" + gold.get(id));
            p += inter / (double) known(clusterSize, known(cluster, id));
            r += inter / (double) known(goldSize, known(gold, id));
        }
        int n = ids.size();
        p = n == 0 ? 0 : p / n;
        r = n == 0 ? 0 : r / n;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        long tp = 0, predPairs = 0, goldPairs = 0;
        for (int v : both.values()) tp += (long) v * (v - 1) / 2;
        for (int v : clusterSize.values()) predPairs += (long) v * (v - 1) / 2;
        for (int v : goldSize.values()) goldPairs += (long) v * (v - 1) / 2;
        double pp = predPairs == 0 ? 1 : tp / (double) predPairs;
        double pr = goldPairs == 0 ? 1 : tp / (double) goldPairs;
        double pf = pp + pr == 0 ? 0 : 2 * pp * pr / (pp + pr);
        return new ClusterScores(p, r, f, pf, n, clusterSize.size(), goldSize.size());
    }

    /** The value of a key the first pass over the scored articles put in {@code map}. */
    private static <K, V> V known(Map<K, V> map, K key) {
        return Objects.requireNonNull(map.get(key), () -> "no entry for " + key);
    }
}
