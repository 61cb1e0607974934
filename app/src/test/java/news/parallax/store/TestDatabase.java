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

        /** The CLI options that select this database. */
        public String[] cliOptions() {
            return url == null ? new String[] {"--data", dir.toString()} : new String[] {"--data", dir.toString(), "--db", url};
        }
    }
}
