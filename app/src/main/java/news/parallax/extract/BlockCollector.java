package news.parallax.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Splits a DOM subtree into {@link TextBlock}s in reading order, skipping subtrees the caller rejects.
 *
 * <p>The walk uses jsoup's iterative {@link NodeTraversor}, so arbitrarily deep pages cannot overflow
 * the stack. Listeners see each element when it closes, after all blocks inside it, which lets
 * {@link ContentScorer} sum scores bottom-up in one pass. Not thread-safe: one collector per walk.
 */
final class BlockCollector implements NodeFilter {
    /** Elements that end a run of text. Inline elements (a, span, em, ...) do not. */
    static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "details", "dialog",
            "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "html");

    /** Called when an element closes, with the blocks it directly holds already reported. */
    interface Listener {
        void block(TextBlock block);

        /** An element the walk enters (not skipped), after the block before it is reported. */
        default void elementOpened(Element element) {}

        void elementClosed(Element element);
    }

    private final Predicate<Element> skip;
    private final Listener listener;
    private final StringBuilder text = new StringBuilder();
    private int linkChars;
    private int linkDepth;
    private boolean pendingSpace;

    private BlockCollector(Predicate<Element> skip, Listener listener) {
        this.skip = skip;
        this.listener = listener;
    }

    static void walk(Element root, Predicate<Element> skip, Listener listener) {
        BlockCollector c = new BlockCollector(skip, listener);
        NodeTraversor.filter(c, root);
        c.flush(root);
    }

    static List<TextBlock> blocks(Element root, Predicate<Element> skip) {
        List<TextBlock> out = new ArrayList<>();
        walk(root, skip, new Listener() {
            @Override
            public void block(TextBlock block) {
                out.add(block);
            }

            @Override
            public void elementClosed(Element element) {}
        });
        return out;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            appendText(t.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) return FilterResult.SKIP_ENTIRELY;
        if (skip.test(e)) return FilterResult.SKIP_ENTIRELY;
        String tag = e.normalName();
        if (BLOCK_TAGS.contains(tag)) {
            flush(e.parent() == null ? e : e.parent());
        } else if (tag.equals("a")) {
            linkDepth++;
        }
        listener.elementOpened(e);
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
            String tag = e.normalName();
            if (BLOCK_TAGS.contains(tag)) {
                flush(e);
            } else if (tag.equals("a")) {
                linkDepth = Math.max(0, linkDepth - 1);
            }
            listener.elementClosed(e);
        }
        return FilterResult.CONTINUE;
    }

    private void appendText(String s) {
        int before = text.length();
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (isPlain(c)) {
                // A run of ordinary characters is copied at once: this runs over every character of every page.
                int end = i + 1;
                while (end < n && isPlain(s.charAt(end))) end++;
                if (pendingSpace && !text.isEmpty()) text.append(' ');
                pendingSpace = false;
                text.append(s, i, end);
                i = end;
                continue;
            }
            if (!Text.isInvisible(c)) pendingSpace = true; // whitespace and control characters; invisible ones carry no text
            i++;
        }
        if (linkDepth > 0) linkChars += text.length() - before;
    }

    /** Neither whitespace (no-break spaces included), nor a control character, nor an invisible one. */
    private static boolean isPlain(char c) {
        if (c > ' ' && c < 0x7F) return true;
        return !(Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F') && !Text.isInvisible(c)
                && !Character.isISOControl(c);
    }

    private void flush(Element owner) {
        if (!text.isEmpty()) {
            listener.block(new TextBlock(text.toString(), Math.min(linkChars, text.length()), owner, kindOf(owner)));
        }
        text.setLength(0);
        linkChars = 0;
        pendingSpace = false;
    }

    private static TextBlock.Kind kindOf(Element owner) {
        // Walk a few levels only: the kind comes from the nearest structural element.
        Element e = owner;
        for (int i = 0; i < 4 && e != null; i++, e = e.parent()) {
            switch (e.normalName()) {
                case "h1": return TextBlock.Kind.TITLE_HEADING;
                case "h2", "h3", "h4", "h5", "h6": return TextBlock.Kind.HEADING;
                case "li", "dd", "dt": return TextBlock.Kind.LIST_ITEM;
                case "blockquote": return TextBlock.Kind.QUOTE;
                case "td", "th": return TextBlock.Kind.CELL;
                case "p": return TextBlock.Kind.PARAGRAPH;
                default: break;
            }
            if (BLOCK_TAGS.contains(e.normalName()) && !e.normalName().equals("br")) {
                return e.normalName().equals("div") || e.normalName().equals("pre") ? TextBlock.Kind.PARAGRAPH : TextBlock.Kind.OTHER;
            }
        }
        return TextBlock.Kind.OTHER;
    }
}
