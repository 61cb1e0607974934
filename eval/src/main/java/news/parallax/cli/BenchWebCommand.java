package news.parallax.cli;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.model.StoryRef;
import news.parallax.pipeline.ProgressListener;
import news.parallax.pipeline.StoredViews;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Bench (issue 19): builds any missing story views (all of them with {@code --rebuild-views}, timed), then serves
 * the store on loopback and requests random story pages and {@code /api/stories/{id}} with the JDK's HttpClient
 * at each concurrency: throughput, p50/p90/p99/max (all, pages, JSON), errors, and the load average beside them.
 * Then (issue 21's floors) single requests one after another, which time the server plus a loopback round trip:
 * the story nearest {@link #FLOOR_STORY_ARTICLES} articles and the home page, from the page cache and without it.
 */
@Command(name = "bench-web", mixinStandardHelpOptions = true,
        description = "Load-test the web server on a store: random story pages and story JSON at each concurrency (prints figures).")
final class BenchWebCommand implements Callable<Integer> {
    /** The target: p99 at 64 concurrent readers. */
    static final double TARGET_P99_MILLIS = 50;
    static final int TARGET_CONCURRENCY = 64;
    /** Issue 21: a story page of about this many articles is served in {@link #FLOOR_STORY_MILLIS} median. */
    static final int FLOOR_STORY_ARTICLES = 200;
    static final double FLOOR_STORY_MILLIS = 50;
    static final double FLOOR_HOME_MILLIS = 30;

    @Mixin
    DataOption data;

    @Option(names = "--concurrency", defaultValue = "16,64,256", split = ",",
            description = "Concurrent readers, one run each (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Option(names = "--requests", defaultValue = "5000", description = "Timed requests per run (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "1000", description = "Untimed requests before the first run (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "19", description = "Seed of the random story choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--gzip", description = "Send Accept-Encoding: gzip, as browsers do (default: plain bodies).")
    boolean gzip;

    @Option(names = "--page-cache-mb", defaultValue = "256", paramLabel = "MB",
            description = "The server's page cache for the load runs, as serve's option; 0 renders every request (default: ${DEFAULT-VALUE}).")
    long pageCacheMb;

    @Option(names = "--sequential", defaultValue = "200", paramLabel = "N",
            description = "Timed one-at-a-time requests of the ~200-article story and of the home page, with and without the page cache; 0 skips (default: ${DEFAULT-VALUE}).")
    int sequential;

    @Option(names = "--rebuild-views", description = "Drop every stored view and time building them all again on every core first.")
    boolean rebuildViews;

    @Override
    public Integer call() throws Exception {
        if (requests < 1) throw new IllegalArgumentException("--requests must be at least 1, got " + requests);
        if (pageCacheMb < 0) throw new IllegalArgumentException("--page-cache-mb must be at least 0, got " + pageCacheMb);
        if (sequential < 0) throw new IllegalArgumentException("--sequential must be at least 0, got " + sequential);
        for (int c : concurrency) {
            if (c < 1) throw new IllegalArgumentException("--concurrency values must be at least 1, got " + c);
        }
        try (Store store = Services.store(data)) {
            StoryAnalyzer analyzer = Services.analyzer(data.dir());
            StoredViews views = new StoredViews(store, analyzer);
            if (rebuildViews) System.out.printf(Locale.ROOT, "dropped %,d stored views%n", store.deleteViews());
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            int built = views.buildStale(ProgressListener.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "views built: %,d in %.1f s wall, %.1f s CPU (%d threads, %.1f ms CPU per view); %,d of %,d stories current%n",
                    built, wall, cpu, Runtime.getRuntime().availableProcessors(), built == 0 ? 0 : 1000 * cpu / built,
                    store.currentViewCount(views.version()), store.storyCount());

            List<StoryRef> refs = store.stories(0);
            List<String> ids = refs.stream().map(StoryRef::id).toList();
            if (ids.isEmpty()) throw new IllegalArgumentException("no stories in " + store.location() + ": ingest first");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            boolean met = true;
            try (WebServer web = WebServer.start(store, analyzer, registry(analyzer), "127.0.0.1", 0, null, pageCacheMb << 20)) {
                web.awaitWarmup(Duration.ofMinutes(30));
                String base = "http://127.0.0.1:" + web.port();
                Random random = new Random(seed);
                System.out.printf(Locale.ROOT, "server on %s over %,d stories (page cache %d MB); half /story/{id}, half /api/stories/{id}, ids uniformly at random%s%n",
                        store.location(), ids.size(), pageCacheMb, gzip ? "; Accept-Encoding: gzip" : "");
                run(client, base, ids, random, Math.max(1, concurrency.get(0)), warmup);
                System.out.println("concurrency | requests | errors | requests/s | p50 ms | p90 ms | p99 ms | max ms | pages p50/p99 ms | JSON p50/p99 ms | MB/s | load average (1 min) after");
                for (int c : concurrency) {
                    Result r = run(client, base, ids, random, c, requests);
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    System.out.printf(Locale.ROOT, "%11d | %8d | %6d | %10.0f | %6.1f | %6.1f | %6.1f | %6.1f | %6.1f / %6.1f | %6.1f / %6.1f | %5.1f | %.2f%n", c, requests,
                            r.errors, r.throughput(), r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100),
                            r.pages().percentile(50), r.pages().percentile(99), r.api().percentile(50), r.api().percentile(99),
                            r.bytes / 1e6 / r.seconds, load);
                    if (r.errors > 0) met = false;
                    if (c == TARGET_CONCURRENCY && r.percentile(99) > TARGET_P99_MILLIS) met = false;
                }
                System.out.println(met ? "target met: no errors, p99 <= 50 ms at 64 readers (where run)" : "target NOT met (errors, or p99 > 50 ms at 64 readers)");
                if (sequential > 0) {
                    StoryRef story = refs.stream().min(java.util.Comparator.comparingInt((StoryRef r) -> Math.abs(r.articleCount() - FLOOR_STORY_ARTICLES))).orElseThrow();
                    System.out.printf(Locale.ROOT, "one request at a time, %d timed after %d untimed: story %s (%d articles, %d sources) and the home page%n",
                            sequential, sequential, story.id(), story.articleCount(), story.sourceCount());
                    System.out.println("page cache | path | p50 ms | p90 ms | p99 ms | bytes");
                    boolean floorsMet = floors(client, base, pageCacheMb == 0 ? "off" : pageCacheMb + " MB", story);
                    if (pageCacheMb > 0) {
                        try (WebServer uncached = WebServer.start(store, analyzer, registry(analyzer), "127.0.0.1", 0, null, 0)) {
                            uncached.awaitWarmup(Duration.ofMinutes(30));
                            floorsMet &= floors(client, "http://127.0.0.1:" + uncached.port(), "off", story);
                        }
                    }
                    System.out.println(floorsMet ? "issue 21 floors met: story page median <= 50 ms, home page median <= 30 ms"
                            : "issue 21 floors NOT met (story page median > 50 ms or home page median > 30 ms above)");
                    met &= floorsMet;
                }
            }
            return met ? 0 : 1;
        }
    }

    private static news.parallax.outlets.OutletRegistry registry(StoryAnalyzer analyzer) {
        return news.parallax.analysis.DefaultStoryAnalyzer.of(analyzer).<news.parallax.outlets.OutletRegistry>map(
                news.parallax.analysis.DefaultStoryAnalyzer::registry).orElseGet(news.parallax.outlets.EmptyRegistry::new);
    }

    /**
     * Issue 21's floors: {@link #sequential} requests one at a time (after as many untimed) of the story nearest
     * {@link #FLOOR_STORY_ARTICLES} articles and of the home page, on a server with the page cache and on one
     * without (each request decodes the stored view and renders). A request's time is the server's plus one loopback
     * round trip, so it bounds the server time from above.
     */
    private boolean floors(HttpClient client, String base, String label, StoryRef story) throws Exception {
        boolean met = true;
        for (String path : List.of("/story/" + story.id(), "/")) {
            URI uri = URI.create(base + path);
            long[] nanos = new long[sequential];
            long bytes = 0;
            for (int i = -sequential; i < sequential; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> resp = client.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
                if (resp.statusCode() != 200) throw new IllegalStateException(uri + " answered " + resp.statusCode());
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                    bytes = resp.body().length;
                }
            }
            Result r = new Result(nanos, new boolean[0], 0, 0, 1);
            double floor = path.equals("/") ? FLOOR_HOME_MILLIS : FLOOR_STORY_MILLIS;
            System.out.printf(Locale.ROOT, "%10s | %s | %6.2f | %6.2f | %6.2f | %,d%n", label, path.equals("/") ? "/" : "/story/{id}",
                    r.percentile(50), r.percentile(90), r.percentile(99), bytes);
            if (r.percentile(50) > floor) met = false;
        }
        return met;
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (gzip) b.header("Accept-Encoding", "gzip");
        return b.build();
    }

    /** Timings of one run; {@code page[i]} says whether request {@code i} was a story page (else story JSON). */
    private record Result(long[] nanos, boolean[] page, int errors, long bytes, double seconds) {
        double throughput() {
            return nanos.length / seconds;
        }

        double percentile(double p) {
            if (nanos.length == 0) return Double.NaN;
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        Result pages() {
            return only(true);
        }

        Result api() {
            return only(false);
        }

        private Result only(boolean pages) {
            long[] kept = java.util.stream.IntStream.range(0, nanos.length).filter(i -> page[i] == pages).mapToLong(i -> nanos[i]).toArray();
            return new Result(kept, new boolean[0], 0, 0, seconds);
        }
    }

    /** {@code n} requests from {@code c} readers, each sending its next request when the last one's body arrived. */
    private Result run(HttpClient client, String base, List<String> ids, Random random, int c, int n) throws InterruptedException {
        URI[] uris = new URI[n];
        boolean[] page = new boolean[n];
        for (int i = 0; i < n; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            page[i] = random.nextBoolean();
            uris[i] = URI.create(base + (page[i] ? "/story/" : "/api/stories/") + id);
        }
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < c; r++) {
                readers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<byte[]> resp = client.send(request(uris[i]), HttpResponse.BodyHandlers.ofByteArray());
                            bytes.addAndGet(resp.body().length);
                            if (resp.statusCode() != 200) {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 3) firstErrors.add(uris[i] + " -> " + resp.statusCode());
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) firstErrors.add(uris[i] + " -> " + e);
                        }
                        nanos[i] = System.nanoTime() - t;
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String e : firstErrors) System.err.println("error: " + e);
        return new Result(nanos, page, errors.get(), bytes.get(), seconds);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }
}
