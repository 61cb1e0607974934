package news.parallax.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import news.parallax.analysis.BlindspotPolicy;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.fetch.FeedStore;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.outlets.DefaultOutletRegistry;
import news.parallax.outlets.EmptyRegistry;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * The web UI and JSON API over one store, on the JDK's HTTP server with virtual threads.
 *
 * <pre>
 * GET  /                          story list
 * GET  /story/{id}                story page
 * POST /story/{id}/report         "Report an issue with this summary" (form)
 * GET  /api/stories[?limit=N]     story list JSON
 * GET  /api/stories/{id}          story JSON
 * GET  /api/stories/{id}/reports  reports JSON;  POST stores one (form or JSON: kind, message)
 * GET  /blindspots[?side=left|right]      blindspot feed;  /api/blindspots same as JSON
 * GET  /outlets                   outlet registry;  /api/outlets same as JSON
 * GET  /outlet/{id}               one outlet with its ratings and stories;  /api/outlets/{id} same as JSON
 * GET  /api/feed[?limit=N]        story feed JSON: each story with its landscape and blindspot
 * </pre>
 */
public final class WebServer implements AutoCloseable {
    static final int MAX_FORM_BYTES = 16 * 1024;
    static final int DEFAULT_LIST_LIMIT = 50;

    /** Stories listed on an outlet page. */
    static final int OUTLET_STORY_LIMIT = 100;

    private final Store store;
    private final StoryAnalyzer analyzer;
    private final OutletRegistry registry;
    private final StoryViews views;
    private final HttpServer server;
    private @Nullable Thread warmup;

    private WebServer(Store store, StoryAnalyzer analyzer, OutletRegistry registry, HttpServer server) {
        this.store = store;
        this.analyzer = analyzer;
        this.registry = registry;
        this.views = new StoryViews(store, analyzer);
        this.server = server;
    }

    /** Serves with the analyzer's own registry when it is a {@link DefaultStoryAnalyzer}, else with none. */
    public static WebServer start(Store store, StoryAnalyzer analyzer, String host, int port) throws IOException {
        OutletRegistry registry = DefaultStoryAnalyzer.of(analyzer).<OutletRegistry>map(DefaultStoryAnalyzer::registry)
                .orElseGet(EmptyRegistry::new);
        return start(store, analyzer, registry, host, port);
    }

