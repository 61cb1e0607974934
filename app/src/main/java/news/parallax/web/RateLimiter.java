package news.parallax.web;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets for a public write route: one per client address and one for everyone. A request takes a token
 * from both or from neither; when either is empty it is refused with the time until the next token. Client
 * buckets are forgotten once full again, and at most {@link #MAX_CLIENTS} are kept (the oldest go first), so
 * memory stays bounded under a flood of addresses. Thread-safe.
 *
 * @see ReportPolicy for the limits in use
 */
final class RateLimiter {
    /** Client buckets kept at most; past it the least recently used are dropped (they are nearly full by then). */
    static final int MAX_CLIENTS = 10_000;

    /** A bucket's size and refill: {@code burst} requests at once, then one per {@code every}. */
    record Limit(int burst, Duration every) {
        Limit {
            if (burst < 1 || every.isNegative() || every.isZero()) throw new IllegalArgumentException("bad limit " + burst + "/" + every);
        }

        /** Requests a year at this limit, for the store-growth bound. */
        long perYear() {
            return Duration.ofDays(365).toNanos() / every.toNanos() + burst;
        }
    }

    /** Outcome: allowed, or refused with seconds until a retry can succeed (for Retry-After). */
    record Decision(boolean allowed, long retryAfterSeconds, boolean global) {}

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        void refill(Limit limit, long now) {
            double added = (double) (now - updatedNanos) / limit.every().toNanos();
            tokens = Math.min(limit.burst(), tokens + added);
            updatedNanos = now;
        }

        long secondsToNext(Limit limit) {
            double missing = 1 - tokens;
            return Math.max(1, (long) Math.ceil(missing * limit.every().toNanos() / 1e9));
        }
    }

    private final Limit perClient;
    private final Limit overall;
    private final LongSupplier nanos;
    private final Bucket global;
    private final Map<String, Bucket> clients = new LinkedHashMap<>(16, 0.75f, true);

    RateLimiter(Limit perClient, Limit overall, LongSupplier nanos) {
        this.perClient = perClient;
        this.overall = overall;
        this.nanos = nanos;
        this.global = new Bucket(overall.burst(), nanos.getAsLong());
    }

    synchronized Decision acquire(String client) {
        long now = nanos.getAsLong();
        Bucket c = clients.get(client);
        if (c == null) {
            c = new Bucket(perClient.burst(), now);
            clients.put(client, c);
            if (clients.size() > MAX_CLIENTS) evict();
        }
        c.refill(perClient, now);
        global.refill(overall, now);
        if (c.tokens < 1) return new Decision(false, c.secondsToNext(perClient), false);
        if (global.tokens < 1) return new Decision(false, global.secondsToNext(overall), true);
        c.tokens -= 1;
        global.tokens -= 1;
        return new Decision(true, 0, false);
    }

    private void evict() {
        // Dropping a bucket refills it early; the global bucket still bounds what a flood of addresses gets.
        Iterator<Bucket> it = clients.values().iterator();
        while (it.hasNext() && clients.size() > MAX_CLIENTS * 9 / 10) {
            it.next();
            it.remove();
        }
    }
}
