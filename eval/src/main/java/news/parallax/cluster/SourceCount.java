package news.parallax.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How many independent reports a story has: its articles minus the syndicated copies, and per
 * outlet. One wire story re-published by ten outlets counts once.
 *
 * @param articles    all member articles
 * @param independent members that copy no other member
 * @param perOutlet   independent reports per outlet name (an outlet that only re-posted a copy has 0)
 */
public record SourceCount(int articles, int independent, Map<String, Integer> perOutlet) {
    public SourceCount {
        perOutlet = Map.copyOf(perOutlet);
    }

    /** Counts a clustered story; {@code outletOf} maps an article id to its outlet name. */
    public static SourceCount of(Clustering.Group group, Function<String, String> outletOf) {
        Map<String, Integer> perOutlet = new TreeMap<>();
        int independent = 0;
        for (String id : group.articleIds()) {
            String outlet = outletOf.apply(id);
            boolean copy = group.copyOf().containsKey(id);
            perOutlet.merge(outlet, copy ? 0 : 1, Integer::sum);
            if (!copy) independent++;
        }
        return new SourceCount(group.articleIds().size(), independent, perOutlet);
    }
}
