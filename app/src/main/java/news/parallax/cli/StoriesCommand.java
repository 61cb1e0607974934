package news.parallax.cli;

import java.util.List;
import java.util.concurrent.Callable;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stories", mixinStandardHelpOptions = true, description = "List stories, most sources first.")
final class StoriesCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--json", description = "One JSON array: id, title, sourceCount, articleCount, articleIds, firstSeen, lastSeen.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "At most N stories (default: all, singletons included).")
    int limit;

    @Override
    public Integer call() {
        try (Store store = Services.store(data)) {
            List<StoryRef> stories = store.stories(limit);
            if (json) {
                System.out.println(Json.write(stories));
            } else {
                for (StoryRef s : stories) {
                    System.out.printf("%s  %3d sources  %3d articles  %s%n", s.id(), s.sourceCount(), s.articleCount(), s.title());
                }
            }
            return 0;
        }
    }
}
