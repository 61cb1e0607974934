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

    /** Lower case letters and digits only, for comparing strings that differ in punctuation or spacing. */
    static String key(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
