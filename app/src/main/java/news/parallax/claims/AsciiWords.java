package news.parallax.claims;

import java.util.Set;

/**
 * Whole words as {@code java.util.regex} sees them between two {@code \b} (default flags: a word character is
 * {@code [A-Za-z0-9_]}, and a non-spacing mark after a letter or digit counts as one), found by one scan instead of
 * a regular expression tried at every position (issue 18's claims throughput).
 *
 * <p>A pattern {@code (?i)\b(w1|w2|...)\b} whose words are made of word characters matches exactly the maximal runs
 * of word characters that equal one of the words ignoring ASCII case and have a boundary at both ends; the boundary
 * test here is {@code Pattern.Bound}'s, line for line. {@code AsciiWordsTest} holds each use equal to its pattern on
 * corpus text and on random strings. Thread-safe: stateless.
 */
final class AsciiWords {
    private AsciiWords() {}

    /** Receives each qualifying run {@code [from, to)} of a scan, lower case; returns true to stop the scan. */
    interface Visitor {
        boolean visit(String lower, int from, int to);
    }

    static boolean isWordChar(int c) {
        return c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_');
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \b} at {@code i} of the whole of {@code s} (as {@code Pattern.Bound.check} with the default flags). */
    static boolean boundary(String s, int i) {
        boolean left = false;
        if (i > 0) {
            int ch = Character.codePointBefore(s, i);
            left = isWordChar(ch) || Character.getType(ch) == Character.NON_SPACING_MARK && hasBaseCharacter(s, i - 1);
        }
        boolean right = false;
        if (i < s.length()) {
            int ch = Character.codePointAt(s, i);
            right = isWordChar(ch) || Character.getType(ch) == Character.NON_SPACING_MARK && hasBaseCharacter(s, i);
        }
        return left ^ right;
    }

    /** {@code Pattern.hasBaseCharacter}: a mark counts as a word character when a letter or digit carries it. */
    private static boolean hasBaseCharacter(String s, int i) {
        for (int x = i; x >= 0; x--) {
            int ch = Character.codePointAt(s, x);
            if (Character.isLetterOrDigit(ch)) return true;
            if (Character.getType(ch) == Character.NON_SPACING_MARK) continue;
            return false;
        }
        return false;
    }

    /** {@code s[from, to)} with ASCII letters lower-cased (the pattern's case-insensitive matching is ASCII only). */
    static String lower(String s, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }

    /**
     * Visits, left to right, every maximal run of word characters with a boundary at its start and whose length is
     * within [{@code minLength}, {@code maxLength}]; the visitor checks the end boundary itself when it needs one.
     * Returns true when the visitor stopped the scan.
     */
    static boolean scan(String s, int minLength, int maxLength, Visitor visitor) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isWordChar(s.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            while (i < n && isWordChar(s.charAt(i))) i++;
            int length = i - from;
            if (length < minLength || length > maxLength || !boundary(s, from)) continue;
            if (visitor.visit(lower(s, from, i), from, i)) return true;
        }
        return false;
    }

    /**
     * Whether {@code s} holds one of {@code needles} (lower-case ASCII letters) with ASCII case ignored, as a pattern
     * with {@code (?i)} and without UNICODE_CASE compares letters: a necessary condition for such a pattern.
     */
    static boolean containsIgnoreCase(String s, java.util.List<String> needles) {
        for (String needle : needles) {
            char first = needle.charAt(0);
            int last = s.length() - needle.length();
            for (int i = 0; i <= last; i++) {
                if ((s.charAt(i) | 0x20) != first) continue;
                int k = 1;
                while (k < needle.length() && (s.charAt(i + k) | 0x20) == needle.charAt(k)) k++;
                if (k == needle.length()) return true;
            }
        }
        return false;
    }

    /** Whether {@code (?i)\b(w1|w2|...)\b} finds a match in {@code s}; {@code words} are lower case word characters. */
    static boolean containsAny(String s, Set<String> words, int minLength, int maxLength) {
        return scan(s, minLength, maxLength, (w, from, to) -> words.contains(w) && boundary(s, to));
    }
}
