package news.parallax.cluster;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;

/**
 * The live clusterer's path as {@code run} drives it (a stream of bounded memory, changes taken every
 * {@code passEvery} articles), with what its dictionaries hold read along the way (issue 15, bench-vocab).
 * Embeddings are off: the dictionaries do not depend on them, and a stream of years runs in minutes.
 */
public final class LiveStreamProbe {
    /** What the dictionaries held after {@code articles}: terms known, counts kept for forgotten ones, heap. */
    public record Reading(int articles, int leadTerms, int bodyTerms, long leadForgotten, long bodyForgotten, long countsGivenUp,
            int storiesInMemory, long heapBytes) {}

    private final OnlineStoryClusterer clusterer = new OnlineStoryClusterer(
            ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null);
    /** Each article's story as last reported: the group a live pass would have saved last. */
    private final Map<String, Clustering.Group> saved = new LinkedHashMap<>();
    private int added;

    private final boolean keepStories;

    /**
     * @param forgetTerms as the product does; false keeps every term (the stories a stream of unbounded memory gives)
     * @param keepStories keep what each pass saved, for {@link #stories} (a map of every article: leave it out to read
     *                    the clusterer's heap alone)
     */
    public LiveStreamProbe(boolean forgetTerms, boolean keepStories) {
        clusterer.keepOpenOnly(forgetTerms);
        this.keepStories = keepStories;
    }

    public void add(Article a) {
        clusterer.add(a);
        added++;
    }

    /** What a live pass saves: the stories changed since the last one. */
    public void pass() {
        Clustering changes = clusterer.takeChanges();
        if (!keepStories) return;
        for (Clustering.Group g : changes.groups()) for (String id : g.articleIds()) saved.put(id, g);
    }

    public Reading read(boolean withHeap) {
        int[] known = clusterer.termsKnown();
        long[] forgotten = clusterer.termsForgotten();
        return new Reading(added, known[0], known[1], forgotten[0], forgotten[1], forgotten[2], clusterer.storiesInMemory(),
                withHeap ? retainedHeap() : -1);
    }

    /** The stories as saved: each article in the last group reported for it. */
    public Clustering stories() {
        Map<Clustering.Group, List<String>> members = new IdentityHashMap<>();
        saved.forEach((id, g) -> members.computeIfAbsent(g, k -> new ArrayList<>()).add(id));
        List<Clustering.Group> groups = new ArrayList<>();
        Set<Clustering.Group> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Clustering.Group g : saved.values()) {
            if (seen.add(g)) groups.add(new Clustering.Group(members.getOrDefault(g, List.of()), Map.of(), Map.of()));
        }
        return new Clustering(groups);
    }

    private static long retainedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
