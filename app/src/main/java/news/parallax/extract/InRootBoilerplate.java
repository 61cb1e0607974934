package news.parallax.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Boilerplate the body roots hold among the article's own blocks: related-link lists, share bars, author boxes,
 * newsletter plugs, "read more" teasers. The rules that chose the body see elements; this step sees the chosen
 * body as a whole and asks of each of its blocks whether it sits off the body's main run of paragraphs, in a
 * small box at either end, and reads like furniture (short, unpunctuated, linked, repeated elsewhere on the
 * page, or named so by its markup). No rule names a site. Each signal is switchable through {@link BodyRule}
 * for the ablation in BENCHMARKS.md; not thread-safe, one call per page.
 */
final class InRootBoilerplate {
    private InRootBoilerplate() {}

    /** How far up from a block's element to the body root the class and id words are read. */
    static final int MAX_BOX_DEPTH = 12;

    /** The main run must hold at least this share of the body's weight for blocks after it to be judged against it. */
    static final double MIN_MAIN_RUN_SHARE = 0.3;
    /** A box after the main run holding less than this share of the body's weight is furniture (author box, plug, list). */
    static final double MAX_TRAILING_BOX_SHARE = 0.1;
    /** A line ahead of the main run, in a box holding less than this share of the body, that is no sentence: a caption, a notice. */
    static final double MAX_LEADING_LINE_SHARE = 0.02;
    /** The last this many blocks of a body are looked at for linked lines ... */
    static final int TAIL_BLOCKS = 2;
    /** ... in a body of more blocks than this ... */
    static final int MIN_BLOCKS_FOR_TAIL = 3;
    /** ... shorter than this (weighted characters) ... */
    static final int MAX_TAIL_LINE_WEIGHT = 150;
    /** ... with at least this share of their text in links. */
    static final double MIN_TAIL_LINE_LINK_DENSITY = 0.05;
    /** A main run holding at least this share of the body ... */
    static final double MIN_DOMINANT_RUN_SHARE = 0.5;
    /** ... makes boxes after it holding less than this share furniture too. */
    static final double MAX_TRAILING_BOX_SHARE_AFTER_DOMINANT_RUN = 0.2;

    /**
     * What is known of one body block. {@code mainRun}: its element's parent is the one holding the most body weight
     * in its own child blocks (the run of paragraphs). {@code branchShare}: the share of the body's weight in the box
     * the block sits in off that run (1 on the run). {@code leading} and {@code trailing}: before the run's first block, after its last. {@code mainShare}:
     * the run's share of the body (the same for every block of a page). {@code furnitureWords} and
     * {@code articleWords}: class and id words of its elements below the body root ({@link Boilerplate#classify}), furniture
     * words not counted on an element of long clean prose ({@link ContentScorer#isProse}).
     */
    record Signals(boolean inRoot, boolean mainRun, double branchShare, boolean leading, boolean trailing, double mainShare,
            int furnitureWords, boolean articleWords, String classPath) {}

