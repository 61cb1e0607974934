package news.parallax.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the element that holds the article body and the furniture inside it.
 *
 * <p>Every text block is rated as <em>content</em> (a sentence-length run of mostly unlinked text) or
 * <em>noise</em> (links, short fragments). Sums are taken bottom-up over the DOM; the body container
 * is the element maximising {@code content - NOISE_WEIGHT * noise}. That one rule covers bodies split
 * over several sibling divs (the parent gains all their content and little noise) and keeps page
 * chrome out (climbing to it adds mostly noise). Elements whose class or id names furniture count as
 * pure noise, unless they hold most of the page's content. Not thread-safe: one scorer per page.
 */
final class ContentScorer implements BlockCollector.Listener {
    /** A block shorter than this is noise however it looks (bylines, labels, buttons). */
    static final int MIN_CONTENT_BLOCK_CHARS = 40;
    /** A block with more of its text in links than this is navigation or a teaser, not prose. */
    static final double MAX_CONTENT_LINK_DENSITY = 0.4;
    /** How much one character of noise costs against one character of content when choosing the container. */
    static final double NOISE_WEIGHT = 0.5;
    /** A list of other articles has at least this many headline links. */
    static final int MIN_LIST_HEADLINE_LINKS = 3;
    /** ... and its headline links make up at least this share of its text. */
    static final double LINK_LIST_MIN_SHARE = 0.25;
    /** A block with at least this share of linked text is a link. */
    static final double HEADLINE_LINK_DENSITY = 0.9;
    /** Link blocks of this length range look like headlines of other articles. */
    static final int MIN_HEADLINE_LINK_CHARS = 25;
    static final int MAX_HEADLINE_LINK_CHARS = 200;
    /** Furniture-named elements with at least this much content ... */
    static final double MIN_PROSE_CONTENT = 800;
    /** ... making up at least this share of their text are article columns, not furniture. */
    static final double MIN_PROSE_SHARE = 0.8;
    /** Furniture-named elements holding more than this share of the page's content are kept anyway. */
    static final double FURNITURE_MAX_CONTENT_SHARE = 0.5;

    /** Content and noise characters of one element: its own blocks, and its subtree after furniture is dropped. */
    static final class Sums {
        /** The element summed; null for one asked about that the walk never entered. */
        final @Nullable Element element;
        /** The sums of the element's parent, where the walk gave it (the walk's root: its parent's, from the map). */
        @Nullable Sums parent;
        /** Preorder number of the element in the walk, and the number of elements entered when it closed; -1 if never walked. */
        int opened = -1;
        int closed = -1;
        /** Index in {@link #blocks} of the first block reported after the element opened, and after it closed. */
        int firstBlock = -1;
        int endBlock = -1;
        /** Whether the element sat inside a link (so the walk counted all its text as linked). */
        boolean insideLink;
        double ownContent;
        double ownNoise;
        /** Content of the whole subtree, furniture included. */
        double rawContent;
        /** Noise of the whole subtree, furniture included. */
        double rawNoise;
        double keptContent;
        double keptNoise;
        /** Headline-shaped links in the subtree: whole blocks that are links of headline length. */
        int headlineLinks;
        double headlineLinkChars;
        /** h1 blocks in the subtree. */
        int titleHeadings;

        Sums(@Nullable Element element) {
            this.element = element;
        }

        double score() {
            return keptContent - NOISE_WEIGHT * keptNoise;
        }
    }

    private static final boolean DEBUG = System.getenv("PARALLAX_EXTRACT_DEBUG") != null;

    private final Map<Element, Sums> sums = new IdentityHashMap<>();
    /** Every element the walk entered, in the order they closed: children before parents. */
    private final List<Sums> postOrder = new ArrayList<>();
    /** The elements the walk is inside, innermost last: the walk gives each block's owner and each parent here. */
    private final ArrayDeque<Sums> open = new ArrayDeque<>();
    final List<TextBlock> blocks = new ArrayList<>();
    private final Set<String> titleTexts;

    ContentScorer(Set<String> titleTexts) {
        this.titleTexts = titleTexts;
    }

    static boolean isContent(TextBlock b) {
        return b.weight() >= MIN_CONTENT_BLOCK_CHARS && b.linkDensity() <= MAX_CONTENT_LINK_DENSITY
                && b.kind() != TextBlock.Kind.TITLE_HEADING;
    }

    @Override
    public void block(TextBlock b) {
        blocks.add(b);
        Sums top = open.peekLast();
        Sums s = top != null && top.element == b.owner() ? top : sums(b.owner());
        if (b.kind() == TextBlock.Kind.TITLE_HEADING) s.titleHeadings++;
        if (isHeadlineLink(b)) {
            s.headlineLinks++;
            s.headlineLinkChars += b.weight();
        }
        if (isContent(b)) {
            s.ownContent += b.weight() * (1 - b.linkDensity());
        } else if (b.kind() == TextBlock.Kind.TITLE_HEADING || titleTexts.contains(b.text())
                || (b.kind() == TextBlock.Kind.HEADING && b.linkDensity() <= MAX_CONTENT_LINK_DENSITY)
                || (BodyRule.LIST_ITEMS_NEUTRAL.on() && DefaultHtmlExtractor.isListItemOfLongList(b))) {
            // Headline, unlinked subheads and unlinked items of long lists (ingredients, specifications)
            // are neither evidence for nor against a container.
        } else {
            s.ownNoise += b.weight();
        }
    }

    @Override
    public void elementOpened(Element element) {
        Sums s = sums(element);
        Sums top = open.peekLast();
        Element p = element.parent();
        s.parent = top != null ? top : p == null ? null : sums(p);
        s.opened = entered++;
        s.firstBlock = blocks.size();
        s.insideLink = openLinks > 0;
        if (element.normalName().equals("a")) openLinks++;
        open.addLast(s);
    }

