package news.parallax.analysis;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The day a sentence says its event happened, resolved against its article's date: "on Friday" is the latest Friday
 * on or before the article, "Feb. 15" and "February 15" that day of the article's year (the year before when that
 * would be after the article), "yesterday" the day before. Used to order a summary by events rather than by
 * reports. The first time expression counts; none gives empty. Stateless and thread-safe.
 */
final class StatedTime {
    private static final Pattern WEEKDAY = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{3})");
    private static final Pattern YESTERDAY = Pattern.compile("\\byesterday\\b", Pattern.CASE_INSENSITIVE);

    private StatedTime() {}

    static Optional<Instant> resolve(String sentence, Instant published) {
        LocalDate day = LocalDate.ofInstant(published, ZoneOffset.UTC);
        int best = Integer.MAX_VALUE;
        LocalDate found = null;
        Matcher w = WEEKDAY.matcher(sentence);
        if (w.find()) {
            DayOfWeek dow = DayOfWeek.valueOf(w.group(1).toUpperCase(Locale.ROOT));
            int back = (day.getDayOfWeek().getValue() - dow.getValue() + 7) % 7;
            best = w.start();
            found = day.minusDays(back);
        }
        Matcher m = MONTH_DAY.matcher(sentence);
        if (m.find() && m.start() < best) {
            Month month = month(m.group(1));
            int d = Integer.parseInt(m.group(2));
            if (month != null && d >= 1 && d <= month.maxLength()) {
                LocalDate date = LocalDate.of(day.getYear(), month, Math.min(d, month.length(day.isLeapYear())));
                if (date.isAfter(day.plusDays(MAX_DAYS_AHEAD))) date = date.minusYears(1);
                best = m.start();
                found = date;
            }
        }
        Matcher y = YESTERDAY.matcher(sentence);
        if (y.find() && y.start() < best) found = day.minusDays(1);
        return Optional.ofNullable(found).map(date -> date.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** A date this far after its article is an announced future event ("the vote on Feb. 26"), still this year. */
    static final int MAX_DAYS_AHEAD = 60;

    private static @Nullable Month month(String abbreviation) {
        String a = abbreviation.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month mo : Month.values()) if (mo.name().toLowerCase(Locale.ROOT).startsWith(a)) return mo;
        return null;
    }
}