    /** The signals of every block of the body, in its order; the class path (for the evidence tools) only when asked. */
    static Signals[] signals(List<TextBlock> body, Set<Element> roots, ContentScorer scorer, boolean withClassPath) {
        int m = body.size();
        Signals[] out = new Signals[m];
        if (m == 0) return out;
        double total = 0;
        for (TextBlock b : body) total += b.weight();
        if (total <= 0) total = 1;
        // The main run: the parent holding the most body weight in its own child blocks.
        Map<Element, double[]> byParent = new IdentityHashMap<>();
        Element main = null;
        double best = -1;
        for (TextBlock b : body) {
            Element p = b.owner().parent();
            if (p == null) continue;
            double[] w = byParent.computeIfAbsent(p, k -> new double[1]);
            w[0] += b.weight();
            if (w[0] > best) {
                best = w[0];
                main = p;
            }
        }
        Set<Element> mainChain = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element x = main; x != null && mainChain.size() < DefaultHtmlExtractor.MAX_ANCESTOR_STEPS; x = x.parent()) mainChain.add(x);
        Element[] branch = new Element[m];
        Map<Element, double[]> branchWeight = new IdentityHashMap<>();
        double mainWeight = 0;
        int firstMain = m, lastMain = -1;
        for (int j = 0; j < m; j++) {
            TextBlock b = body.get(j);
            Element o = b.owner();
            if (o == main || o.parent() == main) {
                mainWeight += b.weight();
                firstMain = Math.min(firstMain, j);
                lastMain = j;
                continue;
            }
            Element x = o;
            for (int i = 0; i < DefaultHtmlExtractor.MAX_ANCESTOR_STEPS; i++) {
                Element p = x.parent();
                if (p == null || mainChain.contains(p)) break;
                x = p;
            }
            branch[j] = x;
            branchWeight.computeIfAbsent(x, k -> new double[1])[0] += b.weight();
        }
        double mainShare = mainWeight / total;
        for (int j = 0; j < m; j++) {
            TextBlock b = body.get(j);
            boolean inRoot = false;
            int words = 0;
            boolean article = false;
            StringBuilder path = withClassPath ? new StringBuilder() : null;
            Element x = b.owner();
            for (int i = 0; i < DefaultHtmlExtractor.MAX_ANCESTOR_STEPS && x != null; i++, x = x.parent()) {
                if (roots.contains(x)) {
                    inRoot = true;
                    break;
                }
                if (i < MAX_BOX_DEPTH) {
                    int f = Boilerplate.classify(x);
                    // A furniture-named element of long clean prose is a layout column ("sidebar-grid"), as for the container.
                    if ((f & Boilerplate.WEAK) != 0 && !ContentScorer.isProse(scorer.sums(x))) words++;
                    if ((f & Boilerplate.ARTICLE) != 0) article = true;
                    if (path != null) {
                        path.append(x.normalName()).append('.').append(x.className().replace(' ', '.'));
                        if (!x.id().isEmpty()) path.append('#').append(x.id());
                        path.append(' ');
                    }
                }
            }
            Element br = branch[j];
            double[] bw = br == null ? null : branchWeight.get(br);
            out[j] = new Signals(inRoot, br == null, bw == null ? 1 : bw[0] / total, j < firstMain, j > lastMain, mainShare, words, article,
                    path == null ? "" : path.toString());
        }
        return out;
    }

    /** Whether the block is boilerplate by one of the switched-on rules. */
    static boolean isBoilerplate(TextBlock b, Signals s) {
        if (!s.inRoot()) return false;
        if (BodyRule.IN_ROOT_TRAILING_BOX.on() && s.trailing() && s.mainShare() >= MIN_MAIN_RUN_SHARE
                && s.branchShare() < MAX_TRAILING_BOX_SHARE) return true;
        if (BodyRule.IN_ROOT_LARGER_TRAILING_BOX.on() && s.trailing() && s.mainShare() >= MIN_DOMINANT_RUN_SHARE
                && s.branchShare() < MAX_TRAILING_BOX_SHARE_AFTER_DOMINANT_RUN) return true;
        if (BodyRule.IN_ROOT_LEADING_LINE.on() && s.leading() && s.mainShare() >= MIN_DOMINANT_RUN_SHARE
                && s.branchShare() < MAX_LEADING_LINE_SHARE && b.kind() != TextBlock.Kind.HEADING
                && !DefaultHtmlExtractor.endsLikeSentence(b.text())) return true;
        return BodyRule.IN_ROOT_NAMED_BOX.on() && !s.mainRun() && s.furnitureWords() > 0 && !s.articleWords();
    }

    /**
     * The blocks kept: every block the remover does not take for boilerplate. Where it dropped some, labels it
     * leaves behind go too ({@link BodyRule#IN_ROOT_LABELS_LEFT}): headings and short lines now at the end ("Lesen
     * Sie auch:" over a dropped list). (Dropping headings now followed by another heading as well cost the Fundus
     * tune part 0.0001 and gained nothing on the segment set: not done.)
     */
    static List<TextBlock> filter(List<TextBlock> body, Signals[] signals) {
        List<Integer> keptAt = new ArrayList<>(body.size());
        for (int j = 0; j < body.size(); j++) {
            if (!isBoilerplate(body.get(j), signals[j])) keptAt.add(j);
        }
        if (BodyRule.IN_ROOT_LINKED_TAIL.on() && keptAt.size() > MIN_BLOCKS_FOR_TAIL) {
            // A short, partly linked line among the last ones: "More at example.org", "Follow us on ...", "Sign up here".
            for (int k = keptAt.size() - 1; k >= keptAt.size() - TAIL_BLOCKS && k >= 0; k--) {
                int j = keptAt.get(k);
                TextBlock b = body.get(j);
                if (signals[j].inRoot() && b.weight() < MAX_TAIL_LINE_WEIGHT && b.linkDensity() >= MIN_TAIL_LINE_LINK_DENSITY) keptAt.remove(k);
            }
        }
        List<TextBlock> out = new ArrayList<>(keptAt.size());
        for (int j : keptAt) out.add(body.get(j));
        if (out.size() == body.size() || out.isEmpty() || !BodyRule.IN_ROOT_LABELS_LEFT.on()) return out;
        int last = out.size() - 1;
        while (last >= 0 && !DefaultHtmlExtractor.isSubstantial(out.get(last))) last--;
        return last < 0 ? out : new ArrayList<>(out.subList(0, last + 1));
    }
}
