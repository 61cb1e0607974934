package news.parallax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterScores;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.LabelledArticles;
import news.parallax.cluster.LiveStreamProbe;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parallax bench-vocab}: the live clusterer's dictionaries over a long stream of corpus articles (issue 15,
 * "months of uptime in bounded memory"), and the stories it saves, to compare builds: terms known, counts kept for
 * forgotten terms and heap after full collections every {@code --every} articles; B-cubed against story labels; and,
 * with {@code --compare}, how many articles' stories have the same members as another run's.
 */
@Command(name = "bench-vocab", mixinStandardHelpOptions = true,
        description = "The live clusterer's term dictionaries and heap over a corpus stream (embeddings off), for BENCHMARKS.md")
final class BenchVocabCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORPUS", description = "The AllSides corpus (JSONL, optionally gzip'd)")
    Path corpus;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the stream (default: the corpus's first dated article)")
    @Nullable LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day after the stream's last (default: to the end)")
    @Nullable LocalDate to;

    @Option(names = "--every", defaultValue = "2000", description = "Articles between readings (default: ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--pass", defaultValue = "100", description = "Articles between live passes (default: ${DEFAULT-VALUE})")
    int pass;

    @Option(names = "--no-heap", description = "Do not read the heap (each reading otherwise runs full collections)")
    boolean noHeap;

    @Option(names = "--keep-terms", description = "Keep every term in the dictionaries (the product forgets those no article in memory names)")
    boolean keepTerms;

    @Option(names = "--no-stories", description = "Keep no record of the stories saved (no scores, --out or --compare): the heap is the clusterer's and the articles'")
    boolean noStories;

    @Option(names = "--labels", paramLabel = "TSV", description = "Story labels (id<TAB>story) to score the saved stories against (B-cubed)")
    List<Path> labels = List.of();

    @Option(names = "--out", paramLabel = "TSV", description = "Write each article's saved story (article id, first member's id)")
    @Nullable Path out;

    @Option(names = "--compare", paramLabel = "TSV", description = "Another run's --out: count articles whose story has the same members")
    @Nullable Path compare;

    @Override
    public Integer call() throws IOException {
        Instant start = from == null ? Instant.MIN : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.MAX : to.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Article> stream = LabelledArticles.readArticles(corpus).stream()
                .filter(a -> a.published() != null && !a.published().isBefore(start) && a.published().isBefore(end))
                .sorted(LabelledArticles.STREAM_ORDER).toList();
        System.out.printf("bench-vocab: %d dated articles in the stream%n", stream.size());
        System.out.println("articles\tlead terms\tbody terms\tlead forgotten\tbody forgotten\tcounts given up\tstories in memory\theap MB");
        LiveStreamProbe probe = new LiveStreamProbe(!keepTerms, !noStories);
        long t0 = System.nanoTime();
        for (int i = 0; i < stream.size(); i++) {
            probe.add(stream.get(i));
            if ((i + 1) % pass == 0 || i + 1 == stream.size()) probe.pass();
            if ((i + 1) % every == 0 || i + 1 == stream.size()) print(probe.read(!noHeap));
        }
        System.out.printf("clustered in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (noStories) return 0;
        Clustering stories = probe.stories();
        System.out.printf("stories saved: %d%n", stories.groups().size());
        for (Path l : labels) {
            ClusterScores s = ClusterScores.of(stories, LabelledArticles.readLabels(l));
            System.out.printf("%s: %d articles, B-cubed P %.4f R %.4f F1 %.4f%n", l.getFileName(), s.articles(), s.bcubedPrecision(),
                    s.bcubedRecall(), s.bcubedF1());
        }
        Map<String, String> mine = storyOf(stories);
        if (out != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                mine.forEach((id, story) -> w.println(id + "\t" + story));
            }
        }
        if (compare != null) {
            Map<String, String> theirs = new HashMap<>();
            for (String line : Files.readAllLines(compare, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                theirs.put(f[0], f[1]);
            }
            System.out.printf("same story members as %s: %d of %d articles%n", compare.getFileName(), sameMembers(mine, theirs), mine.size());
        }
        return 0;
    }

    private static void print(LiveStreamProbe.Reading r) {
        System.out.printf("%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s%n", r.articles(), r.leadTerms(), r.bodyTerms(), r.leadForgotten(), r.bodyForgotten(),
                r.countsGivenUp(), r.storiesInMemory(), r.heapBytes() < 0 ? "-" : String.valueOf(r.heapBytes() >> 20));
    }

    /** Each article's story named by its first member. */
    private static Map<String, String> storyOf(Clustering c) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (Clustering.Group g : c.groups()) {
            String name = g.articleIds().stream().min(Comparator.naturalOrder()).orElseThrow();
            for (String id : g.articleIds()) m.put(id, name);
        }
        return m;
    }

    /** Articles whose story has exactly the same members in both runs. */
    private static long sameMembers(Map<String, String> a, Map<String, String> b) {
        Map<String, java.util.Set<String>> membersA = members(a), membersB = members(b);
        return a.entrySet().stream().filter(e -> {
            String other = b.get(e.getKey());
            return other != null && java.util.Objects.equals(membersA.get(e.getValue()), membersB.get(other));
        }).count();
    }

    private static Map<String, java.util.Set<String>> members(Map<String, String> storyOf) {
        Map<String, java.util.Set<String>> out = new HashMap<>();
        storyOf.forEach((id, story) -> out.computeIfAbsent(story, k -> new java.util.HashSet<>()).add(id));
        return out;
    }
}
