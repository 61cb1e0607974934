package news.parallax.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cheap word tokenisation and normalisation used for similarity, shingles and term weights. */
public final class Tokens {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-.,]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");

    /** Common English function words; they carry no topical signal. */
    public static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
            "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
            "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
            "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
            "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same",
            "says", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
            "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
            "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
            "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "mr", "ms", "mrs", "new",
            "one", "two", "year", "years", "told", "say", "like", "people", "time", "may", "might", "must", "get",
            "make", "made", "many", "much", "even", "still", "well", "back", "week", "last", "first");

    private Tokens() {}

    /** Words as written, trailing punctuation inside tokens kept only between letters or digits. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Lower-cased, accent-folded words with apostrophe suffixes dropped ("Russia's" gives "russia"). */
    public static List<String> normalized(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) out.add(normalize(w));
        return out;
    }

    /** Normalised content words: stop words and one-letter tokens removed. */
    public static List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : normalized(text)) {
            if (w.length() > 1 && !STOP_WORDS.contains(w)) out.add(w);
        }
        return out;
    }

    public static String normalize(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        int apos = w.indexOf('\'');
        if (apos > 0) w = w.substring(0, apos);
        if (w.endsWith(".") || w.endsWith(",")) w = w.substring(0, w.length() - 1);
        if (!isAscii(w)) w = Normalizer.normalize(w, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return w;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) return false;
        return true;
    }
}
