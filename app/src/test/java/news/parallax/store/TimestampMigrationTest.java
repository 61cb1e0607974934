package news.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import news.parallax.fetch.FeedItem;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;
import news.parallax.fetch.LeaseOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration V17 ({@link OneTimestampEncoding}) on a store made by main f005ed6 (fixture {@code store/main-f005ed6}, see
 * its README: feed rows, leases, the host schedule, editors, sessions, lock-outs, an undone correction, threads): every
 * time in every row keeps its instant and is now fixed-width ISO-8601 text, every other value is untouched, time order
 * in SQL is what it was, and the comparisons the crawler and the editors make (due, leased, never) hold across the
 * change. A failure (a later migration, or a value V17 cannot read) leaves the store as it was and names the migration.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TimestampMigrationTest {
    private static final String FIXTURE = "/store/main-f005ed6/";
    private static final String BROKEN = "classpath:db/broken";
    private static final Pattern ENCODED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    /** The fixture's feed times are offsets from this (MakeFixture.java). */
    private static final Instant T = Instant.parse("2025-03-10T12:00:00.123Z");

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(dir);
    }

    /** Every table and column V17 converts, as {@code table.column}. */
    private static Set<String> timeColumns() {
        Set<String> out = new java.util.TreeSet<>();
        for (var list : List.of(OneTimestampEncoding.MILLIS, OneTimestampEncoding.TEXT)) {
            for (OneTimestampEncoding.Table t : list) for (String c : t.columns()) out.add(t.name() + "." + c);
        }
        return out;
    }

    @Test
    void everyTimeKeepsItsInstantInTheOneEncodingAndEverythingElseIsUntouched() throws Exception {
        db.loadFixture(FIXTURE);
        Map<String, List<Map<String, Object>>> before = rows();
        assertThat(before.get("fetch_items")).hasSize(5);
        assertThat(before.get("login_failures")).hasSize(4);
        assertThat(before.get("fetch_hosts")).hasSize(1);
        assertThat(db.history()).doesNotContain(OneTimestampEncoding.VERSION);
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isEqualTo(37);
        }
        assertThat(db.history()).contains(OneTimestampEncoding.VERSION);
        Map<String, List<Map<String, Object>>> after = rows();
        // The one column a later migration added (V18): clear, since every story of the fixture has a view of its stamp.
        for (Map<String, Object> story : after.get("stories")) assertThat(story.remove("view_due")).as("stories.view_due").isNull();
        Set<String> times = timeColumns();
        int converted = 0;
        int millis = 0;
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            List<Map<String, Object>> old = before.get(table);
            List<Map<String, Object>> now = after.get(table);
            assertThat(now).as(table).hasSameSizeAs(old);
            for (int i = 0; i < old.size(); i++) {
                Map<String, Object> o = old.get(i);
                Map<String, Object> n = now.get(i);
                assertThat(n.keySet()).as(table).isEqualTo(o.keySet());
                for (String column : o.keySet()) {
                    Object was = o.get(column);
                    Object is = n.get(column);
                    if (!times.contains(table + "." + column) || was == null) {
                        assertThat(is).as("%s.%s of row %s", table, column, o).isEqualTo(was);
                        continue;
                    }
                    assertThat(is).as("%s.%s", table, column).isInstanceOf(String.class);
                    assertThat((String) is).as("%s.%s", table, column).matches(ENCODED);
                    assertThat(Timestamps.parse((String) is)).as("%s.%s of row %s", table, column, o).isEqualTo(instant(was));
                    converted++;
                    if (was instanceof Number) millis++;
                }
            }
        }
        // The fixture's variety: epoch milliseconds, and variable-width text from Instant.toString().
        assertThat(millis).isGreaterThan(25);
        assertThat(converted).isGreaterThan(millis + 100);
        assertThat(before.get("story_corrections")).anyMatch(r -> r.get("created_at") instanceof String v && v.length() != Timestamps.WIDTH);
        assertThat(before.get("threads")).anyMatch(r -> r.get("last_seen") instanceof String v && v.length() != Timestamps.WIDTH);

        // Each converted column is text now, as a fresh store's.
        for (OneTimestampEncoding.Table t : OneTimestampEncoding.MILLIS) {
            for (String column : t.columns()) assertThat(columnType(t.name(), column)).as(t.name() + "." + column).containsIgnoringCase("text");
        }
    }

    @Test
    void timeOrderInSqlIsWhatItWas() throws Exception {
        db.loadFixture(FIXTURE);
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String tc : timeColumns()) before.put(tc, order(tc));
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isEqualTo(37);
        }
        for (String tc : timeColumns()) {
            // Equal times are ordered by key on both sides.
            assertThat(order(tc)).as(tc).isEqualTo(before.get(tc));
        }
    }

    @Test
    void dueTimesLeasesAndNeverHoldAcrossTheChange() throws Exception {
        db.loadFixture(FIXTURE);
        LeaseOwner other = new LeaseOwner("other-host", 77, 1_741_600_000_000L, 1);
        try (Store s = db.open()) {
            FeedStore feeds = FeedStore.of(s);
            // "Never" (a page fetched once) is the latest time the store holds, and never due.
            FeedSource page = feeds.findSource("https://pages.example/one").orElseThrow();
            assertThat(page.nextFetch()).isEqualTo(Timestamps.MAX);
            assertThat(feeds.dueSources(Instant.parse("3000-01-01T00:00:00Z"))).extracting(FeedSource::url)
                    .doesNotContain("https://pages.example/one").contains("https://feeds.example/a.xml");
            assertThat(feeds.claimDueSources(other, Timestamps.MAX.minusMillis(1), T.plusSeconds(91), T.plusSeconds(200), 10))
                    .extracting(FeedSource::url).doesNotContain("https://pages.example/one");

            // Due: b retries at T + 300 s, one millisecond matters.
            assertThat(feeds.dueSources(T.plusSeconds(300).minusMillis(1))).extracting(FeedSource::url).doesNotContain("https://feeds.example/b.xml");
            assertThat(feeds.dueSources(T.plusSeconds(300))).extracting(FeedSource::url).contains("https://feeds.example/b.xml");

            // The item lease of the fixture's crawler runs to T + 120 s: held one millisecond before, free at its end.
            assertThat(feeds.itemLease("https://www.apnews.com/x3").orElseThrow().until()).isEqualTo(T.plusSeconds(120));
            assertThat(feeds.claimDueItems(other, T.plusSeconds(119), T.plusSeconds(120).minusMillis(1), T.plusSeconds(10_000), 10))
                    .extracting(FeedItem::url).containsExactly("https://www.apnews.com/x2");
            assertThat(feeds.claimDueItems(other, T.plusSeconds(120), T.plusSeconds(120), T.plusSeconds(10_000), 10))
                    .extracting(FeedItem::url).containsExactly("https://www.apnews.com/x3");
            // x4 retries at T + 600 s.
            assertThat(feeds.claimDueItems(other, T.plusSeconds(600).minusMillis(1), T.plusSeconds(600), T.plusSeconds(900), 10)).isEmpty();
            assertThat(feeds.claimDueItems(other, T.plusSeconds(600), T.plusSeconds(600), T.plusSeconds(900), 10))
                    .extracting(FeedItem::url).containsExactly("https://www.apnews.com/x4");
            assertThat(feeds.findItem("https://www.apnews.com/x1").orElseThrow().published()).isEqualTo(T.minusSeconds(3600));

            // The host schedule the fixture reserved (in the past) gives way to now; the next reservation waits one gap.
            Duration gap = Duration.ofSeconds(30);
            assertThat(feeds.hostSchedule().reserve("www.apnews.com", gap)).isZero();
            assertThat(feeds.hostSchedule().reserve("www.apnews.com", gap)).isBetween(gap.minusSeconds(5), gap);
        }
    }

    @Test
    void aFailingMigrationAfterV17LeavesTheStoreAsItWas() throws Exception {
        db.loadFixture(FIXTURE);
        Map<String, List<Map<String, Object>>> before = rows();
        Map<String, String> schema = schema();
        assertThatThrownBy(() -> Store.open(db.jdbcUrl(), List.of(BROKEN))).isInstanceOf(StoreException.class)
                .hasMessageContaining("V98__broken.sql");
        assertThat(rows()).isEqualTo(before);
        assertThat(schema()).isEqualTo(schema);
        assertThat(db.history()).doesNotContain(OneTimestampEncoding.VERSION);
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isEqualTo(37);
        }
        assertThat(db.history()).contains(OneTimestampEncoding.VERSION);
    }

    @Test
    void aValueThatIsNotATimeFailsV17NamingItAndChangesNothing() throws Exception {
        db.loadFixture(FIXTURE);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE editors SET created_at = 'yesterday' WHERE name = 'bob'");
        }
        Map<String, List<Map<String, Object>>> before = rows();
        Map<String, String> schema = schema();
        assertThatThrownBy(() -> Store.open(db.jdbcUrl())).isInstanceOf(StoreException.class)
                .hasMessageContaining(OneTimestampEncoding.class.getName()).hasMessageContaining("editors.created_at")
                .hasMessageContaining("bob").hasMessageContaining("yesterday");
        assertThat(rows()).isEqualTo(before);
        assertThat(schema()).isEqualTo(schema);
    }

    /** A stored time as V17 reads it: epoch milliseconds (clamped as the store clamps "never"), or ISO-8601 text. */
    private static Instant instant(Object v) {
        if (v instanceof Number n) return Timestamps.stored(Instant.ofEpochMilli(n.longValue()));
        return Instant.parse(v.toString()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The rows' keys in the order of {@code table.column}'s times (ties by key), as SQL orders them. */
    private List<String> order(String tableColumn) throws SQLException {
        String table = tableColumn.substring(0, tableColumn.indexOf('.'));
        String column = tableColumn.substring(tableColumn.indexOf('.') + 1);
        OneTimestampEncoding.Table t = java.util.stream.Stream.concat(OneTimestampEncoding.MILLIS.stream(), OneTimestampEncoding.TEXT.stream())
                .filter(x -> x.name().equals(table)).findFirst().orElseThrow();
        String key = t.key().stream().map(k -> "CAST(" + k + " AS VARCHAR(200))").collect(Collectors.joining(" || '/' || "));
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + key + " FROM " + table + " WHERE " + column + " IS NOT NULL ORDER BY " + column + ", 1")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private String columnType(String table, String column) throws SQLException {
        String sql = db.url() == null ? "SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'"
                : "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '" + table
                        + "' AND column_name = '" + column + "'";
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** Every table's columns with their types, and every index's definition. */
    private Map<String, String> schema() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        String sql = db.url() == null
                ? "SELECT m.name || '.' || p.name, p.type || ' ' || p.\"notnull\" || ' ' || COALESCE(p.dflt_value, '') || ' ' || p.pk"
                        + " FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
                        + " UNION ALL SELECT 'index ' || name, COALESCE(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger')"
                : "SELECT table_name || '.' || column_name, data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')"
                        + " || ' ' || COALESCE(collation_name, '') FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " UNION ALL SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()";
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    /**
     * Every row of the store's own tables (not the migration history, nor SQLite's full-text internals), as column to
     * value, rows in a stable order (by all their non-time values).
     */
    private Map<String, List<Map<String, Object>>> rows() throws SQLException {
        Map<String, List<Map<String, Object>>> out = new TreeMap<>();
        Set<String> times = timeColumns();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : db.tables()) {
                if (table.equals(SchemaMigrations.HISTORY) || table.contains("_search")) continue;
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new TreeMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof byte[] b) v = HexFormat.of().formatHex(b);
                            else if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) v = n.longValue();
                            else if (v instanceof Boolean bool) v = bool ? 1L : 0L;
                            row.put(md.getColumnName(i).toLowerCase(Locale.ROOT), v);
                        }
                        rows.add(row);
                    }
                }
                rows.sort(java.util.Comparator.comparing(r -> r.entrySet().stream()
                        .filter(e -> !times.contains(table + "." + e.getKey())).map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("|"))));
                out.put(table, rows);
            }
        }
        return out;
    }
}
