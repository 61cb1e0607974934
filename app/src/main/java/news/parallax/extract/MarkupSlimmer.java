package news.parallax.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Drops the parts of a page that never hold article text before it is parsed: the bodies of scripts
 * (except JSON-LD), style sheets, inline SVG and HTML comments, and the attributes of start tags that the
 * extractor never reads ({@code data-*}, {@code srcset}, {@code alt}, {@code title}, event handlers...). On
 * modern news pages these are most of the bytes, and the parser's time grows with the bytes and with the
 * attributes it builds. One linear scan, no regular expressions, so hostile input cannot make it slow.
 * Stateless and thread-safe.
 */
final class MarkupSlimmer {
    private MarkupSlimmer() {}

    /** Elements whose content is dropped, with their closing tags. */
    private static final String[][] RAW_ELEMENTS = {{"<script", "</script"}, {"<style", "</style"}, {"<svg", "</svg"}};

    /**
     * Attributes some stage reads (extraction, metadata, the charset prescan of {@link PageDecoder}), and those the
     * HTML5 tree builder looks at to build the tree ({@code type} of hidden inputs in tables, {@code encoding} of
     * MathML's HTML integration point, {@code color}/{@code face}/{@code size} of {@code <font>} leaving foreign
     * content). Every other attribute is dropped. Lower case, as the parser normalises names; grouped by length for
     * the lookup. Every attribute this package reads by name must be listed here
     * ({@code MarkupSlimmerTest#everyAttributeTheExtractorReadsIsKept} checks the sources).
     */
    static final String[] KEPT_ATTRIBUTES = {
        "class", "id", "role", "aria-hidden", "aria-modal", "style", "hidden", "content", "datetime", "href",
        "http-equiv", "itemprop", "lang", "name", "property", "rel", "type", "pubdate", "src", "charset",
        "encoding", "color", "face", "size"};

    private static final String[][] KEPT_BY_LENGTH = byLength(KEPT_ATTRIBUTES);

    /**
     * Elements whose content the parser reads as text, not markup: tags inside them are not rewritten. (Comments and
     * script, style and SVG bodies inside them are still dropped, as before attributes were.)
     */
    private static final String[] TEXT_ELEMENTS = {"title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"};

