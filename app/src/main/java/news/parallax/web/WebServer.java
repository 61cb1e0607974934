package news.parallax.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import news.parallax.analysis.BlindspotPolicy;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.outlets.DefaultOutletRegistry;
import news.parallax.outlets.EmptyRegistry;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Report;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI and JSON API over one store, on Javalin (Jetty, virtual threads) with jte templates.
 *
 * <p>Every route is declared once in {@link #routes()}; a path's other methods answer 405 with {@code Allow}, and
 * HEAD is answered wherever GET is. Every response, errors and redirects included, carries the security headers
 * of {@link #SECURITY_HEADERS}; a request whose {@code Host} is not one this server answers (see
 * {@link HostPolicy}) gets 421. Errors are answered as a page, or as JSON {@code {"error", "status"}} under
 * {@code /api/}, and logged with their cause; no stack trace reaches a client.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** Stories per page on the home, blindspot and outlet pages. */
    static final int PAGE_SIZE = 50;
    /** Outlets per page of {@code /outlets}. */
    static final int OUTLETS_PAGE_SIZE = 100;
    /** Stories per page on an outlet page; its JSON keeps the former 100 by default. */
    static final int OUTLET_PAGE_SIZE = 25;
    static final int OUTLET_API_LIMIT = 100;
    /** Reports per page of {@code /api/stories/{id}/reports} by default, and at most. */
    static final int REPORTS_PAGE_SIZE = 50;
    static final int MAX_REPORTS_PAGE_SIZE = 200;
    /** Longest outlet filter accepted. */
    static final int MAX_FILTER_CHARS = 100;

    /**
     * Sent with every response. The CSP allows no inline script or style (styles and scripts are static files),
     * no framing, and form posts to this site only; "same-origin" referrers keep article links from telling
     * outlets what a reader looked at, while same-site form posts still carry their Origin.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "Referrer-Policy", "same-origin",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY");

    /** Methods a route may be asked with; those a path does not declare answer 405. */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS, HandlerType.TRACE);
    private static final String RENDERED = "parallax.rendered";

    /** One row of the route table. */
    private record Route(HandlerType method, String path, Handler handler) {}

    private final Store store;
    private final StoryAnalyzer analyzer;
    private final OutletRegistry registry;
    private final StoryViews views;
    private final HostPolicy hosts;
    private final ReportPolicy reportPolicy;
    private final RateLimiter reportLimiter;
    private final CsrfTokens csrf = new CsrfTokens();
    private final FeedRoutes feeds;
    private final StoreStamps stamps;
    private final PageCache pages;
    private final TopicRoutes topics;
    private final ThreadRoutes threads;
    private final EditorRoutes editor;
    private final Javalin app;
    private @Nullable Thread warmup;
    private @Nullable Thread pageWarmup;

    /**
     * Who builds the stored views of stories that changed. A server on its own store builds them itself; a web node
     * of a shared deployment leaves them to the clusterer, which builds them right after each pass: nodes that also
     * rebuilt every view they found stale did the clusterer's analysis again, each of them, on the readers' cores.
     */
    public enum ViewBuilding {
        /** Stale and missing views are rebuilt in the background, when the server starts and when a request finds one. */
        HERE,
        /** Pages show a stale story's previous view (or its pending view) until the clusterer stores the new one. */
        BY_CLUSTERER
    }

    private WebServer(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost, ReportPolicy reportPolicy, long pageCacheBytes,
            news.parallax.editor.LoginThrottle.Policy loginPolicy, ViewBuilding viewBuilding) {
        // --public-host https://NAME: readers reach NAME over https (a proxy ends TLS), so editor cookies are Secure there.
        String httpsHost = publicHost != null && publicHost.strip().toLowerCase(Locale.ROOT).startsWith("https://")
                ? publicHost.strip().substring("https://".length()).replaceAll("/.*$", "") : null;
        if (httpsHost != null) publicHost = httpsHost;
        this.store = store;
        this.analyzer = analyzer;
        this.registry = registry;
        this.views = new StoryViews(store, analyzer, viewBuilding == ViewBuilding.HERE);
        this.feeds = new FeedRoutes(store, views);
        this.stamps = new StoreStamps(store);
        this.pages = new PageCache(stamps, views, csrf, pageCacheBytes);
        this.topics = new TopicRoutes(store, views, feeds);
        this.threads = new ThreadRoutes(store, views);
        this.hosts = new HostPolicy(host, publicHost);
        this.editor = new EditorRoutes(store, analyzer, csrf, loginPolicy, httpsHost == null ? null : HostPolicy.hostOf(httpsHost));
        this.reportPolicy = reportPolicy;
        this.reportLimiter = new RateLimiter(reportPolicy.perClient(), reportPolicy.overall(), System::nanoTime);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Virtual threads: Jetty's pool of platform threads served cached pages at the same CPU per request on 2 cores
            // (BENCHMARKS, issue 19 session 8), and with virtual threads a slow client or store read holds no pool thread.
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = ReportPolicy.MAX_BODY_BYTES;
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/web/static";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "max-age=3600");
            });
            config.routes.before(this::guard);
            registerRoutes(config.routes);
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            config.routes.exception(WebError.class, (e, ctx) -> fail(ctx, e.status, e.getMessage(), e.headers, e.getCause()));
            // Javalin's own exceptions (a body over maxRequestSize, ...): their status, with its standard phrase.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(),
                    e.getStatus() == 404 ? "No page at " + Params.shorten(ctx.path()) : null, Map.of(), e));
            config.routes.exception(Exception.class, (e, ctx) -> fail(ctx, 500,
                    "Something went wrong on our side; it has been logged.", Map.of(), e));
            config.routes.error(404, ctx -> {
                if (ctx.attribute(RENDERED) == null) fail(ctx, 404, "No page at " + Params.shorten(ctx.path()), Map.of(), null);
            });
        });
    }

    /** The analyzer's own registry when it is a {@link DefaultStoryAnalyzer}, else none. */
    private static OutletRegistry registryOf(StoryAnalyzer analyzer) {
        return DefaultStoryAnalyzer.of(analyzer).<OutletRegistry>map(DefaultStoryAnalyzer::registry).orElseGet(EmptyRegistry::new);
    }

    /** Serves with the analyzer's own registry when it is a {@link DefaultStoryAnalyzer}, else with none. */
    public static WebServer start(Store store, StoryAnalyzer analyzer, String host, int port) {
        return start(store, analyzer, host, port, null);
    }

    /** As {@link #start(Store, StoryAnalyzer, String, int)}, also answering {@code publicHost} (null for none). */
    public static WebServer start(Store store, StoryAnalyzer analyzer, String host, int port, @Nullable String publicHost) {
        return start(store, analyzer, registryOf(analyzer), host, port, publicHost);
    }

    public static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port) {
        return start(store, analyzer, registry, host, port, null);
    }

    /** As {@link #start(Store, StoryAnalyzer, String, int, String)}, keeping at most {@code pageCacheBytes} of rendered pages. */
    public static WebServer start(Store store, StoryAnalyzer analyzer, String host, int port, @Nullable String publicHost,
            long pageCacheBytes) {
        return start(store, analyzer, host, port, publicHost, pageCacheBytes, ViewBuilding.HERE);
    }

    /**
     * @param publicHost the name readers use to reach this server (behind a proxy, say), answered besides localhost
     *                   and the bound address; null for none
     */
    public static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost) {
        return start(store, analyzer, registry, host, port, publicHost, ReportPolicy.DEFAULT);
    }

    /** As above, keeping at most {@code pageCacheBytes} of rendered pages and JSON in memory (0: none; see {@link PageCache}). */
    public static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost, long pageCacheBytes) {
        return start(store, analyzer, registry, host, port, publicHost, ReportPolicy.DEFAULT, pageCacheBytes);
    }

    static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost, ReportPolicy reportPolicy) {
        return start(store, analyzer, registry, host, port, publicHost, reportPolicy, PageCache.DEFAULT_MAX_BYTES,
                news.parallax.editor.LoginThrottle.Policy.DEFAULT);
    }

    static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost, ReportPolicy reportPolicy, long pageCacheBytes) {
        return start(store, analyzer, registry, host, port, publicHost, reportPolicy, pageCacheBytes,
                news.parallax.editor.LoginThrottle.Policy.DEFAULT);
    }

    static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost, ReportPolicy reportPolicy, news.parallax.editor.LoginThrottle.Policy loginPolicy) {
        return start(store, analyzer, registry, host, port, publicHost, reportPolicy, PageCache.DEFAULT_MAX_BYTES, loginPolicy);
    }

    static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost, ReportPolicy reportPolicy, long pageCacheBytes, news.parallax.editor.LoginThrottle.Policy loginPolicy) {
        return start(store, analyzer, registry, host, port, publicHost, reportPolicy, pageCacheBytes, loginPolicy, ViewBuilding.HERE);
    }

    /** As {@link #start(Store, StoryAnalyzer, String, int, String, long)}, with views built {@code here} or by the clusterer. */
    public static WebServer start(Store store, StoryAnalyzer analyzer, String host, int port, @Nullable String publicHost,
            long pageCacheBytes, ViewBuilding viewBuilding) {
        return start(store, analyzer, registryOf(analyzer), host, port, publicHost, ReportPolicy.DEFAULT, pageCacheBytes,
                news.parallax.editor.LoginThrottle.Policy.DEFAULT, viewBuilding);
    }

    static WebServer start(Store store, StoryAnalyzer analyzer, OutletRegistry registry, String host, int port,
            @Nullable String publicHost, ReportPolicy reportPolicy, long pageCacheBytes, news.parallax.editor.LoginThrottle.Policy loginPolicy,
            ViewBuilding viewBuilding) {
        WebServer web = new WebServer(store, analyzer, registry, host, port, publicHost, reportPolicy, pageCacheBytes, loginPolicy, viewBuilding);
        web.app.start();
        web.warmup = web.views.warmInBackground(StoryViews.WARM_STORIES);
        web.topics.refreshInBackground(analyzer, registry);
        if (pageCacheBytes > 0) {
            Thread views = web.warmup;
            // After the view rebuild and the first topic refresh: pages rendered before either would be stale at once.
            web.pageWarmup = web.pages.warm(() -> {
                if (views != null) views.join();
                web.topics.awaitFirstRefresh();
            }, store::storyIds, (view, bucket) -> web.storyHtml(view, bucket), (view, bucket) -> Json.write(web.withThread(view)));
        }
        LOG.info("serving {} on {}:{} (answering host names: {})", store.location(), host, web.port(), web.hosts);
        return web;
    }

    /** The story page for an analysed story, as served; for benchmarks and static export. */
    public static String renderStoryPage(StoryView view) {
        return Templates.story(new PageModels.StoryPage(view, false, "", ReportPolicy.KINDS));
    }

    /**
     * Waits for the background work of a starting server (stale views rebuilt, the first topic refresh, then the page
     * cache filled); true when it finished within {@code timeout}.
     */
    public boolean awaitWarmup(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : new Thread[] {warmup, pageWarmup}) {
            if (t == null) continue;
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            t.join(Duration.ofNanos(left));
            if (t.isAlive()) return false;
        }
        return topics.awaitFirstRefresh(Math.max(0, deadline - System.nanoTime()));
    }

    public int port() {
        return app.port();
    }

    /** Pages, JSON and listings kept in the page cache: at most one per page, for tests of its bound. */
    public long pageCacheEntries() {
        return pages.entries();
    }

    /** Story pages and JSON this server rendered (cache misses and the warm-up's), for hit-rate measurements. */
    public long storyRenders() {
        return pages.storyRenders();
    }

    @Override
    public void close() {
        app.stop();
        stamps.close();
        pages.close();
        topics.close();
        views.close();
    }

    // ---- the route table ----

    private List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/", this::home),
                new Route(HandlerType.GET, "/story/{id}", this::storyPage),
                new Route(HandlerType.POST, "/story/{id}/report", this::reportForm),
                new Route(HandlerType.GET, "/blindspots", this::blindspotPage),
                new Route(HandlerType.GET, "/outlets", this::outletsPage),
                new Route(HandlerType.GET, "/outlet/<id>", this::outletPage),
                new Route(HandlerType.GET, "/feeds", this::feedsPage),
                new Route(HandlerType.GET, "/my-bias", ctx -> html(ctx, 200, MyBiasPage.render())),
                new Route(HandlerType.GET, "/api/stories", this::storiesJson),
                new Route(HandlerType.GET, "/api/stories/{id}", this::storyJson),
                new Route(HandlerType.GET, "/api/stories/{id}/reports", this::reportsJson),
                new Route(HandlerType.POST, "/api/stories/{id}/reports", this::reportJson),
                new Route(HandlerType.GET, "/api/blindspots", this::blindspotsJson),
                new Route(HandlerType.GET, "/api/outlets", this::outletsJson),
                new Route(HandlerType.GET, "/api/outlets/<id>", this::outletJson),
                new Route(HandlerType.GET, "/api/feed", this::feedJson),
                new Route(HandlerType.GET, "/feed.atom", feeds::topFeed),
                new Route(HandlerType.GET, "/blindspots.atom", feeds::blindspotFeed),
                new Route(HandlerType.GET, "/briefing", feeds::briefingPage),
                new Route(HandlerType.GET, "/briefing.atom", feeds::briefingFeed),
                new Route(HandlerType.GET, "/api/briefing", feeds::briefingJson),
                new Route(HandlerType.GET, "/search", this::searchPage),
                new Route(HandlerType.GET, "/api/search", this::searchJson),
                new Route(HandlerType.GET, "/search.atom", this::searchFeed),
                new Route(HandlerType.GET, "/topics", topics::index),
                new Route(HandlerType.GET, "/topic/{slug}", topics::topic), // also /topic/{slug}.atom: slugs hold no dot
                new Route(HandlerType.GET, "/api/topics", topics::indexJson),
                new Route(HandlerType.GET, "/api/topics/{slug}", topics::topicJson),
                new Route(HandlerType.GET, "/thread/{id}", threads::threadPage),
                new Route(HandlerType.GET, "/api/threads/{id}", threads::threadJson),

                // issue 14: editor log-in, reports and corrections (EditorRoutes)
                new Route(HandlerType.GET, "/editor", editor::home),
                new Route(HandlerType.GET, "/editor/login", editor::loginPage),
                new Route(HandlerType.POST, "/editor/login", editor::login),
                new Route(HandlerType.POST, "/editor/logout", editor::logout),
                new Route(HandlerType.GET, "/editor/reports", editor::reportsPage),
                new Route(HandlerType.POST, "/editor/reports/{id}/state", editor::reportState),
                new Route(HandlerType.POST, "/editor/story/{id}/split", editor::split),
                new Route(HandlerType.POST, "/editor/story/{id}/merge", editor::merge),
                new Route(HandlerType.POST, "/editor/story/{id}/move", editor::move),
                // session 8: the reports as JSON, undoing a correction, changing one's password
                new Route(HandlerType.GET, "/editor/api/reports", editor::reportsJson),
                new Route(HandlerType.POST, "/editor/corrections/{id}/undo", editor::undo),
                new Route(HandlerType.GET, "/editor/password", editor::passwordPage),
                new Route(HandlerType.POST, "/editor/password", editor::changePassword));
    }

    private void registerRoutes(io.javalin.config.RoutesConfig config) {
        Map<String, Set<HandlerType>> byPath = new LinkedHashMap<>();
        for (Route r : routes()) {
            Handler h = r.method() == HandlerType.GET && PageCache.LISTINGS.contains(r.path()) ? pages.listing(r.handler()) : r.handler();
            config.addHttpHandler(r.method(), r.path(), h);
            if (r.method() == HandlerType.GET) config.addHttpHandler(HandlerType.HEAD, r.path(), h);
            byPath.computeIfAbsent(r.path(), p -> new LinkedHashSet<>()).add(r.method());
        }
        for (var e : byPath.entrySet()) {
            List<String> allow = new ArrayList<>();
            for (HandlerType m : e.getValue()) allow.add(m.name());
            if (e.getValue().contains(HandlerType.GET)) allow.add("HEAD");
            String allowHeader = String.join(", ", allow);
            for (HandlerType m : METHODS) {
                if (e.getValue().contains(m)) continue;
                config.addHttpHandler(m, e.getKey(), ctx -> {
                    throw new WebError(405, ctx.method().name() + " is not allowed here; use " + allowHeader,
                            Map.of("Allow", allowHeader));
                });
            }
        }
    }

    /** Before every request, static files included: security headers, then the Host check. */
    private void guard(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (!hosts.allows(ctx.header("Host"))) {
            throw new WebError(421, "This server does not answer for host " + Params.shorten(String.valueOf(ctx.header("Host")))
                    + "; start it with --public-host NAME to serve that name.");
        }
    }

    // ---- pages ----

    private void home(Context ctx) {
        int page = Params.page(ctx);
        List<StoryOverview> stories = views.feed((page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasNext = stories.size() > PAGE_SIZE;
        String firstRun = page == 1 && stories.isEmpty() && store.articleCount() == 0 ? firstRunReason() : null;
        html(ctx, 200, Templates.render("feed.jte", new PageModels.FeedPage("Stories", cut(stories, PAGE_SIZE),
                new PageModels.Pager(page, hasNext, "/?"), null, "", firstRun)));
    }

    /** Why the store is empty, from the feed statuses (null when they cannot be read). */
    private @Nullable String firstRunReason() {
        try {
            return FirstRun.explain(FeedStore.of(store).sources());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot read feed status from {}: {}", store.location(), e.toString());
            return null;
        }
    }

    private void storyPage(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        boolean reported = ctx.queryParamMap().containsKey("reported");
        // An editor's page carries their panel and tokens: never from (or into) the readers' cache.
        boolean editing = editor.session(ctx).isPresent();
        if (!reported && !editing && pages.story(ctx, id, PageCache.Kind.PAGE, this::storyHtml)) return;
        Optional<StoryView> v = views.view(id);
        if (v.isEmpty()) {
            redirectOrNotFound(ctx, id, "/story/", "");
            return;
        }
        html(ctx, 200, Templates.story(new PageModels.StoryPage(v.get(), reported, csrf.issue(id, Instant.now()),
                ReportPolicy.KINDS, topics.of(id), threads.links(id, ThreadRoutes.PAGE_NEIGHBOURS)), editor.panel(ctx, v.get())));
    }

    /** A story page as every reader gets it (no "reported" notice), with the form token of {@code tokenBucket}. */
    private String storyHtml(StoryView view, long tokenBucket) {
        return Templates.story(new PageModels.StoryPage(view, false, csrf.issueAt(view.id(), tokenBucket), ReportPolicy.KINDS,
                topics.of(view.id()), threads.links(view.id(), ThreadRoutes.PAGE_NEIGHBOURS)));
    }

    private void blindspotPage(Context ctx) {
        String side = Params.oneOf(ctx, "side", List.of("left", "right"));
        int page = Params.page(ctx);
        List<StoryOverview> found = views.blindspots(side, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        String heading = side == null ? "Blindspots" : "Blindspots for the " + Fmt.sideLabel(side);
        String path = side == null ? "/blindspots?" : "/blindspots?side=" + side + "&";
        html(ctx, 200, Templates.render("feed.jte", new PageModels.FeedPage(heading, cut(found, PAGE_SIZE),
                new PageModels.Pager(page, found.size() > PAGE_SIZE, path), side == null ? "" : side, policy(), null)));
    }

    private void outletsPage(Context ctx) {
        String q = Params.text(ctx, "q", MAX_FILTER_CHARS);
        String side = Params.oneOf(ctx, "side", Fmt.ALL_SIDES);
        int page = Params.page(ctx);
        List<Outlet> matching = filteredOutlets(q, side);
        int from = Math.min(matching.size(), (page - 1) * OUTLETS_PAGE_SIZE);
        int to = Math.min(matching.size(), from + OUTLETS_PAGE_SIZE);
        StringBuilder path = new StringBuilder("/outlets?");
        if (!q.isEmpty()) path.append("q=").append(java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).append('&');
        if (side != null) path.append("side=").append(side).append('&');
        html(ctx, 200, Templates.render("outlets.jte", new PageModels.OutletsPage(matching.subList(from, to), matching.size(), q,
                side, new PageModels.Pager(page, to < matching.size(), path.toString()))));
    }

    private void outletPage(Context ctx) {
        Outlet outlet = requireOutlet(ctx.pathParam("id"));
        int page = Params.page(ctx);
        List<StoryOverview> stories = outletStories(outlet, (page - 1) * OUTLET_PAGE_SIZE, OUTLET_PAGE_SIZE + 1);
        html(ctx, 200, Templates.render("outlet.jte", new PageModels.OutletPage(outlet, cut(stories, OUTLET_PAGE_SIZE),
                new PageModels.Pager(page, stories.size() > OUTLET_PAGE_SIZE, Fmt.outletHref(outlet.id()) + "?"))));
    }

    private void feedsPage(Context ctx) throws SQLException {
        FeedStore feeds = FeedStore.of(store);
        html(ctx, 200, FeedStatusPage.render(feeds, Instant.now()));
    }

    // ---- search (issue 14) ----

    private void searchPage(Context ctx) {
        String q = Params.text(ctx, "q", news.parallax.search.SearchQuery.MAX_LENGTH);
        html(ctx, 200, Templates.render("search.jte", new PageModels.SearchPage(q, q.isEmpty() ? null : search(ctx, q),
                q.isEmpty() ? null : "/search.atom?" + searchQuery(ctx))));
    }

    /** {@code /search.atom?q=}: the stories a search finds, best first, with the page's filters. */
    private void searchFeed(Context ctx) {
        String q = Params.text(ctx, "q", news.parallax.search.SearchQuery.MAX_LENGTH);
        if (q.isEmpty()) throw WebError.badRequest("q is empty: say what to search for, e.g. /search.atom?q=troops");
        List<StoryOverview> stories = new ArrayList<>();
        for (var hit : search(ctx, q).stories()) store.storyRef(hit.id()).map(views::overview).ifPresent(stories::add);
        String query = searchQuery(ctx);
        feeds.storiesFeed(ctx, "Parallax: search for " + q, "/search.atom?" + query, "/search?" + query,
                "search?" + query, stories);
    }

    /** The search parameters of a request, re-encoded in a fixed order (the feed's id and links). */
    private static String searchQuery(Context ctx) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("q", "from", "to", "outlet", "side", "blindspots", "limit")) {
            String v = ctx.queryParam(name);
            if (v == null || v.isBlank()) continue;
            if (!out.isEmpty()) out.append('&');
            out.append(name).append('=').append(java.net.URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private void searchJson(Context ctx) {
        json(ctx, 200, search(ctx, Params.text(ctx, "q", news.parallax.search.SearchQuery.MAX_LENGTH)));
    }

    /** Runs {@code q} with the filters in the query string; a malformed query or filter is a 400 naming it. */
    private news.parallax.search.SearchResult search(Context ctx, String q) {
        try {
            var filters = new news.parallax.search.SearchFilters(news.parallax.search.SearchFilters.day("from", ctx.queryParam("from")),
                    news.parallax.search.SearchFilters.day("to", ctx.queryParam("to")), Params.text(ctx, "outlet", 200),
                    news.parallax.search.SearchFilters.side(ctx.queryParam("side")),
                    "true".equals(ctx.queryParam("blindspots")) || "1".equals(ctx.queryParam("blindspots")),
                    Params.intParam(ctx, "limit", news.parallax.search.SearchFilters.DEFAULT_LIMIT, 1, news.parallax.search.SearchFilters.MAX_LIMIT));
            return new news.parallax.search.SearchIndex(store, registry).search(q, filters);
        } catch (news.parallax.search.SearchSyntaxException e) {
            // Its message is written for the reader: it names what in the query is wrong.
            throw WebError.badRequest(String.valueOf(e.getMessage()), e);
        }
    }

    // ---- JSON ----

    private void storiesJson(Context ctx) {
        int limit = Params.limit(ctx, Params.DEFAULT_LIMIT);
        json(ctx, 200, store.stories((Params.page(ctx) - 1) * limit, limit));
    }

    private void storyJson(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (pages.story(ctx, id, PageCache.Kind.JSON, (view, bucket) -> Json.write(withThread(view)))) return;
        Optional<StoryView> v = views.view(id);
        if (v.isEmpty()) redirectOrNotFound(ctx, id, "/api/stories/", "");
        else json(ctx, 200, withThread(v.get()));
    }

    /**
     * The story JSON: the view with its articles' texts (stored views hold none; read from the store) and
     * {@code thread} (issue 14): its thread's id and nearest earlier and later stories, or null.
     */
    private JsonNode withThread(StoryView view) {
        com.fasterxml.jackson.databind.node.ObjectNode node = Json.mapper().valueToTree(view);
        views.fillTexts(view.id(), node);
        node.set("thread", Json.mapper().valueToTree(threads.links(view.id(), ThreadRoutes.JSON_NEIGHBOURS)));
        return node;
    }

    private void blindspotsJson(Context ctx) {
        String side = Params.oneOf(ctx, "side", List.of("left", "right"));
        int limit = Params.limit(ctx, Params.DEFAULT_LIMIT);
        json(ctx, 200, views.blindspots(side, (Params.page(ctx) - 1) * limit, limit));
    }

    private void outletsJson(Context ctx) {
        json(ctx, 200, filteredOutlets(Params.text(ctx, "q", MAX_FILTER_CHARS), Params.oneOf(ctx, "side", Fmt.ALL_SIDES)));
    }

    private void outletJson(Context ctx) {
        Outlet outlet = requireOutlet(ctx.pathParam("id"));
        int limit = Params.limit(ctx, OUTLET_API_LIMIT);
        json(ctx, 200, Map.of("outlet", outlet, "stories", outletStories(outlet, (Params.page(ctx) - 1) * limit, limit)));
    }

    private void feedJson(Context ctx) {
        int limit = Params.limit(ctx, Params.DEFAULT_LIMIT);
        json(ctx, 200, views.feed((Params.page(ctx) - 1) * limit, limit));
    }

    // ---- reports ----

    /** The story page's form: same-origin, with the page's token; answers 303 back to the page. */
    private void reportForm(Context ctx) {
        String id = ctx.pathParam("id");
        SameOrigin.require(ctx, "Reports");
        Map<String, String> form = form(ctx);
        String live = liveStory(id);
        requireToken(id, form);
        store(ctx, live, form);
        ctx.redirect(Fmt.storyHref(live) + "?reported#report", HttpStatus.SEE_OTHER);
    }

    /**
     * The API: JSON (a cross-site page cannot send it without a CORS preflight, which this server never grants) or
     * a form with the page's token; a browser's cross-site Origin is refused either way. Answers 201 with the report.
     */
    private void reportJson(Context ctx) {
        String id = ctx.pathParam("id");
        SameOrigin.require(ctx, "Reports");
        Map<String, String> fields;
        if (isJson(ctx)) {
            fields = jsonFields(ctx);
        } else {
            fields = form(ctx);
            requireToken(id, fields);
        }
        json(ctx, 201, store(ctx, liveStory(id), fields));
    }

    private void reportsJson(Context ctx) {
        String id = ctx.pathParam("id");
        int limit = Params.intParam(ctx, "limit", REPORTS_PAGE_SIZE, 1, MAX_REPORTS_PAGE_SIZE);
        int page = Params.page(ctx);
        long total = store.reportCount(id);
        List<Report> reports = store.reports(id, (page - 1) * limit, limit);
        ctx.header("X-Total-Count", Long.toString(total));
        if ((long) page * limit < total) {
            ctx.header("Link", "</api/stories/" + Fmt.segment(id) + "/reports?page=" + (page + 1) + "&limit=" + limit + ">; rel=\"next\"");
        }
        json(ctx, 200, reports);
    }

    private Report store(Context ctx, String storyId, Map<String, String> fields) {
        String kind = fields.get("kind");
        if (kind == null || !ReportPolicy.KINDS.contains(kind)) {
            throw WebError.badRequest("kind must be one of " + String.join(", ", ReportPolicy.KINDS) + "; got: "
                    + (kind == null ? "nothing" : Params.shorten(kind)));
        }
        String message = fields.getOrDefault("message", "").strip();
        if (message.isEmpty()) throw WebError.badRequest("message is empty: say what is wrong with the summary");
        if (message.length() > ReportPolicy.MAX_MESSAGE_CHARS) {
            throw new WebError(413, "message is " + message.length() + " characters; at most " + ReportPolicy.MAX_MESSAGE_CHARS);
        }
        RateLimiter.Decision d = reportLimiter.acquire(ctx.ip());
        if (!d.allowed()) {
            throw new WebError(429, (d.global() ? "Too many reports from everyone just now" : "Too many reports from your address")
                    + "; try again in " + d.retryAfterSeconds() + " s.", Map.of("Retry-After", Long.toString(d.retryAfterSeconds())));
        }
        Report r = store.addReport(storyId, kind, message);
        LOG.info("report {} stored for story {} ({})", r.id(), storyId, kind);
        return r;
    }


    private void requireToken(String storyId, Map<String, String> form) {
        String token = form.get("token");
        if (token == null || !csrf.valid(storyId, token, Instant.now())) {
            throw new WebError(403, "This form has expired or did not come from this site: reload the story page and send it again.");
        }
    }

    /** The live story for {@code id}: itself, or the story that took it over (reports follow it); else 404. */
    private String liveStory(String id) {
        if (store.storyRef(id).isPresent()) return id;
        return store.storyRedirect(id).orElseThrow(() -> WebError.notFound("No story " + Params.shorten(id)));
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** The body as a form; only {@code application/x-www-form-urlencoded}, at most the policy's size. */
    private static Map<String, String> form(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new WebError(415, "Send the report as a form (application/x-www-form-urlencoded) or as JSON, not "
                    + (type == null ? "a body without Content-Type" : Params.shorten(type)));
        }
        String body = body(ctx);
        Map<String, String> out = new HashMap<>();
        for (String kv : body.split("&")) {
            if (kv.isEmpty()) continue;
            int eq = kv.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw WebError.badRequest("the form is not valid URL encoding near: " + Params.shorten(kv), e);
            }
        }
        return out;
    }

    private static Map<String, String> jsonFields(Context ctx) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body(ctx));
        } catch (JsonProcessingException e) {
            // Where, not the parser's message (which is logged).
            var at = e.getLocation();
            throw WebError.badRequest("the body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"), e);
        }
        if (node == null || !node.isObject()) throw WebError.badRequest("the body must be a JSON object with kind and message");
        Map<String, String> out = new HashMap<>();
        node.properties().forEach(e -> {
            if (e.getValue().isValueNode()) out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /**
     * A body over the limit but no longer than this is read and dropped before the 413: a socket closed with unread
     * data answers with a reset, which can reach the client before the 413 does. A longer one is not read at all.
     */
    private static final int MAX_DRAINED_BYTES = 1 << 20;

    /** Reads at most {@link ReportPolicy#MAX_BODY_BYTES}; a longer body (declared or sent) is a 413, never cut. */
    private static String body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > ReportPolicy.MAX_BODY_BYTES) {
                if (declared <= MAX_DRAINED_BYTES) drain(in);
                throw tooLarge(declared);
            }
            byte[] bytes = in.readNBytes(ReportPolicy.MAX_BODY_BYTES + 1);
            if (bytes.length > ReportPolicy.MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge(-1);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WebError(400, "the request body could not be read", Map.of(), e);
        }
    }

    /** Reads and drops up to {@link #MAX_DRAINED_BYTES} of what is left of a body. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) left -= n;
    }

    private static WebError tooLarge(long declared) {
        // Whatever was not drained is left unread: the connection closes after the answer.
        return new WebError(413, "The request body is " + (declared > 0 ? declared + " bytes" : "too large") + "; at most "
                + ReportPolicy.MAX_BODY_BYTES + " bytes are read.", Map.of("Connection", "close"));
    }

    // ---- helpers ----

    /** A missing story: 301 to the story that took it over, else 404. */
    private void redirectOrNotFound(Context ctx, String id, String prefix, String suffix) {
        Optional<String> to = store.storyRedirect(id);
        if (to.isPresent()) ctx.redirect(prefix + Fmt.segment(to.get()) + suffix, HttpStatus.MOVED_PERMANENTLY);
        else throw WebError.notFound("No story " + Params.shorten(id));
    }

    private Outlet requireOutlet(String id) {
        Optional<Outlet> outlet = registry instanceof DefaultOutletRegistry d ? d.findById(id).or(() -> registry.find(id)) : registry.find(id);
        return outlet.orElseThrow(() -> WebError.notFound("No outlet " + Params.shorten(id) + " in the registry"));
    }

    private List<StoryOverview> outletStories(Outlet outlet, int offset, int limit) {
        List<StoryRef> refs = OutletStories.of(store, registry, outlet, offset + limit);
        return refs.subList(Math.min(offset, refs.size()), refs.size()).stream().map(views::overview).toList();
    }

    private List<Outlet> filteredOutlets(String q, @Nullable String side) {
        String needle = q.toLowerCase(Locale.ROOT);
        return registry.all().stream()
                .filter(o -> side == null || o.side().key().equals(side))
                .filter(o -> needle.isEmpty() || o.name().toLowerCase(Locale.ROOT).contains(needle)
                        || o.domain().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((Outlet o) -> o.name().toLowerCase(Locale.ROOT))).toList();
    }

    private String policy() {
        BlindspotPolicy p = DefaultStoryAnalyzer.of(analyzer).map(DefaultStoryAnalyzer::blindspotPolicy).orElse(BlindspotPolicy.DEFAULT);
        return "a side with at least " + p.minSources() + " sources holds at least " + Math.round(100 * p.minDominantShare())
                + "% of rated sources while the other side holds at most " + Math.round(100 * p.maxOtherShare()) + "%";
    }

    private static <T> List<T> cut(List<T> list, int max) {
        return list.size() > max ? list.subList(0, max) : list;
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(body);
    }

    static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(value));
    }

    /**
     * The one error answer: a page, or JSON under /api/, with {@code message} (the status's standard phrase when
     * null); never {@code cause}'s message, which is logged: a 5xx at ERROR with its stack trace, a 4xx at INFO with
     * its cause named (the stack at DEBUG), 429 at DEBUG (a flood would write a line per refused request).
     */
    private void fail(Context ctx, int status, @Nullable String message, Map<String, String> headers, @Nullable Throwable cause) {
        String text = message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message;
        log(ctx.method().name(), ctx.path(), status, text, cause);
        SECURITY_HEADERS.forEach(ctx::header);
        headers.forEach(ctx::header);
        ctx.attribute(RENDERED, Boolean.TRUE);
        if (isApi(ctx.path())) {
            json(ctx, status, errorJson(status, text));
        } else {
            html(ctx, status, errorPage(status, text));
        }
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    static Map<String, Object> errorJson(int status, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", text);
        body.put("status", status);
        return body;
    }

    static String errorPage(int status, String text) {
        return Templates.render("error.jte", new PageModels.ErrorPage(status, heading(status), text));
    }

    /** Logs an error answer (see {@link #fail}); {@code text} is what the client was told. */
    static void log(String method, String path, int status, String text, @Nullable Throwable cause) {
        String where = method + " " + Params.shorten(path);
        if (status >= 500) {
            LOG.error("{} -> {}: {}", where, status, cause == null ? text : cause.toString(), cause);
        } else if (status == 429) {
            LOG.debug("{} -> {}: {}", where, status, text);
        } else if (cause == null) {
            LOG.info("{} -> {}: {}", where, status, text);
        } else {
            LOG.info("{} -> {}: {} (cause: {})", where, status, text, cause.toString());
            LOG.debug("cause of {} -> {}", where, status, cause);
        }
    }

    static String heading(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Refused";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Too large";
            case 401 -> "Not logged in";
            case 415 -> "Unsupported format";
            case 421 -> "Wrong host";
            case 431 -> "Headers too large";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Error " + status;
        };
    }

    /** Feed status for {@code run}'s console: the first-run line when the store holds no article, else empty. */
    public static Optional<String> firstRunLine(Store store) {
        if (store.articleCount() > 0) return Optional.empty();
        try {
            List<FeedSource> sources = FeedStore.of(store).sources();
            return Optional.of(FirstRun.explain(sources));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
