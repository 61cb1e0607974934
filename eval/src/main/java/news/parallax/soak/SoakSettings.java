package news.parallax.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What one soak run does.
 *
 * @param corpus             the articles to replay (any file {@code ingest} reads)
 * @param from               first publication date taken from the corpus (oldest first from there)
 * @param articles           articles replayed; 0 for all from {@code from} on
 * @param perMinute          publication rate of the live stream
 * @param crawlers           crawler processes
 * @param webNodes           web processes
 * @param standby            start a second clusterer, which stands by and takes over when the leader is killed
 * @param hosts              loopback feed servers (one host each: 127.0.0.2, ...), the outlets spread over them
 * @param feedInterval       polling interval of each feed (the crawlers' shortest, {@code run --min-poll})
 * @param hostDelay          gap between requests to one host ({@code run --host-delay}), across every crawler
 * @param readers            concurrent web readers during the run
 * @param readerPause        pause of each reader between two requests
 * @param killCrawlerAt      share of the stream published when the first crawler is killed (kill -9); negative: never
 * @param killClustererAt    share published when the leading clusterer is killed; negative: never
 * @param settle             longest wait after the stream ends for the last articles to be stored and clustered
 * @param recluster          after the run, re-cluster the store once ({@code parallax recluster}) and compare
 * @param crawlerHeap        -Xmx of a crawler, as {@code java} takes it
 * @param clustererHeap      -Xmx of a clusterer
 * @param webHeap            -Xmx of a web node
 * @param out                folder for the processes' logs, GC logs and the report
 * @param datedOver          how long the articles' dates spread over (zero: each dated the moment it appears); days
 *                           in minutes let stories close by the quiet period, so the clusterer's heap can level off
 * @param webArgs            more {@code run} options for the web nodes only (such as {@code --page-cache-mb=32})
 */
public record SoakSettings(Path corpus, Instant from, int articles, int perMinute, int crawlers, int webNodes,
        boolean standby, int hosts, Duration feedInterval, Duration hostDelay, int readers, Duration readerPause,
        double killCrawlerAt, double killClustererAt, Duration settle, boolean recluster, String crawlerHeap,
        String clustererHeap, String webHeap, Path out, Duration datedOver, java.util.List<String> webArgs) {

    public SoakSettings {
        webArgs = java.util.List.copyOf(webArgs);
        if (articles < 0) throw new IllegalArgumentException("--articles must not be negative: " + articles);
        if (perMinute < 1) throw new IllegalArgumentException("--per-minute must be at least 1: " + perMinute);
        if (crawlers < 1) throw new IllegalArgumentException("--crawlers must be at least 1: " + crawlers);
        if (webNodes < 0) throw new IllegalArgumentException("--web-nodes must not be negative: " + webNodes);
        if (hosts < 1 || hosts > 250) throw new IllegalArgumentException("--hosts must be 1 to 250: " + hosts);
        if (readers < 0) throw new IllegalArgumentException("--readers must not be negative: " + readers);
        if (killCrawlerAt >= 0 && crawlers < 2)
            throw new IllegalArgumentException("killing a crawler needs at least 2 crawlers (--crawlers), so that one is left");
        if (killClustererAt >= 0 && !standby)
            throw new IllegalArgumentException("killing the clusterer needs a standby to take over");
        if (feedInterval.toSeconds() < 1) throw new IllegalArgumentException("--feed-interval must be at least 1 s");
        if (datedOver.isNegative()) throw new IllegalArgumentException("--dated-days must not be negative: " + datedOver.toDays());
    }
}
