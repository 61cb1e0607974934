package news.parallax.cli;


import java.util.concurrent.Callable;
import news.parallax.internal.Json;
import news.parallax.pipeline.Pipelines;
import news.parallax.store.Store;
import news.parallax.threads.StoryThreads;
import news.parallax.threads.ThreadSettings;
import news.parallax.threads.ThreadStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Brings a store's story threads up to date (issue 14) and says how many there are, with the time taken. */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = "Link the stories that continue one another into threads (the stories whose stamp changed since the last run) and count them.")
final class ThreadsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--rebuild", description = "Drop every profile, link and thread first and link the whole store again (thread ids are not kept).")
    boolean rebuild;

    @Option(names = "--json", description = "Print the update's figures as JSON: profiled, relinked, threads, threadedStories, millis.")
    boolean json;

    @Override
    public Integer call() {
        try (Store store = Services.store(data)) {
            if (rebuild) new ThreadStore(store).clear();
            StoryThreads.Update u = Pipelines.updateThreads(store, ThreadSettings.DEFAULTS, new ConsoleProgress(System.err));
            if (json) {
                System.out.println(Json.write(u));
            } else {
                System.out.printf("%,d threads holding %,d of %,d stories; profiled %,d stories, re-linked %,d, in %.1f s%n", u.threads(),
                        u.threadedStories(), store.storyCount(), u.profiled(), u.relinked(), u.millis() / 1000.0);
            }
            return 0;
        }
    }

}
