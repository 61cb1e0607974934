package news.parallax.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Elects one process among many for a role (the clusterer, issue 15) with a PostgreSQL session-level advisory
 * lock held on a connection of its own: the lock lives exactly as long as that session, so a leader that dies
 * (or whose connection the server closes) frees it at once, and a standby's next {@link #tryAcquire} wins it.
 *
 * <p>A leader must confirm with {@link #held} before each unit of work: the session can end under it (a network
 * cut, {@code pg_terminate_backend}) without the process noticing otherwise. Not thread-safe: one caller.
 * On SQLite there is nothing to elect (one process runs every role): see {@link #single()}.
 */
public final class LeaderLock implements AutoCloseable {
    /** The clusterer's lock among PostgreSQL advisory locks ("PLXCLUST"); the migration lock uses another key. */
    public static final long CLUSTERER = 0x504c58434c555354L;

    private final @Nullable String jdbcUrl;
    private final long key;
    private @Nullable Connection connection;
    private boolean leader;

    private LeaderLock(@Nullable String jdbcUrl, long key) {
        this.jdbcUrl = jdbcUrl;
        this.key = key;
    }

    /** A lock on {@code key} in the PostgreSQL database at {@code jdbcUrl}; connects on the first {@link #tryAcquire}. */
    public static LeaderLock postgres(String jdbcUrl, long key) {
        if (Dialect.ofUrl(jdbcUrl) != Dialect.POSTGRESQL)
            throw new IllegalArgumentException("a leader lock needs PostgreSQL, not " + Dialect.redact(jdbcUrl));
        return new LeaderLock(jdbcUrl, key);
    }

    /** The lock of a store only one process uses (SQLite): always held. */
    public static LeaderLock single() {
        return new LeaderLock(null, 0);
    }

    /**
     * Tries to become (or stay) the leader without waiting; false while another session holds the lock, or
     * when the database cannot be reached (the next call tries again with a new connection).
     */
    public boolean tryAcquire() {
        if (jdbcUrl == null) return true;
        if (leader && held()) return true;
        try {
            if (connection == null || connection.isClosed() || !connection.isValid(5)) {
                closeQuietly();
                connection = DriverManager.getConnection(jdbcUrl);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    leader = rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            closeQuietly();
            leader = false;
        }
        return leader;
    }

    /** Whether this process still holds the lock: its session is alive and the server lists the lock as granted to it. */
    public boolean held() {
        if (jdbcUrl == null) return true;
        if (!leader || connection == null) return false;
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND pid = pg_backend_pid() AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1")) {
            // A bigint key is stored as two 32-bit halves, high in classid, low in objid (objsubid 1).
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                leader = rs.next();
            }
        } catch (SQLException e) {
            leader = false;
            closeQuietly();
        }
        return leader;
    }

    /** The server process id of the lock's session (for operators and tests); -1 without one. */
    public int sessionPid() {
        if (connection == null) return -1;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The session is gone either way, and with it the lock.
            }
        }
        connection = null;
    }

    /** Gives up the lock (ending the session frees it). */
    @Override
    public void close() {
        leader = false;
        closeQuietly();
    }
}
