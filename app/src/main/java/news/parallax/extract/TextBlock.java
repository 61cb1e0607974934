package news.parallax.extract;

import org.jsoup.nodes.Element;

/**
 * A run of text between two block boundaries (a paragraph, heading, list item or the text of a
 * {@code <br>}-separated line), with the element that directly holds it.
 *
 * @param text       whitespace-normalised text
 * @param linkChars  how many of its characters sit inside links
 * @param owner      the innermost element holding the text
 * @param kind       what kind of block holds the text
 * @param weight     length with wide (CJK) characters weighted, for thresholds ({@link Text#weight}); kept because
 *                   every stage asks for it, several times per block
 */
record TextBlock(String text, int linkChars, Element owner, Kind kind, int weight) {

    enum Kind { PARAGRAPH, HEADING, TITLE_HEADING, LIST_ITEM, QUOTE, CELL, OTHER }

    TextBlock(String text, int linkChars, Element owner, Kind kind) {
        this(text, linkChars, owner, kind, Text.weight(text));
    }

    int length() {
        return text.length();
    }

    double linkDensity() {
        return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }
}
