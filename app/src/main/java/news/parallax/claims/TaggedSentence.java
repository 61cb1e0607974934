package news.parallax.claims;

import java.util.Locale;

/**
 * One sentence with its OpenNLP tokens, universal POS tags and token character offsets.
 *
 * @param text   the sentence verbatim
 * @param tokens tokens as written, with typographic quotes and apostrophes straightened
 * @param tags   universal POS tags (NOUN, PROPN, NUM, VERB...), one per token
 * @param starts character offset of each token in {@code text}
 */
record TaggedSentence(String text, String[] tokens, String[] tags, int[] starts) {

    int size() {
        return tokens.length;
    }

    String lower(int i) {
        return i < 0 || i >= tokens.length ? "" : tokens[i].toLowerCase(Locale.ROOT);
    }

    String tag(int i) {
        return i < 0 || i >= tags.length ? "" : tags[i];
    }

    boolean isNoun(int i) {
        return tag(i).startsWith("NOUN");
    }

    boolean isPropn(int i) {
        return tag(i).startsWith("PROPN");
    }

    boolean isVerb(int i) {
        return tag(i).startsWith("VERB") || tag(i).startsWith("AUX");
    }

    boolean isCapitalized(int i) {
        return i >= 0 && i < tokens.length && !tokens[i].isEmpty() && Character.isUpperCase(tokens[i].charAt(0));
    }

    /** Tokens {@code from} (inclusive) to {@code to} (exclusive) joined as they appear in the text. */
    String span(int from, int to) {
        if (from >= to) return "";
        int end = starts[to - 1] + tokens[to - 1].length();
        return text.substring(starts[from], Math.min(end, text.length())).strip();
    }
}
