package news.parallax.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import news.parallax.analysis.SourceCounts;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.LabelledArticles;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.cluster.StoryClusterers;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.Pipelines;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Clusters a whole corpus with the product clusterer (embeddings included) in one pass and prints
 * time per article at growing stream lengths, peak heap, and whether the seed articles ended in one
 * story of their own (issue 4's scale and seed floors).
 */
@Command(name = "bench-cluster", mixinStandardHelpOptions = true,
        description = "Cluster a full corpus: throughput table from 1k articles to all, peak heap, seed story check.")
public final class BenchClusterCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORPUS.jsonl[.gz]", description = "Articles: id, source, title, date, text")
    Path corpus;

    @Option(names = "--seeds", split = ",", paramLabel = "FILE,...", description = "Raw text dumps that must form one story of their own")
    List<Path> seeds = List.of();

    @Option(names = "--seeds-last", description = "Put the undated seeds after every dated article (default: first, among the undated)")
    boolean seedsLast;

    @Option(names = "--limit", description = "Cluster only the first N articles of the stream")
    int limit = Integer.MAX_VALUE;

    @Option(names = "--embeddings", paramLabel = "none|borderline|all", description = "Override when embeddings are computed")
    String embeddings;

    @Option(names = "--subject-penalty", paramLabel = "RAISE", description = "Override the title-subject threshold raise (0: off), to time it")
    Double subjectPenalty;

    @Option(names = "--rescue-margin", paramLabel = "LEAD", description = "Override the rescue margin of lone articles (0: rescue off), to time it")
    Double rescueMargin;

    @Option(names = "--checkpoints", split = ",", description = "Stream lengths at which to report (default: ${DEFAULT-VALUE})")
    List<Integer> checkpoints = List.of(1000, 2000, 5000, 10000, 20000, 30000);

    @Option(names = "--live", description = "Hold back the last N articles and add them afterwards as live passes "
            + "(StoryClusterer.extend), then time a warm full re-cluster for comparison (default: 0, off)")
    int live = 0;

    @Option(names = "--live-pass", description = "Articles per live pass with --live (default: ${DEFAULT-VALUE})")
    int livePass = 100;

    /** Runs the command alone, without the launcher. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchClusterCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(corpus)) {
            System.err.println("bench-cluster: no such file: " + corpus);
            return 2;
        }
        if (live < 0 || livePass < 1) {
            System.err.println("bench-cluster: --live must be 0 or more and --live-pass 1 or more");
            return 2;
        }
        for (Path s : seeds) {
            if (!Files.isRegularFile(s)) {
                System.err.println("bench-cluster: no such seed file: " + s);
                return 2;
            }
        }
        long t0 = System.nanoTime();
        List<Article> stream = new ArrayList<>(readCorpus());
        if (stream.size() > limit) stream = new ArrayList<>(stream.subList(0, limit));
        List<Article> seedArticles = seeds.stream().map(LabelledArticles::fromTextDump).toList();
        if (seedsLast) stream.addAll(seedArticles);
        else stream.addAll(0, seedArticles);
        if (!seedsLast) stream.sort(LabelledArticles.STREAM_ORDER);
        System.out.printf(Locale.ROOT, "read %d articles (%d seeds) in %.1f s; %d cores, max heap %d MB%n", stream.size(), seedArticles.size(),
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        ClusterConfig config = ClusterConfig.defaults();
        if (embeddings != null) config = config.withEmbeddings(ClusterConfig.EmbeddingUse.valueOf(embeddings.toUpperCase(Locale.ROOT)));
        if (subjectPenalty != null) config = config.withSubjectPenalty(subjectPenalty);
        if (rescueMargin != null) config = config.withRescue(rescueMargin > 0, rescueMargin);
        StandardStoryClusterer clusterer = StoryClusterers.withConfig(config);
        System.out.printf(Locale.ROOT, "config: %s%n", config);
        System.out.printf(Locale.ROOT, "%10s %12s %14s %14s %14s%n", "articles", "seconds", "ms/article*", "cpu-ms/art*", "articles/s");
        List<Integer> marks = new ArrayList<>(checkpoints);
        marks.add(stream.size());
        long start = System.nanoTime();
        long[] last = {start, 0, cpuNanos()};
        int[] next = {0};
        List<Article> all = stream;
        List<Article> held = List.of();
        if (live > 0) {
            int cut = Math.max(0, stream.size() - live);
            held = stream.subList(cut, stream.size());
            stream = stream.subList(0, cut);
            marks.set(marks.size() - 1, stream.size());
        }
        final int total = stream.size();
        long heapBefore = retainedHeapMb();
        Clustering result = clusterer.cluster(stream, done -> {
            while (next[0] < marks.size() && done >= Math.min(marks.get(next[0]), total)) {
                long now = System.nanoTime();
                double secs = (now - start) / 1e9;
                long cpu = cpuNanos();
                double interval = (now - last[0]) / 1e6 / Math.max(1, done - last[1]);
                double cpuInterval = (cpu - last[2]) / 1e6 / Math.max(1, done - last[1]);
                System.out.printf(Locale.ROOT, "%10d %12.1f %14.2f %14.2f %14.1f%n", done, secs, interval, cpuInterval, done / secs);
                last[0] = now;
                last[2] = cpu;
                last[1] = done;
                next[0]++;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("* over the articles since the previous line; cpu = CPU time of the whole process (all threads)");
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "clustered %d articles into %d stories in %.1f s: %.1f articles/s; peak heap %d MB%n", total,
                result.groups().size(), seconds, total / seconds, peakHeapMb());
        System.out.println("counters: " + clusterer.lastCounters());
        // What a long-running process keeps for the stream (open stories' centres, every member id, the
        // embedding cache): live heap after a full GC, over what the bench held before clustering.
        long heapAfter = retainedHeapMb();
        System.out.printf(Locale.ROOT, "retained heap after full GC: %d MB (%d MB before clustering; %d MB for the stream and embedding cache)%n",
                heapAfter, heapBefore, heapAfter - heapBefore);
        if (!held.isEmpty()) result = livePasses(clusterer, result, all, held);
        return seedArticles.isEmpty() ? 0 : checkSeeds(result, seedArticles, all);
    }

    /**
     * Adds the held-back articles in passes as live ingestion does, then re-clusters the whole stream
     * (embeddings warm) to show what each pass saves and that both give the same stories.
     */
    private Clustering livePasses(StandardStoryClusterer clusterer, Clustering before, List<Article> all, List<Article> held) {
        System.out.printf(Locale.ROOT, "live passes of %d articles on top of %d clustered:%n", livePass, all.size() - held.size());
        PassTimes times = new PassTimes();
        // The whole stream, to compare: the first call's stories with each pass's changed stories laid over them (a live
        // stream keeps only what new articles can reach, so it has no whole snapshot).
        java.util.Map<String, Clustering.Group> groupOf = new java.util.HashMap<>();
        java.util.function.Consumer<Clustering> lay = c -> {
            for (Clustering.Group g : c.groups()) for (String id : g.articleIds()) groupOf.put(id, g);
        };
        lay.accept(before);
        for (int from = 0; from < held.size(); from += livePass) {
            List<Article> pass = held.subList(from, Math.min(held.size(), from + livePass));
            // what a live pass asks for: the stories it changed
            Clustering[] changed = new Clustering[1];
            times.time(() -> changed[0] = clusterer.extendChanged(pass, done -> {}).orElseThrow());
            lay.accept(changed[0]);
        }
        System.out.println("  " + times + " (new articles embedded in the pass)");
        // Stories in order of their first article, as a snapshot lists them: by each group's earliest member in the stream.
        java.util.Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) position.putIfAbsent(all.get(i).id(), i);
        Clustering extended = new Clustering(new java.util.LinkedHashSet<>(groupOf.values()).stream()
                .sorted(java.util.Comparator.comparingInt((Clustering.Group g) -> g.articleIds().stream().mapToInt(position::get).min().orElse(0)))
                .toList());
        long t = System.nanoTime();
        Clustering full = clusterer.cluster(all);
        System.out.printf(Locale.ROOT, "  full re-cluster of %d articles, embeddings cached: %.1f s%n", all.size(), (System.nanoTime() - t) / 1e9);
        System.out.println("  live result " + (full.equals(extended) ? "equals" : "DIFFERS FROM") + " the full re-cluster");
        storePasses(clusterer, all, held);
        return extended;
    }

    /**
     * The same passes as {@code run} takes them, through {@link Pipeline#clusterNew} on a fresh SQLite
     * store: finding the new articles, extending the stream, building and saving the stories.
     */
    private void storePasses(StandardStoryClusterer clusterer, List<Article> all, List<Article> held) {
        Path dir;
        try {
            dir = Files.createTempDirectory("bench-live-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Store store = Store.open(dir)) {
            // The store keeps one row per id and per URL, as ingest does.
            Set<String> ids = new HashSet<>(), urls = new HashSet<>();
            List<Article> unique = all.stream().filter(a -> ids.add(a.id()) && (a.url() == null || urls.add(a.url()))).toList();
            Set<String> heldIds = new HashSet<>();
            for (Article a : held) heldIds.add(a.id());
            List<Article> base = unique.stream().filter(a -> !heldIds.contains(a.id())).toList();
            List<Article> later = unique.stream().filter(a -> heldIds.contains(a.id())).toList();
            for (int i = 0; i < base.size(); i += 500) store.insert(base.subList(i, Math.min(base.size(), i + 500)));
            Pipeline pipeline = new Pipeline(store, Pipelines.standardHtmlExtractor(), clusterer);
            long t = System.nanoTime();
            int stories = pipeline.recluster(ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "store passes (SQLite, Pipeline.clusterNew: find new articles, extend, build and save stories; embeddings cached):%n");
            System.out.printf(Locale.ROOT, "  re-cluster and save of %d articles: %.1f s, %d stories%n", base.size(), (System.nanoTime() - t) / 1e9, stories);
            PassTimes times = new PassTimes();
            for (int from = 0; from < later.size(); from += livePass) {
                store.insert(later.subList(from, Math.min(later.size(), from + livePass)));
                times.time(() -> pipeline.clusterNew(ProgressListener.NONE));
            }
            System.out.println("  " + times + "; " + store.storyCount() + " stories stored");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                System.err.println("bench-cluster: cannot remove " + dir + ": " + e.getMessage());
            }
        }
    }

    /** Wall time of repeated passes: their number, mean and slowest. */
    private static final class PassTimes {
        private double sumMs, slowestMs;
        private int passes;

        void time(Runnable pass) {
            long t = System.nanoTime();
            pass.run();
            double ms = (System.nanoTime() - t) / 1e6;
            slowestMs = Math.max(slowestMs, ms);
            sumMs += ms;
            passes++;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d passes: mean %.0f ms, slowest %.0f ms", passes, sumMs / Math.max(1, passes), slowestMs);
        }
    }

    private static long retainedHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private List<Article> readCorpus() {
        return LabelledArticles.readArticles(corpus);
    }

    private static int checkSeeds(Clustering result, List<Article> seedArticles, List<Article> stream) {
        Set<String> seedIds = new HashSet<>();
        for (Article a : seedArticles) seedIds.add(a.id());
        Map<String, Article> byId = new HashMap<>();
        for (Article a : stream) byId.put(a.id(), a);
        java.util.function.Function<String, Article> article = id -> Objects.requireNonNull(byId.get(id), () -> "clustered article not in the stream: " + id);
        Set<Integer> groupsWithSeeds = new HashSet<>();
        List<Clustering.Group> groups = result.groups();
        for (int i = 0; i < groups.size(); i++) {
            for (String id : groups.get(i).articleIds()) if (seedIds.contains(id)) groupsWithSeeds.add(i);
        }
        boolean ok = groupsWithSeeds.size() == 1;
        for (int i : groupsWithSeeds) {
            Clustering.Group g = groups.get(i);
            // The product's count, as the story's page shows it: independent outlets, syndicated copies under their original.
            System.out.printf(Locale.ROOT, "seed story: %d articles, %d independent sources%n", g.articleIds().size(),
                    SourceCounts.independentSources(g.articleIds().stream().map(article).toList(), g.copyOf(), OutletRegistries.bundled()));
            for (String id : g.articleIds()) {
                boolean seed = seedIds.contains(id);
                if (!seed) ok = false;
                var r = g.reasons().get(id);
                String title = article.apply(id).title();
                System.out.printf(Locale.ROOT, "  %s %-36s %.2f %s | %s %s%n", seed ? "seed " : "OTHER", id, r == null ? 0 : r.similarity(),
                        title.length() > 60 ? title.substring(0, 60) : title, r == null ? "" : r.terms(), r == null ? "" : r.entities());
            }
        }
        System.out.println(ok ? "SEEDS OK: one story, no other article" : "SEEDS FAILED: " + groupsWithSeeds.size() + " stories hold the seeds");
        return ok ? 0 : 1;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }
}
