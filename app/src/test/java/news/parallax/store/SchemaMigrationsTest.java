package news.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import news.parallax.model.Article;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flyway migrations on each database: a store made by main before Flyway (fixture {@code store/main-1fdea75}, see its
 * README) migrates forward keeping every row, a fresh store gets the same schema, and a failing migration leaves the
 * database as it was and names itself.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SchemaMigrationsTest {
    private static final String FIXTURE = "/store/main-1fdea75/";
    private static final String BROKEN = "classpath:db/broken";
    /** The columns that hold times: compared as instants, since V12 re-encodes them. */
    private static final Set<String> TIME_COLUMNS = Set.of("articles.published", "articles.ingested_at", "stories.first_seen",
            "stories.last_seen", "reports.created_at", "reports.state_changed_at", "story_redirects.created_at",
            "story_views.built_at", "topics.last_seen", "thread_profiles.first_seen", "thread_profiles.last_seen",
            "threads.first_seen", "threads.last_seen", "threads.updated_at", "editors.created_at", "editor_sessions.created_at",
            "editor_sessions.expires_at", "story_corrections.created_at", "fetch_sources.added_at", "fetch_sources.last_fetch",
            "fetch_sources.last_success", "fetch_sources.next_fetch", "fetch_sources.lease_until", "fetch_items.published",
            "fetch_items.discovered_at", "fetch_items.next_attempt", "fetch_items.finished_at", "fetch_items.lease_until");

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(dir);
    }

    @Test
    void aStoreMadeByMainBeforeFlywayMigratesForwardKeepingEveryRow() throws Exception {
        db.loadFixture(FIXTURE);
        Map<String, List<String>> before = rows(true);
        assertThat(before.get("articles")).hasSize(37);
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isEqualTo(37);
            assertThat(s.storyCount()).isEqualTo(7);
        }
        Map<String, List<String>> after = rows(true);
        assertThat(after.keySet()).containsAll(before.keySet());
        for (String table : before.keySet()) assertThat(after.get(table)).as(table).containsExactlyInAnyOrderElementsOf(before.get(table));
        assertThat(db.tables()).doesNotContain(SchemaMigrations.LEGACY_HISTORY);
        assertThat(db.history()).as("V1..V11 translated, then V12 and later applied")
                .containsExactly("1", "2", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "15", "16", "17", "18");

        // The store goes on where main left it: numbering, sequences, redirects, search.
        try (Store s = db.open()) {
            assertThat(s.storyRedirect("6dfc31dd63de")).contains("a20d34544323");
            long seq = s.lastArticleSeq();
            s.insert(List.of(new Article("new-1", "Example", "example.com", "https://example.com/new-1", "Hovercraft service resumes",
                    Instant.parse("2025-03-20T10:00:00Z"), List.of(), "Hovercraft crossings began again on Friday.", "t", "en", Map.of())));
            assertThat(s.lastArticleSeq()).isEqualTo(seq + 1);
            assertThat(s.addReport("a20d34544323", "other", "third").id()).isEqualTo(3);
            assertThat(s.reports("a20d34544323")).hasSize(3);
            assertThat(s.article("unicode-1").orElseThrow().title()).isEqualTo("Café owners in Zürich say “prices” rose 7 %");
        }
        // The full-text index made by main's V7 follows the new article.
        String match = db.url() == null ? "SELECT a.id FROM article_search JOIN articles a ON a.rowid = article_search.rowid"
                + " WHERE article_search MATCH 'hovercraft'" : "SELECT id FROM articles WHERE search_doc @@ to_tsquery('english', 'hovercraft')";
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(match)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("new-1");
        }
    }

    @Test
    void aFreshStoreHasTheSchemaOfAMigratedOne() throws Exception {
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isZero();
        }
        Map<String, String> fresh = schema();
        TestDatabase.Fresh migrated = database.fresh(dir.resolve("main"));
        TestDatabase.Fresh freshDb = db;
        db = migrated;
        db.loadFixture(FIXTURE);
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isEqualTo(37);
        }
        assertThat(schema()).isEqualTo(fresh);
        db = freshDb;
        assertThat(db.history()).containsExactly("1", "2", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "15", "16", "17", "18");
    }

    @Test
    void aFailingMigrationOfAnOldStoreLeavesItAsItWasAndNamesTheMigration() throws Exception {
        db.loadFixture(FIXTURE);
        Map<String, List<String>> before = rows(false);
        Map<String, String> schemaBefore = schema();
        assertThatThrownBy(() -> Store.open(db.jdbcUrl(), List.of(BROKEN))).isInstanceOf(StoreException.class)
                .hasMessageContaining("V98__broken.sql").hasMessageContaining("no_such_table");
        assertThat(rows(false)).isEqualTo(before);
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(db.tables()).contains(SchemaMigrations.LEGACY_HISTORY).doesNotContain(SchemaMigrations.HISTORY, "broken_probe");
        // Without the broken script the same store migrates.
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isEqualTo(37);
        }
    }

    @Test
    void aFailingMigrationOfACurrentStoreLeavesItAsItWas() throws Exception {
        try (Store s = db.open()) {
            s.addReport("s1", "other", "kept");
        }
        Map<String, List<String>> before = rows(false);
        Map<String, String> schemaBefore = schema();
        assertThatThrownBy(() -> Store.open(db.jdbcUrl(), List.of(BROKEN))).isInstanceOf(StoreException.class)
                .hasMessageContaining("V98__broken.sql");
        assertThat(rows(false)).isEqualTo(before);
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(db.tables()).doesNotContain("broken_probe");
    }

    /** V18 marks due exactly the stories of an older store whose stored view was not built from their stamp. */
    @Test
    void v18MarksTheStoriesWithoutAViewOfTheirStampDue() throws Exception {
        db.loadFixture(FIXTURE);
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT s.id FROM stories s JOIN story_views v ON v.story_id = s.id AND v.stamp = s.stamp ORDER BY s.id")) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            assertThat(ids).hasSizeGreaterThan(3);
            st.execute("UPDATE story_views SET stamp = 'built-from-an-older-story' WHERE story_id = '" + ids.get(0) + "'");
            st.execute("DELETE FROM story_views WHERE story_id = '" + ids.get(1) + "'");
            st.execute("UPDATE stories SET stamp = NULL WHERE id = '" + ids.get(2) + "'");
        }
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isEqualTo(37);
        }
        List<String> due = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM stories WHERE view_due IS NOT NULL ORDER BY id")) {
            while (rs.next()) due.add(rs.getString(1));
        }
        assertThat(due).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
    }

    @Test
    void aMigrationMissingFromTheHistoryIsApplied() throws Exception {
        try (Store s = db.open()) {
            assertThat(s.articleCount()).isZero();
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE story_version");
            st.execute("DELETE FROM " + SchemaMigrations.HISTORY + " WHERE version = '11'");
            st.execute("ALTER TABLE fetch_sources DROP COLUMN lease_owner");
            st.execute("ALTER TABLE fetch_sources DROP COLUMN lease_until");
            st.execute("ALTER TABLE fetch_items DROP COLUMN lease_owner");
            st.execute("ALTER TABLE fetch_items DROP COLUMN lease_until");
            st.execute("DROP INDEX fetch_sources_due");
        }
        try (Store s = db.open()) {
            assertThat(s.storyVersion()).isZero();
        }
        assertThat(db.history()).contains("11");
    }

    /** Every table's columns with their types (and collations on PostgreSQL), and every index's definition. */
    private Map<String, String> schema() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        String sql = db.url() == null
                ? "SELECT m.name || '.' || p.name, p.type || ' ' || p.\"notnull\" || ' ' || COALESCE(p.dflt_value, '') || ' ' || p.pk"
                        + " FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
                        + " AND m.name NOT IN ('schema_version', 'flyway_schema_history')"
                        + " UNION ALL SELECT 'index ' || name, COALESCE(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger')"
                        + " AND tbl_name NOT IN ('schema_version', 'flyway_schema_history')"
                : "SELECT table_name || '.' || column_name, data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')"
                        + " || ' ' || COALESCE(collation_name, '') || ' ' || is_identity || ' ' || COALESCE(generation_expression, '')"
                        + " FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name NOT IN ('schema_version', 'flyway_schema_history')"
                        + " UNION ALL SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                        + " AND tablename NOT IN ('schema_version', 'flyway_schema_history')";
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    /**
     * Every row of every table, as text, sorted. {@code application}: only the store's own tables (not the migration
     * histories, nor SQLite's full-text index internals), with times read as instants; else every table as stored.
     */
    private Map<String, List<String>> rows(boolean application) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : db.tables()) {
                if (application && (table.equals(SchemaMigrations.HISTORY) || table.equals(SchemaMigrations.LEGACY_HISTORY)
                        || table.contains("_search"))) continue;
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String column = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                            Object v = rs.getObject(i);
                            // A column a later migration added holds NULL in every old row: a NULL stands for "absent".
                            if (v == null) continue;
                            String text = v == null ? "NULL" : v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v);
                            if (application && v != null && TIME_COLUMNS.contains(table + "." + column)) text = instant(v).toString();
                            row.append(column).append('=').append(text).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(table, rows);
            }
        }
        return out;
    }

    /** A stored time as an instant to the millisecond, from either encoding a store has held: epoch milliseconds or ISO-8601. */
    private static Instant instant(Object v) {
        if (v instanceof Number n) return Instant.ofEpochMilli(n.longValue());
        Instant t = Instant.parse(v.toString());
        return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
