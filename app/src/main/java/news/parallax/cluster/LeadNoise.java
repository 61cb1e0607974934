package news.parallax.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes page furniture that scrapers leave inside the lead of an article, before the lead is
 * read for terms, names and the embedding. Such text is not about the article's event, and since
 * the lead is what the clusterer reads, a few foreign words there weigh heavily:
 * <ul>
 *   <li>name hover cards: a linked name followed, with no space, by three headlines of other
 *       stories and "MORE" ("Donald John TrumpKamala Harris calls for ... MORE"), as The Hill's
 *       pages render them; the headlines are from other days and other events;</li>
 *   <li>image toggles: "Enlarge this image toggle caption Susan Walsh/AP Susan Walsh/AP".</li>
 * </ul>
 */
final class LeadNoise {
    /** Longest hover card removed, in characters: three headlines; longer spans are left alone. */
    private static final int MAX_HOVER_CARD_CHARS = 600;
    /** Shortest hover card: a headline or more. */
    private static final int MIN_CARD_CHARS = 30;
    /** Letters of the name before the glue; shorter prefixes are name particles (Mc, De, La). */
    private static final int MIN_NAME_LETTERS = 4;
    /** A card ends with this word; it starts where a capital follows a name's last letter with no space ("TrumpKamala"). */
    private static final Pattern HOVER_END = Pattern.compile("\\bMORE\\b");
    /** The toggle text and the photo credit, which the page prints twice. */
    private static final Pattern IMAGE_TOGGLE = Pattern.compile("(?:Enlarge this image\\s+)?(?:toggle|hide) caption\\s+(\\S.{0,80}?)\\s+\\1");

    private LeadNoise() {}

    static String strip(String text) {
        if (text.isEmpty()) return text;
        // The literal test first: the pattern's back-reference makes a full scan cost more than the rest.
        String out = text.contains(" caption") ? IMAGE_TOGGLE.matcher(text).replaceAll(" ") : text;
        if (out.contains("MORE")) out = stripHoverCards(out);
        return out;
    }

    private static String stripHoverCards(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        Matcher m = HOVER_END.matcher(text);
        while (m.find()) {
            int start = cardStart(text, Math.max(from, m.start() - MAX_HOVER_CARD_CHARS), m.start());
            // Headlines carry no sentence breaks; a span with one is prose that happens to precede "MORE".
            if (start < 0 || text.substring(start, m.start()).contains(". ")) continue;
            sb.append(text, from, start);
            from = m.end();
        }
        sb.append(text, from, text.length());
        return sb.toString();
    }

    /** The first position in [lo, hi) where a capital is glued to the end of a name, or -1; a card is at least {@link #MIN_CARD_CHARS} long. */
    private static int cardStart(String text, int lo, int hi) {
        for (int i = Math.max(lo, 1); i < hi - MIN_CARD_CHARS; i++) {
            if (Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i - 1)) && gluedToName(text, i)) return i;
        }
        return -1;
    }

    /**
     * Whether the word ending at {@code i} is a capitalised name of at least {@link #MIN_NAME_LETTERS}
     * letters: "TrumpKamala" is a glued card, "McConnell" and "DeVos" are names.
     */
    private static boolean gluedToName(String text, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isLetter(text.charAt(j))) j--;
        int letters = i - 1 - j;
        return letters >= MIN_NAME_LETTERS && Character.isUpperCase(text.charAt(j + 1))
                && !Character.isUpperCase(text.charAt(Math.min(j + 2, i - 1)));
    }
}
