package news.parallax.cli;

import java.nio.file.Path;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.cluster.ClusterConfig;
import news.parallax.outlets.OutletRegistries;
import news.parallax.outlets.OutletRegistry;
import news.parallax.pipeline.Pipeline;
import news.parallax.store.Store;

/** Builds the standard stages for a data folder: the one place the CLI chooses implementations. */
final class Services {
    private Services() {}

    /** The store chosen by {@code --db} / {@code PARALLAX_DB}, else the SQLite file in {@code --data}. */
    static Store store(DataOption data) {
        return data.openStore();
    }

    static Pipeline pipeline(Store store, ClusterConfig clustering) {
        return Pipeline.standard(store, clustering);
    }

    static OutletRegistry registry(Path dataDir) {
        return OutletRegistries.standard(dataDir);
    }

    static StoryAnalyzer analyzer(Path dataDir) {
        return new DefaultStoryAnalyzer(registry(dataDir));
    }
}
