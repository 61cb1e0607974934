package news.parallax.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The one encoding of times in the store (issue 15): ISO-8601 in UTC with exactly three fraction digits,
 * {@code 2025-03-03T08:15:30.250Z}, in TEXT columns. Fixed width, so text order is time order in SQL on both
 * databases (the variable width of {@code Instant.toString()}, which drops zero fractions and writes up to nine digits,
 * sorted {@code ...:00.5Z} before {@code ...:00Z}); readable in any SQL console; parsed by {@link Instant#parse}.
 * Milliseconds, because every time the store keeps (publication, fetch schedules, leases, sessions) is no finer.
 * Times beyond the four-digit years are clamped to {@link #MIN} and {@link #MAX} ("never", for a feed item fetched once).
 */
public final class Timestamps {
    public static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** {@code t} as stored. */
    public static String format(Instant t) {
        Instant clamped = t.isBefore(MIN) ? MIN : t.isAfter(MAX) ? MAX : t;
        return FORMAT.format(clamped);
    }

    /** {@code t} as stored, or null. */
    public static @Nullable String formatOrNull(@Nullable Instant t) {
        return t == null ? null : format(t);
    }

    /** A stored time (this encoding, or any ISO-8601 instant an older store holds). */
    public static Instant parse(String stored) {
        return Instant.parse(stored);
    }

    /** A stored time, or null. */
    public static @Nullable Instant parseOrNull(@Nullable String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
