package news.parallax.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import news.parallax.model.Article;
import news.parallax.store.Dialect;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills an empty store (schema migrated by {@link Store#open}, no article yet) with many articles fast, for
 * {@code bench-growth}: the rows {@code Store.insert} would write (same columns and values, numbered in order), but
 * in large transactions and with the article search index built once at the end instead of row by row. SQLite: the
 * search trigger is dropped for the fill and re-created from its stored definition, then the FTS5 index is rebuilt
 * from the rows; the journal is off and writes are not synced during the fill, WAL again after. PostgreSQL: the
 * articles' secondary indexes (the search index among them) are dropped, the rows loaded with COPY on one connection
 * per core (each backend computing the generated search column of its rows, the bulk of the cost), then the indexes
 * re-created from their stored definitions, two at a time, and the table vacuumed and analysed; with
 * {@code unsyncedServer} the server runs with fsync, synchronous_commit and full_page_writes off for the fill only
 * (ALTER SYSTEM, reset and checkpointed before this returns). Either way the store ends as a row-by-row fill would
 * leave it; {@code BulkFillTest} compares the two.
 */
final class BulkFill {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Articles per transaction (SQLite) or per COPY (PostgreSQL): tens of MB of text each. */
    static final int BATCH = 20_000;
    /** Rows a COPY stream takes before the next stream's turn (PostgreSQL). */
    private static final int ROWS_PER_TURN = 200;
    private static final String COLUMNS = "id, outlet, domain, url, title, published, authors, body, location, language, extra, content_hash,"
            + " ingested_at, seq";
    private static final List<String> SERVER_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private BulkFill() {}

    /** Where each step's time goes, for the bench's report. */
    record Timing(double rowsSeconds, double indexSeconds) {}

    /**
     * Stores {@code article.apply(0 .. count-1)} into the empty store at {@code jdbcUrl} ({@code jdbc:sqlite:FILE} or
     * PostgreSQL). Fails, naming the store, when it is not empty or when an article repeats a stored id, URL or text
     * (which {@code Store.insert} would have skipped: a bench's fill must store every article it is given).
     */
    static Timing fill(String jdbcUrl, int count, IntFunction<Article> article, boolean unsyncedServer, Consumer<String> log) throws SQLException {
        return fill(jdbcUrl, count, article, unsyncedServer, log, new Batches(BATCH, ROWS_PER_TURN));
    }

    /** Articles per transaction, and (PostgreSQL) rows a COPY stream takes before the next stream's turn. */
    record Batches(int batch, int rowsPerTurn) {}

    static Timing fill(String jdbcUrl, int count, IntFunction<Article> article, boolean unsyncedServer, Consumer<String> log, Batches sizes)
            throws SQLException {
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            if (number(c, "SELECT COUNT(*) FROM articles") != 0) throw new IllegalStateException("the store is not empty: " + Dialect.redact(jdbcUrl));
            return dialect == Dialect.SQLITE ? fillSqlite(c, count, article, log, sizes.batch())
                    : fillPostgres(jdbcUrl, c, count, article, unsyncedServer, log, sizes);
        }
    }

    private static Timing fillSqlite(Connection c, int count, IntFunction<Article> article, Consumer<String> log, int batch) throws SQLException {
        long t = System.nanoTime();
        String trigger;
        try (Statement s = c.createStatement()) {
            trigger = text(c, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'article_search_insert'");
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA cache_size = -262144"); // 256 MB of pages: the four indexes' working set
            s.execute("DROP TRIGGER article_search_insert");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO articles (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            String now = Timestamps.format(Instant.now());
            for (int i = 0; i < count; i++) {
                Article a = article.apply(i);
                String[] v = values(a, Dialect.SQLITE, now);
                for (int k = 0; k < v.length; k++) ps.setString(k + 1, v[k]);
                ps.setLong(14, i + 1L);
                ps.addBatch();
                if ((i + 1) % batch == 0 || i + 1 == count) {
                    ps.executeBatch();
                    c.commit();
                    now = Timestamps.format(Instant.now());
                    if ((i + 1) % (BATCH * 10) == 0) log.accept(String.format(Locale.ROOT, "  %,d rows in %.0f s", i + 1, (System.nanoTime() - t) / 1e9));
                }
            }
        }
        double rows = (System.nanoTime() - t) / 1e9;
        try (Statement s = c.createStatement()) {
            s.execute(trigger);
            s.execute("INSERT INTO article_search (article_search) VALUES ('rebuild')");
            c.commit();
            c.setAutoCommit(true);
            s.execute("PRAGMA journal_mode = WAL");
        }
        checkUnique(c, count);
        return new Timing(rows, (System.nanoTime() - t) / 1e9 - rows);
    }

    private static Timing fillPostgres(String jdbcUrl, Connection c, int count, IntFunction<Article> article, boolean unsyncedServer,
            Consumer<String> log, Batches sizes) throws SQLException {
        long t = System.nanoTime();
        if (unsyncedServer) serverSettings(c, "off", log);
        List<String> indexes = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles'"
                    + " AND indexname <> 'articles_pkey' ORDER BY indexname")) {
                while (rs.next()) indexes.add(rs.getString(2));
            }
            for (String def : indexes) s.execute("DROP INDEX " + def.split(" ")[def.startsWith("CREATE UNIQUE") ? 3 : 2]);
        }
        // The generated search column stays: each COPY's backend computes it for its rows (about 1 ms of server CPU an
        // article, most of the fill), so the rows go through one COPY stream per core to spread that over the cores.
        int streams = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<BlockingQueue<Chunk>> queues = new ArrayList<>();
            List<Future<?>> writers = new ArrayList<>();
            for (int k = 0; k < streams; k++) {
                BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(8);
                queues.add(queue);
                writers.add(pool.submit(() -> copyStream(jdbcUrl, queue)));
            }
            StringBuilder[] rows = new StringBuilder[streams];
            int[] inCopy = new int[streams];
            for (int k = 0; k < streams; k++) rows[k] = new StringBuilder(1 << 21);
            int perCopy = Math.max(1, sizes.batch() / streams);
            String now = Timestamps.format(Instant.now());
            for (int i = 0; i < count; i++) {
                int k = (i / sizes.rowsPerTurn()) % streams; // runs of rows in turn, so every stream has work all along
                StringBuilder b = rows[k];
                for (String x : values(article.apply(i), Dialect.POSTGRESQL, now)) copyField(b, x).append('\t');
                b.append(i + 1L).append('\n');
                inCopy[k]++;
                boolean end = inCopy[k] >= perCopy;
                if (end || b.length() > 1 << 20) {
                    put(queues.get(k), new Chunk(b.toString().getBytes(StandardCharsets.UTF_8), end), writers);
                    b.setLength(0);
                    if (end) inCopy[k] = 0;
                }
                if ((i + 1) % BATCH == 0) now = Timestamps.format(Instant.now());
                if ((i + 1) % (BATCH * 10) == 0) log.accept(String.format(Locale.ROOT, "  %,d rows in %.0f s", i + 1, (System.nanoTime() - t) / 1e9));
            }
            for (int k = 0; k < streams; k++) {
                if (inCopy[k] > 0) put(queues.get(k), new Chunk(rows[k].toString().getBytes(StandardCharsets.UTF_8), true), writers);
                put(queues.get(k), Chunk.END, writers);
            }
            for (Future<?> w : writers) await(w);
            double rowSeconds = (System.nanoTime() - t) / 1e9;
            // The search index (GIN, the longest) and the others are built at once, on two connections.
            List<Future<?>> builds = new ArrayList<>();
            for (boolean search : new boolean[] {true, false}) {
                builds.add(pool.submit(() -> {
                    try (Connection b = DriverManager.getConnection(jdbcUrl); Statement s = b.createStatement()) {
                        s.execute("SET maintenance_work_mem = '1GB'");
                        for (String def : indexes) if (def.contains("search_doc") == search) s.execute(def);
                    }
                    return null;
                }));
            }
            for (Future<?> build : builds) await(build);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE articles"); // as autovacuum would after a load; the plans below are then a running store's
            }
            checkUnique(c, count);
            if (unsyncedServer) serverSettings(c, null, log);
            return new Timing(rowSeconds, (System.nanoTime() - t) / 1e9 - rowSeconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Bytes of COPY text for one stream; {@code endOfCopy} commits that stream's COPY after them. */
    private record Chunk(byte[] bytes, boolean endOfCopy) {
        static final Chunk END = new Chunk(new byte[0], true);
    }

    /** One COPY stream on a connection of its own: a COPY (one transaction) per run of chunks up to an end of copy. */
    private static Void copyStream(String jdbcUrl, BlockingQueue<Chunk> queue) throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            CopyIn copy = null;
            for (Chunk chunk = queue.take(); chunk != Chunk.END; chunk = queue.take()) {
                if (copy == null) copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY articles (" + COLUMNS + ") FROM STDIN");
                if (chunk.bytes().length > 0) copy.writeToCopy(chunk.bytes(), 0, chunk.bytes().length);
                if (chunk.endOfCopy()) {
                    copy.endCopy();
                    copy = null;
                }
            }
            if (copy != null) copy.endCopy();
            return null;
        }
    }

    /** Hands a chunk to a stream, giving up when a stream failed (its queue would never drain). */
    private static void put(BlockingQueue<Chunk> queue, Chunk chunk, List<Future<?>> writers) throws SQLException {
        try {
            while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                for (Future<?> w : writers) if (w.isDone()) await(w);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("bulk fill interrupted", e);
        }
    }

    private static void await(Future<?> task) throws SQLException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("bulk fill interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            throw new SQLException("bulk fill failed: " + e.getCause(), e.getCause());
        }
    }

    /** Turns the server's durability settings off ({@code value} "off") or back to the server's own ({@code null}). */
    private static void serverSettings(Connection c, @Nullable String value, Consumer<String> log) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String name : SERVER_SETTINGS) s.execute(value == null ? "ALTER SYSTEM RESET " + name : "ALTER SYSTEM SET " + name + " = " + value);
            s.execute("SELECT pg_reload_conf()");
            if (value == null) s.execute("CHECKPOINT");
        }
        // A reload reaches this session only between statements: wait until it shows, so the caller's next step runs with it.
        for (int tries = 0; tries < 50; tries++) {
            String fsync = text(c, "SHOW fsync");
            if (value == null ? !fsync.equals("off") || tries > 10 : fsync.equals(value)) break;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.accept("  server settings " + (value == null ? "back to the server's own" : "for the fill") + ": fsync " + text(c, "SHOW fsync")
                + ", synchronous_commit " + text(c, "SHOW synchronous_commit") + ", full_page_writes " + text(c, "SHOW full_page_writes"));
    }

    /** What {@code Store.insert} skips (a repeated text) must not have been stored: the fill stores every article or fails. */
    private static void checkUnique(Connection c, int count) throws SQLException {
        long stored = number(c, "SELECT COUNT(*) FROM articles"), texts = number(c, "SELECT COUNT(DISTINCT content_hash) FROM articles");
        if (stored != count || texts != count) {
            throw new IllegalStateException("bulk fill: " + stored + " rows and " + texts + " distinct texts for " + count + " articles");
        }
    }

    /** The values {@code Store.insert} writes for {@code a}, in {@link #COLUMNS} order (without seq). */
    static String[] values(Article a, Dialect dialect, String now) {
        try {
            return new String[] {a.id(), dialect.text(a.outlet()), dialect.text(a.domain()), dialect.text(a.url()), dialect.text(a.title()),
                Timestamps.formatOrNull(a.published()), dialect.text(JSON.writeValueAsString(a.authors())), dialect.text(a.text()),
                dialect.text(a.location()), dialect.text(a.language()), dialect.text(JSON.writeValueAsString(a.extra())), Store.contentHash(a.text()),
                now};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the fields of article " + a.id(), e);
        }
    }

    /** A field of COPY's text format: NULL as \N, backslash, tab, newline and carriage return escaped. */
    private static StringBuilder copyField(StringBuilder b, @Nullable String v) {
        if (v == null) return b.append("\\N");
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next() || rs.getString(1) == null) throw new IllegalStateException("the store has no schema object for: " + sql);
            return rs.getString(1);
        }
    }
}
