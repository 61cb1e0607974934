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
 * articles' secondary indexes and the generated search column are dropped, the rows loaded with COPY, then the
 * indexes and the column re-created from their stored definitions (the column's expression recomputed for every row)
 * and the table analysed; with {@code unsyncedServer} the server runs with fsync, synchronous_commit and
 * full_page_writes off for the fill only (ALTER SYSTEM, reset and checkpointed before this returns). Either way the
 * store ends as a row-by-row fill would leave it; {@code BulkFillTest} compares the two.
 */
final class BulkFill {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Articles per transaction (SQLite) or per COPY (PostgreSQL): tens of MB of text each. */
    static final int BATCH = 20_000;
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
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            if (number(c, "SELECT COUNT(*) FROM articles") != 0) throw new IllegalStateException("the store is not empty: " + Dialect.redact(jdbcUrl));
            return dialect == Dialect.SQLITE ? fillSqlite(c, count, article, log) : fillPostgres(c, count, article, unsyncedServer, log);
        }
    }

    private static Timing fillSqlite(Connection c, int count, IntFunction<Article> article, Consumer<String> log) throws SQLException {
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
                if ((i + 1) % BATCH == 0 || i + 1 == count) {
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

    private static Timing fillPostgres(Connection c, int count, IntFunction<Article> article, boolean unsyncedServer, Consumer<String> log)
            throws SQLException {
        long t = System.nanoTime();
        if (unsyncedServer) serverSettings(c, "off", log);
        List<String> indexes = new ArrayList<>();
        String searchExpression;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles'"
                    + " AND indexname <> 'articles_pkey' ORDER BY indexname")) {
                while (rs.next()) indexes.add(rs.getString(2));
            }
            searchExpression = text(c, "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a"
                    + " ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'articles'::regclass AND a.attname = 'search_doc'");
            for (String def : indexes) {
                if (!def.contains("search_doc")) s.execute("DROP INDEX " + def.split(" ")[def.startsWith("CREATE UNIQUE") ? 3 : 2]);
            }
            s.execute("ALTER TABLE articles DROP COLUMN search_doc"); // its GIN index goes with it
        }
        CopyIn copy = null;
        StringBuilder rows = new StringBuilder(1 << 20);
        String now = Timestamps.format(Instant.now());
        for (int i = 0; i < count; i++) {
            if (copy == null) copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY articles (" + COLUMNS + ") FROM STDIN");
            String[] v = values(article.apply(i), Dialect.POSTGRESQL, now);
            for (String x : v) copyField(rows, x).append('\t');
            rows.append(i + 1L).append('\n');
            if (rows.length() > 1 << 20) {
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                rows.setLength(0);
            }
            if ((i + 1) % BATCH == 0 || i + 1 == count) {
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                rows.setLength(0);
                copy.endCopy();
                copy = null;
                now = Timestamps.format(Instant.now());
                if ((i + 1) % (BATCH * 10) == 0) log.accept(String.format(Locale.ROOT, "  %,d rows in %.0f s", i + 1, (System.nanoTime() - t) / 1e9));
            }
        }
        double rowSeconds = (System.nanoTime() - t) / 1e9;
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '1GB'");
            for (String def : indexes) if (!def.contains("search_doc")) s.execute(def);
            s.execute("ALTER TABLE articles ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (" + searchExpression + ") STORED");
            for (String def : indexes) if (def.contains("search_doc")) s.execute(def);
            s.execute("VACUUM ANALYZE articles"); // as autovacuum would after a load; the plans below are then a running store's
        }
        checkUnique(c, count);
        if (unsyncedServer) serverSettings(c, null, log);
        return new Timing(rowSeconds, (System.nanoTime() - t) / 1e9 - rowSeconds);
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
