package news.parallax.cli;

import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterConfig;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code parallax recluster}: clusters every stored article afresh and replaces the stories (ids kept), then builds
 * the views of the stories that changed. {@code ingest} and live passes add articles online instead (issue 15).
 */
@Command(name = "recluster", mixinStandardHelpOptions = true,
        description = "Re-cluster the whole store from scratch (after changing --quiet-days, or to place articles dated before the open stories); ingest and run add articles online.")
final class ReclusterCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    ClusterOptions clustering;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ClusterConfig config = clustering.config(); // a bad setting fails before the store opens
        try (Store store = Services.store(data)) {
            ConsoleProgress progress = new ConsoleProgress(System.err);
            int stories = Services.pipeline(store, config).recluster(progress);
            progress.end();
            System.out.printf("re-clustered %d articles into %d stories in %s (%.1f s)%n", store.articleCount(), stories,
                    store.location(), (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
