package news.parallax.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.outlets.DefaultOutletRegistry;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;
import news.parallax.web.OutletStories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "outlet", mixinStandardHelpOptions = true,
        description = "Show one outlet (by domain, URL, name or registry id) with every rating and its stored stories.")
public final class OutletCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "DOMAIN", description = "A domain (cnn.com), URL, outlet name or registry id.")
    String query;

    @Option(names = "--json", description = "The outlet and its stories as one JSON object.")
    boolean json;

    @Option(names = "--limit", defaultValue = "20", description = "At most N stories (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        DefaultOutletRegistry registry = OutletRegistries.standard(data.dir());
        Optional<Outlet> found = registry.findById(query).or(() -> registry.find(query));
        if (found.isEmpty()) {
            System.err.println("no outlet matches \"" + query + "\" in the registry; it would be shown as unrated."
                    + " Add it to " + data.dir().resolve(OutletRegistries.USER_FILE) + " to rate it.");
            return 1;
        }
        Outlet o = found.get();
        List<StoryRef> stories;
        try (Store store = Services.store(data)) {
            stories = OutletStories.of(store, registry, o, limit);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("outlet", o);
            out.put("stories", stories);
            System.out.println(Json.writePretty(out));
            return 0;
        }
        System.out.println(o.name() + (o.domain().isEmpty() ? "" : " (" + o.domain() + ")"));
        System.out.println("  bias:        " + (o.bias() == null ? "unrated" : o.bias().key() + ", " + o.side().key()));
        System.out.println("  factuality:  " + (o.factuality() == null ? "unknown" : o.factuality()));
        System.out.println("  ownership:   " + o.ownershipText());
        System.out.println("  country:     " + (o.country() == null ? "unknown" : o.country()));
        if (!o.aliases().isEmpty()) System.out.println("  also known as: " + String.join(", ", o.aliases()));
        System.out.println("  ratings:");
        for (Outlet.Rating r : o.ratings()) {
            System.out.println("    " + r.rater() + ": " + r.bias() + (r.factuality() == null ? "" : ", factual reporting " + r.factuality())
                    + (r.source() == null ? "" : " <" + r.source() + ">") + (r.note() == null ? "" : " (" + r.note() + ")"));
        }
        System.out.println("  stories (" + stories.size() + (stories.size() == limit ? "+" : "") + "):");
        for (StoryRef s : stories) {
            System.out.printf("    %s  %3d sources  %3d articles  %s%n", s.id(), s.sourceCount(), s.articleCount(), s.title());
        }
        return 0;
    }
}
