package news.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The one encoding of times in the store (issue 15): ISO-8601 in UTC with exactly three fraction digits,
 * {@code 2025-03-03T08:15:30.250Z}, in TEXT columns, in every table (articles, stories, feeds, leases, host schedules,
 * editor sessions, lock-outs, corrections, threads). Fixed width, so text order is time order in SQL on both
 * databases ({@code lease_until <= ?}, {@code ORDER BY next_fetch}; the variable width of {@code Instant.toString()},
 * which drops zero fractions and writes up to nine digits, sorted {@code ...:00.5Z} before {@code ...:00Z}); readable
 * in any SQL console; parsed by {@link Instant#parse}. Text rather than a native type because SQLite has none (its
 * driver would store a {@code java.sql.Timestamp} as epoch milliseconds), and one encoding must serve both databases.
 * Milliseconds, because every time the store keeps (publication, fetch schedules, leases, sessions) is no finer.
 * Times beyond the four-digit years are clamped to {@link #MIN} and {@link #MAX} ("never", for a feed item fetched
 * once). Every reader and writer of a time column goes through here ({@link #set}, {@link #get}, {@link #require});
 * migration V17 ({@link OneTimestampEncoding}) brought older stores to this encoding.
 */
public final class Timestamps {
    public static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");
    /** Characters of every stored time. */
    static final int WIDTH = 24;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** {@code t} as stored: clamped to {@link #MIN}..{@link #MAX}, truncated to the millisecond. */
    public static String format(Instant t) {
        Instant clamped = t.isBefore(MIN) ? MIN : t.isAfter(MAX) ? MAX : t;
        return FORMAT.format(clamped);
    }

    /** {@code t} as stored, or null. */
    public static @Nullable String formatOrNull(@Nullable Instant t) {
        return t == null ? null : format(t);
    }

    /** {@code t} as it reads back from the store: clamped and truncated as {@link #format} stores it. */
    public static Instant stored(Instant t) {
        return parse(format(t));
    }

    /**
     * A stored time (this encoding, or any ISO-8601 instant an older store holds).
     *
     * @throws IllegalArgumentException quoting the value when it is not an ISO-8601 instant
     */
    public static Instant parse(String stored) {
        try {
            return Instant.parse(stored);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a stored time (ISO-8601 instant): \"" + stored + "\"", e);
        }
    }

    /** A stored time, or null. */
    public static @Nullable Instant parseOrNull(@Nullable String stored) {
        return stored == null ? null : parse(stored);
    }

    /** Binds {@code t} (NULL when null) to parameter {@code index} of {@code ps}. */
    public static void set(PreparedStatement ps, int index, @Nullable Instant t) throws SQLException {
        if (t == null) ps.setNull(index, Types.VARCHAR);
        else ps.setString(index, format(t));
    }

    /** The time in column {@code column} of the current row, or null. */
    public static @Nullable Instant get(ResultSet rs, int column) throws SQLException {
        return read(rs.getString(column), column);
    }

    /** The time in column {@code column} of the current row, or null. */
    public static @Nullable Instant get(ResultSet rs, String column) throws SQLException {
        return read(rs.getString(column), column);
    }

    /** The time in NOT NULL column {@code column} of the current row. */
    public static Instant require(ResultSet rs, int column) throws SQLException {
        Instant t = get(rs, column);
        if (t == null) throw new SQLException("time column " + column + " is NULL");
        return t;
    }

    /** The time in NOT NULL column {@code column} of the current row. */
    public static Instant require(ResultSet rs, String column) throws SQLException {
        Instant t = get(rs, column);
        if (t == null) throw new SQLException("time column " + column + " is NULL");
        return t;
    }

    private static @Nullable Instant read(@Nullable String v, Object column) throws SQLException {
        if (v == null) return null;
        try {
            return parse(v);
        } catch (IllegalArgumentException e) {
            throw new SQLException("time column " + column + ": " + e.getMessage(), e);
        }
    }
}
