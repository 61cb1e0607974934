package news.parallax.extract;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * General per-block features for {@link BlockClassifier}: the shape of a block's text (length, links,
 * punctuation, short-word share as a language-blind stand-in for stop words), what holds it (kind, list
 * membership, furniture and article words in the class and id of its ancestors) and where it sits
 * relative to the body the rules chose (inside or outside it, before or after, how many blocks and how
 * many tree levels away, how dense in content its neighbourhood is). No feature names a site. One
 * instance per page; the same code computes features for training ({@code BlockModelTrainer}, test
 * scope) and for extraction, so the two cannot drift apart.
 */
final class BlockFeatures {
    /** Feature names, in the order of the vector; the model file names its weights by these. */
    static final List<String> NAMES = List.of(
            "bias", "log_length", "short", "long", "link_density", "sentence_end", "punctuation", "short_words",
            "digits", "capitals", "heading", "list_item", "quote", "cell", "other_kind", "long_list_item",
            "in_roots", "in_furniture", "weak_word", "strong_word", "article_word", "before_body", "after_body",
            "block_distance", "tree_distance", "parent_content_share", "prev_content", "next_content",
            "content_block", "headline_link", "page_position", "body_share", "kept_distance", "parent_kept_share",
            "grandparent_kept_share");

    /** Ancestors read for class and id words; the words of distant wrappers say little about a block. */
    static final int CLASS_WORD_LEVELS = 4;
    /** Block distances beyond this are all "far"; the logarithm is taken up to it. */
    static final int MAX_BLOCK_DISTANCE = 100;
    /** Tree distances beyond this are all "far". */
    static final int MAX_TREE_DISTANCE = 12;
    /** Lengths (weighted characters) beyond this are all "long" for the logarithm. */
    static final int MAX_LOG_LENGTH = 1000;

    private final List<TextBlock> blocks;
    private final boolean[] kept;
    private final java.util.Set<Element> roots;
    /** Blocks after the nearest block the rules kept, before or after; {@link #MAX_BLOCK_DISTANCE} when none. */
    private final int[] keptDistance;
    /** Per parent (and grandparent) element of a block's element: blocks under it, and of those the rules kept. */
    private final Map<Element, int[]> parentCounts = new IdentityHashMap<>();
    private final Map<Element, int[]> grandparentCounts = new IdentityHashMap<>();
    private final ContentScorer scorer;
    private final Map<Element, Integer> containerAncestors = new IdentityHashMap<>();
    private final int firstRoot;
    private final int lastRoot;
    private final double bodyWeight;

    /**
     * @param blocks  every visible block of the page, in reading order
     * @param kept    which of them the rules kept
     * @param roots   the body roots (the container and the siblings read with it)
     * @param bodyWeight weighted characters of the body the rules kept
     */
    BlockFeatures(List<TextBlock> blocks, boolean[] kept, java.util.Set<Element> roots, ContentScorer scorer, Element container,
            double bodyWeight) {
        this.blocks = blocks;
        this.kept = kept;
        this.roots = roots;
        int n = blocks.size();
        keptDistance = new int[n];
        int d = MAX_BLOCK_DISTANCE;
        for (int i = 0; i < n; i++) {
            d = kept[i] ? 0 : Math.min(MAX_BLOCK_DISTANCE, d + 1);
            keptDistance[i] = d;
        }
        d = MAX_BLOCK_DISTANCE;
        for (int i = n - 1; i >= 0; i--) {
            d = kept[i] ? 0 : Math.min(MAX_BLOCK_DISTANCE, d + 1);
            keptDistance[i] = Math.min(keptDistance[i], d);
        }
        for (int i = 0; i < n; i++) {
            Element p = blocks.get(i).owner().parent();
            if (p == null) continue;
            int[] c = parentCounts.computeIfAbsent(p, k -> new int[2]);
            c[0]++;
            if (kept[i]) c[1]++;
            Element g = p.parent();
            if (g == null) continue;
            int[] gc = grandparentCounts.computeIfAbsent(g, k -> new int[2]);
            gc[0]++;
            if (kept[i]) gc[1]++;
        }
        this.scorer = scorer;
        this.bodyWeight = bodyWeight;
        Element x = container;
        for (int i = 0; i < DefaultHtmlExtractor.MAX_ANCESTOR_STEPS && x != null; i++, x = x.parent()) containerAncestors.put(x, i);
        int first = -1, last = -1;
        for (int i = 0; i < kept.length; i++) {
            if (!kept[i]) continue;
            if (first < 0) first = i;
            last = i;
        }
        firstRoot = first;
        lastRoot = last;
    }

