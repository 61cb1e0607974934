package news.parallax.analysis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import news.parallax.model.Article;
import news.parallax.outlets.Outlet;
import org.jspecify.annotations.Nullable;

/**
 * Recognises opinion and analysis pieces, which are labelled "Opinion" wherever listed and never name a story.
 *
 * <p>Four signals, any one enough: an opinion section in the URL path ("/opinion/", "/commentary/",
 * "/editorials/", "/columnists/"), a marker at the head of the title ("OPINION:", "Opinion |", "Analysis:"), an
 * outlet that is an opinion section or a columnist ("New York Times - Opinion", "Guest Writer - Left", a rater's
 * "Author") and an outlet name the record carries that says so. Stateless and thread-safe.
 */
public final class OpinionPieces {
    /** Path segments of opinion sections, as news sites name them. */
    private static final Pattern OPINION_PATH = Pattern.compile(
            "(?i)/(opinions?|commentary|editorials?|columns?|columnists?|op-?eds?|perspectives?|views|voices|blogs?|analysis)(/|-|$)");
    /** A label before the headline proper: "OPINION: ...", "Opinion | ...", "Analysis - ...", "Editorial: ...". */
    private static final Pattern TITLE_MARKER = Pattern.compile(
            "(?i)^\\s*(opinion|analysis|commentary|editorial|column|op-ed|perspective|the view)\\s*[:|\\-–—]");
    /** The same marker at the end: "... | Opinion", "... - Opinion". */
    private static final Pattern TITLE_SUFFIX = Pattern.compile("(?i)[|\\-–—]\\s*(opinion|analysis|commentary|editorial)\\s*$");
    /** Words of an outlet or section name marking opinion rather than newsroom. */
    private static final List<String> OPINION_NAMES = List.of("opinion", "editorial", "commentary", "guest writer", "columnist", "blog");

    private OpinionPieces() {}

    /** Whether {@code article}, published by {@code outlet} (null when unknown), is an opinion or analysis piece. */
    public static boolean isOpinion(Article article, @Nullable Outlet outlet) {
        if (article.url() != null && OPINION_PATH.matcher(urlPath(article.url())).find()) return true;
        if (TITLE_MARKER.matcher(article.title()).find() || TITLE_SUFFIX.matcher(article.title()).find()) return true;
        if (opinionName(article.outlet())) return true;
        if (outlet == null) return false;
        return opinionName(outlet.name()) || outlet.kind() != null && outlet.kind().toLowerCase(Locale.ROOT).contains("author");
    }

    private static boolean opinionName(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        for (String n : OPINION_NAMES) if (l.contains(n)) return true;
        return false;
    }

    /** The path of a URL, without scheme, host, query or fragment ("" when it has none). */
    static String urlPath(String url) {
        String u = url;
        int scheme = u.indexOf("://");
        if (scheme >= 0) u = u.substring(scheme + 3);
        int slash = u.indexOf('/');
        if (slash < 0) return "";
        u = u.substring(slash);
        int q = u.indexOf('?');
        if (q >= 0) u = u.substring(0, q);
        int h = u.indexOf('#');
        return h >= 0 ? u.substring(0, h) : u;
    }

    /** The title without an opinion marker ("OPINION: Bad, Press" gives "Bad, Press"), for a story with nothing else to go by. */
    static String withoutMarker(String title) {
        String t = TITLE_MARKER.matcher(title).replaceFirst("").strip();
        return TITLE_SUFFIX.matcher(t).replaceFirst("").strip();
    }
}
