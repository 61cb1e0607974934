package news.parallax.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers of the web nodes during the soak: each on a virtual thread, spread over the nodes, reading the front
 * page, the story listing as JSON and story pages picked from it, with a pause between requests (a reader, not a
 * load generator). Every response time is kept; a response other than 200 or a failed request counts as an error,
 * except a story page's permanent redirect to another story page: the story was merged away since the listing the
 * reader picked it from, and its permalink answers as it should (issue 19); those are counted as redirects.
 */
final class WebReaders implements AutoCloseable {
    private static final Pattern STORY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.Queue<Long> times = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    /** Errors by kind: "HTTP 503", "HttpTimeoutException", ... */
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger redirects = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The figures of a run: response times in ms. */
    record Result(int readers, int requests, int errors, double p50, double p90, double p99, double max, java.util.Map<String, Integer> errorKinds,
            int redirects) {}

    WebReaders(List<Integer> ports, int readers, Duration pause, long seed) {
        for (int r = 0; r < readers; r++) {
            int port = ports.get(r % ports.size());
            Random random = new Random(seed + r);
            threads.add(Thread.ofVirtual().name("soak-reader-" + r).start(() -> {
                List<String> ids = new ArrayList<>();
                int i = 0;
                while (!stop.get()) {
                    String path = switch (i++ % 4) {
                        case 0 -> "/";
                        case 1 -> "/api/stories";
                        default -> ids.isEmpty() ? "/api/stories" : "/story/" + ids.get(random.nextInt(ids.size()));
                    };
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> resp = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(TIMEOUT).header("Accept-Encoding", "identity").build(), HttpResponse.BodyHandlers.ofString());
                        if (mergedStory(path, resp)) redirects.incrementAndGet();
                        else if (resp.statusCode() != 200) error("HTTP " + resp.statusCode());
                        if (path.equals("/api/stories") && resp.statusCode() == 200) {
                            ids.clear();
                            Matcher m = STORY_ID.matcher(resp.body());
                            while (m.find() && ids.size() < 50) ids.add(m.group(1));
                        }
                    } catch (Exception e) {
                        if (stop.get()) break;
                        error(e.getClass().getSimpleName());
                    }
                    times.add(System.nanoTime() - start);
                    requests.incrementAndGet();
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
    }

    /** A story page answered with a permanent redirect to another story page (a story merged away). */
    static boolean mergedStory(String path, HttpResponse<?> resp) {
        return path.startsWith("/story/") && resp.statusCode() == 301
                && resp.headers().firstValue("Location").filter(l -> l.startsWith("/story/") && !l.equals(path)).isPresent();
    }

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Stops the readers and returns their figures. */
    Result finish() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) t.join(TIMEOUT.toMillis());
        List<Long> all = new ArrayList<>(times);
        all.sort(null);
        return new Result(threads.size(), all.size(), errors.get(), pct(all, 0.50), pct(all, 0.90), pct(all, 0.99),
                all.isEmpty() ? 0 : all.getLast() / 1e6, new java.util.TreeMap<>(java.util.Map.ofEntries(errorKinds.entrySet().stream()
                        .map(e -> java.util.Map.entry(e.getKey(), e.getValue().get())).toArray(java.util.Map.Entry[]::new))), redirects.get());
    }

    private static double pct(List<Long> sorted, double q) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        if (!stop.get()) finish();
    }
}
