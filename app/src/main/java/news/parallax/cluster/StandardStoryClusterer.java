package news.parallax.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product {@link StoryClusterer}: runs a fresh {@link OnlineStoryClusterer} over the given
 * articles. When every article is to be embedded, embeddings are computed ahead in parallel
 * batches (they do not depend on the order) and kept for the next call (see {@link #cluster(List)});
 * the single pass itself stays sequential. Results of {@code cluster} do not depend on earlier
 * calls; {@link #extend} continues the last call's stream. Not thread-safe.
 */
public final class StandardStoryClusterer implements StoryClusterer {
    /** Articles embedded per batch in ALL mode: large enough to keep both cores busy. */
    private static final int EMBED_BATCH = 250;

    /**
     * Embeddings kept between calls, by embedded text, when the embedder keeps none itself: a re-cluster of the same
     * articles (the eval and bench commands) pays for the model once. 60,000 entries hold about 130 MB (384 floats
     * plus the text each); Caffeine evicts the least likely to be used again.
     */
    public static final int MAX_CACHED_EMBEDDINGS = 60_000;
    /**
     * Embeddings kept when the embedder keeps every vector itself (the product's, in the store): the batch being
     * clustered and the one embedded ahead. A live clusterer adds each article once, so a larger cache only grew its
     * heap with every article up to the 60,000 (issue 15's soak, session 12: about 2 KB an article).
     */
    public static final int BATCH_CACHED_EMBEDDINGS = 2 * EMBED_BATCH;
    private static final Logger LOG = LoggerFactory.getLogger(StandardStoryClusterer.class);

    private final ClusterConfig config;
    private final @Nullable Embedder embedder;
    // Maintenance on the calling thread: the clusterer starts no threads of its own beyond the embedding one.
    private final Cache<String, float[]> cache;
    private OnlineStoryClusterer.@Nullable Counters lastCounters;
    /**
     * The stream of the last {@code cluster} call, which {@link #extend} continues; null before the first
     * call and after a failed one (which may have added part of its articles, so it cannot be continued).
     */
    private @Nullable OnlineStoryClusterer stream;

    public StandardStoryClusterer(ClusterConfig config, @Nullable Embedder embedder) {
        this(config, embedder, MAX_CACHED_EMBEDDINGS);
    }

    /** @param cachedEmbeddings most vectors kept between calls ({@link #BATCH_CACHED_EMBEDDINGS} when the embedder keeps them) */
    public StandardStoryClusterer(ClusterConfig config, @Nullable Embedder embedder, int cachedEmbeddings) {
        if (cachedEmbeddings < 0) throw new IllegalArgumentException("cached embeddings must not be negative: " + cachedEmbeddings);
        this.config = Objects.requireNonNull(config, "config");
        this.embedder = embedder;
        this.cache = Caffeine.newBuilder().maximumSize(cachedEmbeddings).executor(Runnable::run).build();
    }

    /** Vectors kept between calls now, for tests of the bound. */
    public long cachedEmbeddings() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    public ClusterConfig config() {
        return config;
    }

    /** Counters of the last {@link #cluster} call, null before the first. */
    public OnlineStoryClusterer.@Nullable Counters lastCounters() {
        return lastCounters;
    }

    /**
     * Clusters {@code articles} from scratch in one pass. Calling again with a longer list (the
     * pipeline re-clusters after each ingest) re-embeds only texts not seen in recent calls.
     */
    @Override
    public Clustering cluster(List<Article> articles) {
        return cluster(articles, done -> {});
    }

    /** As {@link #cluster(List)}, telling {@code progress} how many articles are done after each batch. */
    @Override
    public Clustering cluster(List<Article> articles, IntConsumer progress) {
        stream = null;
        long start = System.nanoTime();
        OnlineStoryClusterer online = new OnlineStoryClusterer(config, embedder);
        addAll(online, articles, progress);
        online.forgetChanges();
        stream = online;
        Clustering result = online.snapshot();
        LOG.info("clustered {} articles into {} stories in {} ms", articles.size(), result.groups().size(), millisSince(start));
        return result;
    }

    /**
     * Adds {@code more} (the caller's new articles, in the order they should arrive) to the stream of
     * the last {@code cluster} or {@code extend} call: each joins its best open story or starts one,
     * and nothing already clustered is revisited. The result equals clustering the whole stream in
     * one call when the new articles come after the old in that order; an article published before
     * stories it belongs to closed starts its own (see docs/clustering.md). Empty before the first
     * {@code cluster} call and after a call that failed.
     */
    @Override
    public Optional<Clustering> extend(List<Article> more, IntConsumer progress) {
        return continueStream(more, progress).map(online -> {
            online.forgetChanges(); // the whole stream is reported
            return online.snapshot();
        });
    }

    /**
     * As {@link #extend}, returning only the stories this call created or changed ({@link OnlineStoryClusterer#takeChanges}).
     * From the first such call on, the stream keeps in memory only the stories new articles can still reach (issue 15:
     * months of live passes in a steady heap), so {@link #extend} of the same stream fails after it; a new
     * {@link #cluster} call starts a stream that keeps everything again.
     */
    @Override
    public Optional<Clustering> extendChanged(List<Article> more, IntConsumer progress) {
        OnlineStoryClusterer online = stream;
        if (online != null) online.keepOpenOnly();
        return continueStream(more, progress).map(OnlineStoryClusterer::takeChanges);
    }

    /** Adds {@code more} to the last call's stream; empty when there is none (or the last call failed). */
    private Optional<OnlineStoryClusterer> continueStream(List<Article> more, IntConsumer progress) {
        OnlineStoryClusterer online = stream;
        if (online == null) return Optional.empty();
        stream = null;
        long start = System.nanoTime();
        addAll(online, more, progress);
        stream = online;
        LOG.info("clustered {} new articles in {} ms", more.size(), millisSince(start));
        return Optional.of(online);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void addAll(OnlineStoryClusterer online, List<Article> articles, IntConsumer progress) {
        boolean ahead = config.usesEmbeddings() && config.embeddings() == ClusterConfig.EmbeddingUse.ALL;
        if (!ahead) {
            for (int i = 0; i < articles.size(); i++) {
                online.add(articles.get(i), null);
                if ((i + 1) % EMBED_BATCH == 0 || i + 1 == articles.size()) progress.accept(i + 1);
            }
            lastCounters = online.counters();
            return;
        }
        // The next batch is embedded on a background thread while this one is clustered: the pass is
        // sequential and would otherwise leave a core idle between batches. Embeddings do not depend on
        // the order, so the stories are the same as embedding first and clustering after.
        ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("embed-ahead").factory());
        try {
            EmbeddedBatch current = plan(articles, 0, Set.of(), background);
            for (int from = 0; from < articles.size(); from += EMBED_BATCH) {
                int to = Math.min(articles.size(), from + EMBED_BATCH);
                EmbeddedBatch next = to < articles.size() ? plan(articles, to, current.computing(), background) : null;
                List<float[]> embeddings = current.finish(online.counters());
                for (int i = from; i < to; i++) online.add(articles.get(i), embeddings.get(i - from));
                progress.accept(to);
                if (next == null) break;
                current = next;
            }
        } finally {
            background.shutdownNow();
        }
        lastCounters = online.counters();
    }

    /**
     * Starts embedding the batch at {@code from}: texts neither cached nor being embedded for the batch
     * before ({@code inFlight}) go to the background thread. Cached vectors are taken now, so a text
     * evicted meanwhile is still at hand.
     */
    private EmbeddedBatch plan(List<Article> articles, int from, Set<String> inFlight, ExecutorService background) {
        List<String> texts = new ArrayList<>();
        for (Article a : articles.subList(from, Math.min(articles.size(), from + EMBED_BATCH))) texts.add(FeatureExtractor.embedText(a));
        Map<String, float[]> known = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String t : texts) {
            float[] v = cache.getIfPresent(t);
            if (v != null) known.put(t, v);
            else if (!inFlight.contains(t)) missing.add(t);
        }
        List<String> toEmbed = List.copyOf(missing);
        Embedder model = Objects.requireNonNull(embedder);
        Future<List<float[]>> computed = toEmbed.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : background.submit(() -> model.embedAll(toEmbed));
        return new EmbeddedBatch(texts, known, toEmbed, computed);
    }

    /** One batch's texts, the vectors known when it was planned, and those being computed. */
    private final class EmbeddedBatch {
        private final List<String> texts;
        private final Map<String, float[]> known;
        private final List<String> toEmbed;
        private final Future<List<float[]>> computed;

        EmbeddedBatch(List<String> texts, Map<String, float[]> known, List<String> toEmbed, Future<List<float[]>> computed) {
            this.texts = texts;
            this.known = known;
            this.toEmbed = toEmbed;
            this.computed = computed;
        }

        Set<String> computing() {
            return new HashSet<>(toEmbed);
        }

        /** Waits for the batch's vectors, caches the new ones and returns one per text, in order. */
        List<float[]> finish(OnlineStoryClusterer.Counters counters) {
            List<float[]> got = Futures.await(computed);
            for (int i = 0; i < toEmbed.size(); i++) {
                cache.put(toEmbed.get(i), got.get(i));
                known.put(toEmbed.get(i), got.get(i));
            }
            counters.embeddings += toEmbed.size();
            List<float[]> out = new ArrayList<>(texts.size());
            for (String t : texts) {
                float[] v = known.get(t);
                // else the previous batch was embedding it and has cached it (unless evicted since)
                if (v == null) v = cache.getIfPresent(t);
                out.add(v != null ? v : Objects.requireNonNull(embedder).embed(t));
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return "standard(" + config + ")";
    }
}
