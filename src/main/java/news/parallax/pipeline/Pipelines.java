package news.parallax.pipeline;

import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.MiniLmEmbedder;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.cluster.StoryClusterer;
import news.parallax.extract.HtmlExtractor;
import news.parallax.extract.HtmlExtractors;
import news.parallax.store.Store;

/** The project's standard stage implementations, chosen in one place. */
public final class Pipelines {
    /** Names the cached vectors, so a model change never reuses old ones. */
    static final String EMBEDDING_MODEL = "all-MiniLM-L6-v2-q/langchain4j-0.36.2";

    private Pipelines() {}

    public static HtmlExtractor standardHtmlExtractor() {
        return HtmlExtractors.standard();
    }

    /** The product clusterer with the default settings, its embeddings cached in {@code store}. */
    public static StoryClusterer standardClusterer(Store store) {
        return standardClusterer(store, ClusterConfig.defaults());
    }

    /** The product clusterer with {@code config}, its embeddings cached in {@code store}. */
    public static StoryClusterer standardClusterer(Store store, ClusterConfig config) {
        return new StandardStoryClusterer(config,
                config.usesEmbeddings() ? new StoredEmbeddings(store, new MiniLmEmbedder(), EMBEDDING_MODEL) : null);
    }
}
