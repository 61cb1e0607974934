package news.parallax.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F1 of an extracted body against the expected one over word 4-gram shingles,
 * the measure of the public article-extraction benchmarks. Words are runs of letters and digits,
 * lower-cased; Chinese, Japanese and Korean ideographs and kana count one word each because those
 * scripts do not separate words by spaces. Shingles are counted as a multiset.
 */
public final class Shingles {
    /** Words per shingle. */
    public static final int SHINGLE_WORDS = 4;

    private Shingles() {}

    /** Precision, recall and F1 of one page. */
    public record Score(double precision, double recall, double f1) {}

    public static Score score(String extracted, String expected) {
        Map<String, Integer> got = shingles(extracted);
        Map<String, Integer> want = shingles(expected);
        if (got.isEmpty() && want.isEmpty()) return new Score(1, 1, 1);
        if (got.isEmpty() || want.isEmpty()) return new Score(0, 0, 0);
        long common = 0;
        long gotTotal = 0;
        long wantTotal = 0;
        for (int c : got.values()) gotTotal += c;
        for (int c : want.values()) wantTotal += c;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            Integer w = want.get(e.getKey());
            if (w != null) common += Math.min(w, e.getValue());
        }
        double p = (double) common / gotTotal;
        double r = (double) common / wantTotal;
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                if (!w.isEmpty()) { out.add(w.toString()); w.setLength(0); }
                out.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.toLowerCase(cp));
            } else if (!w.isEmpty()) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (!w.isEmpty()) out.add(w.toString());
        return out;
    }

    static Map<String, Integer> shingles(String text) {
        List<String> words = words(text.toLowerCase(Locale.ROOT));
        Map<String, Integer> out = new HashMap<>();
        if (words.isEmpty()) return out;
        if (words.size() < SHINGLE_WORDS) {
            out.merge(String.join(" ", words), 1, Integer::sum);
            return out;
        }
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            out.merge(String.join(" ", words.subList(i, i + SHINGLE_WORDS)), 1, Integer::sum);
        }
        return out;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
