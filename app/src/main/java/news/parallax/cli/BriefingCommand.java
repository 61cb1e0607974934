package news.parallax.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;
import news.parallax.store.Store;
import news.parallax.web.DailyBriefing;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "briefing", mixinStandardHelpOptions = true,
        description = "One day's briefing: the largest stories, the blindspots for each side and the figures in dispute.")
final class BriefingCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (UTC); default: the latest day with articles.")
    @Nullable String date;

    @Option(names = "--json", description = "The briefing JSON (fields documented in the README, as /api/briefing).")
    boolean json;

    @Override
    public Integer call() {
        LocalDate day = null;
        if (date != null) {
            try {
                day = DailyBriefing.parseDate(date);
            } catch (IllegalArgumentException e) {
                System.err.println("error: --" + e.getMessage());
                return 2;
            }
        }
        try (Store store = Services.store(data)) {
            if (day == null) {
                Optional<LocalDate> latest = DailyBriefing.latestDay(store, Instant.now());
                if (latest.isEmpty()) {
                    System.err.println("no dated articles in " + store.location() + ": ingest some first");
                    return 1;
                }
                day = latest.get();
            }
            DailyBriefing b = DailyBriefing.select(store, Services.analyzer(data.dir()), day);
            if (json) {
                System.out.println(Json.writePretty(b));
                return 0;
            }
            System.out.println("Briefing for " + b.date() + ": " + b.storyCount() + " stories with an article that day");
            System.out.println("\nLargest stories:");
            print(b.largest());
            for (String side : List.of("left", "right")) {
                System.out.println("\nBlindspots for the " + side + ":");
                print(b.blindspots().getOrDefault(side, List.of()));
            }
            System.out.println("\nFigures in dispute:");
            if (b.figures().isEmpty()) System.out.println("  none");
            for (DailyBriefing.StoryFigures f : b.figures()) {
                System.out.println("  " + f.story().title() + " (" + f.story().id() + ")");
                for (StoryView.FigureQuestion q : f.questions()) {
                    System.out.println("    " + q.question());
                    for (StoryView.FigureAnswer a : q.answers()) {
                        System.out.println("      " + a.value() + (a.attributedTo() == null ? "" : " (" + a.attributedTo() + ")") + ": "
                                + String.join(", ", a.outlets().stream().map(StoryView.OutletRef::name).toList()));
                    }
                }
            }
            return 0;
        }
    }

    private static void print(List<StoryOverview> stories) {
        if (stories.isEmpty()) System.out.println("  none");
        for (StoryOverview o : stories) {
            StoryView.Landscape l = o.landscape();
            System.out.printf("  %s (%s): %d sources; left %d, center %d, right %d, unrated %d%n", o.story().title(), o.story().id(),
                    o.story().sourceCount(), l.left(), l.center(), l.right(), l.unrated());
        }
    }
}
