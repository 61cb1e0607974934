package news.parallax.extract;

import java.util.Locale;

/** Small text helpers shared by the extraction stages. */
final class Text {
    private Text() {}

    /** Collapses whitespace (including no-break spaces) to single spaces and trims. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                space = true;
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
                // invisible
            } else {
                if (space && !b.isEmpty()) b.append(' ');
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Zero-width characters and soft hyphens: they carry no text. */
    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD';
    }

    /** How many Latin-script characters one Chinese, Japanese or Korean character is worth in length thresholds. */
    static final int WIDE_CHAR_WEIGHT = 3;

    /**
     * Length for thresholds: characters of scripts written without spaces (Han, kana, Hangul) carry about
     * a word each, so they count {@link #WIDE_CHAR_WEIGHT} times.
     */
    static int weight(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF)
                    || (c >= 0xF900 && c <= 0xFAFF) ? WIDE_CHAR_WEIGHT : 1;
        }
        return w;
    }

    /** Lower case letters and digits only, for comparing strings that differ in punctuation or spacing. */
    static String key(String s) {
        char[] b = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // ASCII first: most text on most pages, and the keys of every block are taken.
            if (c < 0x80) {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b[n++] = c;
                else if (c >= 'A' && c <= 'Z') b[n++] = (char) (c + ('a' - 'A'));
            } else if (Character.isLetterOrDigit(c)) {
                b[n++] = Character.toLowerCase(c);
            }
        }
        return new String(b, 0, n).toLowerCase(Locale.ROOT);
    }
}
