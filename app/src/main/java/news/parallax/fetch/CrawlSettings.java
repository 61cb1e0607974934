package news.parallax.fetch;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

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

    /** Grow factor of the interval when a poll found nothing new (nor faster than this when it found little). */
    static final double QUIET_GROWTH = 1.5;
    /**
     * Share of a feed's window a poll should find new at the rate seen: a quarter leaves room for a burst four times that
     * rate before items leave the feed unseen (issue 15, session 9: 50-item feeds polled 156 s apart lost 103 of 3,000).
     */
    static final double MAX_NEW_SHARE_OF_WINDOW = 0.25;
    /** New items a poll should find at most at the rate seen, so an article waits about two publication gaps to be seen. */
    static final double MAX_NEW_PER_POLL = 2.0;

    public static CrawlSettings defaults() {
        return new CrawlSettings(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofHours(6),
                Duration.ofMinutes(5), Duration.ofHours(24), 3, 5_000,
                Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofMinutes(2));
    }

    /** As {@link #adapt(Duration, int, int, Duration)} with no earlier poll known: halve with news, grow without. */
    Duration adapt(Duration current, int newItems) {
        return adapt(current, newItems, newItems, null);
    }

    /**
     * The next polling interval from how fast the feed turns over: at the rate of the last poll ({@code newItems} in
     * {@code sinceLastPoll}), the time until {@link #MAX_NEW_SHARE_OF_WINDOW} of its {@code listed} items, or
     * {@link #MAX_NEW_PER_POLL} items, are new, whichever comes first. A feed whose whole window was new gets at most a
     * quarter of the time since the last poll; one with nothing new waits {@link #QUIET_GROWTH} times longer, and one
     * with little news grows no faster than that. Without an earlier poll (the first one) the interval halves with news.
     * Always within [{@link #minInterval}, {@link #maxInterval}].
     */
    Duration adapt(Duration current, int newItems, int listed, @Nullable Duration sinceLastPoll) {
        long grown = (long) (current.toMillis() * QUIET_GROWTH);
        long ms;
        if (newItems <= 0) {
            ms = grown;
        } else if (sinceLastPoll == null || !sinceLastPoll.isPositive()) {
            ms = current.toMillis() / 2;
        } else {
            double perPoll = Math.min(MAX_NEW_PER_POLL, MAX_NEW_SHARE_OF_WINDOW * Math.max(listed, newItems));
            ms = Math.min(grown, (long) (sinceLastPoll.toMillis() * perPoll / newItems));
        }
        ms = Math.max(minInterval.toMillis(), Math.min(maxInterval.toMillis(), ms));
        return Duration.ofSeconds(Math.max(1, Math.round(ms / 1000.0)));
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

    /** Feeds that never change are polled this often (run --max-poll). */
    public CrawlSettings withMaxInterval(Duration max) {
        if (max.compareTo(minInterval) < 0)
            throw new IllegalArgumentException("longest poll interval (" + max.toSeconds() + " s) is below the shortest ("
                    + minInterval.toSeconds() + " s)");
        return new CrawlSettings(defaultInterval, minInterval, max, failureBackoff, maxFailureBackoff, maxItemAttempts,
                maxItemsPerCrawl, sinkParallelism, lease);
    }

    public CrawlSettings withLease(Duration lease) {
        if (lease.toMillis() < 4) throw new IllegalArgumentException("lease must be at least 4 ms, got " + lease);
        return new CrawlSettings(defaultInterval, minInterval, maxInterval, failureBackoff, maxFailureBackoff,
                maxItemAttempts, maxItemsPerCrawl, sinkParallelism, lease);
    }
}
