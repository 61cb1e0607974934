package news.parallax.fetch;

import java.sql.SQLException;
import java.time.Clock;
import news.parallax.cluster.ClusterConfig;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Live ingestion wired to the store and pipeline: crawl due sources, store each new article, and
 * cluster the new articles once per pass that stored anything (online: the first pass of a
 * process clusters the store, later ones add only what they stored). What {@code crawl --once} and
 * {@code run} drive. Not thread-safe: one pass at a time (the pass itself is concurrent).
 */
public final class LiveIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveIngest.class);
    private final Store store;
    private final HttpFetcher fetcher;
    private final FeedStore feeds;
    private final Crawler crawler;
    private final PipelineSink sink;
    /** Null for a crawler that only stores articles (the crawler role: a clusterer elsewhere clusters them). */
    private final @Nullable Pipeline pipeline;
    private final FetchConfig fetchConfig;
    private final CrawlSettings settings;
    private final Clock clock;

    /** @param pipeline clusters after each pass that stored articles; null to store articles only */
    public LiveIngest(Store store, @Nullable Pipeline pipeline, FetchConfig fetchConfig, CrawlSettings settings, Clock clock) {
        this(store, pipeline, fetchConfig, settings, clock, null);
    }

    private LiveIngest(Store store, @Nullable Pipeline pipeline, FetchConfig fetchConfig, CrawlSettings settings, Clock clock,
            @Nullable Crawler previous) {
        this.store = store;
        this.pipeline = pipeline;
        this.feeds = FeedStore.of(store);
        // Crawlers sharing the store keep the per-host gap together (issue 15).
        this.fetcher = new HttpFetcher(fetchConfig, feeds.hostSchedule());
        this.sink = PipelineSink.standard(store);
        this.crawler = previous == null ? new Crawler(fetcher, feeds, sink, settings, clock)
                : new Crawler(fetcher, feeds, sink, settings, clock, previous);
        this.fetchConfig = fetchConfig;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The crawler of {@code previous} (a crawler role whose store connection was lost) continued on {@code store}, a
     * new connection to the same database: its leases and the pages it fetched but could not store carry over.
     */
    public static LiveIngest continuing(Store store, LiveIngest previous) {
        return new LiveIngest(store, null, previous.fetchConfig, previous.settings, previous.clock, previous.crawler);
    }

    public static LiveIngest standard(Store store, FetchConfig fetchConfig) {
        return standard(store, fetchConfig, ClusterConfig.defaults());
    }

    /** As {@link #standard(Store, FetchConfig)}, clustering with {@code clusterConfig}. */
    public static LiveIngest standard(Store store, FetchConfig fetchConfig, ClusterConfig clusterConfig) {
        return new LiveIngest(store, Pipeline.standard(store, clusterConfig), fetchConfig, CrawlSettings.defaults(), Clock.systemUTC());
    }

    /** Crawls and stores articles without clustering them (`run --role crawler`, issue 15). */
    public static LiveIngest crawlerOnly(Store store, FetchConfig fetchConfig) {
        return crawlerOnly(store, fetchConfig, CrawlSettings.defaults());
    }

    /** As {@link #crawlerOnly(Store, FetchConfig)}, scheduled by {@code settings}. */
    public static LiveIngest crawlerOnly(Store store, FetchConfig fetchConfig, CrawlSettings settings) {
        return new LiveIngest(store, null, fetchConfig, settings, Clock.systemUTC());
    }

    public FeedStore feeds() {
        return feeds;
    }

    public Crawler crawler() {
        return crawler;
    }

    public HttpFetcher fetcher() {
        return fetcher;
    }

    public Store store() {
        return store;
    }

    /**
     * One pass: crawl what is due, then re-cluster when articles were stored.
     *
     * @return the crawl report and the story count after clustering (-1 when nothing was stored)
     */
    public Pass crawlOnce(ProgressListener progress) throws SQLException, InterruptedException {
        return crawlOnce(false, progress);
    }

    /** As {@link #crawlOnce(ProgressListener)}; {@code ignoreSchedule} fetches everything now (see {@link Crawler}). */
    public Pass crawlOnce(boolean ignoreSchedule, ProgressListener progress) throws SQLException, InterruptedException {
        CrawlReport report = crawler.crawlOnce(ignoreSchedule);
        int stories = report.articlesStored() > 0 && pipeline != null ? pipeline.clusterNew(progress) : -1;
        Pass pass = new Pass(report, stories);
        LOG.info("crawl pass: {}", pass.summary());
        return pass;
    }

    /**
     * Fetches single article URLs now (for {@code ingest URL...}), stores them and re-clusters when any
     * was stored. Other sources are not touched.
     */
    public Pass ingestUrls(java.util.List<String> urls, ProgressListener progress)
            throws SQLException, InterruptedException {
        CrawlReport report = crawler.fetchPages(urls);
        int stories = report.articlesStored() > 0 && pipeline != null ? pipeline.clusterNew(progress) : -1;
        Pass pass = new Pass(report, stories);
        LOG.info("fetched {} URLs: {}", urls.size(), pass.summary());
        return pass;
    }

    /** @param stories stories after re-clustering; -1 when the pass stored nothing, or this crawler does not cluster */
    public record Pass(CrawlReport report, int stories) {
        public String summary() {
            return report.summary() + (stories >= 0 ? "; " + stories + " stories" : "");
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
