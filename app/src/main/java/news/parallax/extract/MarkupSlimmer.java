package news.parallax.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Drops the parts of a page that never hold article text before it is parsed: the bodies of scripts
 * (except JSON-LD), style sheets, inline SVG and HTML comments. On modern news pages these are most of
 * the bytes, and the parser's time grows with the bytes. One linear scan, no regular expressions, so
 * hostile input cannot make it slow. Stateless and thread-safe.
 */
final class MarkupSlimmer {
    private MarkupSlimmer() {}

    /** Elements whose content is dropped, with their closing tags. */
    private static final String[][] RAW_ELEMENTS = {{"<script", "</script"}, {"<style", "</style"}, {"<svg", "</svg"}};

    /**
     * Slims raw page bytes before decoding. Safe for every ASCII-compatible charset (UTF-8, the ISO-8859
     * and Windows code pages, Shift_JIS, EUC-JP, EUC-KR, GB18030, Big5): in all of them the byte
     * {@code '<'} only ever means {@code '<'}. Not for UTF-16. The bytes are viewed as ISO-8859-1, a
     * plain copy, so the scan uses the JDK's fast string search.
     */
    static byte[] slim(byte[] html) {
        String view = new String(html, StandardCharsets.ISO_8859_1);
        String slimmed = slim(view);
        return slimmed == view ? html : slimmed.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String slim(String html) {
        StringBuilder out = null;
        int copied = 0;
        int i = html.indexOf('<');
        while (i >= 0 && i < html.length() - 3) {
            int skipTo = -1;
            int keepUntil = -1;
            char next = html.charAt(i + 1);
            if (next != '!' && next != 's' && next != 'S') {
                // Neither a comment nor script, style or svg: most tags, passed over at once.
                i = html.indexOf('<', i + 1);
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                keepUntil = i;
                skipTo = end < 0 ? html.length() : end + 3;
            } else {
                for (String[] raw : RAW_ELEMENTS) {
                    if (!regionMatchesTag(html, i, raw[0])) continue;
                    int openEnd = html.indexOf('>', i);
                    if (openEnd < 0) break;
                    String openTag = html.substring(i, openEnd + 1);
                    if (raw[0].equals("<script") && openTag.toLowerCase(Locale.ROOT).contains("ld+json")) break;
                    int close = indexOfIgnoreCase(html, raw[1], openEnd + 1);
                    keepUntil = openEnd + 1; // keep the opening tag; the parser closes the element itself
                    skipTo = close < 0 ? html.length() : close;
                    break;
                }
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
