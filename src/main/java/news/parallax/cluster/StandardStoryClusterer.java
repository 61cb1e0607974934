package news.parallax.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * The product {@link StoryClusterer}: runs a fresh {@link OnlineStoryClusterer} over the given
 * articles. When every article is to be embedded, embeddings are computed ahead in parallel
 * batches (they do not depend on the order), the single pass itself stays sequential.
 * Stateless between calls; a call is not thread-safe.
 */
public final class StandardStoryClusterer implements StoryClusterer {
    /** Articles embedded per batch in ALL mode: large enough to keep both cores busy. */
    private static final int EMBED_BATCH = 250;

    private final ClusterConfig config;
    private final @Nullable Embedder embedder;
    private OnlineStoryClusterer.@Nullable Counters lastCounters;

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

    @Override
    public Clustering cluster(List<Article> articles) {
        return cluster(articles, done -> {});
    }

    /** As {@link #cluster(List)}, telling {@code progress} how many articles are done after each batch. */
    @Override
    public Clustering cluster(List<Article> articles, java.util.function.IntConsumer progress) {
        OnlineStoryClusterer online = new OnlineStoryClusterer(config, embedder);
        boolean ahead = config.usesEmbeddings() && config.embeddings() == ClusterConfig.EmbeddingUse.ALL;
        for (int from = 0; from < articles.size(); from += EMBED_BATCH) {
            List<Article> batch = articles.subList(from, Math.min(articles.size(), from + EMBED_BATCH));
            List<float[]> embeddings = null;
            if (ahead) {
                List<String> texts = new ArrayList<>();
                for (Article a : batch) texts.add(FeatureExtractor.embedText(a));
                embeddings = Objects.requireNonNull(embedder).embedAll(texts);
                online.counters().values()[1] += texts.size();
            }
            for (int i = 0; i < batch.size(); i++) online.add(batch.get(i), embeddings == null ? null : embeddings.get(i));
            progress.accept(from + batch.size());
        }
        lastCounters = online.counters();
        return online.snapshot();
    }

    @Override
    public String toString() {
        return "standard(" + config + ")";
    }
}
