package news.parallax.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Lenient parsing of the date formats pages declare; a time without an offset is taken as UTC. */
final class Dates {
    private Dates() {}

    /** Dates before this are parse accidents (epoch zero, "0001-01-01"), not publication dates. */
    static final int MIN_YEAR = 1990;
    /** Dates more than this many years past the present are parse accidents. */
    static final int MAX_YEARS_AHEAD = 2;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*"
                    + "(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d)|UTC|GMT)?)?");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?");
    /** A date inside a URL path: /2024/05/03/ or /2024-05-03/. */
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");

    static @Nullable OffsetDateTime parse(@Nullable String raw) {
        if (raw == null) return null;
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 64) return null;
        OffsetDateTime t = parseIso(s);
        if (t == null) t = parseRfc1123(s);
        if (t == null) t = parseCompact(s);
        if (t == null) t = parseEpoch(s);
        return plausible(t) ? t : null;
    }

    private static final Pattern DMY = Pattern.compile("(?<!\\d)(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?:,?\\s*(?:um\\s*)?(\\d{1,2})[:.](\\d{2}))?");
    private static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b(\\p{L}{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}{3,9})\\.?\\s+(?:de\\s+)?(\\d{4})");
    /** Month names (and their common abbreviations by prefix) in English, German, French, Spanish, Italian, Dutch. */
    private static final String[][] MONTHS = {
            {"jan", "jän", "janv", "ene", "gen", "januari"}, {"feb", "fév", "fev", "febbr"}, {"mar", "mär", "maa", "mrt"},
            {"apr", "avr", "abr"}, {"may", "mai", "mei", "mag"}, {"jun", "juin", "giu"}, {"jul", "juil", "lug"},
            {"aug", "aoû", "aou", "ago"}, {"sep", "set"}, {"oct", "okt", "ott"}, {"nov"}, {"dec", "dez", "déc", "dic"}};

    /** A date written for readers ("28.04.2023", "April 28, 2023", "28. April 2023"); null when none is found. */
    static @Nullable OffsetDateTime parseText(@Nullable String raw) {
        if (raw == null || raw.length() > 200) return null;
        String s = raw.trim();
        try {
            Matcher m = DMY.matcher(s);
            if (m.find()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                OffsetDateTime t = m.group(4) == null ? d.atStartOfDay().atOffset(ZoneOffset.UTC)
                        : d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))).atOffset(ZoneOffset.UTC);
                return plausible(t) ? t : null;
            }
            m = YMD.matcher(s);
            if (m.find()) return checked(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            m = MONTH_DAY_YEAR.matcher(s);
            if (m.find() && month(m.group(1)) > 0) return checked(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            m = DAY_MONTH_YEAR.matcher(s);
            if (m.find() && month(m.group(2)) > 0) return checked(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static @Nullable OffsetDateTime checked(int y, int mo, int d) {
        OffsetDateTime t = LocalDate.of(y, mo, d).atStartOfDay().atOffset(ZoneOffset.UTC);
        return plausible(t) ? t : null;
    }

    private static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            for (String prefix : MONTHS[i]) if (w.startsWith(prefix)) return i + 1;
        }
        return 0;
    }

    static @Nullable OffsetDateTime fromUrl(@Nullable String url) {
        if (url == null) return null;
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) return null;
        try {
            OffsetDateTime t = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay().atOffset(ZoneOffset.UTC);
            return plausible(t) ? t : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean plausible(@Nullable OffsetDateTime t) {
        return t != null && t.getYear() >= MIN_YEAR && t.getYear() <= OffsetDateTime.now(ZoneOffset.UTC).getYear() + MAX_YEARS_AHEAD;
    }

    private static @Nullable OffsetDateTime parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.find() || m.start() > 0) return null;
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) return d.atStartOfDay().atOffset(ZoneOffset.UTC);
            int nanos = 0;
            if (m.group(7) != null) nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            LocalDateTime ldt = d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            return ldt.atOffset(offset(m.group(8)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(@Nullable String z) {
        if (z == null || z.equals("Z") || z.equals("UTC") || z.equals("GMT")) return ZoneOffset.UTC;
        String digits = z.replace(":", "");
        if (digits.length() == 3) digits = digits + "00";
        return ZoneOffset.of(digits.substring(0, 3) + ":" + digits.substring(3, 5));
    }

    private static @Nullable OffsetDateTime parseRfc1123(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(s, DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'Z", Locale.ENGLISH))
                        .toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static @Nullable OffsetDateTime parseCompact(String s) {
        Matcher m = COMPACT.matcher(s);
        if (!m.find() || s.length() > 15) return null;
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) return d.atStartOfDay().atOffset(ZoneOffset.UTC);
            return d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6))).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Unix time in seconds or milliseconds, as some pages put in data attributes. */
    private static @Nullable OffsetDateTime parseEpoch(String s) {
        if (!s.matches("\\d{10}|\\d{13}")) return null;
        long v = Long.parseLong(s);
        long millis = s.length() == 10 ? v * 1000 : v;
        return java.time.Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }
}
