package news.parallax.claims;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds dates and time expressions in a sentence and resolves them against the article date.
 *
 * <p>Handles "between Oct. 8 and 13", "by November 1", "by December", "on 18 October", "Oct. 8",
 * "as early as 1 November", "in June" and weekdays ("on Thursday": the latest such day on or before
 * the article date). A day and month without a year take the year that puts them within six months
 * of the article date. Thread-safe: stateless.
 */
final class TimeExpressions {
    /** A date more than this many days from the article date belongs to the neighbouring year. */
    private static final int HALF_YEAR_DAYS = 183;
    private static final String MONTH = "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|"
            + "June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|"
            + "Dec(?:ember|\\.)?)";
    static final Pattern BETWEEN = Pattern.compile("\\bbetween " + MONTH + " (\\d{1,2}) and (\\d{1,2})\\b");
    static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(by |on |as early as |before |after |until |since )?" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})");
    static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(by |on |as early as |before |after |until |since )?(\\d{1,2}) " + MONTH + "\\b(?! \\d{4})");
    static final Pattern FULL_DATE = Pattern.compile(
            "\\b(by |on |before |after |until |since )?" + MONTH + " (\\d{1,2}),? (\\d{4})\\b");
    static final Pattern MONTH_ONLY = Pattern.compile("\\b(by|in|until|before|since) " + MONTH + "\\b(?! \\d)");
    static final Pattern WEEKDAY = Pattern.compile(
            "\\b(on |last |this )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private TimeExpressions() {}

    /** MONTH's words all open with one of these; the weekdays all end in "day" (issue 18's throughput). */
    static final List<String> MONTH_STEMS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec");

    static List<TimeMention> find(String sentence, @Nullable LocalDate articleDate) {
        List<TimeMention> out = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        // the patterns with a month cannot match without one of its words' openings, nor WEEKDAY without "day"
        if (hasMonth(sentence)) monthExpressions(sentence, articleDate, out, taken);
        if (sentence.contains("day")) weekdays(sentence, articleDate, out, taken);
        out.sort((x, y) -> Integer.compare(sentence.indexOf(x.text()), sentence.indexOf(y.text())));
        return out;
    }

    static boolean hasMonth(String sentence) {
        for (String stem : MONTH_STEMS) if (sentence.contains(stem)) return true;
        return false;
    }

    private static void monthExpressions(String sentence, @Nullable LocalDate articleDate, List<TimeMention> out,
                                         List<int[]> taken) {
        Matcher m = BETWEEN.matcher(sentence);
        while (m.find()) {
            int month = month(m.group(1));
            LocalDate a = date(month, Integer.parseInt(m.group(2)), articleDate);
            LocalDate b = date(month, Integer.parseInt(m.group(3)), articleDate);
            String res = a != null && b != null ? a + "/" + b : m.group();
            add(out, taken, m, res);
        }
        m = FULL_DATE.matcher(sentence);
        while (m.find()) {
            LocalDate d = safeDate(Integer.parseInt(m.group(4)), month(m.group(2)), Integer.parseInt(m.group(3)));
            add(out, taken, m, d == null ? m.group().strip() : prefix(m.group(1)) + d);
        }
        for (Pattern p : List.of(MONTH_DAY, DAY_MONTH)) {
            m = p.matcher(sentence);
            while (m.find()) {
                boolean monthFirst = p == MONTH_DAY;
                int month = month(monthFirst ? m.group(2) : m.group(3));
                int day = Integer.parseInt(monthFirst ? m.group(3) : m.group(2));
                if (day < 1 || day > 31) continue;
                LocalDate d = date(month, day, articleDate);
                add(out, taken, m, d == null ? m.group().strip() : prefix(m.group(1)) + d);
            }
        }
        m = MONTH_ONLY.matcher(sentence);
        while (m.find()) {
            int month = month(m.group(2));
            if (m.group(2).equals("May") && !m.group(1).equals("by") && !m.group(1).equals("in")) continue;
            YearMonth ym = yearMonth(month, articleDate);
            String p = m.group(1).equals("by") || m.group(1).equals("until") ? "by " : "";
            add(out, taken, m, ym == null ? m.group().strip() : p + ym);
        }
    }

    private static void weekdays(String sentence, @Nullable LocalDate articleDate, List<TimeMention> out,
                                 List<int[]> taken) {
        Matcher m = WEEKDAY.matcher(sentence);
        while (m.find()) {
            String res = m.group().strip();
            if (articleDate != null) {
                DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
                LocalDate d = articleDate.with(TemporalAdjusters.previousOrSame(day));
                if ("last ".equals(m.group(1))) d = d.minusWeeks(d.equals(articleDate) ? 1 : 0);
                res = d.toString();
            }
            add(out, taken, m, res);
        }
    }

    private static void add(List<TimeMention> out, List<int[]> taken, Matcher m, String resolved) {
        for (int[] t : taken) {
            if (m.start() < t[1] && m.end() > t[0]) return;
        }
        taken.add(new int[] {m.start(), m.end()});
        out.add(new TimeMention(m.group().strip(), resolved));
    }

    private static String prefix(@Nullable String word) {
        if (word == null) return "";
        String w = word.strip();
        return w.equals("by") || w.equals("until") || w.equals("before") ? "by " : w.equals("as early as") ? "from " : "";
    }

    /** The month of a name the date patterns matched, so its first three letters are a key of {@link #MONTHS}. */
    private static int month(String name) {
        return Objects.requireNonNull(MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)), () -> "not a month: " + name);
    }

    private static @Nullable LocalDate date(int month, int day, @Nullable LocalDate articleDate) {
        if (articleDate == null) return null;
        LocalDate d = safeDate(articleDate.getYear(), month, day);
        if (d == null) return null;
        if (d.isAfter(articleDate.plusDays(HALF_YEAR_DAYS))) d = safeDate(d.getYear() - 1, month, day);
        else if (d.isBefore(articleDate.minusDays(HALF_YEAR_DAYS))) d = safeDate(d.getYear() + 1, month, day);
        return d;
    }

    private static @Nullable YearMonth yearMonth(int month, @Nullable LocalDate articleDate) {
        if (articleDate == null) return null;
        LocalDate d = date(month, 1, articleDate);
        return d == null ? null : YearMonth.from(d);
    }

    private static @Nullable LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
