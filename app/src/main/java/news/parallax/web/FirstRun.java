package news.parallax.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.parallax.fetch.FeedSource;
import org.jspecify.annotations.Nullable;

/**
 * Why no article has arrived yet, in one line from the feed statuses ("81 feeds, all failing: unknown host — no
 * network?"). Shown on an empty home page and printed by {@code run}.
 */
public final class FirstRun {
    /** What to try instead, shown beside the reason. */
    public static final String HINT = "Try ./parallax demo for sample stories (works offline), or ./parallax ingest PATH for your own files.";

    private FirstRun() {}

    public static String explain(List<FeedSource> sources) {
        if (sources.isEmpty()) return "No article yet and no feed configured (./parallax feeds import --defaults adds the default list).";
        List<FeedSource> failing = sources.stream().filter(s -> s.consecutiveFailures() > 0).toList();
        long succeeded = sources.stream().filter(s -> s.lastSuccess() != null).count();
        String feeds = sources.size() == 1 ? "1 feed" : sources.size() + " feeds";
        if (failing.size() == sources.size()) return feeds + ", all failing: " + cause(failing);
        if (!failing.isEmpty() && succeeded == 0) {
            return feeds + ": " + failing.size() + " failing (" + cause(failing) + "), none fetched yet.";
        }
        if (succeeded == 0) return feeds + ", none fetched yet: the first crawl pass is under way.";
        return feeds + ", " + succeeded + " fetched; no article stored yet: their links are queued for fetching.";
    }

    /** The most common failure among {@code failing}, in a reader's words. */
    static String cause(List<FeedSource> failing) {
        Map<String, Long> byKind = failing.stream().map(s -> kind(s.lastError()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // Most common first; ties by name, so the line is the same on every call.
        Comparator<Map.Entry<String, Long>> order = Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        String top = byKind.entrySet().stream().sorted(order).map(Map.Entry::getKey).findFirst().orElse("unknown error");
        return switch (top) {
            case "unknown host", "timed out", "connection refused" -> top + " — no network?";
            default -> top;
        };
    }

    private static String kind(@Nullable String error) {
        if (error == null || error.isBlank()) return "unknown error";
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains("unknown host") || e.contains("unresolvedaddress") || e.contains("unknownhost")) return "unknown host";
        if (e.contains("timed out") || e.contains("no complete response")) return "timed out";
        if (e.contains("connection refused") || e.contains("connectexception")) return "connection refused";
        if (e.contains("http 4") || e.contains("http 5")) return "HTTP errors";
        if (e.contains("robots")) return "refused by robots.txt";
        // An error names its URL first ("https://x/feed: ..."): keep what follows, cut to a line.
        int sep = error.indexOf(": ");
        String tail = sep >= 0 ? error.substring(sep + 2) : error;
        return tail.length() > 80 ? tail.substring(0, 80) + "…" : tail;
    }
}
