package news.parallax.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import news.parallax.pipeline.Pipeline;
import news.parallax.store.Store;

/**
 * Live-ingestion benchmark: loopback servers (one per 127.0.0.x address, so each is its own host for
 * politeness) serve feeds and synthetic article pages; one crawl pass fetches everything, extracts,
 * stores and clusters it into stories. Reports articles fetched-to-story per second, peak heap and
 * the most requests any server saw in flight from one client at once (never above the per-host limit).
 */
public final class FetchBenchmark {
    /** Heap sampling period of the peak-memory probe. */
    private static final Duration HEAP_SAMPLE = Duration.ofMillis(50);
    private static final String[] WORDS = {"ministry", "troops", "border", "officials", "satellite", "report",
        "parliament", "sanctions", "intelligence", "convoy", "statement", "analysts", "capital", "exercise",
        "election", "budget", "court", "minister", "protest", "ceasefire", "refinery", "harvest", "inflation",
        "shipping", "drought", "summit", "vaccine", "strike", "coalition", "referendum"};

    /**
     * @param hosts           loopback hosts (127.0.0.1 ... 127.0.0.hosts)
     * @param feeds           feeds in all, spread over the hosts
     * @param articles        article pages in all, spread over the feeds
     * @param serverDelay     time each server takes per response
     * @param hostConnections the crawler's per-host concurrency limit
     */
    public record Settings(int hosts, int feeds, int articles, Duration serverDelay, int hostConnections) {}

    /**
     * Figures of one run.
     *
     * @param maxInFlightPerHost most requests one server was handling at once (server-side count)
     */
    public record Result(Settings settings, int articlesStored, int stories, Duration crawl, Duration total,
            long peakHeapBytes, int maxInFlightPerHost, int sourcesFetched, int sourcesFailed, List<String> errors) {
        public double articlesPerSecond() {
            return articlesStored / (total.toNanos() / 1e9);
        }

        public String summary() {
            return String.format("%d feeds on %d hosts, %d pages, server delay %d ms, limit %d connections/host%n"
                    + "sources fetched %d, failed %d; articles stored %d; stories %d%n"
                    + "crawl+store %.1f s; with clustering %.1f s; %.1f articles fetched-to-story per second%n"
                    + "peak heap %d MiB; max requests in flight to one host %d (limit %d)",
                    settings.feeds, settings.hosts, settings.articles, settings.serverDelay.toMillis(),
                    settings.hostConnections, sourcesFetched, sourcesFailed, articlesStored, stories,
                    crawl.toMillis() / 1000.0, total.toMillis() / 1000.0, articlesPerSecond(),
                    peakHeapBytes / (1024 * 1024), maxInFlightPerHost, settings.hostConnections);
        }
    }

    private FetchBenchmark() {}

