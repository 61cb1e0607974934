package news.parallax.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.nlp.Tokens;
import org.jspecify.annotations.Nullable;

/**
 * Online near-duplicate detector: each added article is compared with the recent ones and
 * reported as a copy of the earliest it re-uses, at article level (MinHash, banded LSH) or at
 * paragraph level (SimHash). Credit lines ({@link WireCredit}) lower the bar between two
 * articles that credit the same wire.
 *
 * <p>Paragraphs that recur in many earlier articles (an outlet's standard footer, The Hill's
 * hover-card text) are boilerplate, not copying, and are left out of the paragraph test. Memory
 * and time are bounded by the window: articles older than it are dropped from the indexes.
 * Deterministic; not thread-safe.
 */
public final class SyndicationDetector {
    /** Estimated shingle Jaccard above which two texts are the same text with small edits. */
    public static final double COPY_JACCARD = 0.6;
    /** Lower bar when both credit the same wire: a wire story trimmed or topped by another outlet. */
    public static final double WIRE_COPY_JACCARD = 0.35;
    /**
     * Bar for two articles of the same outlet: an outlet's own pages share templates (newsletters,
     * fact-check boxes, photo galleries), so only a re-post of nearly the same text counts.
     */
    public static final double SAME_OUTLET_COPY_JACCARD = 0.9;
    /** Share of an article's (non-boilerplate) words lying in paragraphs of one earlier article. */
    public static final double COPY_PARAGRAPH_SHARE = 0.6;
    /** Paragraph fingerprints this many bits apart or fewer count as the same paragraph. */
    public static final int PARAGRAPH_MAX_BITS = 3;
    /** Two paragraphs this many times apart in length are not the same paragraph, whatever their fingerprints. */
    public static final double MAX_PARAGRAPH_LENGTH_RATIO = 1.5;
    /** Paragraphs shorter than this are too generic to prove copying. */
    public static final int MIN_PARAGRAPH_WORDS = 12;
    /** Articles shorter than this are never declared copies: there is too little text to tell. */
    public static final int MIN_ARTICLE_WORDS = 60;
    /** A paragraph seen in this many earlier articles is boilerplate. */
    public static final int BOILERPLATE_ARTICLES = 3;
    /** LSH banding: 16 bands of 4 slots find pairs above about Jaccard 0.5 with high probability. */
    private static final int BANDS = 16;
    private static final int ROWS = MinHash.SLOTS / BANDS;

    private final Duration window;
    private final ArrayDeque<Entry> recent = new ArrayDeque<>();
    private final Map<Long, List<Entry>> bandIndex = new HashMap<>();
    private final Map<Integer, List<ParagraphRef>> blockIndex = new HashMap<>();
    private final Map<String, List<Entry>> byWire = new HashMap<>();
    /** Copy id -> the original it copies (the original's own original, if any): read only for entries in the window. */
    private final Map<String, String> rootOf = new HashMap<>();
    /** Ids of the articles in the window, with how many entries each has there. */
    private final Map<String, Integer> held = new HashMap<>();
    private long sequence;

    /** @param window how long an article stays a possible original; copies appear within hours to days */
    public SyndicationDetector(Duration window) {
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive: " + window);
        this.window = window;
    }

    public SyndicationDetector() {
        this(Duration.ofDays(7));
    }

    /**
     * Compares {@code article} with the recent articles, then remembers it.
     *
     * @param time the article's arrival or publication time, non-decreasing across calls
     */
    public Optional<CopyMatch> add(Article article, Instant time) {
        evictBefore(time.minus(window));
        List<String> words = Tokens.normalized(article.text());
        long[] sig = MinHash.signature(words);
        String wire = WireCredit.find(article).orElse(null);
        List<Paragraph> paragraphs = paragraphs(article);
        Entry entry = new Entry(sequence++, article.id(), article.outlet(), time, sig, wire, paragraphs, bandKeys(sig));

        Optional<CopyMatch> match = words.size() < MIN_ARTICLE_WORDS ? Optional.empty() : findOriginal(entry);
        index(entry);
        match.ifPresent(m -> rootOf.put(article.id(), m.originalId()));
        return match;
    }

