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
 * at each concurrency: throughput, p50/p90/p99/max, errors, and the load average beside them.
 */
@Command(name = "bench-web", mixinStandardHelpOptions = true,
        description = "Load-test the web server on a store: random story pages and story JSON at each concurrency (prints figures).")
final class BenchWebCommand implements Callable<Integer> {
    /** The target: p99 at 64 concurrent readers. */
    static final double TARGET_P99_MILLIS = 50;
    static final int TARGET_CONCURRENCY = 64;

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

    @Option(names = "--rebuild-views", description = "Drop every stored view and time building them all again on every core first.")
    boolean rebuildViews;

    @Override
    public Integer call() throws Exception {
        if (requests < 1) throw new IllegalArgumentException("--requests must be at least 1, got " + requests);
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

            List<String> ids = store.stories(0).stream().map(StoryRef::id).toList();
            if (ids.isEmpty()) throw new IllegalArgumentException("no stories in " + store.location() + ": ingest first");
            try (WebServer web = WebServer.start(store, analyzer, "127.0.0.1", 0)) {
                web.awaitWarmup(Duration.ofMinutes(30));
                String base = "http://127.0.0.1:" + web.port();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
                Random random = new Random(seed);
                System.out.printf(Locale.ROOT, "server on %s over %,d stories; half /story/{id}, half /api/stories/{id}, ids uniformly at random%n",
                        store.location(), ids.size());
                run(client, base, ids, random, Math.max(1, concurrency.get(0)), warmup);
                System.out.println("concurrency | requests | errors | requests/s | p50 ms | p90 ms | p99 ms | max ms | load average (1 min) after");
                boolean met = true;
                for (int c : concurrency) {
                    Result r = run(client, base, ids, random, c, requests);
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    System.out.printf(Locale.ROOT, "%11d | %8d | %6d | %10.0f | %6.1f | %6.1f | %6.1f | %6.1f | %.2f%n", c, requests, r.errors,
                            r.throughput(), r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100), load);
                    if (r.errors > 0) met = false;
                    if (c == TARGET_CONCURRENCY && r.percentile(99) > TARGET_P99_MILLIS) met = false;
                }
                System.out.println(met ? "target met: no errors, p99 <= 50 ms at 64 readers (where run)" : "target NOT met (errors, or p99 > 50 ms at 64 readers)");
                return met ? 0 : 1;
            }
        }
    }

    private record Result(long[] nanos, int errors, double seconds) {
        double throughput() {
            return nanos.length / seconds;
        }

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    /** {@code n} requests from {@code c} readers, each sending its next request when the last one's body arrived. */
    private static Result run(HttpClient client, String base, List<String> ids, Random random, int c, int n) throws InterruptedException {
        URI[] uris = new URI[n];
        for (int i = 0; i < n; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            uris[i] = URI.create(base + (random.nextBoolean() ? "/story/" : "/api/stories/") + id);
        }
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < c; r++) {
                readers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<byte[]> resp = client.send(HttpRequest.newBuilder(uris[i]).timeout(Duration.ofSeconds(60)).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
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
        return new Result(nanos, errors.get(), seconds);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }
}
