package news.parallax.cli;

import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterConfig;
import news.parallax.fetch.FetchConfig;
import news.parallax.fetch.LiveIngest;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parallax crawl --once}: fetch every due source once, store and cluster what it found, exit. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Fetch every due feed, sitemap and page once, store and cluster the new articles, and exit (for cron).")
final class CrawlCommand implements Callable<Integer> {
    /** Errors printed after a pass; the rest are in `feeds list`. */
    private static final int MAX_ERRORS_SHOWN = 20;

    @Mixin
    DataOption data;

    @Option(names = "--once", description = "Crawl one pass and exit (required; `run` crawls on a schedule).")
    boolean once;

    @Option(names = "--all", description = "Fetch every source and queued link now, even those not due yet.")
    boolean all;

    @Mixin
    FetchOptions fetch;

    @Mixin
    ClusterOptions clustering;

    /** Politeness and safety options shared by {@code crawl} and {@code run}. */
    static final class FetchOptions {
        @Option(names = "--allow-private",
                description = "Allow fetching loopback, private and link-local addresses (refused by default).")
        boolean allowPrivate;

        @Option(names = "--host-connections", defaultValue = "2", paramLabel = "N",
                description = "Requests in flight to one host at once (default: ${DEFAULT-VALUE}).")
        int hostConnections;

        @Option(names = "--host-delay", defaultValue = "1000", paramLabel = "MILLIS",
                description = "Minimum gap between requests to one host (default: ${DEFAULT-VALUE}); robots.txt Crawl-delay raises it.")
        long hostDelayMillis;

        FetchConfig config() {
            if (hostConnections < 1) throw new IllegalArgumentException("--host-connections must be at least 1");
            if (hostDelayMillis < 0) throw new IllegalArgumentException("--host-delay must not be negative");
            return FetchConfig.defaults().withAllowPrivate(allowPrivate)
                    .withPerHost(hostConnections, java.time.Duration.ofMillis(hostDelayMillis));
        }
    }

    /** Runs the command standalone (the kill test starts it in its own JVM). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new CrawlCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!once) {
            System.err.println("error: crawl needs --once; use `./parallax run` to crawl on a schedule and serve");
            return 2;
        }
        ClusterConfig config = clustering.config(); // a bad setting fails before the store opens
        try (Store store = Services.store(data);
             LiveIngest live = LiveIngest.standard(store, fetch.config(), config)) {
            if (live.feeds().sources().isEmpty()) {
                System.err.println("no sources: add some with ./parallax feeds import --defaults or ./parallax feeds add URL");
                return 1;
            }
            ConsoleProgress progress = new ConsoleProgress(System.err);
            LiveIngest.Pass pass = live.crawlOnce(all, progress);
            progress.end();
            pass.report().errors().stream().limit(MAX_ERRORS_SHOWN).forEach(e -> System.err.println("failed: " + e));
            if (pass.report().errors().size() > MAX_ERRORS_SHOWN)
                System.err.println("... " + (pass.report().errors().size() - MAX_ERRORS_SHOWN) + " more (see ./parallax feeds list)");
            System.out.println(pass.summary());
            return 0;
        }
    }
}
