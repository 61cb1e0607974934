package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistries;
import news.parallax.search.SearchFilters;
import news.parallax.search.SearchIndex;
import news.parallax.search.SearchResult;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** bench-growth's bulk fill leaves the store a row-by-row fill ({@code Store.insert}) leaves: same rows, working search. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class BulkFillTest {
    private static final String COLUMNS = "id, outlet, domain, url, title, published, authors, body, location, language, extra, content_hash, seq";

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private static Article article(int i) {
        // Tabs, backslashes, newlines and a NUL: what COPY's text format must escape and PostgreSQL's text refuses.
        String body = "Storm number " + (char) ('a' + i % 26) + i + " hits the\tcoast.\n\nC:\\path and\r\nmore" + (i == 3 ? "\0" : "")
                + (i % 2 == 0 ? " harbour flooding" : " senate vote");
        return new Article("id-" + i, "Outlet " + i % 3, "example" + i % 3 + ".com", i == 5 ? null : "https://example.com/" + i, "Title " + i,
                i == 7 ? null : Instant.parse("2020-03-01T10:00:00Z").plusSeconds(3600L * i), List.of("A. Writer", "B \"Q\""), body,
                "/in/" + i + ".txt", i == 4 ? null : "en", Map.of("bias", "left", "k", "v\t" + i));
    }

    @Test
    void bulkFillStoresWhatInsertStores() throws Exception {
        // Transactions of 8 (on PostgreSQL COPYs of 8 / streams rows, taking 3 rows in turn): several per stream, the last partial.
        int n = 40;
        TestDatabase.Fresh rows = database.fresh(dir.resolve("rows")), bulk = database.fresh(dir.resolve("bulk"));
        try (Store s = rows.open()) {
            List<Article> all = new ArrayList<>();
            for (int i = 0; i < n; i++) all.add(article(i));
            s.insert(all.subList(0, 15));
            s.insert(all.subList(15, n));
        }
        try (Store s = bulk.open()) {
            assertThat(s.articleCount()).isZero();
        }
        BulkFill.fill(url(bulk), n, BulkFillTest::article, false, line -> {}, new BulkFill.Batches(8, 3));
        assertThat(dump(bulk)).isEqualTo(dump(rows)).hasSize(n);
        assertThat(schema(bulk)).isEqualTo(schema(rows)).isNotEmpty();
        try (Store r = rows.open(); Store b = bulk.open()) {
            for (String q : List.of("harbour", "senate vote", "coast")) {
                SearchResult expected = new SearchIndex(r, OutletRegistries.bundled()).search(q, SearchFilters.NONE);
                SearchResult got = new SearchIndex(b, OutletRegistries.bundled()).search(q, SearchFilters.NONE);
                assertThat(got.articles()).as(q).isNotEmpty();
                assertThat(got.articles().stream().map(SearchResult.ArticleHit::id).sorted().toList())
                        .as(q).isEqualTo(expected.articles().stream().map(SearchResult.ArticleHit::id).sorted().toList());
            }
            // Later inserts are indexed as before: the search trigger or column is back.
            b.insert(List.of(new Article("late", "Outlet", "example.com", "https://example.com/late", "Late", Instant.parse("2021-01-01T00:00:00Z"),
                    List.of(), "A zeppelin lands", "/in/late.txt", "en", Map.of())));
            assertThat(new SearchIndex(b, OutletRegistries.bundled()).search("zeppelin", SearchFilters.NONE).articles())
                    .extracting(SearchResult.ArticleHit::id).containsExactly("late");
        }
        assertThatThrownBy(() -> BulkFill.fill(url(bulk), 1, BulkFillTest::article, false, line -> {}))
                .hasMessageContaining("not empty");
    }

    private String url(TestDatabase.Fresh fresh) {
        return fresh.url() != null ? fresh.url() : "jdbc:sqlite:" + fresh.dir().resolve(Store.FILE_NAME).toAbsolutePath();
    }

    /** Every column of every article, on PostgreSQL with the generated search column's value (SQLite's index is FTS5's). */
    private List<String> dump(TestDatabase.Fresh fresh) throws SQLException {
        String columns = database == TestDatabase.POSTGRESQL ? COLUMNS + ", search_doc::text" : COLUMNS;
        return rows(fresh, "SELECT " + columns + " FROM articles ORDER BY seq");
    }

    /** The articles' indexes, triggers and (PostgreSQL) the search column's definition: the fill puts back what it took away. */
    private List<String> schema(TestDatabase.Fresh fresh) throws SQLException {
        if (database == TestDatabase.SQLITE) {
            return rows(fresh, "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('articles', 'article_search') ORDER BY type, name");
        }
        List<String> out = rows(fresh, "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles' ORDER BY indexname");
        out.addAll(rows(fresh, "SELECT a.attname, a.attnum, a.attgenerated, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = 'articles'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"));
        return out;
    }

    private static List<String> rows(TestDatabase.Fresh fresh, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = fresh.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int k = 1; k <= columns; k++) b.append(rs.getString(k)).append('\u0001');
                out.add(b.toString());
            }
        }
        return out;
    }
}
