package news.parallax.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.cluster.StoryClusterer;
import news.parallax.model.Article;
import news.parallax.pipeline.Pipelines;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Clusters the stored articles of a span of dates with the product clusterer (embeddings from the store's cache)
 * and prints the largest stories with their articles' dates and titles, for judging by hand whether each is one
 * event (eval/src/test/resources/cluster/coherence/README.md) without re-clustering the whole store. Nothing is
 * written but embeddings the cache lacked.
 */
@Command(name = "eval-cluster-window", mixinStandardHelpOptions = true,
        description = "Cluster the stored articles published in [--from, --to) and print the largest stories with their titles.")
final class EvalClusterWindowCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (UTC) of the span (default: every stored article, undated"
            + " ones included, in the order recluster reads them)")
    @Nullable LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day (UTC) after the span (with --from)")
    @Nullable LocalDate to;

    @Option(names = "--top", defaultValue = "15", description = "Largest stories printed (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--titles", defaultValue = "true", negatable = true, description = "Print each story's titles (default: on)")
    boolean titles;

    @Option(names = "--saturation", paramLabel = "SHARE", description = "Override the share of the last week's articles above which a lead term weighs less (0: off)")
    @Nullable Double saturation;

    @Option(names = "--recent-floor", negatable = true, description = "Override whether the embedding floor rises to the article's mean similarity with the last week's news")
    @Nullable Boolean recentFloor;

    @Option(names = "--aged-growth", negatable = true, description = "Override whether late joins and merges meet the story's age raise")
    @Nullable Boolean agedGrowth;

    @Option(names = "--seed", defaultValue = "9", description = "Seed of --sample-out's random draw (default: 9, as scripts/story-sample.py)")
    long seed;

    @Option(names = "--sample-out", paramLabel = "FILE", description = "Also write the 40 largest stories and a seeded random 40 of those with"
            + " 10+ articles (the rest), with their titles, in the format of scripts/story-sample.py, for judging")
    java.nio.file.@Nullable Path sampleOut;

    private static final int SAMPLE_LARGEST = 40, SAMPLE_RANDOM = 40, SAMPLE_MIN_ARTICLES = 10;

    @Override
    public Integer call() throws java.io.IOException {
        Instant from0 = Instant.MIN, to0 = Instant.MAX;
        if (from != null || to != null) {
            if (from == null || to == null || !from.isBefore(to)) {
                System.err.println("eval-cluster-window: give both --from and --to, --from before --to (or neither, for every stored article)");
                return 2;
            }
            from0 = from.atStartOfDay(ZoneOffset.UTC).toInstant();
            to0 = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        boolean all = from == null;
        Instant start = from0, end = to0;
        try (Store store = data.openStore()) {
            List<Article> articles = new ArrayList<>();
            store.forEachArticleByTime(a -> {
                Instant p = a.published();
                if (all || p != null && !p.isBefore(start) && p.isBefore(end)) articles.add(a);
            });
            ClusterConfig config = ClusterConfig.defaults();
            if (saturation != null || recentFloor != null)
                config = config.withSaturation(saturation != null ? saturation : config.saturatedShare(), recentFloor != null ? recentFloor : config.recentFloor());
            if (agedGrowth != null) config = config.withAgedGrowth(agedGrowth);
            System.out.printf("saturatedShare=%s recentFloor=%s agedGrowth=%s%n", config.saturatedShare(), config.recentFloor(), config.agedGrowth());
            StoryClusterer clusterer = Pipelines.standardClusterer(store, config);
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            Clustering result = clusterer.cluster(articles);
            long wall = System.nanoTime() - t0, cpu = cpuNanos() - cpu0;
            Map<String, Article> byId = new HashMap<>();
            for (Article a : articles) byId.put(a.id(), a);
            List<Clustering.Group> groups = new ArrayList<>(result.groups());
            groups.sort(Comparator.comparingInt((Clustering.Group g) -> -g.articleIds().size()));
            int multi = 0, ten = 0;
            for (Clustering.Group g : groups) {
                if (g.articleIds().size() > 1) multi++;
                if (g.articleIds().size() >= 10) ten++;
            }
            System.out.printf("%d articles %s..%s -> %d stories (%d with 2+, %d with 10+ articles) in %.1f s wall, %.1f s CPU of this thread%s%n",
                    articles.size(), all ? "all" : from, all ? "all" : to, groups.size(), multi, ten, wall / 1e9, cpu / 1e9,
                    clusterer instanceof StandardStoryClusterer s && s.lastCounters() != null ? "; " + s.lastCounters() : "");
            StringBuilder sizes = new StringBuilder("largest:");
            for (int i = 0; i < Math.min(40, groups.size()); i++) sizes.append(' ').append(groups.get(i).articleIds().size());
            System.out.println(sizes);
            if (sampleOut != null) writeSample(sampleOut, groups, byId);
            for (int i = 0; i < Math.min(top, groups.size()); i++) {
                Clustering.Group g = groups.get(i);
                List<Article> members = new ArrayList<>();
                for (String id : g.articleIds()) {
                    Article a = byId.get(id);
                    if (a != null) members.add(a);
                }
                members.sort(Comparator.comparing(EvalClusterWindowCommand::published));
                System.out.printf("%n## W%02d %d articles, %s..%s%n", i + 1, members.size(), day(members.getFirst()), day(members.getLast()));
                if (!titles) continue;
                for (Article a : members) {
                    String outlet = a.outlet().length() > 18 ? a.outlet().substring(0, 18) : a.outlet();
                    String title = a.title().length() > 100 ? a.title().substring(0, 100) : a.title();
                    System.out.printf("%s %-18s %s%s%n", day(a), outlet, g.copyOf().containsKey(a.id()) ? "(copy) " : "", title);
                }
            }
        }
        return 0;
    }

    /**
     * The 40 largest stories (ties: key) and 40 drawn with a fixed seed from the other stories of 10+ articles sorted by key
     * (the id of each story's first article), each with its articles by date: what the coherence labels judge.
     */
    private void writeSample(java.nio.file.Path out, List<Clustering.Group> bySize, Map<String, Article> byId) throws java.io.IOException {
        List<Clustering.Group> largest = new ArrayList<>(bySize);
        largest.sort(Comparator.comparingInt((Clustering.Group g) -> -g.articleIds().size()).thenComparing(g -> g.articleIds().getFirst()));
        largest = largest.subList(0, Math.min(SAMPLE_LARGEST, largest.size()));
        List<Clustering.Group> pool = new ArrayList<>();
        for (Clustering.Group g : bySize) if (g.articleIds().size() >= SAMPLE_MIN_ARTICLES && !largest.contains(g)) pool.add(g);
        pool.sort(Comparator.comparing(g -> g.articleIds().getFirst()));
        java.util.Collections.shuffle(pool, new java.util.Random(seed));
        List<Clustering.Group> drawn = new ArrayList<>(pool.subList(0, Math.min(SAMPLE_RANDOM, pool.size())));
        drawn.sort(Comparator.comparing(g -> g.articleIds().getFirst()));
        StringBuilder b = new StringBuilder();
        b.append(String.format("# %d stories with >= %d articles; seed %d%n", pool.size() + largest.size(), SAMPLE_MIN_ARTICLES, seed));
        for (String part : List.of("L", "R")) {
            List<Clustering.Group> groups = part.equals("L") ? largest : drawn;
            for (int i = 0; i < groups.size(); i++) {
                List<Article> members = new ArrayList<>();
                for (String id : groups.get(i).articleIds()) {
                    Article a = byId.get(id);
                    if (a != null) members.add(a);
                }
                members.sort(Comparator.comparing(EvalClusterWindowCommand::published).thenComparing(Article::id));
                long sources = members.stream().map(Article::outlet).distinct().count();
                b.append(String.format("%n## %s%02d %s | %d articles, %d sources, %s..%s | %s%n", part, i + 1, groups.get(i).articleIds().getFirst(),
                        members.size(), sources, day(members.getFirst()), day(members.getLast()), members.getFirst().title()));
                for (Article a : members) {
                    String outlet = a.outlet().length() > 18 ? a.outlet().substring(0, 18) : a.outlet();
                    String title = a.title().length() > 110 ? a.title().substring(0, 110) : a.title();
                    b.append(String.format("%s %s%-18s %s%n", day(a), groups.get(i).copyOf().containsKey(a.id()) ? "(copy) " : "", outlet, title));
                }
            }
        }
        java.nio.file.Files.writeString(out, b);
    }

    private static Instant published(Article a) {
        Instant p = a.published();
        return p == null ? Instant.EPOCH : p;
    }

    private static String day(@Nullable Article a) {
        return a == null || a.published() == null ? "undated" : a.published().toString().substring(0, 10);
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