    @Override
    public void elementClosed(Element element) {
        Sums s = open.removeLast();
        s.closed = entered;
        s.endBlock = blocks.size();
        if (element.normalName().equals("a")) openLinks--;
        postOrder.add(s);
    }

    private int entered;
    private int openLinks;

    /**
     * The blocks a walk of {@code root} alone, skipping ignored elements and furniture below it, would give, taken
     * from this page's walk where that gives the same: the root is a block element (so the walk's blocks end at its
     * edges), sits in no link, and holds no furniture. Null otherwise.
     */
    @Nullable List<TextBlock> blocksOf(Element root) {
        Sums s = sums.get(root);
        if (s == null || s.endBlock < 0 || s.insideLink || !BlockCollector.BLOCK_TAGS.contains(root.normalName())) return null;
        for (Element f : furniture.keySet()) {
            Sums fs = sums.get(f);
            if (fs != null && fs.opened > s.opened && fs.opened < s.closed) return null;
        }
        return blocks.subList(s.firstBlock, s.endBlock);
    }

    /** Sums every subtree bottom-up; call once after the walk. */
    void finish() {
        for (Sums s : postOrder) {
            s.rawContent += s.ownContent;
            s.rawNoise += s.ownNoise;
            Sums ps = s.parent;
            if (ps != null) {
                ps.rawContent += s.rawContent;
                ps.rawNoise += s.rawNoise;
                ps.headlineLinks += s.headlineLinks;
                ps.headlineLinkChars += s.headlineLinkChars;
                ps.titleHeadings += s.titleHeadings;
            }
        }
        double total = postOrder.isEmpty() ? 0 : postOrder.getLast().rawContent;
        for (Sums s : postOrder) {
            Element e = java.util.Objects.requireNonNull(s.element);
            s.keptContent += s.ownContent;
            s.keptNoise += s.ownNoise;
            if (isFurniture(e, s, total)) {
                s.keptNoise += s.keptContent;
                s.keptContent = 0;
                furniture.put(e, Boolean.TRUE);
            }
            Sums ps = s.parent;
            if (ps != null) {
                ps.keptContent += s.keptContent;
                ps.keptNoise += s.keptNoise;
            }
        }
    }

    private final Map<Element, Boolean> furniture = new IdentityHashMap<>();

    private static boolean isFurniture(Element e, Sums s, double total) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) return false;
        int words = Boilerplate.classify(e);
        // Consent boxes and comment threads never hold the headline; an article wrapper named
        // "comments-enabled" does.
        if (s.titleHeadings == 0 && (words & Boilerplate.STRONG) != 0) return true;
        if (s.rawContent > FURNITURE_MAX_CONTENT_SHARE * total) return false;
        if (isLinkList(s)) return true;
        // Streaming renderers park the real body in <div hidden>; it is furniture unless it holds the article.
        boolean named = e.hasAttr("hidden") || ((words & Boilerplate.WEAK) != 0 && (words & Boilerplate.ARTICLE) == 0);
        // A weak furniture word on a block of substantial, clean prose is a layout name ("sidebar-grid"
        // columns that carry the article), not furniture.
        return named && !isProse(s);
    }

    static boolean isProse(Sums s) {
        return s.rawContent >= MIN_PROSE_CONTENT && s.rawContent >= MIN_PROSE_SHARE * (s.rawContent + s.rawNoise);
    }

    /**
     * A list of other articles: several headline links making up a good share of the text, as in
     * "more news" rails whose cards carry a summary paragraph under each linked headline.
     */
    static boolean isLinkList(Sums s) {
        return s.headlineLinks >= MIN_LIST_HEADLINE_LINKS
                && s.headlineLinkChars >= LINK_LIST_MIN_SHARE * (s.rawContent + s.headlineLinkChars);
    }

    static boolean isHeadlineLink(TextBlock b) {
        return b.linkDensity() > HEADLINE_LINK_DENSITY && b.length() >= MIN_HEADLINE_LINK_CHARS
                && b.length() <= MAX_HEADLINE_LINK_CHARS;
    }

    boolean isFurniture(Element e) {
        return furniture.containsKey(e);
    }

    /** The element with the best score, or null when the page has no content blocks. */
    @Nullable Element bestContainer() {
        Element best = null;
        double bestScore = 0;
        for (Sums s : postOrder) {
            if (s.score() <= bestScore) continue;
            Element e = java.util.Objects.requireNonNull(s.element);
            if (furniture.containsKey(e) || Boilerplate.isIgnored(e) || insideFurniture(e)) {
                if (DEBUG) {
                    Element x = e;
                    while (x != null && !furniture.containsKey(x)) x = x.parent();
                    System.err.println("rejected " + e.normalName() + "." + e.className() + " score=" + s.score() + " furniture ancestor="
                            + (x == null ? "none(ignored)" : x.normalName() + "." + x.className() + "#" + x.id() + " raw=" + sums(x).rawContent));
                }
                continue;
            }
            double score = s.score();
            {
                bestScore = score;
                best = e;
            }
        }
        return best;
    }

    /** Bounded walk up: a container inside a consent box or comment thread is still furniture. */
    private boolean insideFurniture(Element e) {
        Element x = e.parent();
        for (int i = 0; i < DefaultHtmlExtractor.MAX_ANCESTOR_STEPS && x != null; i++, x = x.parent()) {
            if (furniture.containsKey(x)) return true;
        }
        return false;
    }

    Sums sums(Element e) {
        Sums s = sums.get(e);
        if (s == null) {
            s = new Sums(e);
            sums.put(e, s);
        }
        return s;
    }
}
