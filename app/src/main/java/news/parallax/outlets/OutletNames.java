package news.parallax.outlets;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises outlet names into lookup keys, so "The Blaze", "TheBlaze.com" and "the blaze" meet. */
final class OutletNames {
    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)");
    /** A trailing section qualifier as AllSides writes it: "New York Times - News", "CNN - Editorial". */
    private static final Pattern DASH_QUALIFIER = Pattern.compile("\\s+[-–—]\\s+[^-–—]*$");
    private static final Pattern TLD_SUFFIX = Pattern.compile("\\.(com|org|net|co\\.uk|io|us)$");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private OutletNames() {}

    /** Exact key: case, accents, punctuation, a leading "the" and a trailing ".com" ignored. */
    static String key(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace('’', '\'').replace("&", " and ");
        s = TLD_SUFFIX.matcher(s.strip()).replaceAll("");
        if (s.startsWith("the ")) s = s.substring(4);
        return NON_ALNUM.matcher(s).replaceAll("");
    }

    /** Key of the name without its section qualifier: "Fox News (Online)" and "Newsmax - News" lose the suffix. */
    static String baseKey(String name) {
        String s = PARENTHETICAL.matcher(name).replaceAll("");
        s = DASH_QUALIFIER.matcher(s.strip()).replaceAll("");
        return key(s);
    }

    /** Whether the name marks an opinion or editorial section rather than the newsroom. */
    static boolean isOpinionSection(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        return l.contains("opinion") || l.contains("editorial") || l.contains("blog");
    }

    /** URL- and id-safe slug: "New York Times - Opinion" gives "new-york-times-opinion". */
    static String slug(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ");
        s = s.replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }
}
