package news.parallax.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;

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
     * Embeddings kept between calls, by embedded text: the pipeline re-clusters the whole stream
     * after each ingest, and only new articles should pay for the model. 60,000 entries hold
     * about 100 MB (384 floats plus the text each); the least recently used go first.
     */
    private static final int MAX_CACHED_EMBEDDINGS = 60_000;

    private final ClusterConfig config;
    private final @Nullable Embedder embedder;
    private final java.util.Map<String, float[]> cache = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, float[]> eldest) {
            return size() > MAX_CACHED_EMBEDDINGS;
        }
    };
    private OnlineStoryClusterer.@Nullable Counters lastCounters;
    /**
     * The stream of the last {@code cluster} call, which {@link #extend} continues; null before the first
     * call and after a failed one (which may have added part of its articles, so it cannot be continued).
     */
    private @Nullable OnlineStoryClusterer stream;

    public StandardStoryClusterer(ClusterConfig config, @Nullable Embedder embedder) {
        this.config = Objects.requireNonNull(config, "config");
        this.embedder = embedder;
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
        OnlineStoryClusterer online = new OnlineStoryClusterer(config, embedder);
        addAll(online, articles, progress);
        online.forgetChanges();
        stream = online;
        return online.snapshot();
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
        return extendChanged(more, progress).map(changes -> Objects.requireNonNull(stream).snapshot());
    }

    /** As {@link #extend}, returning only the stories this call created or changed ({@link OnlineStoryClusterer#takeChanges}). */
    @Override
    public Optional<Clustering> extendChanged(List<Article> more, IntConsumer progress) {
        OnlineStoryClusterer online = stream;
        if (online == null) return Optional.empty();
        stream = null;
        addAll(online, more, progress);
        stream = online;
        return Optional.of(online.takeChanges());
    }

    private void addAll(OnlineStoryClusterer online, List<Article> articles, IntConsumer progress) {
        boolean ahead = config.usesEmbeddings() && config.embeddings() == ClusterConfig.EmbeddingUse.ALL;
        for (int from = 0; from < articles.size(); from += EMBED_BATCH) {
            List<Article> batch = articles.subList(from, Math.min(articles.size(), from + EMBED_BATCH));
            List<float[]> embeddings = null;
            if (ahead) {
                List<String> texts = new ArrayList<>();
                for (Article a : batch) texts.add(FeatureExtractor.embedText(a));
                List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
                if (!missing.isEmpty()) {
                    List<float[]> got = Objects.requireNonNull(embedder).embedAll(missing);
                    for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), got.get(i));
                    online.counters().embeddings += missing.size();
                }
                embeddings = new ArrayList<>();
                for (String t : texts) embeddings.add(cache.get(t));
            }
            for (int i = 0; i < batch.size(); i++) online.add(batch.get(i), embeddings == null ? null : embeddings.get(i));
            progress.accept(from + batch.size());
        }
        lastCounters = online.counters();
    }

    @Override
    public String toString() {
        return "standard(" + config + ")";
    }
}
