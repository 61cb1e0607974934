package news.parallax.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Report flood (issue 19): serves the store on loopback and posts reports of the longest allowed message to random
 * stories from several client addresses at once (loopback aliases 127.0.0.2, .3, ...: the server takes the
 * connection's address, never a forwarded header), as fast as it answers; prints posts accepted and refused per
 * second and the store's growth. It writes the accepted reports into the store: run it on a copy.
 */
@Command(name = "bench-reports", mixinStandardHelpOptions = true,
        description = "Flood the report route from several loopback addresses and print accepted/refused per second and store growth (writes reports: use a copy of a store).")
final class BenchReportsCommand implements Callable<Integer> {
    /** The longest message the route accepts (web.ReportPolicy.MAX_MESSAGE_CHARS): the worst case for growth. */
    static final int MESSAGE_CHARS = 4_000;

    @Mixin
    DataOption data;

    @Option(names = "--attempts", defaultValue = "100000", description = "Posts to send in all (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--clients", defaultValue = "8", description = "Client addresses, 127.0.0.2 onwards (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--concurrency", defaultValue = "16", description = "Posts in flight at once, spread over the addresses (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-seconds", defaultValue = "3600", description = "Stop sending after this long, whatever is left of --attempts (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Option(names = "--seed", defaultValue = "19", description = "Seed of the story choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (attempts < 1) throw new IllegalArgumentException("--attempts must be at least 1, got " + attempts);
        if (clients < 1 || clients > 250) throw new IllegalArgumentException("--clients must be 1 to 250, got " + clients);
        if (concurrency < 1) throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
        try (Store store = Services.store(data)) {
            StoryAnalyzer analyzer = Services.analyzer(data.dir());
            List<String> ids = store.storyIds();
            if (ids.isEmpty()) throw new IllegalArgumentException("no stories in " + store.location() + ": ingest first");
            int reportsBefore = store.reports(null).size();
            long bytesBefore = storeBytes(store);
            HttpClient[] http = new HttpClient[clients];
            for (int c = 0; c < clients; c++) {
                http[c] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                        .localAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (c + 2)})).build();
            }
            // The worst case for growth: the longest message allowed, of three-byte UTF-8 characters.
            String message = "\u2026".repeat(MESSAGE_CHARS);
            String body = "{\"kind\":\"other\",\"message\":\"" + message + "\"}";
            Random random = new Random(seed);
            String[] targets = new String[attempts];
            for (int i = 0; i < attempts; i++) targets[i] = ids.get(random.nextInt(ids.size()));

            try (WebServer web = WebServer.start(store, analyzer, "127.0.0.1", 0, null, 0)) {
                String base = "http://127.0.0.1:" + web.port() + "/api/stories/";
                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                int seconds = Math.max(1, maxSeconds) + 60;
                long stopAt = System.nanoTime() + Math.max(1, maxSeconds) * 1_000_000_000L;
                AtomicInteger sent = new AtomicInteger();
                AtomicLongArray acceptedAt = new AtomicLongArray(seconds);
                AtomicLongArray refusedAt = new AtomicLongArray(seconds);
                AtomicInteger next = new AtomicInteger();
                long start = System.nanoTime();
                try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int w = 0; w < concurrency; w++) {
                        HttpClient client = http[w % clients];
                        senders.submit(() -> {
                            for (int i = next.getAndIncrement(); i < attempts && System.nanoTime() < stopAt; i = next.getAndIncrement()) {
                                sent.incrementAndGet();
                                HttpRequest req = HttpRequest.newBuilder(URI.create(base + targets[i] + "/reports"))
                                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                                int status;
                                try {
                                    status = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                                } catch (Exception e) {
                                    status = -1;
                                }
                                statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                                int second = (int) Math.min(seconds - 1, (System.nanoTime() - start) / 1_000_000_000L);
                                (status == 201 ? acceptedAt : refusedAt).incrementAndGet(second);
                            }
                            return null;
                        });
                    }
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                int reportsAfter = store.reports(null).size();
                long bytesAfter = storeBytes(store);
                System.out.printf(Locale.ROOT, "%,d posts (of %,d asked) of %,d-character messages from %d addresses (127.0.0.2-%d), %d in flight, in %.1f s (%.0f posts/s)%n",
                        sent.get(), attempts, MESSAGE_CHARS, clients, clients + 1, concurrency, elapsed, sent.get() / elapsed);
                System.out.println("statuses: " + new TreeMap<>(statuses));
                System.out.println("second | accepted | refused");
                int last = (int) Math.min(seconds - 1, Math.ceil(elapsed));
                for (int s = 0; s < last; s++) {
                    System.out.printf(Locale.ROOT, "%6d | %8d | %7d%n", s, acceptedAt.get(s), refusedAt.get(s));
                }
                System.out.printf(Locale.ROOT, "reports stored: %,d (before %,d, after %,d); store files grew by %,d bytes (%s)%n",
                        reportsAfter - reportsBefore, reportsBefore, reportsAfter, bytesAfter - bytesBefore, store.location());
            }
        }
        return 0;
    }

    /** The SQLite file and its WAL, in bytes; 0 for a database elsewhere (PostgreSQL). */
    private static long storeBytes(Store store) throws java.io.IOException {
        Path db = Path.of(store.location());
        if (!Files.isRegularFile(db)) return 0;
        Path wal = Path.of(store.location() + "-wal");
        return Files.size(db) + (Files.exists(wal) ? Files.size(wal) : 0);
    }
}
