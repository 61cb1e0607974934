package news.parallax.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Tree questions the extractor asks of many elements per page, answered without jsoup's per-element caches:
 * {@code Element.childrenSize()} stores a list of child elements in each element's user data on first use (a map,
 * a weak reference and a boxed count per element), and {@code getElementsByTag} collects a whole subtree to count
 * it. Stateless.
 */
final class Dom {
    private Dom() {}

    /** How many children are elements; the same as {@code childrenSize()}. */
    static int childElementCount(Element e) {
        int n = 0;
        for (int i = 0, size = e.childNodeSize(); i < size; i++) {
            if (e.childNode(i) instanceof Element) n++;
        }
        return n;
    }

    /**
     * The only child element of an element whose other children are blank text, or null: a paragraph that is one
     * bold element and nothing else ({@code childrenSize() == 1} and every text node blank).
     */
    static @Nullable Element onlyChildElement(Element e) {
        Element only = null;
        for (int i = 0, size = e.childNodeSize(); i < size; i++) {
            Node c = e.childNode(i);
            if (c instanceof Element el) {
                if (only != null) return null;
                only = el;
            } else if (c instanceof TextNode t && !t.isBlank()) {
                return null;
            }
        }
        return only;
    }

    /**
     * Whether the subtree (the root included) holds at least {@code n} elements named {@code tag}; the same as
     * {@code getElementsByTag(tag).size() >= n}, but it stops at the n-th.
     */
    static boolean hasAtLeast(Element root, String tag, int n) {
        int[] found = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) return FilterResult.SKIP_ENTIRELY;
                if (e.normalName().equals(tag) && ++found[0] >= n) return FilterResult.STOP;
                return FilterResult.CONTINUE;
            }
        }, root);
        return found[0] >= n;
    }
}
