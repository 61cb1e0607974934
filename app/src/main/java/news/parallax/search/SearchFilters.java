package news.parallax.search;

import java.time.LocalDate;
import news.parallax.model.Side;
import org.jspecify.annotations.Nullable;

/**
 * What narrows a search besides its words.
 *
 * @param from       earliest publication day, inclusive (UTC); null for no bound
 * @param to         latest publication day, inclusive (UTC); null for no bound
 * @param outlet     outlet name or domain, case-insensitive; null for all
 * @param side       side of the article's outlet (registry, else the record's bias field); null for all
 * @param blindspots only stories that are a blindspot for one side
 * @param limit      most stories and most articles returned (each)
 */
public record SearchFilters(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String outlet, @Nullable Side side,
        boolean blindspots, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    public static final SearchFilters NONE = new SearchFilters(null, null, null, null, false, DEFAULT_LIMIT);

    public SearchFilters {
        if (limit < 1 || limit > MAX_LIMIT) throw new SearchSyntaxException("limit must be within 1.." + MAX_LIMIT + ", got " + limit);
        if (from != null && to != null && from.isAfter(to)) {
            throw new SearchSyntaxException("date range is empty: from " + from + " is after to " + to);
        }
        if (side == Side.UNRATED) throw new SearchSyntaxException("side must be left, center or right");
        if (outlet != null && outlet.isBlank()) outlet = null;
    }

    /** A day given as {@code YYYY-MM-DD}; the message names the option and the value. */
    public static @Nullable LocalDate day(String option, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new SearchSyntaxException(option + " must be a day as YYYY-MM-DD, got '" + value + "'");
        }
    }

    /** {@code left}, {@code center}/{@code centre} or {@code right}. */
    public static @Nullable Side side(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        return Side.parse(value).orElseThrow(() -> new SearchSyntaxException("side must be left, center or right, got '" + value + "'"));
    }
}
