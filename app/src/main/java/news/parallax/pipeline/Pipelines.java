package news.parallax.pipeline;

import java.nio.file.Path;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.MiniLmEmbedder;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.cluster.StoryClusterer;
import news.parallax.extract.HtmlExtractor;
import news.parallax.extract.HtmlExtractors;
import news.parallax.outlets.OutletRegistries;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Dialect;
import news.parallax.store.Store;

/** The project's standard stage implementations, chosen in one place. */
public final class Pipelines {
    /** Names the cached vectors, so a model change never reuses old ones. */
    static final String EMBEDDING_MODEL = "all-MiniLM-L6-v2-q/langchain4j-0.36.2";

    private Pipelines() {}

    public static HtmlExtractor standardHtmlExtractor() {
        return HtmlExtractors.standard();
    }

    /**
     * The analyzer whose views the pipeline stores: the standard one with the outlet registry of the folder holding
     * a SQLite store (its {@code outlets.json} applied), or the bundled registry for a database server, whose data
     * folder the store does not know (a server with another registry finds those views stale and rebuilds them), or
     * for a SQLite file at the file-system root, which has no folder.
     */
    public static StoryAnalyzer standardAnalyzer(Store store) {
        Path folder = store.dialect() == Dialect.SQLITE ? Path.of(store.location()).toAbsolutePath().getParent() : null;
        OutletRegistry registry = folder != null ? OutletRegistries.standard(folder) : OutletRegistries.bundled();
        return new DefaultStoryAnalyzer(registry);
    }

    /** The product clusterer with the default settings, its embeddings cached in {@code store}. */
    public static StoryClusterer standardClusterer(Store store) {
        return standardClusterer(store, ClusterConfig.defaults());
    }

    /**
     * The product clusterer with {@code config}, its embeddings cached in {@code store}: the store holds every vector, so
     * the clusterer keeps only a batch's worth in memory (a live clusterer's heap stays flat, issue 15).
     */
    public static StoryClusterer standardClusterer(Store store, ClusterConfig config) {
        return new StandardStoryClusterer(config,
                config.usesEmbeddings() ? new StoredEmbeddings(store, new MiniLmEmbedder(), EMBEDDING_MODEL) : null,
                StandardStoryClusterer.BATCH_CACHED_EMBEDDINGS);
    }

    /**
     * Brings the threads of {@code store} up to date (issue 14): profiles and links the stories whose stamp changed
     * since the last update. Views are left as they are (the pipeline builds them before its thread update).
     */
    public static news.parallax.threads.StoryThreads.Update updateThreads(Store store, news.parallax.threads.ThreadSettings settings,
            ProgressListener progress) {
        progress.progress("threads", 0, 1);
        var update = new news.parallax.threads.StoryThreads(new news.parallax.threads.ThreadStore(store), settings)
                .update(new ThreadProfiles(store));
        progress.progress("threads", 1, 1);
        return update;
    }
}
