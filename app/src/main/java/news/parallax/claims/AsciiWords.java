package news.parallax.claims;

import java.util.Set;

/**
 * Whole words as {@code java.util.regex} sees them between two {@code \b} (default flags: a word character is
 * {@code [A-Za-z0-9_]}, and a non-spacing mark after a letter or digit counts as one), found by one scan instead of
 * a regular expression tried at every position (issue 18's claims throughput).
 *
 * <p>A pattern {@code (?i)\b(w1|w2|...)\b} whose words are made of word characters matches exactly the maximal runs
 * of word characters that equal one of the words ignoring ASCII case and have a boundary at both ends. The boundary
 * test follows what {@code \b} does with default flags (combining marks included); {@code FastMatchersTest} holds
 * each use equal to its pattern on corpus text and on random strings. Thread-safe: stateless.
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

    /** Whether {@code \b} holds at {@code i} of the whole of {@code s}: a word-like code point on one side only. */
    static boolean boundary(String s, int i) {
        boolean before = i > 0 && wordLike(s, Character.codePointBefore(s, i), i - 1);
        boolean after = i < s.length() && wordLike(s, Character.codePointAt(s, i), i);
        return before != after;
    }

    /**
     * Whether code point {@code cp} (its last char at {@code at}) counts as part of a word for {@code \b}: a word
     * character, or a combining mark whose run of marks rests on a letter or digit ("e" + U+0301 is one word).
     */
    private static boolean wordLike(String s, int cp, int at) {
        if (isWordChar(cp)) return true;
        if (Character.getType(cp) != Character.NON_SPACING_MARK) return false;
        // Read back char by char from the mark itself, as the regex engine does (a surrogate half ends the run).
        for (int x = at; x >= 0; x--) {
            int c = Character.codePointAt(s, x);
            if (Character.getType(c) != Character.NON_SPACING_MARK) return Character.isLetterOrDigit(c);
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
