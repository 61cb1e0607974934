package news.parallax.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import news.parallax.analysis.StoryView;
import org.jspecify.annotations.Nullable;

/**
 * Formatting used by the templates. Returns plain text: the templates escape it (jte's HTML mode), so nothing here
 * escapes. Public because the precompiled templates live in another package.
 */
public final class Fmt {
    /** The four sides in page order. */
    public static final List<String> ALL_SIDES = List.of("left", "center", "right", "unrated");
    /** The rated sides, which get key points. */
    public static final List<String> SIDES = List.of("left", "center", "right");
    /** Exactly this where a side has no key points (the product's wording). */
    public static final String NO_COVERAGE = "No summary available because of a lack of coverage.";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    /** Steps of the width classes {@code w0..w100} in parallax.css (one per percent). */
    private static final int WIDTH_STEPS = 100;
    /** Steps of the height classes {@code h1..h20} in parallax.css (4 px each, 80 px tallest). */
    public static final int HEIGHT_STEPS = 20;

    private Fmt() {}

    /**
     * A publication time as a reader wants it. An instant of exactly 00:00:00 UTC came from a date-only source
     * (a corpus date, a sitemap day): it is shown as the date alone, never as "00:00 UTC".
     */
    public static String when(@Nullable Instant t) {
        if (t == null) return "date unknown";
        return isDateOnly(t) ? DAY.format(t) : DAY_TIME.format(t);
    }

    static boolean isDateOnly(Instant t) {
        return t.getEpochSecond() % 86_400 == 0 && t.getNano() == 0;
    }

    /** Machine-readable form for {@code <time datetime>}: a date when only the date is known. */
    public static String iso(Instant t) {
        return isDateOnly(t) ? ISO_DAY.format(t) : t.toString();
    }

    public static String sideLabel(String side) {
        return switch (side) {
            case "left" -> "Left";
            case "center" -> "Center";
            case "right" -> "Right";
            default -> "Other (sources without bias rating)";
        };
    }

    /** Short label inside a landscape bar segment. */
    public static String sideShort(String side) {
        return switch (side) {
            case "left" -> "L";
            case "center" -> "C";
            case "right" -> "R";
            default -> "Other";
        };
    }

    /**
     * A bar segment's text, or nothing when the segment is too narrow to show it whole: a clipped "Oth" reads as a
     * fault. The segment keeps its colour, its title and the bar's label, so nothing is lost to a reader.
     */
    public static String barText(StoryView.Landscape l, String side) {
        String text = sideShort(side) + " " + percent(l, side) + "%";
        return percent(l, side) * BAR_PERCENT_PER_CHARACTER >= text.length() * 100 ? text : "";
    }

    /** The segment's tooltip: its side in words and its share. */
    public static String barTitle(StoryView.Landscape l, String side) {
        return sideLabel(side) + ": " + count(l, side) + " of " + l.total() + " sources, " + percent(l, side) + "%";
    }

    /**
     * How many characters a whole bar's width holds on a phone (a 390 px screen's bar is about 22rem; a character of
     * the 0.8rem text about 0.45rem, a segment's padding 0.7rem): a segment's text shows when its share of those fits.
     */
    private static final int BAR_PERCENT_PER_CHARACTER = 40;

    /** Outlet ids may hold a path ("cato.org/regulation"): each segment is encoded, the slashes kept. */
    public static String outletHref(String outletId) {
        StringBuilder b = new StringBuilder("/outlet");
        for (String segment : outletId.split("/", -1)) b.append('/').append(segment(segment));
        return b.toString();
    }

    public static String storyHref(String storyId) {
        return "/story/" + segment(storyId);
    }

    /** One path segment, percent-encoded (a space as %20, not the form encoding's "+"). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A link target for untrusted URLs: http(s) only, else null (jte then leaves the attribute out). */
    public static @Nullable String safeHref(@Nullable String url) {
        if (url == null) return null;
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? u : null;
    }

    public static String outletName(String outlet) {
        return outlet.isBlank() ? "Unknown outlet" : outlet;
    }

    public static int count(StoryView.Landscape l, String side) {
        return switch (side) {
            case "left" -> l.left();
            case "center" -> l.center();
            case "right" -> l.right();
            default -> l.unrated();
        };
    }

    /** A side's share of all sources in the bar, as a whole percent. */
    public static int percent(StoryView.Landscape l, String side) {
        return Math.round(100f * count(l, side) / Math.max(1, l.total()));
    }

    /** The CSS class giving a bar segment its width (styles are static files: no style attributes under the CSP). */
    public static String widthClass(StoryView.Landscape l, String side) {
        return "w" + Math.max(1, Math.min(WIDTH_STEPS, percent(l, side)));
    }

    /** The CSS class giving a timeline segment its height, relative to the tallest column. */
    public static String heightClass(int count, int max) {
        return "h" + Math.max(1, Math.round((float) HEIGHT_STEPS * count / Math.max(1, max)));
    }

    public static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Stance labels as a reader reads them; "asserted" needs no label. */
    public static @Nullable String stanceLabel(String stance) {
        return switch (stance) {
            case "asserted", "" -> null;
            default -> stance;
        };
    }

    public static String bucketLabel(Instant start, String bucket) {
        return bucket.equals("hour") ? DAY_TIME.format(start) : DAY.format(start);
    }

    /** The article location to show a reader: a web address, never a local file path. */
    public static @Nullable String publicLocation(String location) {
        return safeHref(location);
    }
}
