package news.parallax.fetch;

import java.time.Duration;

/**
 * Scheduling of a {@link Crawler}.
 *
 * @param defaultInterval   polling interval a new source starts with
 * @param minInterval       shortest interval, reached by feeds that change on every poll
 * @param maxInterval       longest interval, reached by feeds that never change
 * @param failureBackoff    wait after the first failure of a source; doubles per consecutive failure
 * @param maxFailureBackoff longest wait between retries of a failing source
 * @param maxItemAttempts   fetches of one article link before it is given up (FAILED)
 * @param maxItemsPerCrawl  links fetched in one crawl pass; the rest wait for the next
 * @param sinkParallelism   article pages processed at once (CPU bound: extraction, clustering)
 * @param lease             how long a crawler's claim on a source or link lasts without renewal: a live crawler
 *                          renews its leases every quarter of it, so this is how long the work of a crawler that
 *                          died on another host waits before another crawler takes it (issue 15); shorter returns
 *                          work sooner, but a crawler stalled longer (a long GC pause, a lost database) loses its
 *                          claims and a page may then be fetched twice
 */
public record CrawlSettings(
        Duration defaultInterval,
        Duration minInterval,
        Duration maxInterval,
        Duration failureBackoff,
        Duration maxFailureBackoff,
        int maxItemAttempts,
        int maxItemsPerCrawl,
        int sinkParallelism,
        Duration lease) {

    /** Grow factor of the interval when a poll found nothing new; a poll with news halves it. */
    static final double QUIET_GROWTH = 1.5;

    public static CrawlSettings defaults() {
        return new CrawlSettings(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofHours(6),
                Duration.ofMinutes(5), Duration.ofHours(24), 3, 5_000,
                Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofMinutes(2));
    }

    /** Next interval: halve when the feed had news, grow by {@link #QUIET_GROWTH} when it had none. */
    Duration adapt(Duration current, int newItems) {
        long s = newItems > 0 ? current.toSeconds() / 2 : (long) (current.toSeconds() * QUIET_GROWTH);
        s = Math.max(minInterval.toSeconds(), Math.min(maxInterval.toSeconds(), s));
        return Duration.ofSeconds(s);
    }

    /** Wait before retrying a source after its n-th consecutive failure (n >= 1). */
    Duration failureWait(int failures) {
        long ms = failureBackoff.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(ms, maxFailureBackoff.toMillis()));
    }

    public CrawlSettings withMaxItemAttempts(int attempts) {
        return new CrawlSettings(defaultInterval, minInterval, maxInterval, failureBackoff, maxFailureBackoff,
                attempts, maxItemsPerCrawl, sinkParallelism, lease);
    }

    public CrawlSettings withSinkParallelism(int parallelism) {
        return new CrawlSettings(defaultInterval, minInterval, maxInterval, failureBackoff, maxFailureBackoff,
                maxItemAttempts, maxItemsPerCrawl, parallelism, lease);
    }

    public CrawlSettings withMaxItemsPerCrawl(int items) {
        if (items < 1) throw new IllegalArgumentException("items per crawl must be at least 1, got " + items);
        return new CrawlSettings(defaultInterval, minInterval, maxInterval, failureBackoff, maxFailureBackoff,
                maxItemAttempts, items, sinkParallelism, lease);
    }

    /** Feeds with news on every poll are polled this often (the soak's fast stream; issue 15). */
    public CrawlSettings withMinInterval(Duration min) {
        if (min.toSeconds() < 1) throw new IllegalArgumentException("shortest poll interval must be at least 1 s, got " + min);
        return new CrawlSettings(defaultInterval, min, maxInterval.compareTo(min) < 0 ? min : maxInterval, failureBackoff,
                maxFailureBackoff, maxItemAttempts, maxItemsPerCrawl, sinkParallelism, lease);
    }

    public CrawlSettings withLease(Duration lease) {
        if (lease.toMillis() < 4) throw new IllegalArgumentException("lease must be at least 4 ms, got " + lease);
        return new CrawlSettings(defaultInterval, minInterval, maxInterval, failureBackoff, maxFailureBackoff,
                maxItemAttempts, maxItemsPerCrawl, sinkParallelism, lease);
    }
}