    private Optional<CopyMatch> findOriginal(Entry e) {
        Entry best = null;
        double bestSim = 0;
        CopyMatch.Method method = CopyMatch.Method.ARTICLE;
        Set<Entry> seen = new HashSet<>();
        for (long key : e.bandKeys) {
            for (Entry c : bandIndex.getOrDefault(key, List.of())) {
                if (!seen.add(c)) continue;
                double s = MinHash.similarity(e.signature, c.signature);
                double bar = c.outlet.equals(e.outlet) ? SAME_OUTLET_COPY_JACCARD : COPY_JACCARD;
                if (s >= bar && better(s, c, bestSim, best)) {
                    best = c;
                    bestSim = s;
                }
            }
        }
        // A credit naming the article's own outlet ("(CNN)" on cnn.com) is a dateline, not syndication.
        if (best == null && e.wire != null && !WireCredit.isWireOutlet(e.outlet, e.wire)) {
            for (Entry c : byWire.getOrDefault(e.wire, List.of())) {
                if (c.outlet.equals(e.outlet)) continue;
                double s = MinHash.similarity(e.signature, c.signature);
                if (s >= WIRE_COPY_JACCARD && better(s, c, bestSim, best)) {
                    best = c;
                    bestSim = s;
                    method = CopyMatch.Method.WIRE_CREDIT;
                }
            }
        }
        if (best == null) {
            ParagraphMatch pm = paragraphMatch(e);
            if (pm != null) {
                best = pm.original;
                bestSim = pm.share;
                method = CopyMatch.Method.PARAGRAPHS;
            }
        }
        if (best == null) return Optional.empty();
        String root = rootOf.getOrDefault(best.id, best.id);
        return Optional.of(new CopyMatch(root, bestSim, method, method == CopyMatch.Method.WIRE_CREDIT ? e.wire : null));
    }

    /** Higher similarity wins; ties go to the earlier article so the result does not depend on hash order. */
    private static boolean better(double s, Entry c, double bestSim, @Nullable Entry best) {
        return best == null || s > bestSim || (s == bestSim && c.seq < best.seq);
    }

    private record ParagraphMatch(Entry original, double share) {}

    private @Nullable ParagraphMatch paragraphMatch(Entry e) {
        int totalWords = 0;
        Map<Entry, Integer> matchedWords = new LinkedHashMap<>();
        for (Paragraph p : e.paragraphs) {
            Set<Entry> owners = new HashSet<>();
            for (int b = 0; b < 4; b++) {
                for (ParagraphRef ref : blockIndex.getOrDefault(blockKey(p.fingerprint, b), List.of())) {
                    if (SimHash.distance(ref.fingerprint, p.fingerprint) <= PARAGRAPH_MAX_BITS && similarLength(ref.words, p.words)) {
                        owners.add(ref.owner);
                    }
                }
            }
            if (owners.size() >= BOILERPLATE_ARTICLES) continue;
            totalWords += p.words;
            for (Entry o : owners) {
                // Paragraphs shared within one outlet are its templates, not copying.
                if (!o.outlet.equals(e.outlet)) matchedWords.merge(o, p.words, Integer::sum);
            }
        }
        if (totalWords < MIN_ARTICLE_WORDS) return null;
        ParagraphMatch best = null;
        for (var m : matchedWords.entrySet()) {
            double share = m.getValue() / (double) totalWords;
            if (share >= COPY_PARAGRAPH_SHARE
                    && (best == null || share > best.share || (share == best.share && m.getKey().seq < best.original.seq))) {
                best = new ParagraphMatch(m.getKey(), share);
            }
        }
        return best;
    }

    /**
     * Whether {@code articleId} is still in the window, so a later article may be reported as its copy (or, through
     * it, as a copy of its original). Once false for an article, it stays false.
     */
    public boolean holds(String articleId) {
        return held.containsKey(articleId);
    }

