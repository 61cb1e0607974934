package news.parallax.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.model.StoryRef;
import news.parallax.pipeline.ProgressListener;
import news.parallax.pipeline.StoredViews;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Bench (issue 19): builds any missing story views (all of them with {@code --rebuild-views}, timed), then serves
 * the store on loopback (or targets a running server, {@code --url}) and requests random story pages and
 * {@code /api/stories/{id}} at each concurrency: throughput, p50/p90/p99/max (all, pages, JSON), errors, the CPU
 * each request cost the server and the client, and the load average beside them. Then (issue 21's floors) single
 * requests one after another, which time the server plus a loopback round trip: the story nearest
 * {@link #FLOOR_STORY_ARTICLES} articles and the home page, from the page cache and without it.
 *
 * <p>Client and server share the machine's cores, so the client is lean by default ({@code --client socket}): one
 * keep-alive HTTP/1.1 connection per reader on a blocking socket, on its own platform thread, reading bodies into
 * a reused buffer. The JDK's HttpClient ({@code --client jdk}) costs several times more CPU per request, which on a
 * 2-core machine is taken from the server.
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
    /** A request not answered in this long is an error. */
    static final int REQUEST_TIMEOUT_MILLIS = 60_000;
    /** Clock ticks per second of {@code /proc/PID/stat} times (USER_HZ, 100 on Linux whatever the kernel's HZ). */
    static final int PROC_TICKS_PER_SECOND = 100;

    /** Which HTTP client the readers use. */
    enum ClientKind { socket, jdk }

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

    @Option(names = "--client", defaultValue = "socket", paramLabel = "socket|jdk",
            description = "The readers' HTTP client: socket (plain keep-alive HTTP/1.1, one connection per reader) or jdk (java.net.http.HttpClient) (default: ${DEFAULT-VALUE}).")
    ClientKind client;

    @Option(names = "--url", paramLabel = "BASE",
            description = "Load a server already running at BASE (http://HOST:PORT) instead of starting one; story ids are read from the store. Views are not built.")
    @Nullable String url;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "With --url: the server's process id on this machine, whose CPU time (/proc/PID/stat) gives the server's CPU per request.")
    @Nullable Long serverPid;

    @Option(names = "--miss", defaultValue = "0", paramLabel = "N",
            description = "Instead of the load runs: time what a page-cache miss costs for the N largest stories (read and decode the stored view, render the page, write the JSON with texts); their views are built first where not current.")
    int miss;

    @Option(names = "--miss-as-stored", description = "With --miss: time the views as stored, current or not (a store made by an older version), building none.")
    boolean missAsStored;

    /** Untimed, then timed rounds per story of {@link #miss}; the median is printed. */
    static final int MISS_WARM_ROUNDS = 5;
    static final int MISS_ROUNDS = 9;

    @Override
    public Integer call() throws Exception {
        if (requests < 1) throw new IllegalArgumentException("--requests must be at least 1, got " + requests);
        if (pageCacheMb < 0) throw new IllegalArgumentException("--page-cache-mb must be at least 0, got " + pageCacheMb);
        if (sequential < 0) throw new IllegalArgumentException("--sequential must be at least 0, got " + sequential);
        for (int c : concurrency) {
            if (c < 1) throw new IllegalArgumentException("--concurrency values must be at least 1, got " + c);
        }
        if (serverPid != null && url == null) throw new IllegalArgumentException("--server-pid needs --url (the server started here is measured without it)");
        URI target = url == null ? null : base(url);
        if (serverPid != null && procCpuNanos(serverPid) < 0) {
            throw new IllegalArgumentException("--server-pid " + serverPid + ": no readable /proc/" + serverPid + "/stat on this machine");
        }
        if (miss < 0) throw new IllegalArgumentException("--miss must be at least 0, got " + miss);
        try (Store store = Services.store(data)) {
            StoryAnalyzer analyzer = Services.analyzer(data.dir());
            if (miss > 0) {
                missPath(store, analyzer);
                return 0;
            }
            if (target == null) buildViews(store, analyzer);
            List<StoryRef> refs = store.stories(0);
            List<String> ids = refs.stream().map(StoryRef::id).toList();
            if (ids.isEmpty()) throw new IllegalArgumentException("no stories in " + store.location() + ": ingest first");
            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            boolean met;
            if (target != null) {
                System.out.printf(Locale.ROOT, "server at %s (not started here) over %,d stories of %s%n", target, ids.size(), store.location());
                Long pid = serverPid;
                met = load(jdk, target, ids, pid == null ? null : () -> procCpuNanos(pid), false);
                if (sequential > 0) {
                    StoryRef story = floorStory(refs);
                    floorsHeader(story);
                    met &= verdict(floors(jdk, target, "remote", story));
                }
            } else {
                try (WebServer web = WebServer.start(store, analyzer, registry(analyzer), "127.0.0.1", 0, null, pageCacheMb << 20)) {
                    web.awaitWarmup(Duration.ofMinutes(30));
                    URI base = URI.create("http://127.0.0.1:" + web.port());
                    System.out.printf(Locale.ROOT, "server on %s over %,d stories (page cache %d MB)%n", store.location(), ids.size(), pageCacheMb);
                    met = load(jdk, base, ids, null, true);
                    if (sequential > 0) {
                        StoryRef story = floorStory(refs);
                        floorsHeader(story);
                        boolean floorsMet = floors(jdk, base, pageCacheMb == 0 ? "off" : pageCacheMb + " MB", story);
                        if (pageCacheMb > 0) {
                            try (WebServer uncached = WebServer.start(store, analyzer, registry(analyzer), "127.0.0.1", 0, null, 0)) {
                                uncached.awaitWarmup(Duration.ofMinutes(30));
                                floorsMet &= floors(jdk, URI.create("http://127.0.0.1:" + uncached.port()), "off", story);
                            }
                        }
                        met &= verdict(floorsMet);
                    }
                }
            }
            return met ? 0 : 1;
        }
    }

    /**
     * What a page-cache miss costs, per story of the {@link #miss} largest: reading and decoding its stored view (a
     * page needs nothing more), rendering the page, and the API's JSON with the articles' texts read from the store.
     */
    private void missPath(Store store, StoryAnalyzer analyzer) {
        StoredViews views = new StoredViews(store, analyzer);
        List<StoryRef> largest = store.stories(0).stream()
                .sorted(java.util.Comparator.comparingInt(StoryRef::articleCount).reversed()).limit(miss).toList();
        if (!missAsStored) {
            long t0 = System.nanoTime();
            int built = views.build(largest.stream().map(StoryRef::id).toList());
            System.out.printf(Locale.ROOT, "views built for the %d largest stories: %d in %.1f s%n", largest.size(), built, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "cache-miss path, median of %d rounds after %d (views %s):%n", MISS_ROUNDS, MISS_WARM_ROUNDS,
                missAsStored ? "as stored" : "current");
        // This thread's CPU time: on a shared machine wall time mostly measures the other processes.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.println("story | articles | view version | stored bytes (gzip) | view JSON bytes | read + decode CPU ms | page CPU ms | JSON with texts CPU ms | page bytes");
        for (StoryRef ref : largest) {
            var row = store.storedView(ref.id());
            if (row.isEmpty()) {
                System.out.printf(Locale.ROOT, "%s | %d | no stored view%n", ref.id(), ref.articleCount());
                continue;
            }
            long[] decode = new long[MISS_ROUNDS];
            long[] page = new long[MISS_ROUNDS];
            long[] json = new long[MISS_ROUNDS];
            int viewBytes = 0;
            int pageBytes = 0;
            for (int i = -MISS_WARM_ROUNDS; i < MISS_ROUNDS; i++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                var stored = store.storedView(ref.id()).orElseThrow();
                news.parallax.analysis.StoryView view = StoredViews.decode(stored.view());
                long t1 = cpu.getCurrentThreadCpuTime();
                String html = WebServer.renderStoryPage(view);
                long t2 = cpu.getCurrentThreadCpuTime();
                com.fasterxml.jackson.databind.node.ObjectNode node = news.parallax.internal.Json.mapper().valueToTree(view);
                views.fillTexts(ref.id(), node);
                String body = news.parallax.internal.Json.write(node);
                long t3 = cpu.getCurrentThreadCpuTime();
                if (i >= 0) {
                    decode[i] = t1 - t0;
                    page[i] = t2 - t1;
                    json[i] = t3 - t2;
                }
                pageBytes = html.length();
                viewBytes = plainLength(stored.view());
            }
            System.out.printf(Locale.ROOT, "%s | %d | %s | %,d | %,d | %.1f | %.1f | %.1f | %,d%n", ref.id(), ref.articleCount(), row.get().version(),
                    row.get().view().length, viewBytes, median(decode), median(page), median(json), pageBytes);
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static int plainLength(byte[] gzip) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            return in.readAllBytes().length;
        } catch (IOException e) {
            return -1;
        }
    }

    private void buildViews(Store store, StoryAnalyzer analyzer) {
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
    }

    /**
     * The warm-up and one run per concurrency; true when no request failed and p99 at {@link #TARGET_CONCURRENCY}
     * is within the target. {@code serverCpu} reads the server's CPU time when it is another process; with
     * {@code inProcess} the server's share is this process's CPU less the client threads'.
     */
    private boolean load(HttpClient jdk, URI base, List<String> ids, java.util.function.@Nullable LongSupplier serverCpu, boolean inProcess)
            throws InterruptedException {
        Random random = new Random(seed);
        System.out.printf(Locale.ROOT, "half /story/{id}, half /api/stories/{id}, ids uniformly at random%s; client: %s%n",
                gzip ? "; Accept-Encoding: gzip" : "", client == ClientKind.socket ? "plain sockets, one keep-alive connection per reader" : "JDK HttpClient");
        run(jdk, base, ids, random, Math.max(1, concurrency.get(0)), warmup);
        System.out.println("concurrency | requests | errors | requests/s | p50 ms | p90 ms | p99 ms | max ms | pages p50/p99 ms | JSON p50/p99 ms | MB/s "
                + "| server CPU µs/request | client CPU µs/request | load average (1 min) after");
        boolean met = true;
        for (int c : concurrency) {
            long process0 = processCpuNanos();
            long server0 = serverCpu == null ? 0 : serverCpu.getAsLong();
            Result r = run(jdk, base, ids, random, c, requests);
            long process = processCpuNanos() - process0;
            // The client's threads are counted exactly; the rest of this process (Jetty, GC, JIT) is the server's.
            double clientMicros = r.clientCpuNanos / 1e3 / requests;
            double serverMicros = serverCpu != null ? (serverCpu.getAsLong() - server0) / 1e3 / requests
                    : inProcess ? (process - r.clientCpuNanos) / 1e3 / requests : Double.NaN;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf(Locale.ROOT, "%11d | %8d | %6d | %10.0f | %6.1f | %6.1f | %6.1f | %6.1f | %6.1f / %6.1f | %6.1f / %6.1f | %5.1f | %s | %s | %.2f%n", c, requests,
                    r.errors, r.throughput(), r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100),
                    r.pages().percentile(50), r.pages().percentile(99), r.api().percentile(50), r.api().percentile(99),
                    r.bytes / 1e6 / r.seconds, micros(serverMicros), micros(clientMicros), load);
            if (r.errors > 0) met = false;
            if (c == TARGET_CONCURRENCY && r.percentile(99) > TARGET_P99_MILLIS) met = false;
        }
        System.out.println(met ? "target met: no errors, p99 <= 50 ms at 64 readers (where run)" : "target NOT met (errors, or p99 > 50 ms at 64 readers)");
        return met;
    }

    private static String micros(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static StoryRef floorStory(List<StoryRef> refs) {
        return refs.stream().min(java.util.Comparator.comparingInt((StoryRef r) -> Math.abs(r.articleCount() - FLOOR_STORY_ARTICLES))).orElseThrow();
    }

    private static URI base(String url) {
        URI u;
        try {
            u = URI.create(url.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url " + url + " is not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(u.getScheme()) || u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty())) {
            throw new IllegalArgumentException("--url must be http://HOST[:PORT] with no path, got " + url);
        }
        return u;
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
    private void floorsHeader(StoryRef story) {
        System.out.printf(Locale.ROOT, "one request at a time, %d timed after %d untimed: story %s (%d articles, %d sources) and the home page%n",
                sequential, sequential, story.id(), story.articleCount(), story.sourceCount());
        System.out.println("page cache | path | p50 ms | p90 ms | p99 ms | bytes");
    }

    private static boolean verdict(boolean floorsMet) {
        System.out.println(floorsMet ? "issue 21 floors met: story page median <= 50 ms, home page median <= 30 ms"
                : "issue 21 floors NOT met (story page median > 50 ms or home page median > 30 ms above)");
        return floorsMet;
    }

    private boolean floors(HttpClient jdk, URI base, String label, StoryRef story) throws IOException, InterruptedException {
        boolean met = true;
        try (Reader reader = reader(jdk, base)) {
            for (String path : List.of("/story/" + story.id(), "/")) {
                long[] nanos = new long[sequential];
                long bytes = 0;
                for (int i = -sequential; i < sequential; i++) {
                    long t = System.nanoTime();
                    Response resp = reader.get(path);
                    if (resp.status() != 200) throw new IllegalStateException(base + path + " answered " + resp.status());
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - t;
                        bytes = resp.bytes();
                    }
                }
                Result r = new Result(nanos, new boolean[0], 0, 0, 1, 0);
                double floor = path.equals("/") ? FLOOR_HOME_MILLIS : FLOOR_STORY_MILLIS;
                System.out.printf(Locale.ROOT, "%10s | %s | %6.2f | %6.2f | %6.2f | %,d%n", label, path.equals("/") ? "/" : "/story/{id}",
                        r.percentile(50), r.percentile(90), r.percentile(99), bytes);
                if (r.percentile(50) > floor) met = false;
            }
        }
        return met;
    }

    /** Timings of one run; {@code page[i]} says whether request {@code i} was a story page (else story JSON). */
    private record Result(long[] nanos, boolean[] page, int errors, long bytes, double seconds, long clientCpuNanos) {
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
            return new Result(kept, new boolean[0], 0, 0, seconds, 0);
        }
    }

    /**
     * {@code n} requests from {@code c} readers, each on its own platform thread sending its next request when the
     * last one's body arrived. The client's CPU is its reader threads' own, plus (JDK client) that of the
     * HttpClient's threads over the run.
     */
    private Result run(HttpClient jdk, URI base, List<String> ids, Random random, int c, int n) throws InterruptedException {
        String[] paths = new String[n];
        boolean[] page = new boolean[n];
        for (int i = 0; i < n; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            page[i] = random.nextBoolean();
            paths[i] = (page[i] ? "/story/" : "/api/stories/") + id;
        }
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicLong readerCpu = new AtomicLong();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> httpClientCpu0 = httpClientThreadsCpu(threads);
        long start = System.nanoTime();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < c; r++) {
            readers.add(Thread.ofPlatform().name("bench-reader-" + r).start(() -> {
                try (Reader reader = reader(jdk, base)) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        try {
                            Response resp = reader.get(paths[i]);
                            bytes.addAndGet(resp.bytes());
                            if (resp.status() != 200) {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 3) firstErrors.add(paths[i] + " -> " + resp.status());
                            }
                        } catch (IOException | RuntimeException e) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) firstErrors.add(paths[i] + " -> " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        nanos[i] = System.nanoTime() - t;
                    }
                } finally {
                    readerCpu.addAndGet(threads.getCurrentThreadCpuTime());
                }
            }));
        }
        for (Thread t : readers) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long clientCpu = readerCpu.get();
        for (var e : httpClientThreadsCpu(threads).entrySet()) clientCpu += e.getValue() - httpClientCpu0.getOrDefault(e.getKey(), 0L);
        for (String e : firstErrors) System.err.println("error: " + e);
        return new Result(nanos, page, errors.get(), bytes.get(), seconds, clientCpu);
    }

    /** CPU time of the JDK HttpClient's own threads (selector, workers) by thread id; empty for the socket client. */
    private Map<Long, Long> httpClientThreadsCpu(ThreadMXBean threads) {
        Map<Long, Long> out = new HashMap<>();
        if (client != ClientKind.jdk) return out;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !info.getThreadName().startsWith("HttpClient-")) continue;
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) out.put(info.getThreadId(), cpu);
        }
        return out;
    }

    private Reader reader(HttpClient jdk, URI base) {
        return client == ClientKind.jdk ? new JdkReader(jdk, base, gzip) : new SocketReader(base, gzip);
    }

    /** A status and the body's length as received (gzip'd when asked and sent so). */
    record Response(int status, long bytes) {}

    /** One reader's client: requests one after another. */
    interface Reader extends AutoCloseable {
        Response get(String path) throws IOException, InterruptedException;

        @Override
        void close();
    }

    /** The JDK's HttpClient, shared by every reader (it keeps its own connection pool). */
    private record JdkReader(HttpClient client, URI base, boolean gzip) implements Reader {
        @Override
        public Response get(String path) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMillis(REQUEST_TIMEOUT_MILLIS));
            if (gzip) b.header("Accept-Encoding", "gzip");
            HttpResponse<byte[]> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(resp.statusCode(), resp.body().length);
        }

        @Override
        public void close() {
            // the shared client outlives its readers
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection on a blocking socket: writes a GET, reads the status line and headers,
     * then the body (Content-Length or chunked) into a reused buffer, counting it. Reconnects when the server
     * closed the connection (once per request).
     */
    static final class SocketReader implements Reader {
        private static final int BUFFER_BYTES = 64 << 10;
        private final String host;
        private final int port;
        private final byte[] head;
        private final byte[] skip = new byte[BUFFER_BYTES];
        private final StringBuilder line = new StringBuilder(128);
        private @Nullable Socket socket;
        private @Nullable InputStream in;
        private @Nullable OutputStream out;

        SocketReader(URI base, boolean gzip) {
            this.host = base.getHost();
            this.port = base.getPort() < 0 ? 80 : base.getPort();
            String hostHeader = base.getPort() < 0 ? host : host + ":" + port;
            this.head = (" HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + (gzip ? "Accept-Encoding: gzip\r\n" : "") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public Response get(String path) throws IOException {
            boolean fresh = socket == null;
            try {
                return exchange(path);
            } catch (IOException e) {
                close();
                // A kept-alive connection the server closed meanwhile fails at once: one retry on a new one.
                if (fresh) throw e;
                return exchange(path);
            }
        }

        private Response exchange(String path) throws IOException {
            if (socket == null) {
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), REQUEST_TIMEOUT_MILLIS);
                s.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
                socket = s;
                in = new BufferedInputStream(s.getInputStream(), BUFFER_BYTES);
                out = s.getOutputStream();
            }
            InputStream i = in;
            OutputStream o = out;
            if (i == null || o == null) throw new IOException("not connected");
            byte[] request = new byte[4 + path.length() + head.length];
            request[0] = 'G';
            request[1] = 'E';
            request[2] = 'T';
            request[3] = ' ';
            for (int k = 0; k < path.length(); k++) request[4 + k] = (byte) path.charAt(k); // ASCII: routes and story ids
            System.arraycopy(head, 0, request, 4 + path.length(), head.length);
            o.write(request);
            o.flush();
            String status = readLine(i);
            if (!status.startsWith("HTTP/1.") || status.length() < 12) throw new IOException("not an HTTP answer: " + status);
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String h = readLine(i); !h.isEmpty(); h = readLine(i)) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            long bytes;
            if (code == 204 || code == 304) bytes = 0;
            else if (chunked) bytes = readChunked(i);
            else if (length >= 0) bytes = skip(i, length);
            else {
                bytes = skip(i, Long.MAX_VALUE); // until the server closes
                closeAfter = true;
            }
            if (closeAfter) close();
            return new Response(code, bytes);
        }

        private long readChunked(InputStream i) throws IOException {
            long total = 0;
            while (true) {
                String size = readLine(i);
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                if (n == 0) {
                    while (!readLine(i).isEmpty()) { } // trailers
                    return total;
                }
                total += skip(i, n);
                readLine(i);
            }
        }

        private long skip(InputStream i, long n) throws IOException {
            long read = 0;
            while (read < n) {
                int r = i.read(skip, 0, (int) Math.min(skip.length, n - read));
                if (r < 0) {
                    if (n == Long.MAX_VALUE) return read;
                    throw new IOException("connection closed after " + read + " of " + n + " body bytes");
                }
                read += r;
            }
            return read;
        }

        private String readLine(InputStream i) throws IOException {
            line.setLength(0);
            for (int b = i.read(); b != '\n'; b = i.read()) {
                if (b < 0) throw new IOException("connection closed by the server");
                if (b != '\r') line.append((char) b);
            }
            return line.toString();
        }

        @Override
        public void close() {
            Socket s = socket;
            socket = null;
            in = null;
            out = null;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing a loopback socket: nothing to do
                }
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** User plus system CPU time of process {@code pid} from {@code /proc/PID/stat}, in nanoseconds; -1 when unreadable. */
    static long procCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start at state, field 3; utime and stime are 14 and 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / PROC_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