    double[] of(int i) {
        TextBlock b = blocks.get(i);
        String t = b.text();
        double[] f = new double[NAMES.size()];
        int w = b.weight();
        int k = 0;
        f[k++] = 1;
        f[k++] = Math.log1p(Math.min(w, MAX_LOG_LENGTH)) / Math.log1p(MAX_LOG_LENGTH);
        f[k++] = w < DefaultHtmlExtractor.MIN_UNPUNCTUATED_CHARS ? 1 : 0;
        f[k++] = w >= DefaultHtmlExtractor.MIN_PROSE_PARAGRAPH_CHARS ? 1 : 0;
        f[k++] = b.linkDensity();
        f[k++] = DefaultHtmlExtractor.endsLikeSentence(t) ? 1 : 0;
        int words = 1, shortWords = 0, punct = 0, digits = 0, letters = 0, capitals = 0, run = 0;
        for (int c = 0; c < t.length(); c++) {
            char ch = t.charAt(c);
            if (ch == ' ') {
                words++;
                if (run > 0 && run <= 3) shortWords++;
                run = 0;
                continue;
            }
            run++;
            if (ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '!' || ch == '?' || ch == '。' || ch == '、') punct++;
            else if (Character.isDigit(ch)) digits++;
            else if (Character.isLetter(ch)) {
                letters++;
                if (Character.isUpperCase(ch)) capitals++;
            }
        }
        if (run > 0 && run <= 3) shortWords++;
        f[k++] = Math.min(1, (double) punct / words);
        f[k++] = (double) shortWords / words;
        f[k++] = t.isEmpty() ? 0 : (double) digits / t.length();
        f[k++] = letters == 0 ? 0 : (double) capitals / letters;
        TextBlock.Kind kind = b.kind();
        f[k++] = kind == TextBlock.Kind.HEADING ? 1 : 0;
        f[k++] = kind == TextBlock.Kind.LIST_ITEM ? 1 : 0;
        f[k++] = kind == TextBlock.Kind.QUOTE ? 1 : 0;
        f[k++] = kind == TextBlock.Kind.CELL ? 1 : 0;
        f[k++] = kind == TextBlock.Kind.OTHER ? 1 : 0;
        f[k++] = DefaultHtmlExtractor.isListItemOfLongList(b) ? 1 : 0;
        boolean inRoots = kept[i] || DefaultHtmlExtractor.insideRoots(b.owner(), roots, scorer);
        f[k++] = inRoots ? 1 : 0;
        // Furniture and class words on the way up; tree distance: steps from the block up to an ancestor of the
        // container plus that ancestor's steps above the container (0 inside the container).
        boolean furniture = false;
        int wordFlags = 0;
        int treeDistance = MAX_TREE_DISTANCE;
        Element x = b.owner();
        for (int s = 0; s < DefaultHtmlExtractor.MAX_ANCESTOR_STEPS && x != null; s++, x = x.parent()) {
            Integer up = containerAncestors.get(x);
            if (up != null) {
                treeDistance = Math.min(MAX_TREE_DISTANCE, up + (up == 0 ? 0 : s));
                break;
            }
            if (scorer.isFurniture(x)) furniture = true;
            if (s < CLASS_WORD_LEVELS) wordFlags |= Boilerplate.classify(x);
        }
        f[k++] = furniture ? 1 : 0;
        f[k++] = (wordFlags & Boilerplate.WEAK) != 0 ? 1 : 0;
        f[k++] = (wordFlags & Boilerplate.STRONG) != 0 ? 1 : 0;
        f[k++] = (wordFlags & Boilerplate.ARTICLE) != 0 ? 1 : 0;
        f[k++] = firstRoot >= 0 && i < firstRoot ? 1 : 0;
        f[k++] = lastRoot >= 0 && i > lastRoot ? 1 : 0;
        int distance = inRoots || firstRoot < 0 ? 0 : i < firstRoot ? firstRoot - i : i > lastRoot ? i - lastRoot : 1;
        f[k++] = Math.log1p(Math.min(distance, MAX_BLOCK_DISTANCE)) / Math.log1p(MAX_BLOCK_DISTANCE);
        f[k++] = (double) treeDistance / MAX_TREE_DISTANCE;
        Element parent = b.owner().parent();
        ContentScorer.Sums ps = parent == null ? null : scorer.sums(parent);
        f[k++] = ps == null ? 0 : ps.rawContent / (ps.rawContent + ps.rawNoise + 1);
        f[k++] = i > 0 && ContentScorer.isContent(blocks.get(i - 1)) ? 1 : 0;
        f[k++] = i + 1 < blocks.size() && ContentScorer.isContent(blocks.get(i + 1)) ? 1 : 0;
        f[k++] = ContentScorer.isContent(b) ? 1 : 0;
        f[k++] = ContentScorer.isHeadlineLink(b) ? 1 : 0;
        f[k++] = blocks.size() <= 1 ? 0 : (double) i / (blocks.size() - 1);
        f[k++] = Math.min(1, w / (bodyWeight + 1));
        f[k++] = Math.log1p(keptDistance[i]) / Math.log1p(MAX_BLOCK_DISTANCE);
        int[] pc = parent == null ? null : parentCounts.get(parent);
        f[k++] = pc == null ? 0 : (double) pc[1] / pc[0];
        Element grand = parent == null ? null : parent.parent();
        int[] gc = grand == null ? null : grandparentCounts.get(grand);
        f[k++] = gc == null ? 0 : (double) gc[1] / gc[0];
        return f;
    }
}
