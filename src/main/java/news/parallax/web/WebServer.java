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
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;

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
 * </pre>
 */
public final class WebServer implements AutoCloseable {
    static final int MAX_FORM_BYTES = 16 * 1024;
    static final int DEFAULT_LIST_LIMIT = 50;

    private final Store store;
    private final StoryAnalyzer analyzer;
    private final HttpServer server;

    private WebServer(Store store, StoryAnalyzer analyzer, HttpServer server) {
        this.store = store;
        this.analyzer = analyzer;
        this.server = server;
    }

    public static WebServer start(Store store, StoryAnalyzer analyzer, String host, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        WebServer web = new WebServer(store, analyzer, http);
        http.createContext("/", web::handle);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return web;
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
                List<StoryRef> stories = store.stories(limit(ex));
                send(ex, 200, "text/html", Pages.storyList(stories, id -> view(id).map(StoryView::landscape)
                        .orElse(new StoryView.Landscape(0, 0, 0, 0))));
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
        return store.story(id).map(analyzer::analyze);
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
        server.stop(0);
    }
}
