package news.parallax.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import news.parallax.fetch.FetchBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parallax bench-fetch}: the live-ingestion benchmark against loopback servers (issue 7). */
@Command(name = "bench-fetch", mixinStandardHelpOptions = true,
        description = "Benchmark live ingestion: loopback servers with feeds and article pages, one crawl pass to stories.")
final class BenchFetchCommand implements Callable<Integer> {
    @Option(names = "--hosts", defaultValue = "10", description = "Loopback hosts 127.0.0.1..N (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--feeds", defaultValue = "200", description = "Feeds in all (default: ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--articles", defaultValue = "5000", description = "Article pages in all (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--server-delay", defaultValue = "20", paramLabel = "MILLIS",
            description = "Time each server takes per response (default: ${DEFAULT-VALUE}).")
    long serverDelayMillis;

    @Option(names = "--host-connections", defaultValue = "4", paramLabel = "N",
            description = "Crawler's per-host concurrency limit (default: ${DEFAULT-VALUE}).")
    int hostConnections;

    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchFetchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (hosts < 1 || hosts > 250) {
            System.err.println("error: --hosts must be between 1 and 250");
            return 2;
        }
        FetchBenchmark.Result r = FetchBenchmark.run(new FetchBenchmark.Settings(hosts, feeds, articles,
                Duration.ofMillis(serverDelayMillis), hostConnections));
        System.out.println(r.summary());
        r.errors().forEach(e -> System.err.println("error: " + e));
        return r.maxInFlightPerHost() <= hostConnections ? 0 : 1;
    }
}
