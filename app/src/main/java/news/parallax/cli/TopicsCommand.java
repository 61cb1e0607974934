package news.parallax.cli;

import java.util.List;
import java.util.concurrent.Callable;
import news.parallax.internal.Json;
import news.parallax.pipeline.StoredTopics;
import news.parallax.pipeline.StoredViews;
import news.parallax.store.Store;
import news.parallax.topics.TopicBuilder;
import news.parallax.topics.TopicStore;
import news.parallax.topics.TopicSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Topics: people, organisations and places named across at least three stories, largest first.",
                "They are computed when stories change (ingest, crawl, run); --update or --rebuild computes them here."})
final class TopicsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--json", description = "A JSON array of {slug, name, kind, storyCount, variants, lastSeen}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N topics (default: ${DEFAULT-VALUE}; 0 for all).")
    int limit;

    @Option(names = "--filter", paramLabel = "TEXT", defaultValue = "", description = "Only topics whose name or a spelling contains TEXT.")
    String filter;

    @Option(names = "--update", description = "First read the stories whose views changed and recompute the topics.")
    boolean update;

    @Option(names = "--rebuild", description = "First drop every topic and read every story's view again (timed).")
    boolean rebuild;

    @Override
    public Integer call() {
        if (limit < 0) {
            System.err.println("topics: --limit must be 0 or more, got " + limit);
            return 2;
        }
        try (Store store = Services.store(data)) {
            TopicStore topics = new TopicStore(store);
            if (update || rebuild) {
                if (rebuild) topics.clear();
                TopicBuilder builder = StoredTopics.builder(new StoredViews(store, Services.analyzer(data.dir())), Services.registry(data.dir()));
                TopicBuilder.Update u = builder.update();
                if (u.topics() < 0) {
                    // No view changed: asked to update, recompute from the stored names anyway (timed apart).
                    long start = System.nanoTime();
                    int stored = builder.recompute();
                    u = new TopicBuilder.Update(0, stored, u.millis() + (System.nanoTime() - start) / 1_000_000);
                }
                System.err.printf("topics: read the names of %,d stories, stored %,d topics in %.1f s%n", u.storiesRead(),
                        u.topics() < 0 ? topics.count("") : u.topics(), u.millis() / 1000.0);
            }
            int total = topics.count(filter);
            List<TopicSummary> list = total == 0 ? List.of() : topics.topics(filter, 0, limit == 0 ? total : Math.min(limit, total));
            if (json) {
                System.out.println(Json.writePretty(list));
                return 0;
            }
            System.out.printf("%,d topics%s%n", total, filter.isBlank() ? "" : " matching \"" + filter + "\"");
            for (TopicSummary t : list) {
                System.out.printf("%6d  %-40s %-12s /topic/%s%n", t.storyCount(), t.name(), t.kind(), t.slug());
            }
            return 0;
        }
    }
}
