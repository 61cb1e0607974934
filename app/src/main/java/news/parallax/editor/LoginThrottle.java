package news.parallax.editor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lock-out after repeated failed logins, per account name and per client address, in memory. Names are tracked
 * whether or not an account has them, so a lock-out tells nothing about which names exist. While a name or an
 * address is locked every attempt is refused before any password is checked, a right one included. At most
 * {@link #MAX_TRACKED} names and addresses each are kept (least recently used dropped first). Thread-safe.
 */
public final class LoginThrottle {
    /** Names and addresses remembered at most each: bounds memory under a flood of guesses. */
    static final int MAX_TRACKED = 10_000;

    /**
     * @param accountFailures failures of one name within {@code window} that lock it
     * @param clientFailures  failures from one address within {@code window} that lock it (higher: an office shares one)
     * @param window          how far back failures count
     * @param lock            how long a lock-out lasts
     */
    public record Policy(int accountFailures, int clientFailures, Duration window, Duration lock) {
        public Policy {
            if (accountFailures < 1 || clientFailures < 1 || window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero()) {
                throw new IllegalArgumentException("bad login policy " + accountFailures + "/" + clientFailures + "/" + window + "/" + lock);
            }
        }

        /** 5 failures of one name or 20 from one address within 15 minutes lock it for 15 minutes. */
        public static final Policy DEFAULT = new Policy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /** Allowed, or locked for {@code retryAfterSeconds}. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final class Failures {
        int count;
        long windowStart;
        boolean locked;
        long lockedUntil;
    }

    private final Policy policy;
    private final LongSupplier nanos;
    private final Map<String, Failures> accounts = lru();
    private final Map<String, Failures> clients = lru();

    public LoginThrottle(Policy policy) {
        this(policy, System::nanoTime);
    }

    LoginThrottle(Policy policy, LongSupplier nanos) {
        this.policy = policy;
        this.nanos = nanos;
    }

    public Policy policy() {
        return policy;
    }

    private static Map<String, Failures> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }

    /** Whether a login for {@code name} from {@code client} may be checked now. */
    public synchronized Decision check(String name, String client) {
        long now = nanos.getAsLong();
        long wait = Math.max(remaining(accounts.get(key(name)), now), remaining(clients.get(client), now));
        return wait > 0 ? new Decision(false, Math.max(1, (wait + 999_999_999L) / 1_000_000_000L)) : Decision.ALLOWED;
    }

    /** Counts a failed login against the name and the address. */
    public synchronized void failed(String name, String client) {
        long now = nanos.getAsLong();
        count(accounts.computeIfAbsent(key(name), k -> new Failures()), policy.accountFailures(), now);
        count(clients.computeIfAbsent(client, k -> new Failures()), policy.clientFailures(), now);
    }

    /** A successful login clears the name's failures (the address keeps its count: it may be guessing other names). */
    public synchronized void succeeded(String name) {
        accounts.remove(key(name));
    }

    private void count(Failures f, int max, long now) {
        if (f.count == 0 || now - f.windowStart > policy.window().toNanos()) {
            f.count = 0;
            f.windowStart = now;
        }
        if (++f.count >= max) {
            f.locked = true;
            f.lockedUntil = now + policy.lock().toNanos();
            f.count = 0;
        }
    }

    private static long remaining(Failures f, long now) {
        return f == null || !f.locked ? 0 : Math.max(0, f.lockedUntil - now);
    }

    private static String key(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.length() > 100 ? n.substring(0, 100) : n;
    }
}
