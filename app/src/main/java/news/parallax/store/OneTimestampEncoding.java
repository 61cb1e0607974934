package news.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * Migration V17 (issue 15): every time column in the one encoding of {@link Timestamps}. A Java migration rather than
 * a script because the values are converted by {@link Timestamps#format} itself, so that what the migration writes
 * is exactly what the stores write (clamping "never" to {@link Timestamps#MAX} included), on both databases alike.
 *
 * <ul>
 *   <li>Columns that held epoch milliseconds ({@code BIGINT}: feed sources and items, their leases, the shared host
 *       schedule, log-in lock-outs) become text. PostgreSQL changes the column's type in place ({@code ALTER COLUMN
 *       TYPE}, indexes rebuilt with it); SQLite cannot, so each of these tables is rebuilt the way its documentation
 *       prescribes (new table from the old one's columns with the time columns as {@code TEXT}, rows copied, old table
 *       dropped, new one renamed, indexes re-created), keeping any column a later migration added. The digits are then
 *       replaced by the formatted time.</li>
 *   <li>Text columns written by {@code Instant.toString()} (editors, threads, and articles, stories and topics of
 *       stores made before {@link Timestamps}) are re-written fixed-width where they are not ({@value Timestamps#WIDTH}
 *       characters).</li>
 * </ul>
 *
 * <p>It runs in the transaction of all pending migrations (Flyway's {@code group}), so a failure leaves the store as
 * it was; a value that is not a time fails it, naming the table, column, row and value.
 */
final class OneTimestampEncoding implements JavaMigration {
    static final String VERSION = "17";
    /** Rows updated per JDBC batch. */
    private static final int BATCH = 1_000;

    /** A table with the columns this migration converts, and its primary key (to address the rows it updates). */
    record Table(String name, List<String> key, List<String> columns) {}

    /** Tables whose time columns held epoch milliseconds (V4, V11, V13, V16). */
    static final List<Table> MILLIS = List.of(
            new Table("fetch_sources", List.of("url"), List.of("added_at", "last_fetch", "last_success", "next_fetch", "lease_until")),
            new Table("fetch_items", List.of("url"), List.of("published", "discovered_at", "next_attempt", "finished_at", "lease_until")),
            new Table("fetch_hosts", List.of("host"), List.of("next_start")),
            new Table("login_failures", List.of("scope", "subject"), List.of("window_start", "locked_until")));

    /** Tables whose time columns were text, some of it written by {@code Instant.toString()}. */
    static final List<Table> TEXT = List.of(
            new Table("articles", List.of("id"), List.of("published", "ingested_at")),
            new Table("stories", List.of("id"), List.of("first_seen", "last_seen")),
            new Table("reports", List.of("id"), List.of("created_at", "state_changed_at")),
            new Table("story_redirects", List.of("from_id"), List.of("created_at")),
            new Table("story_views", List.of("story_id"), List.of("built_at")),
            new Table("topics", List.of("slug"), List.of("last_seen")),
            new Table("thread_profiles", List.of("story_id"), List.of("first_seen", "last_seen")),
            new Table("threads", List.of("id"), List.of("first_seen", "last_seen", "updated_at")),
            new Table("editors", List.of("name"), List.of("created_at")),
            new Table("editor_sessions", List.of("id_hash"), List.of("created_at", "expires_at")),
            new Table("story_corrections", List.of("id"), List.of("created_at", "undone_at")));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "one timestamp encoding";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Dialect dialect = Dialect.of(c);
        for (Table t : MILLIS) {
            if (dialect == Dialect.POSTGRESQL) alterToText(c, t);
            else rebuildWithText(c, t);
            convert(c, t, OneTimestampEncoding::fromMillis, "");
        }
        for (Table t : TEXT) {
            // Fixed-width values are already in the encoding (Instant.toString() with three fraction digits is too).
            convert(c, t, Timestamps::parse, " AND LENGTH(%s) <> " + Timestamps.WIDTH);
        }
    }

    private static Instant fromMillis(String digits) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(digits.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not epoch milliseconds: \"" + digits + "\"", e);
        }
    }

    private static void alterToText(Connection c, Table t) throws SQLException {
        String text = SchemaMigrations.placeholders(Dialect.POSTGRESQL).get("text");
        List<String> alters = new ArrayList<>();
        for (String col : t.columns()) alters.add("ALTER COLUMN " + col + " TYPE " + text + " USING " + col + "::text");
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + t.name() + " " + String.join(", ", alters));
        }
    }

    /** SQLite's way to change a column's type: a new table with the old one's columns, the rows copied, the indexes re-made. */
    private static void rebuildWithText(Connection c, Table t) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    columns.add(name);
                    StringBuilder d = new StringBuilder(name).append(' ').append(t.columns().contains(name) ? "TEXT" : rs.getString(2));
                    if (rs.getInt(3) != 0) d.append(" NOT NULL");
                    if (rs.getString(4) != null) d.append(" DEFAULT ").append(rs.getString(4));
                    definitions.add(d.toString());
                    if (rs.getInt(5) > 0) key.add(name);
                }
            }
        }
        if (columns.isEmpty()) throw new SQLException("table " + t.name() + " is missing");
        if (!key.equals(t.key())) throw new SQLException("table " + t.name() + " has primary key " + key + ", expected " + t.key());
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")) {
            ps.setString(1, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) indexes.add(rs.getString(1));
            }
        }
        String next = t.name() + "_v17";
        String list = String.join(", ", columns);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + next + " (" + String.join(", ", definitions) + ", PRIMARY KEY (" + String.join(", ", key) + "))");
            // TEXT affinity stores each integer as its digits, converted below.
            s.execute("INSERT INTO " + next + " (" + list + ") SELECT " + list + " FROM " + t.name());
            s.execute("DROP TABLE " + t.name());
            s.execute("ALTER TABLE " + next + " RENAME TO " + t.name());
            for (String index : indexes) s.execute(index);
        }
    }

    private interface Reading {
        Instant read(String stored);
    }

    /** Re-writes each value of {@code t}'s time columns (those {@code filter} selects) as {@link Timestamps#format} writes it. */
    private static void convert(Connection c, Table t, Reading reading, String filter) throws SQLException {
        if (!tableExists(c, t.name())) return;
        String keys = String.join(", ", t.key());
        String match = String.join(" AND ", t.key().stream().map(k -> k + " = ?").toList());
        for (String col : t.columns()) {
            String select = "SELECT " + keys + ", " + col + " FROM " + t.name() + " WHERE " + col + " IS NOT NULL" + filter.formatted(col);
            List<Object[]> changes = new ArrayList<>();
            int n = t.key().size();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
                while (rs.next()) {
                    Object[] row = new Object[n + 1];
                    for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                    String stored = rs.getString(n + 1);
                    try {
                        row[n] = Timestamps.format(reading.read(stored));
                    } catch (IllegalArgumentException e) {
                        throw new SQLException(t.name() + "." + col + " of row " + java.util.Arrays.toString(java.util.Arrays.copyOf(row, n))
                                + ": " + e.getMessage(), e);
                    }
                    changes.add(row);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.name() + " SET " + col + " = ? WHERE " + match)) {
                int pending = 0;
                for (Object[] row : changes) {
                    ps.setString(1, (String) row[n]);
                    for (int i = 0; i < n; i++) ps.setObject(i + 2, row[i]);
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) ps.executeBatch();
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        return SchemaMigrations.tableExists(c, Dialect.of(c), table);
    }
}