    private void index(Entry e) {
        recent.addLast(e);
        held.merge(e.id, 1, Integer::sum);
        for (long key : e.bandKeys) bandIndex.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        for (Paragraph p : e.paragraphs) {
            for (int b = 0; b < 4; b++) {
                blockIndex.computeIfAbsent(blockKey(p.fingerprint, b), k -> new ArrayList<>()).add(new ParagraphRef(p.fingerprint, p.words, e));
            }
        }
        if (e.wire != null) byWire.computeIfAbsent(e.wire, k -> new ArrayList<>()).add(e);
        String ownWire = ownWire(e.outlet);
        if (ownWire != null && !ownWire.equals(e.wire)) byWire.computeIfAbsent(ownWire, k -> new ArrayList<>()).add(e);
    }

    private static @Nullable String ownWire(String outlet) {
        for (String w : List.of("AP", "Reuters", "AFP", "Bloomberg", "CNN", "BBC", "UPI")) {
            if (WireCredit.isWireOutlet(outlet, w)) return w;
        }
        return null;
    }

    private void evictBefore(Instant limit) {
        while (!recent.isEmpty() && recent.peekFirst().time.isBefore(limit)) {
            Entry old = recent.removeFirst();
            // Only an entry in the window is ever matched, so its root link goes with it: bounded memory (issue 15).
            if (held.merge(old.id, -1, Integer::sum) == 0) {
                held.remove(old.id);
                rootOf.remove(old.id);
            }
            for (long key : old.bandKeys) removeFrom(bandIndex, key, old);
            for (Paragraph p : old.paragraphs) {
                for (int b = 0; b < 4; b++) {
                    int k = blockKey(p.fingerprint, b);
                    List<ParagraphRef> refs = blockIndex.get(k);
                    if (refs != null) {
                        refs.removeIf(r -> r.owner == old);
                        if (refs.isEmpty()) blockIndex.remove(k);
                    }
                }
            }
            byWire.values().forEach(l -> l.remove(old));
        }
    }

    private static <K> void removeFrom(Map<K, List<Entry>> index, K key, Entry e) {
        List<Entry> l = index.get(key);
        if (l == null) return;
        l.remove(e);
        if (l.isEmpty()) index.remove(key);
    }

    /** A 16-bit block of a fingerprint, tagged with its position: 3-bit neighbours share at least one of 4 blocks. */
    private static int blockKey(long fingerprint, int block) {
        return (int) ((fingerprint >>> (16 * block)) & 0xFFFF) | (block << 16);
    }

    private static long[] bandKeys(long[] sig) {
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) h = MinHash.mix(h ^ sig[b * ROWS + r]);
            keys[b] = h;
        }
        return keys;
    }

    private static List<Paragraph> paragraphs(Article a) {
        List<Paragraph> out = new ArrayList<>();
        for (String p : a.paragraphs()) {
            List<String> w = Tokens.normalized(p);
            if (w.size() >= MIN_PARAGRAPH_WORDS) out.add(new Paragraph(SimHash.fingerprint(w), w.size()));
        }
        return out;
    }

    private record Paragraph(long fingerprint, int words) {}

    private record ParagraphRef(long fingerprint, int words, Entry owner) {}

    /**
     * SimHash compares word sets, not lengths: a short paragraph and a long one that contains it can
     * fingerprint alike (a 62-word blurb matched a 419-word page in the corpus). Same paragraphs have similar lengths.
     */
    private static boolean similarLength(int a, int b) {
        return Math.max(a, b) <= MAX_PARAGRAPH_LENGTH_RATIO * Math.min(a, b);
    }

    private static final class Entry {
        final long seq;
        final String id;
        final String outlet;
        final Instant time;
        final long[] signature;
        final @Nullable String wire;
        final List<Paragraph> paragraphs;
        final long[] bandKeys;

        Entry(long seq, String id, String outlet, Instant time, long[] signature, @Nullable String wire, List<Paragraph> paragraphs, long[] bandKeys) {
            this.seq = seq;
            this.id = id;
            this.outlet = outlet;
            this.time = time;
            this.signature = signature;
            this.wire = wire;
            this.paragraphs = paragraphs;
            this.bandKeys = bandKeys;
        }
    }
}
