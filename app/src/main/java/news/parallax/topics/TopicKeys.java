package news.parallax.topics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How names compare and how a topic is named in a URL. Stateless. */
final class TopicKeys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    /** Longest slug kept: a URL segment a reader can still read. */
    static final int MAX_SLUG_CHARS = 60;

    private TopicKeys() {}

    /** The words of a text as written (letters and digits; "U.S." is "U", "S"; "Trump's" is "Trump", "s"). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The comparison key: accents, case, dots and apostrophes dropped, a leading "the" dropped, words joined by one space. */
    static String key(String name) {
        String n = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT)
                .replace(".", "").replace("'", "").replace("\u2019", "");
        String k = String.join(" ", words(n));
        return k.startsWith("the ") ? k.substring(4) : k;
    }

    /** A URL segment for a topic name: ASCII letters and digits joined by hyphens ("Donald Trump" is "donald-trump"). */
    static String slug(String name) {
        String s = NOT_SLUG.matcher(key(name)).replaceAll("-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > MAX_SLUG_CHARS) s = s.substring(0, MAX_SLUG_CHARS).replaceAll("-+$", "");
        return s.isEmpty() ? "topic" : s;
    }
}
