package news.parallax.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's database and its connections; the stores of each concern ({@link ArticleStore}, {@link StoryStore},
 * {@link ViewStore}, {@link ReportStore}, {@link EmbeddingStore}, {@code fetch.FeedStore}) run their SQL through it.
 *
 * <p>PostgreSQL: one HikariCP pool; each {@link #read} and {@link #write} borrows a connection for its own time, so
 * readers and writers of different concerns run side by side. SQLite has one writer per file: {@link #write} runs on
 * a single read-write connection, one transaction at a time (a fair lock; transactions begin IMMEDIATE, so they take
 * the file's write lock at once instead of failing to upgrade a read), and {@link #read} on a HikariCP pool of
 * read-only connections, which WAL mode lets read while the writer writes.
 *
 * <p>A {@link #write} is one transaction: committed when the work returns, rolled back when it throws. Work run
 * inside a write on the same thread (nested reads or writes) joins that transaction. Errors become one type,
 * {@link StoreException}, naming the store and the step; {@link StaleStoriesException} passes through as thrown.
 * Thread-safe.
 *
 * <p>Pool size: {@value #POOL_SIZE_ENV} (default {@value #DEFAULT_POOL_SIZE}: PostgreSQL connections, or SQLite
 * readers); how long a caller waits for a connection: {@value #POOL_TIMEOUT_ENV} seconds (default
 * {@value #DEFAULT_POOL_TIMEOUT_SECONDS}).
 */
public final class Database implements AutoCloseable {
    public static final String POOL_SIZE_ENV = "PARALLAX_DB_POOL_SIZE";
    public static final String POOL_TIMEOUT_ENV = "PARALLAX_DB_POOL_TIMEOUT";
    /** Connections per process: enough for a crawler, a clusterer and a web server's readers in one `run --role all`. */
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final int DEFAULT_POOL_TIMEOUT_SECONDS = 30;
    /**
     * How long SQLite waits for a lock another connection or process holds, in ms: a full re-cluster's story
     * transaction on the 37k corpus takes seconds, and a reader must never fail because of one.
     */
    static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;

    private final String location;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final @Nullable Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<@Nullable Connection> transaction = new ThreadLocal<>();
    private final DataSource plain;
    private @Nullable Connection shared;
    private @Nullable Connection probe;

    private Database(String location, Dialect dialect, HikariDataSource pool, @Nullable Connection writer, DataSource plain) {
        this.location = location;
        this.dialect = dialect;
        this.pool = pool;
        this.writer = writer;
        this.plain = plain;
    }

    /** Opens the database at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}) and migrates its schema. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, List.of());
    }

    static Database open(String jdbcUrl, List<String> extraMigrationLocations) {
        Dialect dialect;
        try {
            dialect = Dialect.ofUrl(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new StoreException(Objects.requireNonNullElse(e.getMessage(), "unsupported database URL"), e);
        }
        String location = dialect == Dialect.SQLITE ? jdbcUrl.substring("jdbc:sqlite:".length()) : Dialect.redact(jdbcUrl);
        int size = setting(POOL_SIZE_ENV, DEFAULT_POOL_SIZE, 1, 1000);
        long timeoutMs = setting(POOL_TIMEOUT_ENV, DEFAULT_POOL_TIMEOUT_SECONDS, 1, 3600) * 1000L;
        if (dialect == Dialect.POSTGRESQL) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(jdbcUrl);
            HikariDataSource pool = pool("parallax-db", ds, size, timeoutMs, false, location);
            try {
                SchemaMigrations.migrate(pool, dialect, location, extraMigrationLocations.toArray(String[]::new));
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
            return new Database(location, dialect, pool, null, pool);
        }
        SQLiteDataSource readWrite = sqlite(jdbcUrl, false);
        SchemaMigrations.migrate(readWrite, dialect, location, extraMigrationLocations.toArray(String[]::new));
        Connection writer;
        try {
            writer = readWrite.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot open store " + location + ": " + e.getMessage(), e);
        }
        try {
            return new Database(location, dialect, pool("parallax-db-readers", sqlite(jdbcUrl, true), size, timeoutMs, true, location), writer,
                    readWrite);
        } catch (RuntimeException e) {
            try {
                writer.close();
            } catch (SQLException ignored) {
                // Already failing with the cause that matters.
            }
            throw e;
        }
    }

    private static HikariDataSource pool(String name, DataSource ds, int size, long timeoutMs, boolean readOnly, String location) {
        HikariConfig c = new HikariConfig();
        // As the driver opened them: SQLite's readers cannot change the flag once open.
        c.setReadOnly(readOnly);
        c.setPoolName(name);
        c.setDataSource(ds);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        c.setConnectionTimeout(timeoutMs);
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open store " + location + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteDataSource sqlite(String jdbcUrl, boolean readOnly) {
        SQLiteConfig c = new SQLiteConfig();
        c.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        c.enforceForeignKeys(true);
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        if (readOnly) {
            c.setReadOnly(true);
        } else {
            c.setJournalMode(SQLiteConfig.JournalMode.WAL);
            c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(c);
        ds.setUrl(jdbcUrl);
        return ds;
    }

    /** An integer setting from the environment, checked; the message names the variable. */
    private static int setting(String env, int fallback, int min, int max) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreException(env + " must be a whole number from " + min + " to " + max + ", not \"" + v + "\"", null);
    }

    /** Where the store lives, for messages: the SQLite file, or the JDBC URL with its password masked. */
    public String location() {
        return location;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Work on a connection; it may throw SQL and I/O errors, which the database turns into {@link StoreException}s. */
    @FunctionalInterface
    public interface Work<T extends @Nullable Object> {
        T run(Connection c) throws SQLException, IOException;
    }

    /** Work on a connection that throws SQL errors only. */
    @FunctionalInterface
    public interface SqlWork<T extends @Nullable Object> {
        T run(Connection c) throws SQLException;
    }

    /** Work on a connection with no result. */
    @FunctionalInterface
    public interface SqlAction {
        void run(Connection c) throws SQLException;
    }

    /** As {@link #read}, with SQL errors passed on unchanged (for stores whose callers handle {@link SQLException}: feeds). */
    public <T extends @Nullable Object> T query(SqlWork<T> work) throws SQLException {
        Connection open = transaction.get();
        if (open != null) return work.run(open);
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    /** As {@link #write}, with SQL errors passed on unchanged. */
    public <T extends @Nullable Object> T update(SqlWork<T> work) throws SQLException {
        try {
            return write("", work::run);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            throw e;
        }
    }

    /** As {@link #update}, for work with no result. */
    public void execute(SqlAction work) throws SQLException {
        update(c -> {
            work.run(c);
            return null;
        });
    }

    /** Reads on a connection of its own (auto-commit), or inside this thread's open {@link #write}. */
    public <T extends @Nullable Object> T read(String what, Work<T> work) {
        Connection open = transaction.get();
        try {
            if (open != null) return work.run(open);
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException | IOException e) {
            throw fail(what, e);
        }
    }

    /** Runs {@code work} as one transaction (or inside this thread's open one); {@code what} names it in errors. */
    public <T extends @Nullable Object> T write(String what, Work<T> work) {
        Connection open = transaction.get();
        if (open != null) {
            try {
                return work.run(open);
            } catch (SQLException | IOException e) {
                throw fail(what, e);
            }
        }
        if (writer != null) {
            writeLock.lock();
            try {
                return transaction(what, writer, work);
            } finally {
                writeLock.unlock();
            }
        }
        try (Connection c = pool.getConnection()) {
            return transaction(what, c, work);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    private <T> T transaction(String what, Connection c, Work<T> work) {
        try {
            c.setAutoCommit(false);
            transaction.set(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                transaction.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw fail(what, e);
        }
    }

    /**
     * A connection kept for this database's lifetime, for code that runs its own SQL under the {@code Store}'s monitor
     * (editor, topics, threads, search): SQLite gives it a read-write connection of its own, PostgreSQL one of the pool.
     * Stores of this package never use it.
     */
    synchronized Connection sharedConnection() {
        try {
            if (shared == null || shared.isClosed()) shared = writer != null ? plain.getConnection() : pool.getConnection();
            return shared;
        } catch (SQLException e) {
            throw fail("open a connection", e);
        }
    }

    /**
     * A token that changes whenever another connection or process commits (it may also change when nothing did). On
     * SQLite, {@code PRAGMA data_version} of a connection kept for this alone, which counts every other connection's
     * commits (this database's writer included); on PostgreSQL, the next transaction id.
     */
    public String changeProbe() {
        if (dialect == Dialect.POSTGRESQL) {
            return read("probe for changes", c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
        }
        synchronized (this) {
            try {
                if (probe == null || probe.isClosed()) probe = pool.getDataSource().getConnection();
                try (Statement s = probe.createStatement(); var rs = s.executeQuery("PRAGMA data_version")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            } catch (SQLException e) {
                throw fail("probe for changes", e);
            }
        }
    }

    /** An error of step {@code what}, naming this store. */
    public StoreException fail(String what, Exception e) {
        return new StoreException(location + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        SQLException first = null;
        for (Connection c : new Connection[] {shared, probe, writer}) {
            if (c == null) continue;
            try {
                c.close();
            } catch (SQLException e) {
                if (first == null) first = e;
            }
        }
        shared = null;
        probe = null;
        pool.close();
        if (first != null) throw fail("close", first);
    }
}
