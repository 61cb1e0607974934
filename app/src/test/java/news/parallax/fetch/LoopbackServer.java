package news.parallax.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 with per-path handlers and hit counters, for fetch tests. */
final class LoopbackServer implements AutoCloseable {
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange ex) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    LoopbackServer() throws IOException {
        this("127.0.0.1");
    }

    LoopbackServer(String ip) throws IOException {
        this(ip, 0);
    }

    /** On a given port (0: any), so that two servers can share one port on two loopback addresses. */
    LoopbackServer(String ip, int port) throws IOException {
        this(ip, port, false);
    }

    /**
     * A server on platform threads, for tests whose own threads may pin every carrier of the virtual-thread
     * scheduler (two SQLite connections in one JVM wait for each other's write lock in native code): a server
     * on virtual threads would then stall and the client time out and retry.
     */
    static LoopbackServer onPlatformThreads() throws IOException {
        return new LoopbackServer("127.0.0.1", 0, true);
    }

    private LoopbackServer(String ip, int port, boolean platformThreads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(ip, port), 200);
        server.setExecutor(platformThreads ? Executors.newCachedThreadPool() : Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            // Counted until the response starts: once bytes leave, the client may already start its next
            // request, and counting that overlap would blame the client for the server's own bookkeeping.
            java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
            Runnable finished = () -> {
                if (counted.getAndSet(false)) inFlight.decrementAndGet();
            };
            ex.setAttribute(FINISH, finished);
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            requestHeaders.add(Map.copyOf(ex.getRequestHeaders()));
            try {
                Handler h = routes.get(path);
                if (h == null) {
                    send(ex, 404, "text/plain", "not found");
                } else {
                    h.handle(ex);
                }
            } catch (Exception e) {
                // A handler may end the exchange abruptly on purpose (reset mid-body).
            } finally {
                finished.run();
                ex.close();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    LoopbackServer route(String path, Handler h) {
        routes.put(path, h);
        return this;
    }

    LoopbackServer page(String path, String contentType, String body) {
        return route(path, ex -> send(ex, 200, contentType, body));
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        finished(ex);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static final String FINISH = "parallax.finish";

    /** Marks the exchange as no longer in flight; handlers that write responses themselves call it first. */
    static void finished(HttpExchange ex) {
        if (ex.getAttribute(FINISH) instanceof Runnable r) r.run();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
