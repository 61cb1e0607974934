package news.parallax.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.topics.TopicStore;
import news.parallax.topics.TopicSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "topic", mixinStandardHelpOptions = true, description = "One topic and its stories, newest first.")
final class TopicCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(index = "0", paramLabel = "SLUG", description = "The topic's slug, as in /topic/SLUG (see ./parallax topics).")
    String slug;

    @Option(names = "--json", description = "{topic: {slug, name, kind, storyCount, variants, lastSeen}, stories: [story listings]}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N stories (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            System.err.println("topic: --limit must be at least 1, got " + limit);
            return 2;
        }
        try (Store store = Services.store(data)) {
            TopicStore topics = new TopicStore(store);
            String s = slug;
            Optional<TopicSummary> topic = topics.topic(s);
            if (topic.isEmpty()) {
                Optional<String> moved = topics.redirect(s);
                if (moved.isPresent()) topic = topics.topic(s = moved.get());
            }
            if (topic.isEmpty()) {
                System.err.println("topic: no topic " + slug + " in " + store.location() + " (./parallax topics lists them)");
                return 1;
            }
            List<StoryRef> stories = topics.storyIds(s, 0, limit).stream().map(store::storyRef).flatMap(Optional::stream).toList();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("topic", topic.get());
                out.put("stories", stories);
                System.out.println(Json.writePretty(out));
                return 0;
            }
            TopicSummary t = topic.get();
            System.out.printf("%s (%s): %,d stories; also written %s%n", t.name(), t.kind(), t.storyCount(), String.join(", ", t.variants()));
            for (StoryRef r : stories) {
                System.out.printf("  %s  %3d sources  %s  (%s)%n", r.lastSeen() == null ? "undated   " : r.lastSeen().toString().substring(0, 10),
                        r.sourceCount(), r.title(), r.id());
            }
            return 0;
        }
    }
}
