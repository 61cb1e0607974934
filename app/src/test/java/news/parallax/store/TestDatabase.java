package news.parallax.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The databases store-level tests run against, for {@code @ParameterizedClass @EnumSource(TestDatabase.class)}:
 * the default SQLite file and a real PostgreSQL server ({@link PgTestServer}; skipped where none can be started).
 */
public enum TestDatabase {
    SQLITE,
    POSTGRESQL;

    /** A fresh, empty store location for one test, to open as often as the test likes. */
    public Fresh fresh(Path dir) {
        return new Fresh(dir, this == SQLITE ? null : PgTestServer.shared().createDatabase());
    }

    /** @param url null for the SQLite file in {@code dir}, else a PostgreSQL database */
    public record Fresh(Path dir, @Nullable String url) {
        public Store open() {
            return url == null ? Store.open(dir) : Store.open(url);
        }

        /** A plain connection to the same database (for stage repositories tested alone). */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url == null ? "jdbc:sqlite:" + dir.resolve(Store.FILE_NAME) : url);
        }

        /**
         * Writes a store made by an earlier build into this empty database: {@code parallax.db.gz} (SQLite) or
         * {@code postgresql-dump.sql.gz} (PostgreSQL) from the test resource folder {@code folder}.
         */
        public void loadFixture(String folder) throws java.io.IOException, SQLException {
            if (url == null) {
                try (java.io.InputStream in = new java.util.zip.GZIPInputStream(resource(folder + "parallax.db.gz"))) {
                    java.nio.file.Files.createDirectories(dir);
                    java.nio.file.Files.copy(in, dir.resolve(Store.FILE_NAME));
                }
                return;
            }
            String dump;
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(resource(folder + "postgresql-dump.sql.gz"))) {
                dump = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            // psql's own commands (\restrict) are not SQL; the rest is plain statements.
            String sql = dump.lines().filter(l -> !l.startsWith("\\")).collect(java.util.stream.Collectors.joining("\n"));
            try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        private static java.io.InputStream resource(String path) {
            java.io.InputStream in = TestDatabase.class.getResourceAsStream(path);
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return in;
        }

        /** The JDBC URL of this database (the SQLite file's when {@link #url} is null). */
        public String jdbcUrl() {
            return url != null ? url : "jdbc:sqlite:" + dir.resolve(Store.FILE_NAME);
        }

        /** The versions in Flyway's history, in the order applied. */
        public java.util.List<String> history() throws SQLException {
            return strings("SELECT version FROM " + SchemaMigrations.HISTORY + " WHERE success ORDER BY installed_rank");
        }

        /** The names of the database's tables, sorted. */
        public java.util.List<String> tables() throws SQLException {
            return strings(url == null ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name");
        }

        private java.util.List<String> strings(String sql) throws SQLException {
            java.util.List<String> out = new java.util.ArrayList<>();
            try (Connection c = connect(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }

        /** The CLI options that select this database. */
        public String[] cliOptions() {
            return url == null ? new String[] {"--data", dir.toString()} : new String[] {"--data", dir.toString(), "--db", url};
        }
    }
}
