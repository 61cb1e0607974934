package news.parallax.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "story", mixinStandardHelpOptions = true, description = "Show one story: summary, landscape, key points, articles.",
        subcommands = {StoryCorrectionCommands.Split.class, StoryCorrectionCommands.Merge.class, StoryCorrectionCommands.Move.class,
                StoryCorrectionCommands.ListCorrections.class, StoryCorrectionCommands.Undo.class}) // issue 14: editor corrections
final class StoryCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    // Optional only so that `story split|merge|move|corrections` parse; `story` alone still needs it.
    @Parameters(paramLabel = "ID", arity = "0..1")
    String id;

    @Option(names = "--json", description = "The story JSON (fields documented in the README).")
    boolean json;

    @Override
    public Integer call() {
        if (id == null) {
            System.err.println("usage: parallax story ID [--json] | story split|merge|move|corrections ...");
            return 2;
        }
        try (Store store = Services.store(data)) {
            var members = store.story(id);
            if (members.isEmpty()) {
                System.err.println("no story " + id + " in " + store.location());
                return 1;
            }
            StoryView v = Services.analyzer(data.dir()).analyze(members.get());
            if (json) {
                System.out.println(Json.writePretty(v));
                return 0;
            }
            System.out.println(v.title());
            System.out.printf("%d sources, %d articles; left %d, center %d, right %d, unrated %d%n%n", v.sourceCount(),
                    v.articleCount(), v.landscape().left(), v.landscape().center(), v.landscape().right(), v.landscape().unrated());
            System.out.println("Full story: " + v.summary() + "\n");
            for (Map.Entry<String, List<String>> e : v.keyPoints().entrySet()) {
                System.out.println("Key points from the " + e.getKey() + ":");
                if (e.getValue().isEmpty()) System.out.println("  No summary available because of a lack of coverage.");
                e.getValue().forEach(p -> System.out.println("  - " + p));
            }
            System.out.println("\nArticles:");
            for (var a : v.articles()) {
                System.out.printf("  [%s] %s: %s (%s)%n", a.bias(), a.outlet().isBlank() ? "Unknown outlet" : a.outlet(), a.title(),
                        a.location());
            }
            return 0;
        }
    }
}
