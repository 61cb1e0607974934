package news.parallax.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import news.parallax.soak.SoakReport;
import news.parallax.soak.SoakRun;
import news.parallax.soak.SoakSettings;
import news.parallax.store.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parallax bench-soak CORPUS --db URL}: the soak of issue 15 ({@link SoakRun}). The topology of
 * {@code deploy/compose.yaml} as processes on loopback, fed a live stream of corpus articles, with a crawler and
 * then the leading clusterer killed midway; prints the figures and writes them (with every process's log and GC
 * log) to {@code --out}. {@code scripts/soak.sh} starts a throwaway PostgreSQL for it.
 */
@Command(name = "bench-soak", mixinStandardHelpOptions = true,
        description = "Soak: replay corpus articles as a live feed stream to crawler, clusterer (+ standby) and web processes on one "
                + "PostgreSQL, kill -9 a crawler and the clusterer midway, then check the store, the access logs and the stories (prints figures).")
final class BenchSoakCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORPUS", description = "Articles to replay (any file ingest reads, e.g. allsides-articles.jsonl.gz).")
    Path corpus;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
            description = "An empty PostgreSQL database, thrown away after (scripts/pg-test-server.sh start DIR prints one).")
    String db;

    @Option(names = "--out", defaultValue = "soak-out", paramLabel = "DIR",
            description = "Where the logs, GC logs, soak.json and soak.md go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--from", defaultValue = "2020-01-01", paramLabel = "YYYY-MM-DD",
            description = "First corpus date replayed (default: ${DEFAULT-VALUE}); the articles from there on, oldest first.")
    LocalDate from;

    @Option(names = "--articles", defaultValue = "4000", paramLabel = "N",
            description = "Articles replayed (default: ${DEFAULT-VALUE}); 0 for every dated article from --from (the full corpus with --from 1990-01-01).")
    int articles;

    @Option(names = "--per-minute", defaultValue = "600", paramLabel = "N", description = "Articles published a minute (default: ${DEFAULT-VALUE}).")
    int perMinute;

    @Option(names = "--crawlers", defaultValue = "3", paramLabel = "N", description = "Crawler processes (default: ${DEFAULT-VALUE}).")
    int crawlers;

    @Option(names = "--web-nodes", defaultValue = "2", paramLabel = "N", description = "Web processes (default: ${DEFAULT-VALUE}).")
    int webNodes;

    @Option(names = "--no-standby", description = "No second clusterer (and no clusterer killed).")
    boolean noStandby;

    @Option(names = "--hosts", defaultValue = "8", paramLabel = "N",
            description = "Loopback feed servers, one host each (127.0.0.2 on; default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--feed-interval", defaultValue = "10", paramLabel = "SECONDS",
            description = "How often each feed is polled (run --min-poll; default: ${DEFAULT-VALUE}).")
    int feedIntervalSeconds;

    @Option(names = "--host-delay", defaultValue = "100", paramLabel = "MILLIS",
            description = "Gap between requests to one host, held across crawlers (run --host-delay; default: ${DEFAULT-VALUE}).")
    long hostDelayMillis;

    @Option(names = "--readers", defaultValue = "50", paramLabel = "N", description = "Concurrent web readers during the run (default: ${DEFAULT-VALUE}).")
    int readers;

    @Option(names = "--reader-pause", defaultValue = "500", paramLabel = "MILLIS",
            description = "Each reader's pause between two requests (default: ${DEFAULT-VALUE}).")
    long readerPauseMillis;

    @Option(names = "--kill-crawler-at", defaultValue = "0.35", paramLabel = "SHARE",
            description = "Share of the stream published when the first crawler is killed with kill -9 (default: ${DEFAULT-VALUE}; negative: never).")
    double killCrawlerAt;

    @Option(names = "--kill-clusterer-at", defaultValue = "0.65", paramLabel = "SHARE",
            description = "Share published when the leading clusterer is killed with kill -9 (default: ${DEFAULT-VALUE}; negative: never).")
    double killClustererAt;

    @Option(names = "--settle", defaultValue = "600", paramLabel = "SECONDS",
            description = "Longest wait after the stream for the last articles to be stored and clustered (default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--no-recluster", description = "Skip the recluster at the end (and the comparison of stories).")
    boolean noRecluster;

    @Option(names = "--crawler-heap", defaultValue = "384m", description = "-Xmx of each crawler (default: ${DEFAULT-VALUE}).")
    String crawlerHeap;

    @Option(names = "--clusterer-heap", defaultValue = "1g", description = "-Xmx of each clusterer and of the recluster (default: ${DEFAULT-VALUE}).")
    String clustererHeap;

    @Option(names = "--web-arg", paramLabel = "OPTION", description = "A further `run` option for the web nodes only, such as --web-arg=--page-cache-mb=32 (repeatable).")
    List<String> webArgs = new ArrayList<>();

    @Option(names = "--web-heap", defaultValue = "512m", description = "-Xmx of each web node (default: ${DEFAULT-VALUE}).")
    String webHeap;

    @Option(names = "--dated-days", defaultValue = "0", paramLabel = "DAYS",
            description = "Date the articles over this many days, the last at the moment it appears (default: ${DEFAULT-VALUE}: each dated "
                    + "the moment it appears): the stream's clock runs days in minutes, so stories close by the quiet period and the "
                    + "clusterer's heap can level off. Feeds are then polled at most every 6 --feed-interval (run --max-poll).")
    int datedDays;

    @Override
    public Integer call() throws Exception {
        if (Dialect.ofUrl(db) != Dialect.POSTGRESQL) {
            System.err.println("error: --db must be a PostgreSQL database (the roles share it), not " + Dialect.redact(db));
            return 2;
        }
        SoakSettings settings;
        try {
            settings = new SoakSettings(corpus, from.atStartOfDay(ZoneOffset.UTC).toInstant(), articles, perMinute, crawlers, webNodes,
                    !noStandby, hosts, Duration.ofSeconds(feedIntervalSeconds), Duration.ofMillis(hostDelayMillis), readers,
                    Duration.ofMillis(readerPauseMillis), killCrawlerAt, noStandby ? -1 : killClustererAt, Duration.ofSeconds(settleSeconds),
                    !noRecluster, crawlerHeap, clustererHeap, webHeap, out, Duration.ofDays(datedDays), webArgs);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        SoakReport report = new SoakRun(settings, db, line -> System.err.println("soak: " + line)).run();
        System.out.print(report.markdown());
        System.out.println("\n(figures, logs and GC logs in " + out.toAbsolutePath() + ")");
        return 0;
    }
}
