package news.parallax.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real HTTP servers on loopback publishing a {@link ArticleStream} live: one server per host (127.0.0.2,
 * 127.0.0.3, ..., so the crawlers' per-host politeness applies to each), an RSS feed per outlet listing its
 * latest published articles, and each article's page once its time has come (404 before). Every request is
 * logged with its host, path and arrival time: the access log the soak reads for pages fetched twice and for
 * the gaps between requests to one host.
 */
final class FeedServers implements AutoCloseable {
    /** Items a feed lists: the outlet's latest; a poll every few seconds never falls this far behind. */
    static final int FEED_ITEMS = 50;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One request as it arrived ({@link System#nanoTime} and wall-clock milliseconds). */
    record Hit(String host, String path, long nanos, long millis) {}

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> baseUrls = new ArrayList<>();
    private final Map<String, Integer> hostOfOutlet = new LinkedHashMap<>();
    private final Map<String, List<ArticleStream.Published>> byOutlet = new HashMap<>();
    private final Map<String, ArticleStream.Published> byPath = new HashMap<>();
    private final Queue<Hit> log = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** When the stream began (epoch ms); nothing is published before {@link #begin}. */
    private volatile long startMillis = Long.MAX_VALUE / 2;
    /** The days the articles' dates spread over, in ms (0: each dated the moment it appears); see {@link #datedMillis}. */
    private final long datedOverMillis;
    /** When the last article appears, after the stream begins. */
    private final long streamMillis;

    FeedServers(List<ArticleStream.Published> stream, int hosts) throws IOException {
        this(stream, hosts, java.time.Duration.ZERO);
    }

    /** Feed servers whose articles' dates spread over {@code datedOver} (zero: each dated the moment it appears). */
    FeedServers(List<ArticleStream.Published> stream, int hosts, java.time.Duration datedOver) throws IOException {
        this.datedOverMillis = datedOver.toMillis();
        this.streamMillis = stream.isEmpty() ? 0 : stream.getLast().offsetMillis();
        for (ArticleStream.Published p : stream) {
            hostOfOutlet.computeIfAbsent(p.outletDomain(), d -> Math.floorMod(d.hashCode(), hosts));
            byOutlet.computeIfAbsent(p.outletDomain(), d -> new ArrayList<>()).add(p);
            byPath.put(p.path(), p);
        }
        for (int h = 0; h < hosts; h++) {
            String ip = "127.0.0." + (2 + h);
            HttpServer server = HttpServer.create(new InetSocketAddress(ip, 0), 200);
            server.setExecutor(executor);
            server.createContext("/", ex -> handle(ip, ex));
            server.start();
            servers.add(server);
            baseUrls.add("http://" + ip + ":" + server.getAddress().getPort());
        }
    }

    /** Starts publishing: article i appears at {@code startMillis} plus its offset. */
    void begin(long startMillis) {
        this.startMillis = startMillis;
    }

    /** Articles published by {@code nowMillis}. */
    int publishedBy(List<ArticleStream.Published> stream, long nowMillis) {
        int lo = 0, hi = stream.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(stream.get(mid)) <= nowMillis) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private long at(ArticleStream.Published p) {
        return startMillis + p.offsetMillis();
    }

    /** The date the feed and the page give the article. */
    private long dated(ArticleStream.Published p) {
        return datedMillis(at(p), p.offsetMillis(), streamMillis, datedOverMillis);
    }

    /**
     * The date of an article that appears at {@code appearsMillis}, {@code offsetMillis} into a stream whose last article
     * appears {@code streamMillis} in, when the dates spread over {@code datedOverMillis}: the last is dated the moment it
     * appears and the first {@code datedOverMillis} before it, evenly in between, so the stream's clock runs days in
     * minutes and stories close by the quiet period (the clusterer's bounded memory shows) while no date lies in the
     * future. No spread longer than the stream: the moment it appears.
     */
    static long datedMillis(long appearsMillis, long offsetMillis, long streamMillis, long datedOverMillis) {
        if (datedOverMillis <= streamMillis) return appearsMillis;
        double before = streamMillis == 0 ? 1 : 1 - (double) offsetMillis / streamMillis;
        return appearsMillis - Math.round(before * (datedOverMillis - streamMillis));
    }

    /** Each outlet's feed URL, by outlet domain. */
    Map<String, String> feeds() {
        Map<String, String> out = new LinkedHashMap<>();
        hostOfOutlet.forEach((domain, host) -> out.put(domain, baseUrls.get(host) + "/feed/" + domain + ".xml"));
        return out;
    }

    /** The page URL of a published article. */
    String url(ArticleStream.Published p) {
        return baseUrls.get(java.util.Objects.requireNonNull(hostOfOutlet.get(p.outletDomain()), p.outletDomain())) + p.path();
    }

    /**
     * Published articles no poll of their feed could have seen: the feed listed each from its publication until
     * {@link #FEED_ITEMS} newer ones of its outlet pushed it out, and no request for the feed arrived in that time
     * (the crawlers polled it less often than its outlet published {@code FEED_ITEMS} articles).
     */
    int unseenByAnyPoll(List<Hit> hits) {
        Map<String, List<Long>> polls = new HashMap<>();
        for (Hit h : hits) {
            if (h.path().startsWith("/feed/") && h.path().endsWith(".xml"))
                polls.computeIfAbsent(h.path().substring(6, h.path().length() - 4), k -> new ArrayList<>()).add(h.millis());
        }
        int unseen = 0;
        for (Map.Entry<String, List<ArticleStream.Published>> outlet : byOutlet.entrySet()) {
            List<Long> times = polls.getOrDefault(outlet.getKey(), List.of()).stream().sorted().toList();
            List<ArticleStream.Published> items = outlet.getValue();
            for (int k = 0; k < items.size(); k++) {
                long from = at(items.get(k));
                long until = k + FEED_ITEMS < items.size() ? at(items.get(k + FEED_ITEMS)) : Long.MAX_VALUE;
                int i = java.util.Collections.binarySearch(times, from);
                int first = i >= 0 ? i : -i - 1;
                if (first >= times.size() || times.get(first) >= until) unseen++;
            }
        }
        return unseen;
    }

    /** True when every feed was requested at or after {@code millis} (wall clock). */
    boolean everyFeedPolledSince(long millis) {
        Set<String> polled = new HashSet<>();
        for (Hit h : log) {
            if (h.millis() >= millis && h.path().startsWith("/feed/") && h.path().endsWith(".xml"))
                polled.add(h.path().substring(6, h.path().length() - 4));
        }
        return polled.containsAll(byOutlet.keySet());
    }

    /** Every request so far. */
    List<Hit> hits() {
        return List.copyOf(log);
    }

    private void handle(String host, HttpExchange ex) throws IOException {
        log.add(new Hit(host, ex.getRequestURI().getPath(), System.nanoTime(), System.currentTimeMillis()));
        try (ex) {
            String path = ex.getRequestURI().getPath();
            long now = System.currentTimeMillis();
            if (path.startsWith("/feed/") && path.endsWith(".xml")) {
                List<ArticleStream.Published> items = byOutlet.get(path.substring(6, path.length() - 4));
                if (items == null) {
                    send(ex, 404, "text/plain", "no such feed");
                } else {
                    send(ex, 200, "application/rss+xml; charset=utf-8", rss(host, items, now));
                }
                return;
            }
            ArticleStream.Published p = byPath.get(path);
            if (p == null || at(p) > now) {
                send(ex, 404, "text/plain", "not found");
            } else {
                send(ex, 200, "text/html; charset=utf-8", page(p));
            }
        }
    }

    private String rss(String host, List<ArticleStream.Published> items, long now) {
        int published = 0;
        while (published < items.size() && at(items.get(published)) <= now) published++;
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                .append(xml(items.getFirst().outletName())).append("</title>");
        for (int i = published - 1; i >= Math.max(0, published - FEED_ITEMS); i--) {
            ArticleStream.Published p = items.get(i);
            rss.append("<item><title>").append(xml(p.article().title())).append("</title><link>")
                    .append(xml(url(p))).append("</link><guid isPermaLink=\"false\">").append(xml(p.slug()))
                    .append("</guid><pubDate>").append(RFC_1123.format(Instant.ofEpochMilli(dated(p))))
                    .append("</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    /** The article as a plain news page: headline, byline, date metadata, body paragraphs. */
    private String page(ArticleStream.Published p) {
        String title = xml(p.article().title());
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title><meta property=\"og:site_name\" content=\"").append(xml(p.outletName()))
                .append("\"><meta property=\"article:published_time\" content=\"")
                .append(Instant.ofEpochMilli(dated(p))).append("\">");
        if (!p.article().authors().isEmpty())
            html.append("<meta name=\"author\" content=\"").append(xml(String.join(", ", p.article().authors()))).append("\">");
        html.append("</head><body><article><h1>").append(title).append("</h1>");
        for (String para : p.article().text().split("\\n\\s*\\n|\\n")) {
            if (!para.isBlank()) html.append("<p>").append(xml(para.strip())).append("</p>");
        }
        return html.append("</article></body></html>").toString();
    }

    private static String xml(String s) {
        // Characters XML 1.0 forbids (a few corpus records hold control characters) are dropped.
        s = s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        for (HttpServer s : servers) s.stop(0);
        executor.close();
    }
}
