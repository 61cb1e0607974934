package news.parallax.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Polite, bounded HTTP GET for feeds, sitemaps and article pages.
 *
 * <p>For every hop (redirects are followed here, not by the client, so each one is checked): the host
 * is resolved once and every address must be public unless {@link FetchConfig#allowPrivate}; the
 * connection then goes to exactly those addresses (the client's only DNS is the checked answer, see
 * {@link PinnedDns}), so DNS rebinding cannot swap in a private address between check and connect.
 * robots.txt of the host must allow
 * the path, and the per-host limiter must grant a slot (concurrency, gap, Crawl-delay). Transient
 * failures (5xx, 429, 408, resets, timeouts) are retried with exponential backoff or the server's
 * Retry-After; 4xx is never retried. Bodies are capped before and after gzip/deflate decoding.
 * {@link #fetch} never throws for network or server trouble: it returns a {@link FetchResult} whose
 * status says what happened and whose error names the URL.
 *
 * <p>Thread-safe; meant to be shared by all crawl tasks (virtual threads). Close it to free the client.
 */
public final class HttpFetcher implements AutoCloseable {
    /** Bodies of redirects and error responses are read only this far, then dropped. */
    private static final int ERROR_BODY_CAP_BYTES = 16 * 1024;
    /** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is ignored. */
    private static final int ROBOTS_CAP_BYTES = 512 * 1024;
    /** A robots.txt that could not be fetched (5xx, network) blocks the host this long before trying again. */
    private static final Duration ROBOTS_UNREACHABLE_TTL = Duration.ofMinutes(10);
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 425, 429, 500, 502, 503, 504);
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final double JITTER = 0.2;

    private final FetchConfig config;
    private final OkHttpClient client;
    private final AddressGuard guard;
    private final HostLimiter limiter;
    private final HostSchedule hostSchedule;
    private final Map<String, RobotsHolder> robots = new ConcurrentHashMap<>();

    public HttpFetcher(FetchConfig config) {
        this(config, new AddressGuard(config.allowPrivate()), HostSchedule.LOCAL);
    }

    /**
     * A fetcher whose per-host gap also holds across processes sharing {@code hosts} (crawlers on one store,
     * issue 15): every request start is reserved there as well as in this process's own limiter.
     */
    public HttpFetcher(FetchConfig config, HostSchedule hosts) {
        this(config, new AddressGuard(config.allowPrivate()), hosts);
    }

    /** With a given guard: tests resolve names through their own resolver to play DNS rebinding. */
    HttpFetcher(FetchConfig config, AddressGuard guard) {
        this(config, guard, HostSchedule.LOCAL);
    }

    private HttpFetcher(FetchConfig config, AddressGuard guard, HostSchedule hostSchedule) {
        this.config = config;
        this.hostSchedule = hostSchedule;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.requestTimeout())
                .writeTimeout(config.requestTimeout())
                // One deadline for the whole exchange, body included: slow and endless bodies end too.
                .callTimeout(config.requestTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY)
                // Every call gets the checked answer as its DNS (PinnedDns); this one is never asked.
                .dns(host -> {
                    throw new UnknownHostException(host + ": not resolved through the address guard");
                })
                .build();
        this.guard = guard;
        this.limiter = new HostLimiter(config.perHostConcurrency());
    }

    public FetchConfig config() {
        return config;
    }

    /** GET without validators. */
    public FetchResult fetch(String url) {
        return fetch(url, null, null);
    }

    /** Conditional GET: sends If-None-Match / If-Modified-Since when given; 304 comes back as NOT_MODIFIED. */
    public FetchResult fetch(String url, @Nullable String etag, @Nullable String lastModified) {
        return fetch(url, etag, lastModified, HostLimiter.Priority.PAGE);
    }

    /**
     * A feed or sitemap poll, as {@link #fetch(String, String, String)}, that takes its host's next free slot ahead of
     * the page requests waiting for it (the per-host gap still holds): a busy feed is read on time while a pass fetches
     * hundreds of its pages.
     */
    public FetchResult fetchFeed(String url, @Nullable String etag, @Nullable String lastModified) {
        return fetch(url, etag, lastModified, HostLimiter.Priority.FEED);
    }

    private FetchResult fetch(String url, @Nullable String etag, @Nullable String lastModified, HostLimiter.Priority priority) {
        try {
            return fetchHops(url, etag, lastModified, true, config.maxBodyBytes(), priority);
        } catch (IllegalArgumentException e) {
            // The JDK client refuses some URLs that java.net.URI accepts (odd hosts, ports).
            return failure(url, url, FetchResult.Status.FAILED, 0, url + ": " + e.getMessage(), 0, List.of(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(url, url, FetchResult.Status.RETRY_LATER, 0, "interrupted", 0, List.of(), Duration.ZERO);
        }
    }

    /** Highest number of requests this fetcher had in flight to one host at once (politeness check). */
    public int maxObservedConcurrencyPerHost() {
        return limiter.maxObservedConcurrency();
    }

    private FetchResult fetchHops(String url, @Nullable String etag, @Nullable String lastModified,
            boolean checkRobots, long bodyCap, HostLimiter.Priority priority) throws InterruptedException {
        String current = url;
        List<String> hops = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            URI uri;
            try {
                uri = UrlCanonicalizer.parse(stripFragment(current));
            } catch (IllegalArgumentException e) {
                return failure(url, current, FetchResult.Status.FAILED, 0, e.getMessage(), 0, hops, null);
            }
            seen.add(uri.toString());
            // okhttp is stricter than java.net.URI about some hosts; such a URL fails like any other bad URL.
            HttpUrl httpUrl = HttpUrl.get(uri);
            if (httpUrl == null) {
                return failure(url, current, FetchResult.Status.FAILED, 0, current + ": not a URL the HTTP client accepts", 0, hops, null);
            }
            List<InetAddress> addresses;
            try {
                addresses = guard.check(uri);
            } catch (BlockedAddressException e) {
                return failure(url, current, FetchResult.Status.SKIPPED, 0, e.getMessage(), 0, hops, null)
                        .withAddressRefused();
            } catch (UnknownHostException e) {
                return failure(url, current, FetchResult.Status.RETRY_LATER, 0,
                        current + ": unknown host " + uri.getHost(), 0, hops, backoff(1));
            }
            Duration gap = config.perHostDelay();
            if (checkRobots) {
                Robots rules = robotsFor(uri);
                if (!rules.rules().isAllowed(uri.toString()))
                    return failure(url, current, FetchResult.Status.SKIPPED, 0,
                            current + ": disallowed by robots.txt", 0, hops, null);
                if (rules.crawlDelay().compareTo(gap) > 0) gap = rules.crawlDelay();
            }
            // Keyed by the host as the client spells it (lower case, IDN as punycode), which is what it looks up.
            PinnedDns dns = new PinnedDns(httpUrl.host(), addresses);
            Exchange ex = exchangeWithRetries(uri, httpUrl, dns, etag, lastModified, gap, bodyCap, priority);
            if (ex.error != null) {
                FetchResult.Status status = ex.transientFailure ? FetchResult.Status.RETRY_LATER : FetchResult.Status.FAILED;
                return failure(url, current, status, ex.status, current + ": " + ex.error, ex.attempts, hops, ex.retryWait);
            }
            HttpHeaders headers = Objects.requireNonNull(ex.headers, "an exchange without an error has headers");
            int status = ex.status;
            if (REDIRECT_STATUSES.contains(status)) {
                Optional<String> location = headers.firstValue("location");
                if (location.isEmpty())
                    return failure(url, current, FetchResult.Status.FAILED, status,
                            current + ": HTTP " + status + " without Location", ex.attempts, hops, null);
                String next;
                try {
                    next = uri.resolve(new URI(location.get().strip().replace(" ", "%20"))).toString();
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    return failure(url, current, FetchResult.Status.FAILED, status,
                            current + ": bad redirect Location " + location.get(), ex.attempts, hops, null);
                }
                hops.add(next);
                if (seen.contains(stripFragment(next)))
                    return failure(url, next, FetchResult.Status.FAILED, status,
                            url + ": redirect loop at " + next, ex.attempts, hops, null);
                if (hops.size() > config.maxRedirects())
                    return failure(url, next, FetchResult.Status.FAILED, status,
                            url + ": more than " + config.maxRedirects() + " redirects", ex.attempts, hops, null);
                current = next;
                continue;
            }
            if (status == 304)
                return new FetchResult(url, current, FetchResult.Status.NOT_MODIFIED, status, null, null, new byte[0],
                        etag, lastModified, null, ex.attempts, hops, null);
            if (status < 200 || status >= 300)
                return failure(url, current, FetchResult.Status.FAILED, status, current + ": HTTP " + status,
                        ex.attempts, hops, null);
            byte[] body;
            try {
                body = decode(ex.body, headers.firstValue("content-encoding").orElse(""), bodyCap);
            } catch (IOException e) {
                return failure(url, current, FetchResult.Status.FAILED, status, current + ": " + e.getMessage(),
                        ex.attempts, hops, null);
            }
            String contentType = headers.firstValue("content-type").orElse(null);
            return new FetchResult(url, current, FetchResult.Status.OK, status, contentType, charsetOf(contentType),
                    body, headers.firstValue("etag").orElse(null),
                    headers.firstValue("last-modified").orElse(null), null, ex.attempts, hops, null, false,
                    contentLocation(current, headers.firstValue("content-location").orElse(null)));
        }
    }

    private Exchange exchangeWithRetries(URI uri, HttpUrl httpUrl, PinnedDns dns, @Nullable String etag,
            @Nullable String lastModified, Duration gap, long bodyCap, HostLimiter.Priority priority) throws InterruptedException {
        // FetchConfig holds maxAttempts >= 1, so the last attempt returns.
        for (int attempt = 1; ; attempt++) {
            Exchange last = exchangeOnce(uri, httpUrl, dns, etag, lastModified, gap, bodyCap, attempt, priority);
            if (!last.transientFailure) return last;
            Duration wait = last.retryAfter != null ? last.retryAfter : backoff(attempt);
            if (attempt >= config.maxAttempts() || wait.compareTo(config.maxRetryWait()) > 0)
                return last.asTransientFailure(wait);
            Thread.sleep(wait);
        }
    }

    private Exchange exchangeOnce(URI uri, HttpUrl httpUrl, PinnedDns dns, @Nullable String etag, @Nullable String lastModified,
            Duration gap, long bodyCap, int attempt, HostLimiter.Priority priority) throws InterruptedException {
        Request.Builder rb = new Request.Builder().url(httpUrl)
                .header("User-Agent", config.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                        + "application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")
                // No "br": the JDK has no brotli decoder and no pure-Java one is among the dependencies.
                // Set here, so the client leaves the body encoded and decode() caps what it inflates.
                .header("Accept-Encoding", "gzip, deflate")
                .get();
        // Validators come from servers; one with control characters would make the client refuse every retry.
        if (etag != null && isVisibleAscii(etag)) rb.header("If-None-Match", etag);
        if (lastModified != null && isVisibleAscii(lastModified)) rb.header("If-Modified-Since", lastModified);
        Request request = rb.build();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        HostLimiter.Permit permit = limiter.acquire(host, gap, priority);
        try {
            // Other processes' requests to this host count too (issue 15): wait for the slot reserved in the store.
            Duration shared = hostSchedule.reserve(host, gap);
            if (shared.isPositive()) Thread.sleep(shared);
        } catch (InterruptedException e) {
            permit.close();
            throw e;
        }
        // Shares the pool and threads; only the DNS differs: the checked answer for this hop.
        Call call = client.newBuilder().dns(dns).build().newCall(request);
        try (Response response = call.execute()) {
            int status = response.code();
            HttpHeaders headers = HttpHeaders.of(response.headers().toMultimap(), (name, value) -> true);
            if (TRANSIENT_STATUSES.contains(status)) {
                Duration retryAfter = parseRetryAfter(response.header("retry-after"));
                return Exchange.failed(true, status, "HTTP " + status, attempt, retryAfter);
            }
            return new Exchange(status, headers, readBody(response, bodyCap), null, false, attempt, null, null);
        } catch (BodyTooLargeException tooLarge) {
            return Exchange.failed(false, tooLarge.status, Objects.requireNonNullElse(tooLarge.getMessage(), tooLarge.toString()), attempt, null);
        } catch (InterruptedIOException e) {
            call.cancel();
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException("fetch of " + uri + " interrupted");
            return Exchange.failed(true, 0, "no complete response within " + config.requestTimeout().toMillis() + " ms",
                    attempt, null);
        } catch (IOException e) {
            return Exchange.failed(true, 0, describe(e), attempt, null);
        } finally {
            permit.close();
        }
    }

    /**
     * The body up to a cap. Past the cap a 2xx body fails (closing the response drops the connection);
     * other bodies are only ever discarded, so they are cut short silently.
     */
    private static byte[] readBody(Response response, long successCap) throws IOException {
        int status = response.code();
        boolean success = status >= 200 && status < 300;
        long cap = success ? successCap : ERROR_BODY_CAP_BYTES;
        ResponseBody body = response.body();
        if (body == null) return new byte[0];
        if (success && body.contentLength() > cap) throw new BodyTooLargeException(status, cap);
        try (InputStream in = body.byteStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (total + n > cap) {
                    if (success) throw new BodyTooLargeException(status, cap);
                    out.write(buf, 0, (int) (cap - total));
                    break;
                }
                total += n;
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static boolean isVisibleAscii(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) return false;
        }
        return true;
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    private Duration backoff(int attempt) {
        long base = config.retryBaseDelay().toMillis() << Math.min(attempt - 1, 20);
        double jitter = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofMillis(Math.max(0, (long) (base * jitter)));
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
    static @Nullable Duration parseRetryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The origin's robots rules as they stand, read under its lock (a later reload does not change them). */
    private Robots robotsFor(URI uri) throws InterruptedException {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        RobotsHolder holder = robots.computeIfAbsent(origin, k -> new RobotsHolder());
        holder.lock.lock();
        try {
            BaseRobotRules rules = holder.rules;
            if (rules == null || Instant.now().isAfter(holder.expires)) rules = loadRobots(origin + "/robots.txt", holder);
            return new Robots(rules, holder.crawlDelay);
        } finally {
            holder.lock.unlock();
        }
    }

    private BaseRobotRules loadRobots(String robotsUrl, RobotsHolder holder) throws InterruptedException {
        FetchResult r = fetchHops(robotsUrl, null, null, false, ROBOTS_CAP_BYTES, HostLimiter.Priority.PAGE);
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        parser.setMaxCrawlDelay(Long.MAX_VALUE); // capped below by config.maxCrawlDelay instead of "disallow all"
        BaseRobotRules rules;
        Duration ttl = config.robotsTtl();
        if (r.ok()) {
            rules = parser.parseContent(robotsUrl, r.body(), r.contentType() == null ? "text/plain" : r.contentType(),
                    List.of(config.robotsAgent()));
        } else if (r.status() == FetchResult.Status.RETRY_LATER) {
            // RFC 9309 2.3.1.4: an unreachable robots.txt means "disallow all" for now.
            rules = parser.failedFetch(503);
            ttl = ROBOTS_UNREACHABLE_TTL;
        } else {
            // 4xx, too large, redirect loop: RFC 9309 2.3.1.3 treats an unavailable robots.txt as "allow all".
            rules = parser.failedFetch(404);
        }
        long delayMs = rules.getCrawlDelay();
        Duration delay = delayMs == BaseRobotRules.UNSET_CRAWL_DELAY || delayMs <= 0 ? Duration.ZERO
                : Duration.ofMillis(delayMs);
        if (delay.compareTo(config.maxCrawlDelay()) > 0) delay = config.maxCrawlDelay();
        holder.rules = rules;
        holder.crawlDelay = delay;
        holder.expires = Instant.now().plus(ttl);
        return rules;
    }

    /** Undoes Content-Encoding with the decoded size capped: a small gzip bomb cannot fill the heap. */
    static byte[] decode(byte[] body, String contentEncoding, long cap) throws IOException {
        String enc = contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (enc.isEmpty() || enc.equals("identity")) return body;
        InputStream in;
        switch (enc) {
            case "gzip", "x-gzip" -> in = new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> {
                // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate.
                boolean zlib = body.length >= 2 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) * 256 + (body[1] & 0xff)) % 31 == 0;
                in = new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib));
            }
            default -> throw new IOException("unsupported Content-Encoding \"" + contentEncoding + "\"");
        }
        try (in) {
            return readCapped(in, cap, "decoded body");
        }
    }

    static byte[] readCapped(InputStream in, long cap, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > cap) throw new IOException(what + " exceeds " + cap + " bytes");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static @Nullable String charsetOf(@Nullable String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String cs = p.substring(8).strip().replace("\"", "").replace("'", "");
                return cs.isEmpty() ? null : cs;
            }
        }
        return null;
    }

    /** Content-Location resolved against the URL that answered; null when absent or unusable. */
    static @Nullable String contentLocation(String base, @Nullable String header) {
        if (header == null || header.isBlank()) return null;
        try {
            URI resolved = URI.create(base).resolve(header.strip());
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static FetchResult failure(String url, String at, FetchResult.Status status, int httpStatus,
            @Nullable String error, int attempts, List<String> hops, @Nullable Duration retryAfter) {
        return new FetchResult(url, at, status, httpStatus, null, null, new byte[0], null, null, retryAfter, attempts,
                hops, error);
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }

    /** An origin's robots rules and the crawl delay they ask for. */
    private record Robots(BaseRobotRules rules, Duration crawlDelay) {}

    private static final class RobotsHolder {
        final ReentrantLock lock = new ReentrantLock();
        @Nullable BaseRobotRules rules;
        Duration crawlDelay = Duration.ZERO;
        Instant expires = Instant.EPOCH;
    }

    /** One HTTP exchange: a response, or a failure classified as transient or permanent. */
    private record Exchange(int status, @Nullable HttpHeaders headers, byte[] body, @Nullable String error,
            boolean transientFailure, int attempts, @Nullable Duration retryAfter, @Nullable Duration retryWait) {
        static Exchange failed(boolean isTransient, int status, String error, int attempts,
                @Nullable Duration retryAfter) {
            return new Exchange(status, null, new byte[0], error, isTransient, attempts, retryAfter, null);
        }

        Exchange asTransientFailure(Duration wait) {
            return new Exchange(status, headers, body, error, true, attempts, retryAfter, wait);
        }
    }

    /** The body, or a failure, after the response declared or sent more than the 2xx cap. */
    private static final class BodyTooLargeException extends IOException {
        final int status;

        BodyTooLargeException(int status, long cap) {
            super("body exceeds " + cap + " bytes");
            this.status = status;
        }
    }
}
