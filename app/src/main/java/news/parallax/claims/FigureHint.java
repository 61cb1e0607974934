package news.parallax.claims;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The claims stage's cheap pre-filter: only sentences where a figure could count something are tagged (tagging is
 * the main cost). A figure followed by a word, a grouped or money figure, or a number word qualifies; a bare year or
 * a date does not.
 *
 * <p>{@link #PATTERN} defines the filter; {@link #in(String)} answers {@code PATTERN.matcher(s).find()} by one scan
 * of the digits and one of the words, because the pattern's alternation of some sixty words tried at every position
 * of every sentence cost 12% of the claims bench (issue 18, session 13). {@code FigureHintTest} holds the two equal
 * on corpus sentences and on random strings. Thread-safe: stateless.
 */
final class FigureHint {
    private FigureHint() {}

    static final Pattern PATTERN = Pattern.compile("[$£€¥₹]\\s?\\d|\\d,\\d{3}|\\d(?:\\.\\d+)?\\s*[-–]?\\s*[\\p{L}%]"
            + "|\\d\\s?[-–]\\s?\\d" // a tally: "control the Senate 54-46."
            + "|\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            + "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
            + "million|billion|trillion|dozens?|hundreds|thousands|millions|billions|scores|half|doubled|tripled|"
            + "trebled|quadrupled|quintupled|doubling|tripling|quadrupling|\\w+fold)\\b"
            // an elliptical count ends its clause: "He currently has 661."
            + "|\\b(?:has|have|had|won|with|up|got)\\s+\\d"
            // a length of one unit written with "a" (QuantityParser.articleDuration): "for nearly a year"
            + "|\\b(?:nearly|almost|about|around|roughly|over|under|than|only|just|barely|for|spent|spend|spends|spending|"
            + "been|lasted|lasts|took|takes)\\s+an?\\s+(?:year|month|week|day|hour|minute|decade|century)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The pattern's number words, "\w+fold" aside (lower case). */
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
            "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands", "millions",
            "billions", "scores", "half", "doubled", "tripled", "trebled", "quadrupled", "quintupled", "doubling",
            "tripling", "quadrupling");
    /** Words before an elliptical count: "has 661". */
    private static final Set<String> BEFORE_COUNT = Set.of("has", "have", "had", "won", "with", "up", "got");
    /** Words before "a year", "an hour". */
    private static final Set<String> BEFORE_ARTICLE = Set.of("nearly", "almost", "about", "around", "roughly", "over",
            "under", "than", "only", "just", "barely", "for", "spent", "spend", "spends", "spending", "been", "lasted",
            "lasts", "took", "takes");
    private static final Set<String> UNITS = Set.of("year", "month", "week", "day", "hour", "minute", "decade", "century");

    /** {@code PATTERN.matcher(s).find()}. */
    static boolean in(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (AsciiWords.isDigit(c)) {
                if (figureAt(s, i)) return true;
            } else if (c == '$' || c == '£' || c == '€' || c == '¥' || c == '₹') {
                // [$£€¥₹]\s?\d
                int j = i + 1;
                if (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
                if (j < n && AsciiWords.isDigit(s.charAt(j))) return true;
                // \s? given back: the digit right after the sign
                if (i + 1 < n && AsciiWords.isDigit(s.charAt(i + 1))) return true;
            }
        }
        // every word alternative opens with \b and a word character: the run of word characters it starts
        return AsciiWords.scan(s, 2, Integer.MAX_VALUE, (w, from, to) -> wordFigure(s, w, to));
    }

    /** The alternatives that open with the digit at {@code i}. */
    private static boolean figureAt(String s, int i) {
        int n = s.length();
        // \d,\d{3}
        if (i + 4 < n && s.charAt(i + 1) == ',' && AsciiWords.isDigit(s.charAt(i + 2)) && AsciiWords.isDigit(s.charAt(i + 3))
                && AsciiWords.isDigit(s.charAt(i + 4))) {
            return true;
        }
        // \d(?:\.\d+)?\s*[-–]?\s*[\p{L}%]: the decimals end with a digit that is itself an \d of this alternative,
        // and backtracking into \s* or [-–]? leaves a space or a dash where [\p{L}%] would have to stand
        int j = i + 1;
        while (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
        if (j < n && isDash(s.charAt(j))) j++;
        while (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
        if (j < n && (s.charAt(j) == '%' || Character.isLetter(Character.codePointAt(s, j)))) return true;
        // \d\s?[-–]\s?\d
        j = i + 1;
        if (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
        if (j >= n || !isDash(s.charAt(j))) return false;
        j++;
        if (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
        return j < n && AsciiWords.isDigit(s.charAt(j));
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '–';
    }

    /** The word alternatives on the run {@code w} (lower case) that ends at {@code to}. */
    private static boolean wordFigure(String s, String w, int to) {
        if ((NUMBER_WORDS.contains(w) || w.length() >= 5 && w.endsWith("fold")) && AsciiWords.boundary(s, to)) return true;
        int n = s.length();
        if (BEFORE_COUNT.contains(w)) {
            // \s+\d
            int j = to;
            while (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
            if (j > to && j < n && AsciiWords.isDigit(s.charAt(j))) return true;
        }
        if (BEFORE_ARTICLE.contains(w)) {
            // \s+an?\s+(?:year|...)\b
            int j = to;
            while (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
            if (j == to || j >= n || (s.charAt(j) | 0x20) != 'a') return false;
            j++;
            if (j < n && (s.charAt(j) | 0x20) == 'n') j++;
            int spaces = j;
            while (j < n && AsciiWords.isSpace(s.charAt(j))) j++;
            if (j == spaces) return false;
            int from = j;
            while (j < n && AsciiWords.isWordChar(s.charAt(j))) j++;
            return j - from <= 7 && UNITS.contains(AsciiWords.lower(s, from, j)) && AsciiWords.boundary(s, j);
        }
        return false;
    }
}
