package news.parallax.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.parallax.cluster.ClusterConfig;
import news.parallax.fetch.CrawlSettings;
import news.parallax.fetch.DefaultFeeds;
import news.parallax.fetch.LiveIngest;
import news.parallax.fetch.ReconnectingCrawler;
import news.parallax.pipeline.ClusterRole;
import news.parallax.store.Dialect;
import news.parallax.store.LeaderLock;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parallax run}: crawl on a schedule, cluster and serve the web UI at the same time ({@code --role all}), or,
 * on a shared PostgreSQL store, one of those roles per process (issue 15): any number of crawlers, one clusterer
 * (elected; others stand by) and any number of web nodes.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Crawl the feeds on a schedule (per-feed, adaptive intervals) and serve the web UI; stories update as articles arrive.")
final class RunCommand implements Callable<Integer> {
    /** How long a shutdown waits for the running pass before closing the store anyway (links stay queued). */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

    /** What one {@code run} process does. */
    enum Role {
        CRAWLER, CLUSTERER, WEB, ALL;

        boolean crawls() {
            return this == CRAWLER || this == ALL;
        }

        boolean clusters() {
            return this == CLUSTERER || this == ALL;
        }

        boolean serves() {
            return this == WEB || this == ALL;
        }

        static Role parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--role must be crawler, clusterer, web or all, not '" + value + "'");
            }
        }
    }

    @Mixin
    DataOption data;

    @Mixin
    ServerOptions server;

    @Mixin
    ClusterOptions clustering;

    @Option(names = "--role", defaultValue = "all", paramLabel = "crawler|clusterer|web|all",
            description = "What this process does (default: ${DEFAULT-VALUE}: crawl, cluster and serve). On a shared PostgreSQL "
                    + "store (--db): crawler (fetch and store articles; any number), clusterer (one is elected, others stand by), "
                    + "web (serve the stored stories; any number).")
    String role;

    @Option(names = "--check-every", defaultValue = "60", paramLabel = "SECONDS",
            description = "Seconds between looks for due sources (default: ${DEFAULT-VALUE}); each feed has its own interval.")
    int checkEverySeconds;

    @Mixin
    CrawlCommand.FetchOptions fetch;

    @Option(names = "--min-poll", defaultValue = "300", paramLabel = "SECONDS",
            description = "Shortest interval between two polls of one feed (default: ${DEFAULT-VALUE}); a feed with news on "
                    + "every poll is polled this often.")
    int minPollSeconds;

    @Option(names = "--no-defaults", description = "Do not import the default feed list when no source is configured.")
    boolean noDefaults;

    /** Runs the command standalone, before it is registered in {@code Main}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new RunCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Role role;
        try {
            role = Role.parse(this.role);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        @Nullable String db = data.db();
        boolean shared = db != null && Dialect.ofUrl(db) == Dialect.POSTGRESQL;
        if (role != Role.ALL && !shared) {
            System.err.println("error: --role " + this.role.strip().toLowerCase(Locale.ROOT) + " needs a shared PostgreSQL store "
                    + "(--db jdbc:postgresql://HOST:PORT/DB or PARALLAX_DB); on the embedded SQLite store, run is one process "
                    + "that crawls, clusters and serves (--role all, the default)");
            return 2;
        }
        ClusterConfig config = clustering.config(); // a bad setting fails before the store opens
        if (minPollSeconds < 1) {
            System.err.println("error: --min-poll must be at least 1 second, not " + minPollSeconds);
            return 2;
        }
        CrawlSettings crawlSettings = CrawlSettings.defaults().withMinInterval(java.time.Duration.ofSeconds(minPollSeconds));
        Store store = Services.store(data);
        LiveIngest live = role.crawls() ? LiveIngest.crawlerOnly(store, fetch.config(), crawlSettings) : null;
        ReconnectingCrawler crawler = role == Role.CRAWLER && live != null ? new ReconnectingCrawler(() -> Services.store(data), live,
                message -> System.out.println(Instant.now() + " " + message)) : null;
        if (live != null && live.feeds().sources().isEmpty() && !noDefaults) {
            // A first run follows the shipped feed list, so `./parallax run` alone is a working setup.
            int added = 0;
            for (DefaultFeeds.DefaultFeed f : DefaultFeeds.load()) {
                if (live.feeds().addSource(f.url(), f.kind(), f.outletDomain(), f.name(),
                        CrawlSettings.defaults().defaultInterval(), Instant.now())) added++;
            }
            System.out.println("No sources yet: imported the default feed list (" + added + " sources); "
                    + "manage it with ./parallax feeds");
        }
        // One clusterer per store: on PostgreSQL elected among every process that clusters; SQLite has one process.
        ClusterRole clusterer = role.clusters() ? new ClusterRole(store, () -> Services.pipeline(store, config),
                shared && db != null ? LeaderLock.postgres(db, LeaderLock.CLUSTERER) : LeaderLock.single(),
                message -> System.out.println(Instant.now() + " " + message)) : null;
        WebServer web = role.serves()
                ? WebServer.start(store, Services.analyzer(data.dir()), server.host, server.port, server.publicHost, server.pageCacheBytes()) : null;
        announce(role, store, live, web);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch loopEnded = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            if (web != null) web.close();
            try {
                loopEnded.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            if (crawler != null) {
                crawler.close(); // its own store: the one it reconnected to last
            } else {
                if (live != null) live.close();
                store.close();
            }
            if (clusterer != null) clusterer.close();
        }));
        try {
            loop(role, store, role == Role.CRAWLER ? null : live, crawler, clusterer, stop);
        } finally {
            loopEnded.countDown();
        }
        return 0;
    }

    private void announce(Role role, Store store, @Nullable LiveIngest live, @Nullable WebServer web) throws java.sql.SQLException {
        // The role decides which of the two exist: ALL has both, CRAWLER the crawler, WEB the server.
        String serving = web == null ? "" : "serving " + store.location() + " on " + server.url(web.port());
        String sources = live == null ? "" : live.feeds().sources().size() + " sources";
        String what = switch (role) {
            case ALL -> serving + " and crawling " + sources;
            case CRAWLER -> "crawling " + sources + " into " + store.location() + " (role crawler)";
            case CLUSTERER -> "clustering " + store.location() + " (role clusterer)";
            case WEB -> serving + " (role web)";
        };
        System.out.println("Parallax is " + what + "  (Ctrl-C to stop)");
        if (web != null) System.out.println("Open " + server.url(web.port()) + " in your browser.");
        if (live != null && live.feeds().sources().isEmpty())
            System.out.println("No sources yet: ./parallax feeds import --defaults, or ./parallax feeds add URL");
    }

    /** Until stopped: crawl passes every --check-every seconds, clustering steps every few seconds (as leader or standby). */
    private void loop(Role role, Store store, @Nullable LiveIngest live, @Nullable ReconnectingCrawler crawler,
            @Nullable ClusterRole clusterer, AtomicBoolean stop) throws InterruptedException {
        String lastWhy = null;
        long nextCrawl = 0;
        while (!stop.get()) {
            if (crawler != null && System.nanoTime() >= nextCrawl) {
                // The crawler role: a lost database is reopened with backoff, fetched pages kept meanwhile (issue 15).
                try {
                    Optional<LiveIngest.Pass> pass = crawler.pass((phase, done, total) -> { });
                    nextCrawl = System.nanoTime() + (crawler.disconnected() ? crawler.retryIn().toNanos()
                            : TimeUnit.SECONDS.toNanos(checkEverySeconds));
                    if (pass.isPresent() && pass.get().report().sourcesFetched() + pass.get().report().sourcesFailed()
                            + pass.get().report().articlesStored() > 0)
                        System.out.println(Instant.now() + " " + pass.get().summary());
                } catch (java.sql.SQLException | RuntimeException e) {
                    nextCrawl = System.nanoTime() + TimeUnit.SECONDS.toNanos(checkEverySeconds);
                    if (stop.get()) break;
                    System.err.println("crawl pass failed: " + e.getMessage());
                }
            } else if (live != null && System.nanoTime() >= nextCrawl) {
                nextCrawl = System.nanoTime() + TimeUnit.SECONDS.toNanos(checkEverySeconds);
                try {
                    LiveIngest.Pass pass = live.crawlOnce((phase, done, total) -> { });
                    if (pass.report().sourcesFetched() + pass.report().sourcesFailed() + pass.report().articlesStored() > 0)
                        System.out.println(Instant.now() + " " + pass.summary());
                    if (role == Role.ALL) {
                        // Until the first article arrives, say why in one line (once per change) and what to try instead.
                        String why = WebServer.firstRunLine(store).orElse(null);
                        if (why != null && !why.equals(lastWhy)) {
                            System.out.println("No article yet: " + why + " " + news.parallax.web.FirstRun.HINT);
                        }
                        lastWhy = why;
                    }
                } catch (java.sql.SQLException | RuntimeException e) {
                    if (stop.get()) break;
                    System.err.println("crawl pass failed: " + e.getMessage());
                }
            }
            if (clusterer != null && !stop.get()) {
                try {
                    int stories = clusterer.step((phase, done, total) -> { });
                    if (stories >= 0) System.out.println(Instant.now() + " clustered: " + stories + " stories");
                } catch (RuntimeException e) {
                    if (stop.get()) break;
                    System.err.println("clustering pass failed: " + e.getMessage());
                }
            }
            // The clusterer steps every few seconds (new articles, a standby's watch); a crawler waits for its next pass.
            long waitMillis = TimeUnit.SECONDS.toMillis(clusterer != null ? Math.min(ClusterRole.POLL_SECONDS, checkEverySeconds) : checkEverySeconds);
            if (role == Role.WEB) waitMillis = 1000;
            if (crawler != null) waitMillis = Math.max(0, Math.min(waitMillis, TimeUnit.NANOSECONDS.toMillis(nextCrawl - System.nanoTime())));
            for (long waited = 0; waited < waitMillis && !stop.get(); waited += 200) Thread.sleep(Math.min(200, waitMillis - waited));
        }
    }
}
