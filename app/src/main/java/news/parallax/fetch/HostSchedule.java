package news.parallax.fetch;

import java.time.Duration;

/**
 * Where the per-host politeness gap is kept beyond one process (issue 15): before each request to a host, the
 * fetcher reserves a start time and waits until then. {@link #LOCAL} keeps nothing (the process's own
 * {@link HostLimiter} is the only limit); {@link FeedStore#hostSchedule()} keeps the gap in the shared store, so
 * several crawlers together never start requests to one host closer than the gap. Thread-safe.
 */
@FunctionalInterface
public interface HostSchedule {
    /** No shared schedule: the process's own limiter decides alone. */
    HostSchedule LOCAL = (host, gap) -> Duration.ZERO;

    /**
     * Reserves a request start to {@code host} at least {@code gap} after the previous one reserved by anyone.
     *
     * @return how long to wait before starting the request (zero when it may start now)
     */
    Duration reserve(String host, Duration gap);
}
