package news.parallax.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The databases the store runs on, and how their SQL differs; beyond this, only the connection setup (SQLite's
 * pragmas), {@link SchemaMigrations} (type placeholders, a script location per database) and the story writes
 * (PostgreSQL's table lock) branch on it.
 *
 * <p>Runtime SQL in the stores and {@code FeedStore} is written to run unchanged on both (ON CONFLICT upserts,
 * string_agg, no PRAGMAs outside the connection setup).
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The dialect of a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}). */
    public static Dialect ofUrl(String jdbcUrl) {
        String u = jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:sqlite:")) return SQLITE;
        if (u.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB): "
                + redact(jdbcUrl));
    }

    /** The dialect of an open connection. */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) return POSTGRESQL;
        if (product.contains("sqlite")) return SQLITE;
        throw new SQLException("unsupported database " + product);
    }

    /** A string value as this database can hold it: PostgreSQL text cannot contain NUL characters. */
    public @Nullable String text(@Nullable String s) {
        return this == POSTGRESQL && s != null && s.indexOf('\0') >= 0 ? s.replace("\0", "") : s;
    }

    /** A JDBC URL fit for messages: the password parameter is masked. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
