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

        /** The CLI options that select this database. */
        public String[] cliOptions() {
            return url == null ? new String[] {"--data", dir.toString()} : new String[] {"--data", dir.toString(), "--db", url};
        }
    }
}
