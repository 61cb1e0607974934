package news.parallax.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the news of the last few days of the stream has in common: how many of its articles' titles and leads
 * name each term, and their mean embedding. In a dense period one subject fills most of the news (in March 2020
 * "coronavirus", "outbreak" and "pandemic" are in four articles of five); the lifetime document frequencies
 * of {@link TermStats} still find such terms rare, so they weigh like an event's own names and every article of
 * the period looks like every other (issue: dense-period grab-bags). Not thread-safe.
 */
final class RecentNews {
    /** An article of the window: when, its distinct lead terms, its embedding (null when none was computed). */
    private record Entry(Instant time, int[] terms, float @Nullable [] embedding) {}

    private final Duration span;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final Map<Integer, Integer> df = new HashMap<>();
    private double @Nullable [] embeddingSum;
    private int embedded;

    /** @param span how far back from the newest article the window reaches */
    RecentNews(Duration span) {
        this.span = span;
    }

    /** Drops the articles published more than the span before {@code now} (in arrival order, so the result depends on it only). */
    void expire(Instant now) {
        Instant from = now.minus(span);
        Entry e;
        while ((e = entries.peekFirst()) != null && e.time().isBefore(from)) {
            entries.pollFirst();
            for (int t : e.terms()) {
                int n = df.merge(t, -1, Integer::sum);
                if (n <= 0) df.remove(t);
            }
            float[] v = e.embedding();
            if (v != null && embeddingSum != null) {
                for (int i = 0; i < v.length; i++) embeddingSum[i] -= v[i];
                embedded--;
            }
        }
    }

    /** Articles in the window. */
    int size() {
        return entries.size();
    }

    /** Share of the window's articles whose title or lead names {@code term}. */
    double share(int term) {
        return entries.isEmpty() ? 0 : df.getOrDefault(term, 0) / (double) entries.size();
    }

    /** Whether an article of the window names {@code term}. */
    boolean names(int term) {
        return df.containsKey(term);
    }

    /** Articles in the window with an embedding. */
    int embedded() {
        return embedded;
    }

    /** Mean cosine of {@code e} (unit length) with the window's embedded articles; 0 when none. */
    double meanCosine(float[] e) {
        if (embeddingSum == null || embedded == 0) return 0;
        double dot = 0;
        for (int i = 0; i < e.length; i++) dot += embeddingSum[i] * e[i];
        return dot / embedded;
    }

    void add(Instant time, int[] terms, float @Nullable [] embedding) {
        entries.addLast(new Entry(time, terms, embedding));
        for (int t : terms) df.merge(t, 1, Integer::sum);
        if (embedding != null) {
            if (embeddingSum == null) embeddingSum = new double[embedding.length];
            for (int i = 0; i < embedding.length; i++) embeddingSum[i] += embedding[i];
            embedded++;
        }
    }
}
