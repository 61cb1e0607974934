package news.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.LabelledArticles;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistries;
import news.parallax.outlets.OutletRegistry;
import news.parallax.pipeline.IngestSummary;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.Pipelines;
import news.parallax.pipeline.ProgressListener;
import news.parallax.pipeline.StoryBuilder;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parallax bench-growth}: what a live pass and an {@code ingest} cost as the store grows (issue 15, "Growth").
 * For each size, a fresh store is filled with that many articles, the corpus replayed with shifted dates and fresh
 * ids, URLs and texts, and with the corpus's stories (read from a store that holds them) laid over each replay, so the
 * store holds stories as a long-running deployment's would without clustering it all again. Then live passes add the
 * next articles of the replay through {@link Pipeline#clusterNew} (the first resumes the stream from the open stories,
 * the others extend it), and a fresh pipeline ingests 100 more from a JSONL file, as {@code ./parallax ingest} does.
 * Views are left out (a pass builds those of the stories it changed, whatever the store's size).
 */
@Command(name = "bench-growth", mixinStandardHelpOptions = true,
        description = "Live-pass and ingest cost at growing store sizes (corpus replayed with shifted dates), for BENCHMARKS.md")
final class BenchGrowthCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Articles inserted per transaction while filling, as ingest does. */
    private static final int FILL_BATCH = 500;
    /** Corpus dates past this are outliers (one record is dated 2050): replays skip them, and undated records. */
    private static final Instant LAST_REAL_DATE = Instant.parse("2021-01-01T00:00:00Z");

    @Parameters(index = "0", paramLabel = "CORPUS", description = "The AllSides corpus (JSONL, optionally gzip'd)")
    Path corpus;

    @Option(names = "--stories-from", required = true, paramLabel = "DB",
            description = "A SQLite store holding the corpus's stories (a copy of the full store; opened read-only)")
    Path storiesFrom;

    @Option(names = "--sizes", split = ",", paramLabel = "N,...", description = "Stored articles before the passes (default: ${DEFAULT-VALUE})")
    List<Integer> sizes = List.of(10_000, 100_000);

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "An empty PostgreSQL database to fill instead of a fresh SQLite store per size (one size only)")
    @Nullable String db;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the SQLite stores and the ingest file go (default: a temporary folder)")
    @Nullable Path work;

    @Option(names = "--passes", description = "Live passes after the first (default: ${DEFAULT-VALUE})")
    int passes = 5;

    @Option(names = "--pass", description = "Articles per live pass (default: ${DEFAULT-VALUE})")
    int pass = 100;

    @Option(names = "--ingest", description = "Articles ingested from a JSONL file at the end (default: ${DEFAULT-VALUE})")
    int ingest = 100;

    @Option(names = "--keep", description = "Keep the SQLite stores (default: deleted after each size)")
    boolean keep;

    @Option(names = "--fill", paramLabel = "bulk|rows", description = "How the store is filled: bulk (large transactions or COPY, the search"
            + " index built once at the end; default) or rows (Store.insert, 500 articles a call, as ingest does)")
    String fill = "bulk";

    @Option(names = "--reuse", description = "Run the passes and the ingest on the store a previous run kept (--keep, or the --db"
            + " database) instead of filling one")
    boolean reuse;

    @Option(names = "--unsynced-fill", description = "PostgreSQL: fsync, synchronous_commit and full_page_writes off during the fill only"
            + " (ALTER SYSTEM; needs a superuser; reset before the passes)")
    boolean unsyncedFill;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(corpus)) {
            System.err.println("bench-growth: no such corpus: " + corpus);
            return 2;
        }
        if (!Files.isRegularFile(storiesFrom)) {
            System.err.println("bench-growth: no such store: " + storiesFrom);
            return 2;
        }
        if (db != null && sizes.size() != 1) {
            System.err.println("bench-growth: with --db give one size (the database must be empty)");
            return 2;
        }
        if (!fill.equals("bulk") && !fill.equals("rows")) {
            System.err.println("bench-growth: --fill must be bulk or rows, not " + fill);
            return 2;
        }
        if (passes < 0 || pass < 1 || ingest < 1) {
            System.err.println("bench-growth: --passes must be 0 or more, --pass and --ingest 1 or more");
            return 2;
        }
        // The store keeps one article per id, URL and text: so does each replay, so every article given is stored.
        java.util.Set<String> ids = new java.util.HashSet<>(), urls = new java.util.HashSet<>(), texts = new java.util.HashSet<>();
        List<Article> base = LabelledArticles.readArticles(corpus).stream()
                .filter(a -> a.published() != null && a.published().isBefore(LAST_REAL_DATE))
                .filter(a -> ids.add(a.id()) & (a.url() == null || urls.add(a.url())) & texts.add(Store.contentHash(a.text()))).toList();
        Map<String, List<String>> storyOf = corpusStories(storiesFrom);
        Instant first = base.getFirst().published(), last = base.getLast().published();
        // Each replay starts a day after the previous one ends, so replays never share a story.
        Duration shift = Duration.between(first, last).plusDays(1);
        System.out.printf(Locale.ROOT, "corpus: %d dated articles %s .. %s; %d stories in %s; replays %d days apart%n", base.size(), first, last,
                storyOf.size(), storiesFrom, shift.toDays());
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("bench-growth");
        for (int size : sizes) run(size, base, storyOf, shift, dir);
        return 0;
    }

    /** The corpus's stories as member lists (store order), read from {@code path} without writing to it. */
    private static Map<String, List<String>> corpusStories(Path path) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT story_id, article_id FROM story_articles ORDER BY story_id, position")) {
            while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stories of " + path + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The {@code i}-th article of the endless replay: replay {@code i / base.size()}, dates shifted, id, URL and text fresh. */
    private static Article replayed(List<Article> base, int i, Duration shift) {
        int k = i / base.size();
        Article a = base.get(i % base.size());
        if (k == 0) return a;
        Instant published = a.published() == null ? null : a.published().plus(shift.multipliedBy(k));
        // The store refuses a text it holds already: each replay's texts end with their own words (no digits, which the
        // clusterer would read as numbers).
        String text = a.text() + "\n\nReplay " + letters(k) + ".";
        return new Article(prefix(k) + a.id(), a.outlet(), a.domain(), a.url() == null ? null : a.url() + "#replay-" + k, a.title(), published,
                a.authors(), text, a.location(), a.language(), a.extra());
    }

    private static String prefix(int k) {
        return k == 0 ? "" : "r" + k + "-";
    }

    private static String letters(int k) {
        StringBuilder b = new StringBuilder();
        for (int n = k; n > 0; n /= 26) b.append((char) ('a' + n % 26));
        return b.toString();
    }

    private void run(int size, List<Article> base, Map<String, List<String>> storyOf, Duration shift, Path dir) throws IOException {
        Path storeDir = dir.resolve("store-" + size);
        System.out.printf(Locale.ROOT, "%n== %,d stored articles on %s%n", size, db != null ? "PostgreSQL" : "SQLite");
        OutletRegistry registry = OutletRegistries.bundled();
        long t = System.nanoTime(), cpu = cpuNanos();
        Map<String, Article> kept = new HashMap<>();
        if (fill.equals("bulk") && !reuse) {
            try (Store store = open(storeDir)) {
                if (store.articleCount() != 0) throw new IllegalStateException("the store is not empty: " + store.location());
            }
            String url = db != null ? db : "jdbc:sqlite:" + storeDir.resolve(Store.FILE_NAME).toAbsolutePath();
            try {
                BulkFill.Timing timing = BulkFill.fill(url, size, i -> {
                    Article a = replayed(base, i, shift);
                    kept.put(a.id(), a.withText(""));
                    return a;
                }, unsyncedFill, System.out::println);
                System.out.printf(Locale.ROOT, "bulk fill: rows %.1f s, indexes and search index %.1f s%n", timing.rowsSeconds(), timing.indexSeconds());
            } catch (SQLException e) {
                throw new IllegalStateException("bulk fill of " + (db != null ? "the PostgreSQL store" : storeDir) + " failed: " + e.getMessage(), e);
            }
        }
        try (Store store = open(storeDir)) {
            if (fill.equals("rows") && !reuse) {
                if (store.articleCount() != 0) throw new IllegalStateException("the store is not empty: " + store.location());
                List<Article> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    Article a = replayed(base, i, shift);
                    batch.add(a);
                    kept.put(a.id(), a.withText(""));
                    if (batch.size() == FILL_BATCH) {
                        store.insert(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) store.insert(batch);
            }
            int next;
            if (reuse) {
                // A store a previous run kept (--keep): its passes' and ingest's articles are stored too, so this run's
                // follow them in the replay.
                next = store.articleCount();
                System.out.printf(Locale.ROOT, "reusing the store: %,d articles, %,d stories%n", next, store.storyCount());
            } else {
                if (store.articleCount() != size) throw new IllegalStateException("stored " + store.articleCount() + " of " + size + " articles");
                layStories(store, size, base, storyOf, kept, registry, t, cpu);
                next = size;
            }
            kept.clear();
            long heapBefore = retainedHeapMb();

            ClusterConfig config = ClusterConfig.defaults();
            Pipeline live = new Pipeline(store, Pipelines.standardHtmlExtractor(), Pipelines.standardClusterer(store, config), registry, null,
                    config.quietPeriod());
            System.out.printf(Locale.ROOT, "%-22s %8s %10s %12s %12s %10s%n", "live pass", "articles", "wall ms", "wall ms/art", "CPU ms/art",
                    "stories");
            List<double[]> later = new ArrayList<>();
            for (int p = 0; p <= passes; p++) {
                List<Article> added = new ArrayList<>();
                for (int i = 0; i < pass; i++) added.add(replayed(base, next++, shift));
                store.insert(added);
                long w = System.nanoTime(), c = cpuNanos();
                int count = live.clusterNew(ProgressListener.NONE);
                double wallMs = (System.nanoTime() - w) / 1e6, cpuMs = (cpuNanos() - c) / 1e6;
                System.out.printf(Locale.ROOT, "%-22s %8d %10.0f %12.1f %12.1f %10d%n", p == 0 ? "first (resumes)" : "pass " + p, pass, wallMs,
                        wallMs / pass, cpuMs / pass, count);
                if (p > 0) later.add(new double[] {wallMs / pass, cpuMs / pass});
            }
            if (!later.isEmpty()) {
                System.out.printf(Locale.ROOT, "passes 1-%d: mean %.1f ms wall, %.1f ms CPU per article%n", later.size(),
                        later.stream().mapToDouble(x -> x[0]).average().orElse(0), later.stream().mapToDouble(x -> x[1]).average().orElse(0));
            }
            long heapLive = retainedHeapMb();
            System.out.printf(Locale.ROOT, "retained heap after a full GC: %d MB before the passes, %d MB with the live pipeline (%d MB for it)%n",
                    heapBefore, heapLive, heapLive - heapBefore);

            // `./parallax ingest FILE` of new articles: a fresh pipeline, as the command makes.
            Path file = dir.resolve("ingest-" + size + ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < ingest; i++) {
                    Article a = replayed(base, next++, shift);
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("id", a.id());
                    record.put("source", a.outlet());
                    if (a.url() != null) record.put("url", a.url());
                    record.put("title", a.title());
                    if (a.published() != null) record.put("date", a.published().toString());
                    record.put("authors", String.join(", ", a.authors()));
                    record.put("text", a.text());
                    out.write(JSON.writeValueAsString(record));
                    out.newLine();
                }
            }
            Pipeline fresh = new Pipeline(store, Pipelines.standardHtmlExtractor(), Pipelines.standardClusterer(store, config), registry, null,
                    config.quietPeriod());
            long w = System.nanoTime(), c = cpuNanos();
            IngestSummary summary = fresh.ingest(List.of(file), ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "ingest of %d new articles (%d stored) into %,d: %.1f s wall, %.1f s CPU; %,d stories after%n", ingest,
                    summary.stored(), store.articleCount() - summary.stored(), (System.nanoTime() - w) / 1e9, (cpuNanos() - c) / 1e9,
                    store.storyCount());
            System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        if (db == null && !keep && !reuse) deleteTree(storeDir);
    }

    /** The corpus's stories over each replay, cut at the fill's end; articles in no stored story stand alone. */
    private static void layStories(Store store, int size, List<Article> base, Map<String, List<String>> storyOf, Map<String, Article> kept,
            OutletRegistry registry, long t, long cpu) {
        double insertSeconds = (System.nanoTime() - t) / 1e9;
        List<Clustering.Group> groups = new ArrayList<>();
        java.util.Set<String> grouped = new java.util.HashSet<>();
        for (int k = 0; (long) k * base.size() < size; k++) {
            for (List<String> members : storyOf.values()) {
                List<String> ids = new ArrayList<>();
                for (String id : members) if (kept.containsKey(prefix(k) + id)) ids.add(prefix(k) + id);
                if (ids.isEmpty()) continue;
                groups.add(new Clustering.Group(ids, Map.of(), Map.of()));
                grouped.addAll(ids);
            }
        }
        for (String id : kept.keySet()) if (!grouped.contains(id)) groups.add(new Clustering.Group(List.of(id), Map.of(), Map.of()));
        List<StoredStory> stories = StoryBuilder.build(new Clustering(groups), kept, registry);
        store.replaceStories(stories, List.of(), store.storyVersion());
        System.out.printf(Locale.ROOT, "fill: %,d articles in %.1f s, %,d stories in %.1f s more (CPU %.1f s in all)%n", store.articleCount(),
                insertSeconds, stories.size(), (System.nanoTime() - t) / 1e9 - insertSeconds, (cpuNanos() - cpu) / 1e9);
    }

    private Store open(Path storeDir) {
        return db != null ? Store.open(db) : Store.open(storeDir);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long retainedHeapMb() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
