package news.parallax.editor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;

/**
 * Lock-out after repeated failed logins, per account name and per client address, kept in the store (table
 * {@code login_failures}, V13) so that every process serving the store (several web nodes, a restarted one) counts
 * the same failures and honours the same lock-outs. Names are tracked whether or not an account has them, so a
 * lock-out tells nothing about which names exist. While a name or an address is locked every attempt is refused
 * before any password is checked, a right one included. Rows whose window and lock have passed are deleted as
 * failures come in, so the table holds only the recent guessers. Each count is one atomic upsert: processes racing
 * on one name never lose a failure. Thread-safe.
 */
public final class LoginThrottle {
    private static final String NAME = "name";
    private static final String CLIENT = "client";
    /** Longest subject kept: a name or address longer than this is cut (the form limits names far below). */
    static final int MAX_SUBJECT_CHARS = 100;

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

    private final Store store;
    private final Policy policy;
    private final LongSupplier millis;

    public LoginThrottle(Store store, Policy policy) {
        this(store, policy, System::currentTimeMillis);
    }

    /** @param millis the clock, epoch milliseconds (shared by processes: wall time, not a monotonic counter) */
    LoginThrottle(Store store, Policy policy, LongSupplier millis) {
        this.store = store;
        this.policy = policy;
        this.millis = millis;
    }

    public Policy policy() {
        return policy;
    }

    /** Whether a login for {@code name} from {@code client} may be checked now. */
    public Decision check(String name, String client) {
        Instant now = Instant.ofEpochMilli(millis.getAsLong());
        Instant until = store.database().read("read log-in lock-outs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(locked_until) FROM login_failures"
                    + " WHERE (scope = ? AND subject = ?) OR (scope = ? AND subject = ?)")) {
                ps.setString(1, NAME);
                ps.setString(2, key(name));
                ps.setString(3, CLIENT);
                ps.setString(4, subject(client));
                try (ResultSet rs = ps.executeQuery()) {
                    Instant t = rs.next() ? Timestamps.get(rs, 1) : null;
                    return t == null ? Timestamps.MIN : t;
                }
            }
        });
        long wait = Duration.between(now, until).toMillis();
        return wait > 0 ? new Decision(false, Math.max(1, (wait + 999) / 1000)) : Decision.ALLOWED;
    }

    /** Counts a failed login against the name and the address (one transaction). */
    public void failed(String name, String client) {
        Instant now = Instant.ofEpochMilli(millis.getAsLong());
        store.database().write("count a failed log-in", c -> {
            count(c, NAME, key(name), policy.accountFailures(), now);
            count(c, CLIENT, subject(client), policy.clientFailures(), now);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE window_start < ? AND locked_until < ?")) {
                Timestamps.set(ps, 1, now.minus(policy.window()));
                Timestamps.set(ps, 2, now);
                return ps.executeUpdate();
            }
        });
    }

    /** A successful login clears the name's failures (the address keeps its count: it may be guessing other names). */
    public void succeeded(String name) {
        store.database().write("clear the log-in failures of a name", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE scope = ? AND subject = ?")) {
                ps.setString(1, NAME);
                ps.setString(2, key(name));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * One more failure: a new window when the last began too long ago; at the limit, locked and the count restarted.
     * Each statement is atomic on both databases, so two processes counting at once both count.
     */
    private void count(Connection c, String scope, String subject, int max, Instant now) throws SQLException {
        Instant windowStart = now.minus(policy.window());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_failures (scope, subject, failures, window_start,"
                + " locked_until) VALUES (?, ?, 1, ?, ?) ON CONFLICT (scope, subject) DO UPDATE SET"
                + " failures = CASE WHEN login_failures.window_start < ? THEN 1 ELSE login_failures.failures + 1 END,"
                + " window_start = CASE WHEN login_failures.window_start < ? THEN ? ELSE login_failures.window_start END");
             PreparedStatement lock = c.prepareStatement(
                     "UPDATE login_failures SET locked_until = ?, failures = 0 WHERE scope = ? AND subject = ? AND failures >= ?")) {
            ps.setString(1, scope);
            ps.setString(2, subject);
            Timestamps.set(ps, 3, now);
            Timestamps.set(ps, 4, Timestamps.MIN);
            Timestamps.set(ps, 5, windowStart);
            Timestamps.set(ps, 6, windowStart);
            Timestamps.set(ps, 7, now);
            ps.executeUpdate();
            Timestamps.set(lock, 1, now.plus(policy.lock()));
            lock.setString(2, scope);
            lock.setString(3, subject);
            lock.setInt(4, max);
            lock.executeUpdate();
        }
    }

    private static String key(String name) {
        return subject(name.strip().toLowerCase(Locale.ROOT));
    }

    private static String subject(String s) {
        return s.length() > MAX_SUBJECT_CHARS ? s.substring(0, MAX_SUBJECT_CHARS) : s;
    }
}