    public static Result run(Settings s) throws Exception {
        Path data = Files.createTempDirectory("parallax-fetch-bench");
        List<BenchServer> servers = new ArrayList<>();
        HeapProbe heap = new HeapProbe();
        try {
            for (int h = 0; h < s.hosts; h++) servers.add(new BenchServer("127.0.0." + (h + 1), s.serverDelay));
            // Article i belongs to feed i % feeds; feed f lives on host f % hosts.
            for (int f = 0; f < s.feeds; f++) {
                BenchServer host = servers.get(f % s.hosts);
                StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed ")
                        .append(f).append("</title>");
                for (int i = f; i < s.articles; i += s.feeds) {
                    rss.append("<item><title>Article ").append(i).append("</title><link>")
                            .append(host.base).append("/article/").append(i).append("</link><guid>a").append(i)
                            .append("</guid></item>");
                }
                host.feeds.put(f, rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
            }
            try (Store store = Store.open(data)) {
                FeedStore feeds = FeedStore.of(store);
                for (int f = 0; f < s.feeds; f++) {
                    BenchServer host = servers.get(f % s.hosts);
                    feeds.addSource(host.base + "/feed/" + f, FeedSource.Kind.FEED, "outlet" + (f % 20) + ".example",
                            "Feed " + f, CrawlSettings.defaults().defaultInterval(), Instant.now());
                }
                FetchConfig config = FetchConfig.defaults().withAllowPrivate(true)
                        .withPerHost(s.hostConnections, Duration.ZERO);
                CrawlSettings crawl = CrawlSettings.defaults();
                heap.start();
                long start = System.nanoTime();
                try (LiveIngest live = new LiveIngest(store, Pipeline.standard(store), config, crawl, Clock.systemUTC())) {
                    CrawlReport report = live.crawler().crawlOnce();
                    long crawled = System.nanoTime();
                    int stories = Pipeline.standard(store).recluster((phase, done, total) -> { });
                    long end = System.nanoTime();
                    heap.stop();
                    int maxInFlight = servers.stream().mapToInt(b -> b.maxInFlight.get()).max().orElse(0);
                    return new Result(s, report.articlesStored(), stories, Duration.ofNanos(crawled - start),
                            Duration.ofNanos(end - start), heap.peak.get(), maxInFlight, report.sourcesFetched(),
                            report.sourcesFailed(), report.errors().stream().limit(10).toList());
                }
            }
        } finally {
            heap.stop();
            servers.forEach(BenchServer::close);
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Articles per synthetic story: pages i and j share a topic when i / ARTICLES_PER_TOPIC == j / ARTICLES_PER_TOPIC. */
    static final int ARTICLES_PER_TOPIC = 5;
    private static final String[] SYLLABLES = {"ka", "lo", "mir", "ten", "vas", "ru", "del", "po", "nik", "sha",
        "tor", "bel", "gan", "fi", "mo", "zed", "ul", "ran", "ko", "vi"};

    /**
     * A unique article page: common news words plus names specific to its topic (a place and people),
     * so that pages of one topic cluster into one story and no two pages share their text.
     */
    static byte[] articlePage(int i) {
        int topic = i / ARTICLES_PER_TOPIC;
        String[] names = new String[6];
        for (int k = 0; k < names.length; k++) {
            int x = topic * 7919 + k * 104729;
            names[k] = SYLLABLES[x % 20] + SYLLABLES[(x / 20) % 20] + SYLLABLES[(x / 400) % 20];
            names[k] = Character.toUpperCase(names[k].charAt(0)) + names[k].substring(1);
        }
        StringBuilder sb = new StringBuilder(4096).append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(names[0]).append(" report ").append(i).append("</title></head><body>")
                .append("<nav><a href=\"/\">Home</a></nav><article><h1>").append(names[0]).append(" and ")
                .append(names[1]).append(": report ").append(i).append("</h1>");
        long seed = i * 2654435761L + 17;
        for (int p = 0; p < 6; p++) {
            sb.append("<p>");
            for (int w = 0; w < 40; w++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int r = (int) ((seed >>> 33) % (WORDS.length + names.length));
                sb.append(r < WORDS.length ? WORDS[r] : names[r - WORDS.length]).append(' ');
            }
            sb.append("according to dispatch ").append(i).append(", part ").append(p).append(".</p>");
        }
        return sb.append("</article><footer>Subscribe</footer></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One loopback host: feeds and article pages, with a server-side in-flight count. */
    private static final class BenchServer {
        final String base;
        final HttpServer server;
        final java.util.Map<Integer, byte[]> feeds = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        private final Duration delay;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        BenchServer(String ip, Duration delay) throws IOException {
            this.delay = delay;
            server = HttpServer.create(new InetSocketAddress(ip, 0), 1024);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
            base = "http://" + ip + ":" + server.getAddress().getPort();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                byte[] body;
                int status = 200;
                String type = "text/html; charset=utf-8";
                try {
                    if (!delay.isZero()) Thread.sleep(delay);
                    String path = ex.getRequestURI().getPath();
                    if (path.startsWith("/feed/")) {
                        body = feeds.get(Integer.parseInt(path.substring(6)));
                        type = "application/rss+xml";
                    } else if (path.startsWith("/article/")) {
                        body = articlePage(Integer.parseInt(path.substring(9)));
                    } else {
                        body = null;
                    }
                } catch (InterruptedException | NumberFormatException e) {
                    body = null;
                } finally {
                    // Counted until the response starts: after that the client may already send its next request.
                    inFlight.decrementAndGet();
                }
                if (body == null) {
                    status = 404;
                    body = "not found".getBytes(StandardCharsets.UTF_8);
                    type = "text/plain";
                }
                ex.getResponseHeaders().set("Content-Type", type);
                ex.sendResponseHeaders(status, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Samples used heap on a daemon thread and keeps the maximum. */
    private static final class HeapProbe {
        final AtomicLong peak = new AtomicLong();
        private volatile boolean running;

        void start() {
            MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
            running = true;
            Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(HEAP_SAMPLE);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() {
            running = false;
        }
    }
}
