package news.parallax.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import news.parallax.internal.Json;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "outlets", mixinStandardHelpOptions = true,
        description = "List the outlet registry: bundled AllSides and Media Bias/Fact Check ratings plus <data>/outlets.json.")
public final class OutletsCommand implements Callable<Integer> {
    // Reads only the data folder's outlets.json, never the store: hence --data without --db.
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "parallax-data")
    java.nio.file.Path dataDir;

    @Option(names = "--json", description = "One JSON array of outlets with every rater's rating.")
    boolean json;

    @Option(names = "--rated", description = "Only outlets with a left-right position.")
    boolean ratedOnly;

    @Override
    public Integer call() throws Exception {
        List<Outlet> outlets = OutletRegistries.standard(dataDir).all().stream()
                .filter(o -> !ratedOnly || o.rated())
                .sorted(Comparator.comparing((Outlet o) -> o.name().toLowerCase(Locale.ROOT))).toList();
        if (json) {
            System.out.println(Json.write(outlets));
            return 0;
        }
        for (Outlet o : outlets) {
            System.out.printf(Locale.ROOT, "%-40s %-32s %-11s %-15s %s%n", o.id(), truncate(o.name(), 32),
                    o.bias() == null ? "unrated" : o.bias().key(), o.factuality() == null ? "-" : o.factuality(),
                    String.join(", ", o.ratings().stream().map(r -> r.rater() + ": " + r.bias()).distinct().toList()));
        }
        System.out.printf(Locale.ROOT, "%d outlets, %d with a left-right position%n", outlets.size(),
                outlets.stream().filter(Outlet::rated).count());
        return 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
