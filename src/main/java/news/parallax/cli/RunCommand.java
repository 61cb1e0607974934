package news.parallax.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Instant;
import news.parallax.cluster.ClusterConfig;
import news.parallax.fetch.CrawlSettings;
import news.parallax.fetch.DefaultFeeds;
import news.parallax.fetch.LiveIngest;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parallax run}: crawl on a schedule and serve the web UI at the same time. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Crawl the feeds on a schedule (per-feed, adaptive intervals) and serve the web UI; stories update as articles arrive.")
final class RunCommand implements Callable<Integer> {
    /** How long a shutdown waits for the running pass before closing the store anyway (links stay queued). */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

    @Mixin
    DataOption data;

    @Mixin
    ServerOptions server;

    @Mixin
    ClusterOptions clustering;

    @Option(names = "--check-every", defaultValue = "60", paramLabel = "SECONDS",
            description = "Seconds between looks for due sources (default: ${DEFAULT-VALUE}); each feed has its own interval.")
    int checkEverySeconds;

    @Mixin
    CrawlCommand.FetchOptions fetch;

    @Option(names = "--no-defaults", description = "Do not import the default feed list when no source is configured.")
    boolean noDefaults;

    /** Runs the command standalone, before it is registered in {@code Main}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new RunCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ClusterConfig config = clustering.config(); // a bad setting fails before the store opens
        Store store = Services.store(data);
        LiveIngest live = LiveIngest.standard(store, fetch.config(), config);
        if (live.feeds().sources().isEmpty() && !noDefaults) {
            // A first run follows the shipped feed list, so `./parallax run` alone is a working setup.
            int added = 0;
            for (DefaultFeeds.DefaultFeed f : DefaultFeeds.load()) {
                if (live.feeds().addSource(f.url(), f.kind(), f.outletDomain(), f.name(),
                        CrawlSettings.defaults().defaultInterval(), Instant.now())) added++;
            }
            System.out.println("No sources yet: imported the default feed list (" + added + " sources); "
                    + "manage it with ./parallax feeds");
        }
        WebServer web = WebServer.start(store, Services.analyzer(data.dir()), server.host, server.port, server.publicHost, server.pageCacheBytes());
        System.out.println("Parallax is serving " + store.location() + " on " + server.url(web.port()) + " and crawling " + live.feeds().sources().size() + " sources  (Ctrl-C to stop)");
        System.out.println("Open " + server.url(web.port()) + " in your browser.");
        if (live.feeds().sources().isEmpty())
            System.out.println("No sources yet: ./parallax feeds import --defaults, or ./parallax feeds add URL");
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch loopEnded = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            web.close();
            try {
                loopEnded.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            live.close();
            store.close();
        }));
        String lastWhy = null;
        try {
            while (!stop.get()) {
                try {
                    LiveIngest.Pass pass = live.crawlOnce((phase, done, total) -> { });
                    if (pass.report().sourcesFetched() + pass.report().sourcesFailed() + pass.report().articlesStored() > 0)
                        System.out.println(java.time.Instant.now() + " " + pass.summary());
                    // Until the first article arrives, say why in one line (once per change) and what to try instead.
                    String why = WebServer.firstRunLine(store).orElse(null);
                    if (why != null && !why.equals(lastWhy)) {
                        System.out.println("No article yet: " + why + " " + news.parallax.web.FirstRun.HINT);
                    }
                    lastWhy = why;
                } catch (java.sql.SQLException | RuntimeException e) {
                    if (stop.get()) break;
                    System.err.println("crawl pass failed: " + e.getMessage());
                }
                for (int waited = 0; waited < checkEverySeconds && !stop.get(); waited++) Thread.sleep(1000);
            }
        } finally {
            loopEnded.countDown();
        }
        return 0;
    }
}
