package news.parallax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval-pages", mixinStandardHelpOptions = true,
        description = "Page-quality check: ingests a date window of a JSONL corpus into a temporary store and reads the"
                + " largest stories' views for captions, datelines, fragments, half sentences, near-duplicates,"
                + " summaries out of event order, opinion headlines, ungrouped figures and article ids shown as outlets,"
                + " and how contrastive the key points per side are.")
final class EvalPagesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "JSONL corpus (.jsonl or .jsonl.gz) with the AllSides fields.")
    Path file;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day of the window (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day of the window, inclusive (YYYY-MM-DD).")
    String to;

    @Option(names = "--top", paramLabel = "N", description = "Stories checked, most sources first (default ${DEFAULT-VALUE}).")
    int top = 50;

    @Option(names = "--show", paramLabel = "N", description = "Examples printed per check (default ${DEFAULT-VALUE}).")
    int show = 3;

    @Override
    public Integer call() throws IOException {
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from);
            last = LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            System.err.println("eval-pages: --from and --to take YYYY-MM-DD dates: " + e.getParsedString());
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("eval-pages: no such file " + file);
            return 2;
        }
        if (top < 1) {
            System.err.println("eval-pages: --top must be at least 1, was " + top);
            return 2;
        }
        Path dir = Files.createTempDirectory("parallax-eval-pages");
        Path slice = dir.resolve("window.jsonl");
        int records = slice(file, slice, first, last);
        System.out.printf("window %s..%s: %d records of %s%n", first, last, records, file);
        var registry = OutletRegistries.bundled();
        try (Store store = Store.open(dir.resolve("data"))) {
            Pipeline.standard(store).ingest(List.of(slice), ProgressListener.NONE);
            List<StoryRef> refs = store.stories(top);
            var analyzer = new DefaultStoryAnalyzer(registry);
            Map<String, List<PageQuality.Finding>> byCheck = new LinkedHashMap<>();
            for (String c : PageQuality.CHECKS) byCheck.put(c, new ArrayList<>());
            int sentences = 0;
            int figures = 0;
            int stories = 0;
            PageQuality.Contrast contrast = new PageQuality.Contrast(0, 0, 0);
            for (StoryRef ref : refs) {
                var members = store.story(ref.id()).orElseThrow();
                Map<String, Article> records2 = new HashMap<>();
                for (Article a : members.articles()) records2.put(a.id(), a);
                StoryView v = analyzer.analyze(members);
                stories++;
                sentences += v.summarySentences().size() + v.keyPointSentences().values().stream().mapToInt(List::size).sum();
                figures += v.figures().stream().mapToInt(q -> q.answers().size()).sum();
                for (PageQuality.Finding f : PageQuality.check(v, records2)) {
                    Objects.requireNonNull(byCheck.get(f.check()), () -> "check not in PageQuality.CHECKS: " + f.check()).add(f);
                }
                contrast = contrast.plus(PageQuality.contrast(v));
            }
            System.out.printf("%d stories (the %d largest), %d summary and key-point sentences, %d figures%n", stories, top,
                    sentences, figures);
            for (var e : byCheck.entrySet()) {
                System.out.printf("  %-34s %d%n", e.getKey(), e.getValue().size());
                e.getValue().stream().limit(show).forEach(f -> System.out.printf("      %s: %s%n", f.storyId(), clip(f.text())));
            }
            System.out.printf("key points (contrast between sides): %d shown; %d (%.1f%%) nearly repeat another side's key point;"
                    + " %d (%.1f%%) state a fact another side's articles state too%n", contrast.points(),
                    contrast.repeatOtherSidesPoint(), percent(contrast.repeatOtherSidesPoint(), contrast.points()),
                    contrast.statedByOtherSide(), percent(contrast.statedByOtherSide(), contrast.points()));
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    /** Copies the records dated within [first, last] to {@code out}; returns how many. */
    static int slice(Path in, Path out, LocalDate first, LocalDate last) throws IOException {
        int n = 0;
        try (InputStream raw = Files.newInputStream(in);
             InputStream body = in.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = Json.mapper().readTree(line);
                } catch (IOException e) {
                    continue;
                }
                String date = node.path("date").asText("");
                if (date.length() < 10) continue;
                LocalDate d;
                try {
                    d = LocalDate.parse(date.substring(0, 10));
                } catch (DateTimeParseException e) {
                    continue;
                }
                if (d.isBefore(first) || d.isAfter(last)) continue;
                w.write(line);
                w.newLine();
                n++;
            }
        }
        return n;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String clip(String s) {
        return s.length() > 160 ? s.substring(0, 159) + "…" : s;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
