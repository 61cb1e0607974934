package news.parallax.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Duration;
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
 * {@value #DEFAULT_POOL_TIMEOUT_SECONDS}). While the server is down, a caller fails after that wait (the pool does not
 * hide an outage longer than it): a crawler then keeps its fetched pages and reconnects with backoff
 * ({@code fetch.ReconnectingCrawler}), and a web node answers with an error until the server is back.
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
    /** The driver's own data source, for {@link #reachable}: a new connection, not one the pool may still hold. */
    private final DataSource direct;
    private @Nullable Connection probe;

    private Database(String location, Dialect dialect, HikariDataSource pool, @Nullable Connection writer, DataSource direct) {
        this.location = location;
        this.dialect = dialect;
        this.pool = pool;
        this.writer = writer;
        this.direct = direct;
    }

    /**
     * How the connections are pooled.
     *
     * @param poolSize    PostgreSQL connections, or SQLite readers, at most
     * @param poolTimeout how long a caller waits for a connection before it fails (an outage longer than this reaches it)
     */
    public record Settings(int poolSize, Duration poolTimeout) {
        public Settings {
            if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
            if (poolTimeout.toMillis() < MIN_POOL_TIMEOUT_MS) {
                throw new IllegalArgumentException("poolTimeout must be at least " + MIN_POOL_TIMEOUT_MS + " ms, got " + poolTimeout);
            }
        }

        /** From {@value #POOL_SIZE_ENV} and {@value #POOL_TIMEOUT_ENV}, else the defaults. @throws StoreException naming a bad variable */
        public static Settings fromEnvironment() {
            return new Settings(setting(POOL_SIZE_ENV, DEFAULT_POOL_SIZE, 1, 1000),
                    Duration.ofSeconds(setting(POOL_TIMEOUT_ENV, DEFAULT_POOL_TIMEOUT_SECONDS, 1, 3600)));
        }
    }

    /** HikariCP's floor for a connection timeout. */
    static final long MIN_POOL_TIMEOUT_MS = 250;

    /** Opens the database at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}) and migrates its schema. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, List.of(), Settings.fromEnvironment());
    }

    /** As {@link #open(String)}, with the pool set by {@code settings} rather than the environment. */
    public static Database open(String jdbcUrl, Settings settings) {
        return open(jdbcUrl, List.of(), settings);
    }

    static Database open(String jdbcUrl, List<String> extraMigrationLocations) {
        return open(jdbcUrl, extraMigrationLocations, Settings.fromEnvironment());
    }

    static Database open(String jdbcUrl, List<String> extraMigrationLocations, Settings settings) {
        Dialect dialect;
        try {
            dialect = Dialect.ofUrl(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new StoreException(Objects.requireNonNullElse(e.getMessage(), "unsupported database URL"), e);
        }
        String location = dialect == Dialect.SQLITE ? jdbcUrl.substring("jdbc:sqlite:".length()) : Dialect.redact(jdbcUrl);
        int size = settings.poolSize();
        long timeoutMs = settings.poolTimeout().toMillis();
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
            return new Database(location, dialect, pool, null, ds);
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

    /** A new connection outside the pool, which the caller closes (tests that run their own SQL: {@code TestSql}). */
    Connection connect() throws SQLException {
        return direct.getConnection();
    }

    /**
     * Whether the database answers now: a new connection (not a pooled one, which may have died with the server) is
     * opened and checked within {@code timeoutSeconds}. Tells an outage from a failing statement.
     */
    public boolean reachable(int timeoutSeconds) {
        try (Connection c = direct.getConnection()) {
            return c.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
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
        for (Connection c : new Connection[] {probe, writer}) {
            if (c == null) continue;
            try {
                c.close();
            } catch (SQLException e) {
                if (first == null) first = e;
            }
        }
        probe = null;
        pool.close();
        if (first != null) throw fail("close", first);
    }
}