    /**
     * Slims raw page bytes before decoding. Safe for every ASCII-compatible charset (UTF-8, the ISO-8859
     * and Windows code pages, Shift_JIS, EUC-JP, EUC-KR, GB18030, Big5): in all of them the bytes
     * {@code '<'}, {@code '>'}, {@code '='} and the quotes only ever mean themselves. Not for UTF-16. The bytes are
     * viewed as ISO-8859-1, a plain copy, so the scan uses the JDK's fast string search.
     */
    static byte[] slim(byte[] html) {
        String view = new String(html, StandardCharsets.ISO_8859_1);
        String slimmed = slim(view);
        return slimmed == view ? html : slimmed.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String slim(String html) {
        StringBuilder out = null;
        int copied = 0;
        // Up to here tags are text (inside a title, a textarea, JSON-LD...), so they are not rewritten.
        int textUntil = -1;
        int[] kept = new int[64];
        // After a tag this scan does not read plainly, where the parser ends it is not known: the rest is left as it is.
        boolean rewrite = true;
        int i = html.indexOf('<');
        while (i >= 0 && i < html.length() - 3) {
            int skipTo = -1;
            int keepUntil = -1;
            char next = html.charAt(i + 1);
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                keepUntil = i;
                skipTo = end < 0 ? html.length() : end + 3;
            } else if (next == 's' || next == 'S') {
                for (String[] raw : RAW_ELEMENTS) {
                    if (!regionMatchesTag(html, i, raw[0])) continue;
                    int openEnd = html.indexOf('>', i);
                    if (openEnd < 0) break;
                    String openTag = html.substring(i, openEnd + 1);
                    int close = indexOfIgnoreCase(html, raw[1], openEnd + 1);
                    if (raw[0].equals("<script") && openTag.toLowerCase(Locale.ROOT).contains("ld+json")) {
                        textUntil = Math.max(textUntil, close < 0 ? html.length() : close);
                        break;
                    }
                    keepUntil = openEnd + 1; // keep the opening tag; the parser closes the element itself
                    skipTo = close < 0 ? html.length() : close;
                    break;
                }
            }
            if (rewrite && skipTo < 0 && i >= textUntil && isAsciiLetter(next)) {
                // A start tag: rewritten without the attributes nobody reads.
                int tagEnd = keptAttributes(html, i, kept);
                int nameEnd = i + 1;
                while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) nameEnd++;
                // Even a tag left as it is opens a title or textarea whose content is text.
                int textEnd = textElementEnd(html, i, nameEnd, tagEnd > 0 ? tagEnd : i);
                if (textEnd >= 0) textUntil = textEnd;
                if (tagEnd > 0) {
                    int spans = kept[1];
                    if (spans >= 0) {
                        if (out == null) out = new StringBuilder(html.length() / 2);
                        out.append(html, copied, nameEnd);
                        for (int s = 0; s < spans; s++) out.append(' ').append(html, kept[3 + 2 * s], kept[4 + 2 * s]);
                        out.append(html, kept[2], tagEnd + 1);
                        copied = tagEnd + 1;
                    }
                    i = html.indexOf('<', tagEnd + 1);
                    continue;
                }
                rewrite = false;
            }
            if (skipTo >= 0) {
                if (out == null) out = new StringBuilder(html.length() / 2);
                out.append(html, copied, keepUntil);
                copied = skipTo;
                i = html.indexOf('<', Math.max(skipTo, i + 1));
            } else {
                i = html.indexOf('<', i + 1);
            }
        }
        if (out == null) return html;
        out.append(html, copied, html.length());
        return out.toString();
    }

    /**
     * Reads the start tag at {@code at} as the HTML tokenizer would and returns the index of its closing {@code '>'},
     * or -1 for a tag it does not read plainly (unquoted values holding quotes, a stray {@code '/'}, no end), which is
     * then left as it is, with the rest of the page. Fills {@code kept}: [0] end of the tag name, [1] the number of attributes kept when one
     * or more is dropped (else -1), [2] start of the tag's ending ({@code >} or {@code />}), then start and end of
     * each kept attribute. Grows nothing: a tag keeping more attributes than {@code kept} holds is left as it is.
     */
    static int keptAttributes(String s, int at, int[] kept) {
        int n = s.length();
        int p = at + 1;
        while (p < n && isNameChar(s.charAt(p))) p++;
        if (p >= n) return -1;
        kept[0] = p;
        int spans = 0;
        boolean dropped = false;
        while (true) {
            while (p < n && isSpace(s.charAt(p))) p++;
            if (p >= n) return -1;
            char c = s.charAt(p);
            if (c == '>') {
                kept[2] = p;
                break;
            }
            if (c == '/') {
                if (p + 1 < n && s.charAt(p + 1) == '>') {
                    kept[2] = p;
                    p++;
                    break;
                }
                return -1;
            }
            if (p == kept[0]) return -1; // the name runs into something else ("<a"b>")
            int nameStart = p;
            while (p < n && isAttributeNameChar(s.charAt(p))) {
                char x = s.charAt(p);
                if (x == '"' || x == '\'' || x == '<') return -1; // read differently by parsers; left alone
                p++;
            }
            int nameEnd = p;
            if (nameEnd == nameStart || nameEnd >= n) return -1;
            int q = p;
            while (q < n && isSpace(s.charAt(q))) q++;
            if (q < n && s.charAt(q) == '=') {
                q++;
                while (q < n && isSpace(s.charAt(q))) q++;
                if (q >= n) return -1;
                char v = s.charAt(q);
                if (v == '"' || v == '\'') {
                    int close = s.indexOf(v, q + 1);
                    if (close < 0) return -1;
                    p = close + 1;
                } else {
                    int start = q;
                    while (q < n && !isSpace(s.charAt(q)) && s.charAt(q) != '>') {
                        char u = s.charAt(q);
                        if (u == '"' || u == '\'' || u == '<' || u == '=' || u == '`') return -1;
                        q++;
                    }
                    if (q == start || q >= n) return -1;
                    p = q;
                }
            }
            // else: an attribute without a value; p stays after its name
            if (isKept(s, nameStart, nameEnd)) {
                if (3 + 2 * spans + 1 >= kept.length) return -1;
                kept[3 + 2 * spans] = nameStart;
                kept[4 + 2 * spans] = p;
                spans++;
            } else {
                dropped = true;
            }
        }
        kept[1] = dropped ? spans : -1;
        return p;
    }

    /** The start of the closing tag of a title, textarea and the like opened at {@code at}; -1 for other elements. */
    private static int textElementEnd(String s, int at, int nameEnd, int tagEnd) {
        int len = nameEnd - at - 1;
        for (String name : TEXT_ELEMENTS) {
            if (name.length() != len || !s.regionMatches(true, at + 1, name, 0, len)) continue;
            if (name.equals("plaintext")) return s.length();
            String close = "</" + name;
            for (int c = indexOfIgnoreCase(s, close, tagEnd + 1); c >= 0; c = indexOfIgnoreCase(s, close, c + 2)) {
                int after = c + close.length();
                if (after >= s.length()) return s.length();
                char x = s.charAt(after);
                if (x == '>' || x == '/' || isSpace(x)) return c;
            }
            return s.length();
        }
        return -1;
    }

    private static boolean isKept(String s, int start, int end) {
        int len = end - start;
        if (len >= KEPT_BY_LENGTH.length) return false;
        for (String name : KEPT_BY_LENGTH[len]) {
            if (s.regionMatches(true, start, name, 0, len)) return true;
        }
        return false;
    }

    private static String[][] byLength(String[] names) {
        int max = 0;
        for (String name : names) max = Math.max(max, name.length());
        String[][] out = new String[max + 1][];
        for (int len = 0; len <= max; len++) {
            int count = 0;
            for (String name : names) if (name.length() == len) count++;
            out[len] = new String[count];
            int k = 0;
            for (String name : names) if (name.length() == len) out[len][k++] = name;
        }
        return out;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Tag names as pages write them; anything else in a name and the tag is left as it is. */
    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
    }

    /** An attribute name runs to white space, '/', '>' or '=' (HTML tokenizer, attribute name state). */
    private static boolean isAttributeNameChar(char c) {
        return !isSpace(c) && c != '/' && c != '>' && c != '=';
    }

    /** HTML's ASCII white space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** "<script" followed by whitespace, ">" or "/", in any letter case. */
    private static boolean regionMatchesTag(String s, int at, String tag) {
        if (!s.regionMatches(true, at, tag, 0, tag.length())) return false;
        int after = at + tag.length();
        if (after >= s.length()) return false;
        char c = s.charAt(after);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        // needle is "</name": find each "</" and compare the name without case.
        for (int i = s.indexOf("</", from); i >= 0; i = s.indexOf("</", i + 2)) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }
}
