package news.parallax.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Politeness and safety limits of an {@link HttpFetcher}.
 *
 * @param userAgent          sent with every request and matched against robots.txt groups by {@link #robotsAgent}
 * @param robotsAgent        the product token robots.txt rules are matched against, lower case
 * @param connectTimeout     TCP + TLS connect limit
 * @param requestTimeout     limit for one whole exchange: headers and body
 * @param maxBodyBytes       cap on the body, both as sent and after gzip/deflate decoding
 * @param maxRedirects       hops followed before giving up
 * @param maxAttempts        tries per URL for transient failures (5xx, 429, resets, timeouts); 4xx is never retried
 * @param retryBaseDelay     first backoff delay; doubles with each retry
 * @param maxRetryWait       longest wait done inline (a longer Retry-After ends the fetch with a retry time instead)
 * @param perHostConcurrency requests in flight to one host at once
 * @param perHostDelay       minimum gap between request starts to one host; robots.txt Crawl-delay raises it
 * @param maxCrawlDelay      cap on a robots.txt Crawl-delay, so one host cannot stall a crawl
 * @param robotsTtl          how long a robots.txt is cached
 * @param allowPrivate       when false, loopback, private, link-local and metadata addresses are refused
 */
public record FetchConfig(
        String userAgent,
        String robotsAgent,
        Duration connectTimeout,
        Duration requestTimeout,
        long maxBodyBytes,
        int maxRedirects,
        int maxAttempts,
        Duration retryBaseDelay,
        Duration maxRetryWait,
        int perHostConcurrency,
        Duration perHostDelay,
        Duration maxCrawlDelay,
        Duration robotsTtl,
        boolean allowPrivate) {

    public static final String DEFAULT_USER_AGENT =
            "ParallaxBot/0.1 (+https://github.com/parallax-news/parallax; self-hosted news aggregator)";
    public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(robotsAgent, "robotsAgent");
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0: " + maxRedirects);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        if (perHostConcurrency < 1)
            throw new IllegalArgumentException("perHostConcurrency must be >= 1: " + perHostConcurrency);
    }

    /** Defaults for crawling the public web: 2 connections and one request a second per host. */
    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_USER_AGENT, "parallaxbot", Duration.ofSeconds(10), Duration.ofSeconds(30),
                DEFAULT_MAX_BODY_BYTES, 5, 3, Duration.ofSeconds(1), Duration.ofSeconds(60), 2,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(12), false);
    }

    public FetchConfig withAllowPrivate(boolean allow) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                maxAttempts, retryBaseDelay, maxRetryWait, perHostConcurrency, perHostDelay, maxCrawlDelay, robotsTtl,
                allow);
    }

    public FetchConfig withTimeouts(Duration connect, Duration request) {
        return new FetchConfig(userAgent, robotsAgent, connect, request, maxBodyBytes, maxRedirects, maxAttempts,
                retryBaseDelay, maxRetryWait, perHostConcurrency, perHostDelay, maxCrawlDelay, robotsTtl,
                allowPrivate);
    }

    public FetchConfig withMaxBodyBytes(long bytes) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, requestTimeout, bytes, maxRedirects,
                maxAttempts, retryBaseDelay, maxRetryWait, perHostConcurrency, perHostDelay, maxCrawlDelay, robotsTtl,
                allowPrivate);
    }

    public FetchConfig withRetries(int attempts, Duration baseDelay, Duration maxWait) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                attempts, baseDelay, maxWait, perHostConcurrency, perHostDelay, maxCrawlDelay, robotsTtl,
                allowPrivate);
    }

    public FetchConfig withPerHost(int concurrency, Duration delay) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                maxAttempts, retryBaseDelay, maxRetryWait, concurrency, delay, maxCrawlDelay, robotsTtl,
                allowPrivate);
    }

    public FetchConfig withMaxCrawlDelay(Duration cap) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                maxAttempts, retryBaseDelay, maxRetryWait, perHostConcurrency, perHostDelay, cap, robotsTtl,
                allowPrivate);
    }
}
