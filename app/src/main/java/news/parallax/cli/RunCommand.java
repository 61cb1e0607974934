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
    /**
     * Least time between two crawl passes: a link held by another crawler stays due while it works on it, and passes
     * that find nothing to claim would otherwise follow each other at once.
     */
    private static final Duration MIN_PASS_GAP = Duration.ofSeconds(1);

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
            description = "Longest wait between two crawl passes (default: ${DEFAULT-VALUE}); a pass starts sooner when a feed or link "
                    + "falls due, and feeds falling due during a pass are polled during it.")
    int checkEverySeconds;

    @Mixin
    CrawlCommand.FetchOptions fetch;

    @Option(names = "--min-poll", defaultValue = "300", paramLabel = "SECONDS",
            description = "Shortest interval between two polls of one feed (default: ${DEFAULT-VALUE}); a feed with news on "
                    + "every poll is polled this often.")
    int minPollSeconds;

    @Option(names = "--max-poll", paramLabel = "SECONDS",
            description = "Longest interval between two polls of one feed (default: 21600, 6 hours, or --min-poll if longer); a feed that "
                    + "never changes is polled this often. Between the two, each feed's interval follows how fast it turns over.")
    @Nullable Integer maxPollSeconds;

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
        int maxPoll = maxPollSeconds != null ? maxPollSeconds
                : (int) Math.max(minPollSeconds, CrawlSettings.defaults().maxInterval().toSeconds());
        if (maxPoll < minPollSeconds) {
            System.err.println("error: --max-poll (" + maxPoll + " s) must be at least --min-poll (" + minPollSeconds + " s)");
            return 2;
        }
        CrawlSettings crawlSettings = CrawlSettings.defaults().withMinInterval(java.time.Duration.ofSeconds(minPollSeconds))
                .withMaxInterval(java.time.Duration.ofSeconds(maxPoll));
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
                ? WebServer.start(store, Services.analyzer(data.dir()), server.host, server.port, server.publicHost, server.pageCacheBytes(),
                        role == Role.WEB ? WebServer.ViewBuilding.BY_CLUSTERER : WebServer.ViewBuilding.HERE) : null;
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

    /**
     * Until stopped: crawl passes on a thread of their own (a clustering step, minutes long for a large batch, never holds
     * back a feed that falls due; issue 15, session 9), clustering steps every few seconds (as leader or standby).
     */
    private void loop(Role role, Store store, @Nullable LiveIngest live, @Nullable ReconnectingCrawler crawler,
            @Nullable ClusterRole clusterer, AtomicBoolean stop) throws InterruptedException {
        Thread crawling = live != null || crawler != null
                ? Thread.ofPlatform().name("crawl-loop").start(() -> crawlLoop(role, store, live, crawler, stop)) : null;
        try {
            while (!stop.get()) {
                if (clusterer != null) {
                    try {
                        int stories = clusterer.step((phase, done, total) -> { });
                        if (stories >= 0) System.out.println(Instant.now() + " clustered: " + stories + " stories");
                    } catch (RuntimeException e) {
                        if (stop.get()) break;
                        System.err.println("clustering pass failed: " + e.getMessage());
                    }
                }
                // The clusterer steps every few seconds (new articles, a standby's watch).
                long waitMillis = clusterer != null ? TimeUnit.SECONDS.toMillis(Math.min(ClusterRole.POLL_SECONDS, checkEverySeconds))
                        : 1000;
                sleepUnlessStopped(waitMillis, stop);
            }
        } finally {
            if (crawling != null) crawling.join(SHUTDOWN_GRACE.toMillis());
        }
    }

    /**
     * Crawl passes until stopped: the next one starts when a source or a pending link is due (the store's earliest due
     * time, at least {@link #MIN_PASS_GAP} after the last pass and at most --check-every seconds).
     */
    private void crawlLoop(Role role, Store store, @Nullable LiveIngest live, @Nullable ReconnectingCrawler crawler,
            AtomicBoolean stop) {
        String lastWhy = null;
        try {
            while (!stop.get()) {
                long waitMillis = TimeUnit.SECONDS.toMillis(checkEverySeconds);
                if (crawler != null) {
                    // The crawler role: a lost database is reopened with backoff, fetched pages kept meanwhile (issue 15).
                    try {
                        Optional<LiveIngest.Pass> pass = crawler.pass((phase, done, total) -> { });
                        if (crawler.disconnected()) waitMillis = crawler.retryIn().toMillis();
                        else waitMillis = untilDue(crawler.live(), waitMillis);
                        if (pass.isPresent() && pass.get().report().sourcesFetched() + pass.get().report().sourcesFailed()
                                + pass.get().report().articlesStored() > 0)
                            System.out.println(Instant.now() + " " + pass.get().summary());
                    } catch (java.sql.SQLException | RuntimeException e) {
                        if (stop.get()) break;
                        System.err.println("crawl pass failed: " + e.getMessage());
                    }
                } else if (live != null) {
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
                        waitMillis = untilDue(live, waitMillis);
                    } catch (java.sql.SQLException | RuntimeException e) {
                        if (stop.get()) break;
                        System.err.println("crawl pass failed: " + e.getMessage());
                    }
                }
                sleepUnlessStopped(Math.max(MIN_PASS_GAP.toMillis(), waitMillis), stop);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Milliseconds until the crawler's next due source or link, at most {@code atMost}; {@code atMost} when unknown. */
    private static long untilDue(LiveIngest live, long atMost) {
        try {
            Optional<Instant> next = live.crawler().nextDue();
            return next.map(t -> Math.min(atMost, Math.max(0, Duration.between(Instant.now(), t).toMillis()))).orElse(atMost);
        } catch (java.sql.SQLException | RuntimeException e) {
            return atMost; // the next pass meets the same trouble and says so
        }
    }

    private static void sleepUnlessStopped(long millis, AtomicBoolean stop) throws InterruptedException {
        for (long waited = 0; waited < millis && !stop.get(); waited += 200) Thread.sleep(Math.min(200, millis - waited));
    }
}
