package news.parallax.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one date parser: every date a record, a feed or a page states.
 *
 * <p>{@link #parse} is strict and reads a whole string in every form Python's feedparser reads, into an
 * {@link Instant}: RFC 822 and RFC 1123 with their common deviations (no comma or no space after it, two-digit
 * years, one-digit days, long month names, day and month swapped, no seconds, no time, {@code -01:01} and
 * {@code GMT+hh:mm} offsets, named zones including MET/MEST, ET/PT and military letters), asctime, W3C-DTF and
 * ISO 8601 (fractions kept exactly, offsets, compact and two-digit-year forms, ordinal and week dates), SQL-style
 * {@code 2004-07-08 23:56:58}, Perforce's {@code 2006/09/15}, and the Greek, Hungarian and Korean forms feedparser
 * knows. Feeds use it. {@link #recordDate} and {@link #pageDate} are lenient where records and pages are: an ISO
 * date-time followed by other text, {@code UTC}/{@code GMT} after the time, Unix seconds or milliseconds; they
 * read only forms that name a day. {@link #parseText} reads dates written for readers ("28. April 2023"),
 * {@link #fromUrl} the date in a URL path. A time without a zone is taken as UTC, as feedparser does; the
 * offset a text states is kept.
 *
 * <p>Invalid dates are rejected, never rolled over: {@code 25:14:55}, February 30, minute 61, a 99-hour offset.
 * Five-digit numbers are rejected (ambiguous between a year-and-ordinal {@code 03335} and a five-digit year
 * {@code 22013}). Stateless and thread-safe.
 */
public final class Dates {
    /** A date further ahead than this is a publisher's error (a wrong zone is at most 14 h off). */
    public static final Duration MAX_FUTURE = Duration.ofDays(1);
    /** Nothing a news reader shows was published before this; earlier dates are epoch or typo defaults. */
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final int EARLIEST_YEAR = 1990;
    /** Longer strings are not dates; bounds the work on hostile input. */
    private static final int MAX_LENGTH = 120;

    private Dates() {}

    /** Dates of pages more than this many years past the present are parse accidents. */
    public static final int MAX_PAGE_YEARS_AHEAD = 2;

    /** The instant a whole date string states (strict, see the class comment); empty when it is not a valid date in a known form. */
    public static Optional<Instant> parse(@Nullable String text) {
        return Optional.ofNullable(read(text, false)).map(OffsetDateTime::toInstant);
    }

    /** A record's date field (lenient); null when it states none. Any year is kept: the record says so. */
    public static @Nullable Instant recordDate(@Nullable String text) {
        OffsetDateTime t = read(text, true);
        return t == null ? null : t.toInstant();
    }

    /**
     * A date a page's metadata states (lenient) with its offset; null when none, or when its year is before
     * {@link #EARLIEST} or more than {@link #MAX_PAGE_YEARS_AHEAD} years ahead (epoch zero, "0001-01-01").
     */
    public static @Nullable OffsetDateTime pageDate(@Nullable String text) {
        OffsetDateTime t = read(text, true);
        return plausibleOnPage(t) ? t : null;
    }

    private static @Nullable OffsetDateTime read(@Nullable String text, boolean lenient) {
        if (text == null) return null;
        String s = text.strip().replace('\u00a0', ' ');
        if (s.isEmpty() || s.length() > MAX_LENGTH) return null;
        try {
            OffsetDateTime t = lenient ? isoDay(s) : iso(s);
            if (t == null && lenient) t = isoPrefix(s);
            if (t == null && lenient) t = compactDigits(s);
            if (t == null) t = korean(s);
            if (t == null) t = rfc822(greek(s));
            if (t == null && lenient) t = epoch(s);
            return t;
        } catch (DateTimeException | NumberFormatException e) {
            return null; // February 30, hour 25, offset beyond 18 h: invalid, not rolled over
        }
    }

    /**
     * Why a parsed date cannot be the item's publication time, or null when it can: more than
     * {@link #MAX_FUTURE} ahead of {@code now}, or before {@link #EARLIEST}.
     */
    public static @Nullable String implausible(Instant t, Instant now) {
        if (t.isAfter(now.plus(MAX_FUTURE))) return "date " + t + " is in the future";
        if (t.isBefore(EARLIEST)) return "date " + t + " is before 1990";
        return null;
    }

    // ---- ISO 8601 and W3C-DTF ----

    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?";
    private static final String ZONE = "(Z|[+-]\\d{2}(?::?\\d{2})?)";
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "(\\d{4})-(0?\\d{2})-(\\d{2})(?:[T ]" + TIME + "\\s?" + ZONE + "?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_COMPACT = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(?:(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?" + ZONE + "?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_ORDINAL = Pattern.compile("(\\d{4})-?(\\d{3})");
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-?W(\\d{2})(?:-?(\\d))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_YEAR_MONTH = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");
    /** Two-digit-year forms of ISO 8601:1988: YYMMDD, YY-MM-DD, -YYMM, -YY-MM. */
    private static final Pattern ISO_SHORT_YEAR = Pattern.compile("(\\d{2})-?(\\d{2})-?(\\d{2})|-(\\d{2})-?(\\d{2})");
    private static final Pattern HUNGARIAN = Pattern.compile("(\\d{4})-([a-z\\u00e1\\u00e9\\u00fa\\u00f3]+)-(\\d{1,2})T(\\d{1,2}):(\\d{2})"
            + "((?:[+-]\\d{2}:\\d{2})|Z)?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Map<String, Integer> HUNGARIAN_MONTHS = Map.ofEntries(Map.entry("janu\u00e1r", 1),
            Map.entry("febru\u00e1r", 2), Map.entry("m\u00e1rcius", 3), Map.entry("\u00e1prilis", 4), Map.entry("m\u00e1jus", 5),
            Map.entry("m\u00e1ujus", 5), Map.entry("j\u00fanius", 6), Map.entry("j\u00falius", 7), Map.entry("augusztus", 8),
            Map.entry("szeptember", 9), Map.entry("okt\u00f3ber", 10), Map.entry("november", 11), Map.entry("december", 12));

    private static @Nullable OffsetDateTime iso(String s) {
        OffsetDateTime t = isoDay(s);
        return t != null ? t : isoPartial(s);
    }

    /** The ISO forms that name a day: date(-time), compact, Hungarian month names. */
    private static @Nullable OffsetDateTime isoDay(String s) {
        Matcher m = ISO_DATE_TIME.matcher(s);
        if (m.matches()) {
            // "2003-012-31": a Google feed's month with an extra zero, read by feedparser.
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) return d.atStartOfDay().atOffset(ZoneOffset.UTC);
            return at(d, m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        }
        m = ISO_COMPACT.matcher(s);
        if (m.matches()) {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) return d.atStartOfDay().atOffset(ZoneOffset.UTC);
            return at(d, m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        }
        m = HUNGARIAN.matcher(s);
        if (m.matches()) {
            Integer month = HUNGARIAN_MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month == null) return null;
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), month, Integer.parseInt(m.group(3)));
            return at(d, m.group(4), m.group(5), null, null, m.group(6));
        }
        return null;
    }

    /** The ISO forms that name a week, a month or a year, or a two-digit year: feeds only. */
    private static @Nullable OffsetDateTime isoPartial(String s) {
        Matcher m = ISO_WEEK.matcher(s);
        if (m.matches()) {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, checkedWeek(m.group(1), m.group(2)))
                    .with(java.time.temporal.ChronoField.DAY_OF_WEEK, m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        m = ISO_YEAR_MONTH.matcher(s);
        if (m.matches()) {
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            return LocalDate.of(Integer.parseInt(m.group(1)), month, 1).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        m = ISO_ORDINAL.matcher(s);
        if (m.matches()) {
            return LocalDate.ofYearDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    .atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        m = ISO_SHORT_YEAR.matcher(s);
        if (m.matches()) {
            if (m.group(1) != null) return LocalDate.of(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay().atOffset(ZoneOffset.UTC);
            return LocalDate.of(2000 + Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 1)
                    .atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    private static int checkedWeek(String year, String week) {
        int w = Integer.parseInt(week);
        long weeks = LocalDate.of(Integer.parseInt(year), 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (w < 1 || w > weeks) throw new DateTimeException("week " + w);
        return w;
    }

    private static OffsetDateTime at(LocalDate d, String hour, String minute, @Nullable String second, @Nullable String fraction,
            @Nullable String zone) {
        int nanos = 0;
        if (fraction != null) nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
        LocalTime t = LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second), nanos);
        return LocalDateTime.of(d, t).atOffset(zone == null ? ZoneOffset.UTC : isoOffset(zone));
    }

    private static ZoneOffset isoOffset(String zone) {
        if (zone.equalsIgnoreCase("Z")) return ZoneOffset.UTC;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        if (minutes > 59) throw new DateTimeException("offset minutes " + minutes);
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    // ---- Korean (Nate and OnBlog: Korea Standard Time) ----

    private static final ZoneOffset KST = ZoneOffset.ofHours(9);
    private static final Pattern ONBLOG = Pattern.compile("(\\d{4})\\uB144\\s*(\\d{1,2})\\uC6D4\\s*(\\d{1,2})\\uC77C\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");
    private static final Pattern NATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})\\s+(\\uC624\\uC804|\\uC624\\uD6C4)\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");

    private static @Nullable OffsetDateTime korean(String s) {
        Matcher m = ONBLOG.matcher(s);
        if (m.matches()) return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))).atOffset(KST);
        m = NATE.matcher(s);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(5));
            if (hour < 1 || hour > 12) throw new DateTimeException("12-hour clock hour " + hour);
            boolean pm = m.group(4).equals("\uC624\uD6C4"); // 오후: afternoon
            hour = hour % 12 + (pm ? 12 : 0);
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    hour, Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7))).atOffset(KST);
        }
        return null;
    }

    // ---- Greek: day and month names translated, then read as RFC 822 ----

    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("\u039a\u03c5\u03c1", "Sun"),
            Map.entry("\u0394\u03b5\u03c5", "Mon"), Map.entry("\u03a4\u03c1\u03b9", "Tue"), Map.entry("\u03a4\u03b5\u03c4", "Wed"),
            Map.entry("\u03a0\u03b5\u03bc", "Thu"), Map.entry("\u03a0\u03b1\u03c1", "Fri"), Map.entry("\u03a3\u03b1\u03b2", "Sat"),
            Map.entry("\u0399\u03b1\u03bd", "Jan"), Map.entry("\u03a6\u03b5\u03b2", "Feb"), Map.entry("\u039c\u03ac\u03ce", "Mar"),
            Map.entry("\u039c\u03b1\u03ce", "Mar"), Map.entry("\u0391\u03c0\u03c1", "Apr"), Map.entry("\u039c\u03ac\u03b9", "May"),
            Map.entry("\u039c\u03b1\u03ca", "May"), Map.entry("\u039c\u03b1\u03b9", "May"), Map.entry("\u0399\u03bf\u03cd\u03bd", "Jun"),
            Map.entry("\u0399\u03bf\u03bd", "Jun"), Map.entry("\u0399\u03bf\u03cd\u03bb", "Jul"), Map.entry("\u0399\u03bf\u03bb", "Jul"),
            Map.entry("\u0391\u03cd\u03b3", "Aug"), Map.entry("\u0391\u03c5\u03b3", "Aug"), Map.entry("\u03a3\u03b5\u03c0", "Sep"),
            Map.entry("\u039f\u03ba\u03c4", "Oct"), Map.entry("\u039d\u03bf\u03ad", "Nov"), Map.entry("\u039d\u03bf\u03b5", "Nov"),
            Map.entry("\u0394\u03b5\u03ba", "Dec"));
    private static final Pattern GREEK_WORD = Pattern.compile("[\\u0370-\\u03ff]+");

    private static String greek(String s) {
        Matcher m = GREEK_WORD.matcher(s);
        if (!m.find()) return s;
        StringBuilder b = new StringBuilder();
        m.reset();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(GREEK.getOrDefault(m.group(), m.group())));
        m.appendTail(b);
        return b.toString();
    }

    // ---- RFC 822 / 1123 and relatives, read token by token ----

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private static final String[] FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** Zone names feeds use, in hours from UTC (RFC 822's, US short forms, European ones feedparser knows). */
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0),
            Map.entry("z", 0), Map.entry("adt", -3), Map.entry("ast", -4), Map.entry("at", -4), Map.entry("edt", -4),
            Map.entry("est", -5), Map.entry("et", -5), Map.entry("cdt", -5), Map.entry("cst", -6), Map.entry("ct", -6),
            Map.entry("mdt", -6), Map.entry("mst", -7), Map.entry("mt", -7), Map.entry("pdt", -7), Map.entry("pst", -8),
            Map.entry("pt", -8), Map.entry("akst", -9), Map.entry("akdt", -8), Map.entry("hst", -10), Map.entry("met", 1),
            Map.entry("mest", 2), Map.entry("cet", 1), Map.entry("cest", 2), Map.entry("wet", 0), Map.entry("west", 1),
            Map.entry("bst", 1), Map.entry("eet", 2), Map.entry("eest", 3), Map.entry("msk", 3), Map.entry("jst", 9),
            Map.entry("kst", 9), Map.entry("aest", 10), Map.entry("aedt", 11));
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern CLOCK = Pattern.compile(TIME);
    private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("(?:(?:gmt|utc|ut)(?=[+-]))?([+-])(\\d{1,2})(?::?(\\d{2}))?");

    private static @Nullable OffsetDateTime rfc822(String s) {
        String[] raw = s.replace(",", " , ").trim().split("\\s+");
        List<String> tokens = new ArrayList<>();
        for (String t : raw) if (!t.equals(",")) tokens.add(t);
        if (tokens.isEmpty()) return null;
        int i = 0;
        if (dayName(tokens.get(0))) i++;
        Integer month = null;
        List<String> numbers = new ArrayList<>();
        Matcher clock = null;
        ZoneOffset zone = null;
        LocalDate slashed = null;
        for (; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String lower = t.toLowerCase(Locale.ROOT);
            Integer mo = monthOf(lower);
            Matcher c = CLOCK.matcher(t);
            Matcher sd = SLASHED_DATE.matcher(t);
            if (mo != null && month == null) month = mo;
            else if (NUMBER.matcher(t).matches() && numbers.size() < 2) numbers.add(t);
            else if (c.matches() && clock == null) clock = c;
            else if (sd.matches() && slashed == null && month == null && numbers.isEmpty())
                slashed = LocalDate.of(Integer.parseInt(sd.group(1)), Integer.parseInt(sd.group(2)), Integer.parseInt(sd.group(3)));
            else if (zone == null && clock != null && (zone = zoneOf(lower)) != null) continue;
            else return null; // an unknown word, a second time, "1:2:3:4", "+zz:00": not a date
        }
        LocalDate date;
        if (slashed != null) {
            if (month != null || !numbers.isEmpty()) return null;
            date = slashed;
        } else {
            if (month == null || numbers.size() != 2) return null;
            String day = numbers.get(0);
            String year = numbers.get(1);
            if (day.length() > 2 || year.length() == 1 || year.length() == 3 && !year.startsWith("0")) return null;
            int y = Integer.parseInt(year);
            // RFC 2822 section 4.3: a two-digit year 00-49 is 20xx, 50-99 is 19xx.
            if (year.length() == 2) y += y < 50 ? 2000 : 1900;
            date = LocalDate.of(y, month, Integer.parseInt(day));
        }
        if (clock == null) return zone == null ? date.atStartOfDay().atOffset(ZoneOffset.UTC) : null;
        return at(date, clock.group(1), clock.group(2), clock.group(3), clock.group(4), null).withOffsetSameLocal(
                zone == null ? ZoneOffset.UTC : zone);
    }

    private static boolean dayName(String token) {
        String t = token.toLowerCase(Locale.ROOT).replaceAll("[.,]$", "");
        if (t.length() < 3) return false;
        for (String d : DAYS) if (t.startsWith(d) && (t.length() == 3 || fullDay(t))) return true;
        return false;
    }

    private static boolean fullDay(String t) {
        return List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tues", "thur", "thurs")
                .contains(t);
    }

    private static @Nullable Integer monthOf(String lower) {
        String t = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        for (int m = 0; m < 12; m++) {
            if (t.equals(MONTHS[m]) || t.equals(FULL_MONTHS[m])) return m + 1;
        }
        return t.equals("sept") ? 9 : null;
    }

    /** A zone token: named, {@code +hhmm}, {@code -hh:mm}, {@code GMT+hh:mm}, {@code Etc/GMT}, an IANA id, or a military letter. */
    private static @Nullable ZoneOffset zoneOf(String lower) {
        Integer hours = ZONES.get(lower);
        if (hours != null) return ZoneOffset.ofHours(hours);
        Matcher m = NUMERIC_ZONE.matcher(lower);
        if (m.matches()) {
            int sign = m.group(1).equals("-") ? -1 : 1;
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (minutes > 59) throw new DateTimeException("offset minutes " + minutes);
            return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(2)), sign * minutes);
        }
        if (lower.length() == 1 && lower.charAt(0) >= 'a' && lower.charAt(0) <= 'y' && lower.charAt(0) != 'j') {
            // RFC 822 section 5.1 military zones: A-I = -1..-9, K-M = -10..-12, N-Y = +1..+12 (Z is in ZONES).
            char c = lower.charAt(0);
            int h = c <= 'i' ? -(c - 'a' + 1) : c <= 'm' ? -(c - 'k' + 10) : c - 'n' + 1;
            return ZoneOffset.ofHours(h);
        }
        // "Etc/GMT", "Etc/UTC": UTC spelled as a tz database id.
        return lower.equals("etc/gmt") || lower.equals("etc/utc") || lower.equals("etc/uct") ? ZoneOffset.UTC : null;
    }

    // ---- lenient forms of records and pages ----

    /** An ISO date at the start of the text, with an optional time and zone, whatever follows. */
    private static final Pattern ISO_PREFIX = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*"
                    + "(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d)|UTC|GMT)?)?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
    /** Date and time run together without a "T": 202405031030 or 20240503103000. */
    private static final Pattern COMPACT_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?");

    private static @Nullable OffsetDateTime compactDigits(String s) {
        Matcher m = COMPACT_DIGITS.matcher(s);
        if (!m.matches()) return null;
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return at(d, m.group(4), m.group(5), m.group(6), null, null);
    }

    private static @Nullable OffsetDateTime isoPrefix(String s) {
        Matcher m = ISO_PREFIX.matcher(s);
        if (!m.lookingAt()) return null;
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(4) == null) return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        String zone = m.group(8) == null || m.group(8).equals("UTC") || m.group(8).equals("GMT") ? null : m.group(8);
        return at(d, m.group(4), m.group(5), m.group(6), m.group(7), zone);
    }

    /** Unix time in seconds or milliseconds, as some pages put in data attributes. */
    private static @Nullable OffsetDateTime epoch(String s) {
        if (!EPOCH.matcher(s).matches()) return null;
        long v = Long.parseLong(s);
        return Instant.ofEpochMilli(s.length() == 10 ? v * 1000 : v).atOffset(ZoneOffset.UTC);
    }

    // ---- dates written for readers, and in URLs ----

    private static final Pattern DMY = Pattern.compile("(?<!\\d)(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?:,?\\s*(?:um\\s*)?(\\d{1,2})[:.](\\d{2}))?");
    private static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b(\\p{L}{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}{3,9})\\.?\\s+(?:de\\s+)?(\\d{4})");
    /** Month names (and their common abbreviations by prefix) in English, German, French, Spanish, Italian, Dutch. */
    private static final String[][] TEXT_MONTHS = {
            {"jan", "j\u00e4n", "janv", "ene", "gen", "januari"}, {"feb", "f\u00e9v", "fev", "febbr"}, {"mar", "m\u00e4r", "maa", "mrt"},
            {"apr", "avr", "abr"}, {"may", "mai", "mei", "mag"}, {"jun", "juin", "giu"}, {"jul", "juil", "lug"},
            {"aug", "ao\u00fb", "aou", "ago"}, {"sep", "set"}, {"oct", "okt", "ott"}, {"nov"}, {"dec", "dez", "d\u00e9c", "dic"}};
    /** Reader-written text longer than this is a paragraph, not a dateline. */
    private static final int MAX_TEXT_LENGTH = 200;
    /** A date inside a URL path: /2024/05/03/ or /2024-05-03/. */
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");

    /** A date written for readers ("28.04.2023", "April 28, 2023", "28. April 2023"); null when none is found or implausible on a page. */
    public static @Nullable OffsetDateTime parseText(@Nullable String raw) {
        if (raw == null || raw.length() > MAX_TEXT_LENGTH) return null;
        String s = raw.trim();
        try {
            Matcher m = DMY.matcher(s);
            if (m.find()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                OffsetDateTime t = m.group(4) == null ? d.atStartOfDay().atOffset(ZoneOffset.UTC)
                        : d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))).atOffset(ZoneOffset.UTC);
                return plausibleOnPage(t) ? t : null;
            }
            m = YMD.matcher(s);
            if (m.find()) return dayOnPage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            m = MONTH_DAY_YEAR.matcher(s);
            if (m.find() && textMonth(m.group(1)) > 0) return dayOnPage(Integer.parseInt(m.group(3)), textMonth(m.group(1)), Integer.parseInt(m.group(2)));
            m = DAY_MONTH_YEAR.matcher(s);
            if (m.find() && textMonth(m.group(2)) > 0) return dayOnPage(Integer.parseInt(m.group(3)), textMonth(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The date in a URL's path (/2024/05/03/); null when none or implausible on a page. */
    public static @Nullable OffsetDateTime fromUrl(@Nullable String url) {
        if (url == null) return null;
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) return null;
        try {
            return dayOnPage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable OffsetDateTime dayOnPage(int y, int mo, int d) {
        OffsetDateTime t = LocalDate.of(y, mo, d).atStartOfDay().atOffset(ZoneOffset.UTC);
        return plausibleOnPage(t) ? t : null;
    }

    private static int textMonth(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < TEXT_MONTHS.length; i++) {
            for (String prefix : TEXT_MONTHS[i]) if (w.startsWith(prefix)) return i + 1;
        }
        return 0;
    }

    private static boolean plausibleOnPage(@Nullable OffsetDateTime t) {
        return t != null && t.getYear() >= EARLIEST_YEAR
                && t.getYear() <= OffsetDateTime.now(ZoneOffset.UTC).getYear() + MAX_PAGE_YEARS_AHEAD;
    }
}