    public static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        WebServer web = new WebServer(store, analyzer, registry, http);
        web.warmup = web.views.warmInBackground(StoryViews.WARM_STORIES);
        http.createContext("/", web::handle);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return web;
    }

    /** The story page for an analysed story, as served; for benchmarks and static export. */
    public static String renderStoryPage(StoryView view) {
        return Pages.story(view, false);
    }

    /** Waits for the background analysis of the largest stories; true when it finished within {@code timeout}. */
    public boolean awaitWarmup(java.time.Duration timeout) throws InterruptedException {
        Thread t = warmup;
        if (t == null) return true;
        t.join(timeout);
        return !t.isAlive();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String[] parts = path.split("/");
            if (path.equals("/") && method.equals("GET")) {
                send(ex, 200, "text/html", Pages.layout("Stories", AnalysisPages.feed("Stories", views.feed(limit(ex)), "")));
            } else if (analysisRoute(ex, path, method)) {
                return;
            } else if (parts.length == 3 && parts[1].equals("story") && method.equals("GET")) {
                Optional<StoryView> v = view(parts[2]);
                boolean reported = "reported".equals(ex.getRequestURI().getQuery());
                if (v.isPresent()) send(ex, 200, "text/html", Pages.story(v.get(), reported));
                else send(ex, 404, "text/html", Pages.notFound("No story " + parts[2]));
            } else if (parts.length == 4 && parts[1].equals("story") && parts[3].equals("report") && method.equals("POST")) {
                Map<String, String> form = form(ex);
                if (store.storyRef(parts[2]).isEmpty()) {
                    send(ex, 404, "text/html", Pages.notFound("No story " + parts[2]));
                    return;
                }
                store.addReport(parts[2], form.getOrDefault("kind", "other"), form.getOrDefault("message", ""));
                ex.getResponseHeaders().set("Location", "/story/" + parts[2] + "?reported#report");
                ex.sendResponseHeaders(303, -1);
            } else if (path.equals("/api/stories") && method.equals("GET")) {
                send(ex, 200, "application/json", Json.write(store.stories(limit(ex))));
            } else if (parts.length == 4 && parts[1].equals("api") && parts[2].equals("stories") && method.equals("GET")) {
                Optional<StoryView> v = view(parts[3]);
                if (v.isPresent()) send(ex, 200, "application/json", Json.write(v.get()));
                else send(ex, 404, "application/json", Json.write(Map.of("error", "no story " + parts[3])));
            } else if (parts.length == 5 && parts[1].equals("api") && parts[2].equals("stories") && parts[4].equals("reports")) {
                if (method.equals("POST")) {
                    Map<String, String> form = form(ex);
                    if (store.storyRef(parts[3]).isEmpty()) {
                        send(ex, 404, "application/json", Json.write(Map.of("error", "no story " + parts[3])));
                        return;
                    }
                    send(ex, 201, "application/json", Json.write(store.addReport(parts[3], form.getOrDefault("kind", "other"),
                            form.getOrDefault("message", ""))));
                } else {
                    send(ex, 200, "application/json", Json.write(store.reports(parts[3])));
                }
            } else {
                send(ex, 404, "text/html", Pages.notFound("No page at " + path));
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", "internal error: " + e.getMessage());
        }
    }

    private Optional<StoryView> view(String id) {
        return views.view(id);
    }

    /** Blindspot, outlet and feed routes; false when the path is none of them. */
    private boolean analysisRoute(HttpExchange ex, String path, String method) throws IOException {
        if (!method.equals("GET")) return false;
        String rawPath = ex.getRequestURI().getRawPath();
        switch (path) {
            case "/blindspots", "/api/blindspots" -> {
                String side = query(ex, "side");
                if (side != null && !side.equals("left") && !side.equals("right")) {
                    send(ex, 400, "text/plain", "side must be left or right, got: " + side);
                    return true;
                }
                List<StoryOverview> found = views.blindspots(side, limit(ex));
                if (path.startsWith("/api/")) send(ex, 200, "application/json", Json.write(found));
                else send(ex, 200, "text/html", Pages.layout("Blindspots", AnalysisPages.blindspotFeed(side, found, policy())));
                return true;
            }
            case "/outlets" -> {
                send(ex, 200, "text/html", Pages.layout("Outlets", AnalysisPages.outlets(sortedOutlets())));
                return true;
            }
            case "/api/outlets" -> {
                send(ex, 200, "application/json", Json.write(sortedOutlets()));
                return true;
            }
            case "/api/feed" -> {
                send(ex, 200, "application/json", Json.write(views.feed(limit(ex))));
                return true;
            }
            case "/feeds" -> {
                try {
                    send(ex, 200, "text/html", Pages.layout("Feeds", FeedStatusPage.body(FeedStore.of(store), java.time.Instant.now())));
                } catch (java.sql.SQLException e) {
                    send(ex, 500, "text/plain", "cannot read feed status from " + store.location() + ": " + e.getMessage());
                }
                return true;
            }
            default -> { }
        }
        boolean api = rawPath.startsWith("/api/outlets/");
        if (!api && !rawPath.startsWith("/outlet/")) return false;
        String id = URLDecoder.decode(rawPath.substring(api ? "/api/outlets/".length() : "/outlet/".length()), StandardCharsets.UTF_8);
        Optional<Outlet> outlet = registry instanceof DefaultOutletRegistry d ? d.findById(id).or(() -> registry.find(id)) : registry.find(id);
        if (outlet.isEmpty()) {
            if (api) send(ex, 404, "application/json", Json.write(Map.of("error", "no outlet " + id)));
            else send(ex, 404, "text/html", Pages.notFound("No outlet " + id + " in the registry"));
            return true;
        }
        List<StoryOverview> stories = OutletStories.of(store, registry, outlet.get(), OUTLET_STORY_LIMIT).stream()
                .map(views::overview).toList();
        if (api) send(ex, 200, "application/json", Json.write(Map.of("outlet", outlet.get(), "stories", stories)));
        else send(ex, 200, "text/html", Pages.layout(outlet.get().name(), AnalysisPages.outlet(outlet.get(), stories)));
        return true;
    }

    private List<Outlet> sortedOutlets() {
        return registry.all().stream().sorted(java.util.Comparator.comparing((Outlet o) -> o.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private String policy() {
        BlindspotPolicy p = DefaultStoryAnalyzer.of(analyzer).map(DefaultStoryAnalyzer::blindspotPolicy).orElse(BlindspotPolicy.DEFAULT);
        return "a side with at least " + p.minSources() + " sources holds at least " + Math.round(100 * p.minDominantShare())
                + "% of rated sources while the other side holds at most " + Math.round(100 * p.maxOtherShare()) + "%";
    }

    private static @Nullable String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return null;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) return URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static int limit(HttpExchange ex) {
        String q = ex.getRequestURI().getQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                if (kv.startsWith("limit=")) {
                    try {
                        return Integer.parseInt(kv.substring(6));
                    } catch (NumberFormatException e) {
                        return DEFAULT_LIST_LIMIT;
                    }
                }
            }
        }
        return DEFAULT_LIST_LIMIT;
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readNBytes(MAX_FORM_BYTES);
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> out = new HashMap<>();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            Json.mapper().readTree(text).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        }
        for (String kv : text.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (warmup != null) warmup.interrupt();
        server.stop(0);
    }
}
