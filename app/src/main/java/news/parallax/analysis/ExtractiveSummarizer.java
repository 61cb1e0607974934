package news.parallax.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Multi-document extractive summariser: centroid scoring, corroboration across sources, MMR selection.
 *
 * <p>A {@link Corpus} tokenises a story's sentences once; each sentence is a TF-IDF vector over content words (IDF
 * over the story's sentences). {@link #summarize} then works on any subset of the articles (the whole story, or one
 * side). The centroid is the sum of the per-article vectors of the subset, so each article weighs the same however
 * long it is, cut to its strongest terms. A sentence scores by its cosine to the centroid, boosted when other
 * sources state the same thing (a sentence above {@link #CORROBORATION_COSINE} in another source's article) and,
 * slightly, when it comes early in its article (news leads state the event). Optionally a contrast set (the other
 * sides' articles) lowers the score of what those also say, which turns the same machinery into "what this side
 * reports that others do not": the side's centroid less the others' ({@link #CONTRAST_CENTROID_WEIGHT}) ranks its
 * sentences, and a sentence that repeats one of the others' is taken only when the side has too few of its own.
 * Selection is maximal marginal relevance with a hard near-duplicate cut.
 * Stateless and thread-safe; a {@link Corpus} is immutable after construction.
 */
final class ExtractiveSummarizer {
    /** Terms kept in the centroid; the rest of the vocabulary is noise for "what is this story about". */
    static final int CENTROID_TERMS = 60;
    /** Sentences scored for corroboration; pairwise work is limited to these. */
    static final int PRESELECTED = 80;
    /** Cosine at which two sentences from different sources are taken to state the same thing. */
    static final double CORROBORATION_COSINE = 0.35;
    /** Weight of corroboration: a sentence every other source states scores (1 + this) times higher. */
    static final double CORROBORATION_WEIGHT = 1.0;
    /** Lead bonus: the first sentence of an article scores (1 + this) times higher, fading with position. */
    static final double LEAD_WEIGHT = 0.3;
    /** Cosine above which a candidate repeats a sentence already chosen and is skipped. */
    static final double NEAR_DUPLICATE_COSINE = 0.5;
    /**
     * Lower cut for sentences sharing a figure: "NIS said 1,500 troops arrived" and "1,500 special forces reached
     * Russia, the NIS reported" state one fact in different words.
     */
    static final double SAME_FIGURE_DUPLICATE_COSINE = 0.2;
    /** MMR balance between relevance and novelty. */
    static final double MMR_LAMBDA = 0.7;
    /** Share of the other sides' centroid taken off a side's for its key points (0: no contrast in the ranking). */
    static final double CONTRAST_CENTROID_WEIGHT = 0.5;
    /** How much stating the same as the contrast set lowers a key point (0 ignores the contrast). */
    static final double DISTINCT_WEIGHT = 0.7;

    /** A figure worth comparing: digits with separators, not a lone small number ("2") that many sentences share. */
    private static final Pattern FIGURE = Pattern.compile("\\d{2,}([.,]\\d+)*|\\d{1,3}(,\\d{3})+");

    /**
     * Score factor of a sentence from an opinion or analysis piece ({@link OpinionPieces}): a column's "It's only been a
     * week since the murder ..." tells what its writer thinks, and a summary or a side's key points should tell what
     * happened and what was reported, from the newsroom's pieces where there are any.
     */
    static final double OPINION_FACTOR = 0.5;

    /** Score factor of a sentence holding a loaded or subjective word ({@link LoadedWords}). */
    static final double LOADED_FACTOR = 0.5;
    /**
     * Share of a candidate's content words found in a sentence already chosen above which it repeats that sentence
     * (a second test beside the cosine: a short sentence inside a long one has a low cosine).
     */
    static final double NEAR_DUPLICATE_CONTAINMENT = 0.6;

    /**
     * One article's sentences, in order.
     *
     * @param published publication time; null when unknown
     */
    record Doc(String articleId, String sourceKey, String outlet, List<String> sentences, java.time.@org.jspecify.annotations.Nullable Instant published,
            boolean opinion) {
        Doc(String articleId, String sourceKey, String outlet, List<String> sentences) {
            this(articleId, sourceKey, outlet, sentences, null, false);
        }
    }

    /** An accepted sentence: sorted term ids with their unit-length TF-IDF weights. */
    private record Sent(String text, int doc, int position, double relativePosition, int[] terms, double[] weights,
            boolean hasFigure, Set<Integer> figures, boolean loaded) {}

    /** A story's accepted sentences, tokenised and weighted once for every summary drawn from it. */
    static final class Corpus {
        final List<Doc> docs;
        final List<Sent> sentences = new ArrayList<>();
        /** Per term: the sentences holding it and its weight there. */
        final int[][] postingSentences;
        final double[][] postingWeights;
        final int vocabulary;
        /** Article index of each sentence, for the inner loop of {@link #similarities}. */
        private final int[] sentenceDoc;

        Corpus(List<Doc> docs) {
            this.docs = List.copyOf(docs);
            Map<String, Integer> termIds = new HashMap<>();
            // terms: sorted distinct term ids; counts: their frequency in the sentence.
            record Raw(String text, int doc, int position, int total, int[] terms, int[] counts) {}
            List<Raw> raw = new ArrayList<>();
            for (int d = 0; d < docs.size(); d++) {
                List<String> ss = docs.get(d).sentences();
                Set<String> seenInDoc = new HashSet<>();
                for (int i = 0; i < ss.size(); i++) {
                    var accepted = SummaryCandidates.candidate(ss.get(i));
                    if (accepted.isEmpty()) continue;
                    List<String> words = accepted.get().contentWords();
                    // A paragraph printed twice (the seeds do) is one statement, not two.
                    if (!seenInDoc.add(String.join(" ", words))) continue;
                    int[] ids = new int[words.size()];
                    for (int k = 0; k < ids.length; k++) {
                        String w = words.get(k);
                        Integer id = termIds.get(w);
                        if (id == null) {
                            id = termIds.size();
                            termIds.put(w, id);
                        }
                        ids[k] = id;
                    }
                    Arrays.sort(ids);
                    int distinct = 0;
                    for (int k = 0; k < ids.length; k++) if (k == 0 || ids[k] != ids[k - 1]) distinct++;
                    int[] terms = new int[distinct];
                    int[] counts = new int[distinct];
                    int j = -1;
                    for (int k = 0; k < ids.length; k++) {
                        if (k == 0 || ids[k] != ids[k - 1]) terms[++j] = ids[k];
                        counts[j]++;
                    }
                    raw.add(new Raw(accepted.get().text(), d, i, ss.size(), terms, counts));
                }
            }
            vocabulary = termIds.size();
            int[] df = new int[vocabulary];
            for (Raw r : raw) for (int t : r.terms()) df[t]++;
            boolean[] figureTerm = new boolean[vocabulary];
            termIds.forEach((w, id) -> figureTerm[id] = Character.isDigit(w.charAt(0)) && FIGURE.matcher(w).matches());
            int n = raw.size();
            int[] postingCount = new int[vocabulary];
            for (Raw r : raw) {
                int[] terms = r.terms();
                double[] weights = new double[terms.length];
                double norm = 0;
                Set<Integer> figures = new HashSet<>();
                for (int k = 0; k < terms.length; k++) {
                    weights[k] = (1 + Math.log(r.counts()[k])) * Math.log(1.0 + (double) n / df[terms[k]]);
                    norm += weights[k] * weights[k];
                    postingCount[terms[k]]++;
                    if (figureTerm[terms[k]]) figures.add(terms[k]);
                }
                norm = Math.sqrt(norm);
                if (norm > 0) for (int k = 0; k < weights.length; k++) weights[k] /= norm;
                sentences.add(new Sent(r.text(), r.doc(), r.position(), r.total() <= 1 ? 0 : (double) r.position() / (r.total() - 1),
                        terms, weights, !figures.isEmpty(), figures, LoadedWords.isLoaded(r.text())));
            }
            sentenceDoc = sentences.stream().mapToInt(Sent::doc).toArray();
            postingSentences = new int[vocabulary][];
            postingWeights = new double[vocabulary][];
            for (int t = 0; t < vocabulary; t++) {
                postingSentences[t] = new int[postingCount[t]];
                postingWeights[t] = new double[postingCount[t]];
            }
            int[] fill = new int[vocabulary];
            for (int s = 0; s < sentences.size(); s++) {
                Sent sent = sentences.get(s);
                for (int k = 0; k < sent.terms().length; k++) {
                    int t = sent.terms()[k];
                    postingSentences[t][fill[t]] = s;
                    postingWeights[t][fill[t]] = sent.weights()[k];
                    fill[t]++;
                }
            }
        }

        /** Cosine of sentence {@code s} with every sentence whose article is in {@code docs}; others stay 0. */
        double[] similarities(int s, BitSet docs) {
            double[] acc = new double[sentences.size()];
            Sent sent = sentences.get(s);
            for (int k = 0; k < sent.terms().length; k++) {
                int t = sent.terms()[k];
                double w = sent.weights()[k];
                int[] ps = postingSentences[t];
                double[] pw = postingWeights[t];
                for (int j = 0; j < ps.length; j++) {
                    if (docs.get(sentenceDoc[ps[j]])) acc[ps[j]] += w * pw[j];
                }
            }
            return acc;
        }
    }

    private record Scored(int sentence, double score, List<Integer> supportDocs) {}

    /**
     * Up to {@code count} sentences of the articles in {@code docs}, best first, then in reading order.
     *
     * @param contrast articles whose statements count against a sentence (empty for a neutral summary)
     */
    List<StoryView.SummarySentence> summarize(Corpus corpus, BitSet docs, BitSet contrast, int count) {
        return summarize(corpus, docs, contrast, count, List.of());
    }

    /**
     * As {@link #summarize(Corpus, BitSet, BitSet, int)}, never repeating one of {@code taken} (texts already shown:
     * the other sides' key points), and in the order of events.
     */
    List<StoryView.SummarySentence> summarize(Corpus corpus, BitSet docs, BitSet contrast, int count, List<String> taken) {
        List<Integer> own = new ArrayList<>();
        for (int s = 0; s < corpus.sentences.size(); s++) if (docs.get(corpus.sentences.get(s).doc())) own.add(s);
        if (own.isEmpty() || count <= 0) return List.of();
        double[] centroid = centroid(corpus, own);
        if (!contrast.isEmpty()) centroid = contrastive(centroid, corpus, contrast);
        Set<String> sources = new HashSet<>();
        for (int d = docs.nextSetBit(0); d >= 0; d = docs.nextSetBit(d + 1)) sources.add(corpus.docs.get(d).sourceKey());
        int sourceCount = sources.size();

        double[] centroidScore = new double[corpus.sentences.size()];
        for (int s : own) centroidScore[s] = dot(corpus.sentences.get(s), centroid) * lead(corpus.sentences.get(s));
        List<Integer> pre = own.stream().sorted(Comparator.comparingDouble((Integer s) -> -centroidScore[s]))
                .limit(PRESELECTED).toList();

        List<Scored> scored = new ArrayList<>();
        // Key points another side's coverage also states: used only when the side says too little of its own.
        List<Scored> sharedWithContrast = new ArrayList<>();
        for (int s : pre) {
            Sent sent = corpus.sentences.get(s);
            String ownSource = corpus.docs.get(sent.doc()).sourceKey();
            double[] sims = corpus.similarities(s, docs);
            Set<String> otherSources = new HashSet<>();
            LinkedHashSet<Integer> support = new LinkedHashSet<>();
            for (int o : own) {
                if (o == s || sims[o] < CORROBORATION_COSINE) continue;
                int d = corpus.sentences.get(o).doc();
                if (d != sent.doc()) support.add(d);
                String src = corpus.docs.get(d).sourceKey();
                if (!src.equals(ownSource)) otherSources.add(src);
            }
            double corroboration = sourceCount <= 1 ? 0 : (double) otherSources.size() / (sourceCount - 1);
            double score = centroidScore[s] * (1 + CORROBORATION_WEIGHT * corroboration);
            // A neutral sentence stating the same scores higher and the near-duplicate cut then drops the loaded one.
            if (sent.loaded()) score *= LOADED_FACTOR;
            if (corpus.docs.get(sent.doc()).opinion()) score *= OPINION_FACTOR;
            // "However, it follows ..." leans on a sentence the summary does not show.
            if (leansOnContext(sent.text())) score *= CONTEXT_FACTOR;
            boolean shared = false;
            if (!contrast.isEmpty()) {
                double[] other = corpus.similarities(s, contrast);
                double overlap = 0;
                for (int o = 0; o < other.length; o++) {
                    if (other[o] == 0) continue;
                    overlap = Math.max(overlap, other[o]);
                    if (!shared && repeats(sent, corpus.sentences.get(o))) shared = true;
                }
                score *= 1 - DISTINCT_WEIGHT * Math.min(1, overlap);
            }
            (shared ? sharedWithContrast : scored).add(new Scored(s, score, List.copyOf(support)));
        }
        Set<Integer> blocked = new HashSet<>();
        if (!taken.isEmpty()) {
            Set<String> texts = new HashSet<>(taken);
            for (int i = 0; i < corpus.sentences.size(); i++) if (texts.contains(corpus.sentences.get(i).text())) blocked.add(i);
        }
        List<Scored> chosen = new ArrayList<>(select(corpus, scored, count, blocked));
        if (chosen.size() < count && !sharedWithContrast.isEmpty()) {
            List<Scored> all = new ArrayList<>(scored);
            all.addAll(sharedWithContrast);
            chosen = new ArrayList<>(select(corpus, all, count, blocked));
        }
        scored.addAll(sharedWithContrast);
        includeLatest(corpus, docs, scored, chosen, blocked);
        // Events in order: a sentence is as early as the first report carrying it, unless it states its own day.
        Map<Integer, java.time.Instant> when = new HashMap<>();
        for (Scored c : chosen) when.put(c.sentence(), eventTime(corpus, c));
        chosen.sort(Comparator.comparing((Scored c) -> when.get(c.sentence()) == null ? java.time.Instant.MAX : when.get(c.sentence()))
                .thenComparingDouble(c -> corpus.sentences.get(c.sentence()).relativePosition())
                .thenComparingInt(c -> corpus.sentences.get(c.sentence()).position()));
        List<StoryView.SummarySentence> out = new ArrayList<>();
        for (Scored c : chosen) {
            Sent sent = corpus.sentences.get(c.sentence());
            List<String> ids = new ArrayList<>();
            LinkedHashSet<String> outlets = new LinkedHashSet<>();
            ids.add(corpus.docs.get(sent.doc()).articleId());
            outlets.add(corpus.docs.get(sent.doc()).outlet());
            for (int d : c.supportDocs()) {
                if (!ids.contains(corpus.docs.get(d).articleId())) ids.add(corpus.docs.get(d).articleId());
                outlets.add(corpus.docs.get(d).outlet());
            }
            out.add(new StoryView.SummarySentence(sent.text(), ids, List.copyOf(outlets)));
        }
        return out;
    }

    /**
     * What a side stresses compared with the others: its centroid less {@link #CONTRAST_CENTROID_WEIGHT} times the
     * other sides' (negative weights cut to zero), so terms every side uses ("Trump", "summit") count for little and
     * the side's own emphasis ranks its sentences.
     */
    private static double[] contrastive(double[] own, Corpus corpus, BitSet contrast) {
        List<Integer> others = new ArrayList<>();
        for (int s = 0; s < corpus.sentences.size(); s++) if (contrast.get(corpus.sentences.get(s).doc())) others.add(s);
        if (others.isEmpty()) return own;
        double[] theirs = centroid(corpus, others);
        double[] out = new double[own.length];
        double norm = 0;
        for (int t = 0; t < own.length; t++) {
            out[t] = Math.max(0, own[t] - CONTRAST_CENTROID_WEIGHT * theirs[t]);
            norm += out[t] * out[t];
        }
        if (norm == 0) return own;
        norm = Math.sqrt(norm);
        for (int t = 0; t < out.length; t++) out[t] /= norm;
        return out;
    }

    private static double[] centroid(Corpus corpus, List<Integer> own) {
        // Sentences of one article are contiguous in the corpus, so each article's vector is summed in one
        // scratch array and only its touched terms are read back.
        double[] sum = new double[corpus.vocabulary];
        double[] scratch = new double[corpus.vocabulary];
        List<Integer> touched = new ArrayList<>();
        int i = 0;
        while (i < own.size()) {
            int doc = corpus.sentences.get(own.get(i)).doc();
            while (i < own.size() && corpus.sentences.get(own.get(i)).doc() == doc) {
                Sent sent = corpus.sentences.get(own.get(i));
                for (int k = 0; k < sent.terms().length; k++) {
                    int t = sent.terms()[k];
                    if (scratch[t] == 0) touched.add(t);
                    scratch[t] += sent.weights()[k];
                }
                i++;
            }
            double norm = 0;
            for (int t : touched) norm += scratch[t] * scratch[t];
            norm = Math.sqrt(norm);
            for (int t : touched) {
                if (norm > 0) sum[t] += scratch[t] / norm;
                scratch[t] = 0;
            }
            touched.clear();
        }
        if (sum.length > CENTROID_TERMS) {
            double[] sorted = sum.clone();
            Arrays.sort(sorted);
            double cut = sorted[sorted.length - CENTROID_TERMS];
            int kept = 0;
            for (int t = 0; t < sum.length; t++) {
                if (sum[t] < cut || kept >= CENTROID_TERMS) sum[t] = 0;
                else if (sum[t] > 0) kept++;
            }
        }
        double norm = Math.sqrt(Arrays.stream(sum).map(x -> x * x).sum());
        if (norm > 0) for (int t = 0; t < sum.length; t++) sum[t] /= norm;
        return sum;
    }

    /**
     * Makes sure the summary tells the latest development: when no chosen sentence comes from the latest day's reports,
     * the weakest chosen sentence (never the strongest) gives way to the best of those reports that repeats nothing.
     */
    private static void includeLatest(Corpus corpus, BitSet docs, List<Scored> scored, List<Scored> chosen, Set<Integer> blocked) {
        java.time.Instant latest = null;
        for (int d = docs.nextSetBit(0); d >= 0; d = docs.nextSetBit(d + 1)) {
            java.time.Instant p = corpus.docs.get(d).published();
            if (p != null && (latest == null || p.isAfter(latest))) latest = p;
        }
        if (latest == null || chosen.size() < 2) return;
        java.time.Instant cut = latest.minus(LATEST_WINDOW);
        java.util.function.Predicate<Scored> isLatest = c -> {
            java.time.Instant p = corpus.docs.get(corpus.sentences.get(c.sentence()).doc()).published();
            return p != null && !p.isBefore(cut);
        };
        if (chosen.stream().anyMatch(isLatest)) return;
        Scored weakest = chosen.stream().skip(1).min(Comparator.comparingDouble(Scored::score)).orElseThrow();
        List<Scored> rest = new ArrayList<>(chosen);
        rest.remove(weakest);
        scored.stream().filter(isLatest).filter(c -> !blocked.contains(c.sentence()))
                .filter(c -> rest.stream().noneMatch(p -> repeats(corpus.sentences.get(c.sentence()), corpus.sentences.get(p.sentence()))))
                .max(Comparator.comparingDouble(Scored::score))
                .ifPresent(c -> {
                    chosen.remove(weakest);
                    chosen.add(c);
                });
    }

    /** Score factor of a sentence opening on a connective or a pronoun whose referent is elsewhere. */
    static final double CONTEXT_FACTOR = 0.5;
    private static final Pattern CONTEXT_OPENING = Pattern.compile(
            "^(?:However|But|And|Also|Moreover|Meanwhile|Still|Yet|Instead|Nevertheless|Furthermore|In addition|That|This|These|Those|It|It['’]s|They|He|She"
                    + "|Similarly|Likewise|Otherwise|Thus|Therefore|Then|(?:In|At|On|By|For|During|Since|After|Before|Under|With) (?:that|this|these|those|the same)"
                    // "The strikes come after ...", "The move came as ...": the sentence after a lead, about what the lead said.
                    + "|The (?:move|decision|announcement|strikes?|attacks?|comments?|remarks?|statements?|report|news|vote|ruling|development|letter|call|tweets?|incident|deal|measure|action|step|request)s? (?:comes?|came))\\b[ ,]");

    static boolean leansOnContext(String sentence) {
        return CONTEXT_OPENING.matcher(sentence).find();
    }

    /** Reports this close to the story's latest one carry its latest development; the corpus dates to the day. */
    static final java.time.Duration LATEST_WINDOW = java.time.Duration.ofDays(1);

    /**
     * Cosine at which an earlier report states what a chosen sentence states, so that the sentence's event is as old as
     * that report. Stricter than {@link #CORROBORATION_COSINE}: the sentences of one story share its background ("Floyd,
     * a black man who died after being restrained by police"), and at the looser cut "Chauvin is charged with
     * second-degree murder" (3 June) took the date of the first report of the death and opened the summary.
     */
    static final double SAME_EVENT_COSINE = 0.6;
    /** Share of a chosen sentence's content words an earlier sentence must hold to be taken as stating it. */
    static final double SAME_EVENT_CONTAINMENT = 0.85;

    /** When the event a chosen sentence tells happened, as far as the sentence and its reports say. */
    private static java.time.@org.jspecify.annotations.Nullable Instant eventTime(Corpus corpus, Scored c) {
        Sent sent = corpus.sentences.get(c.sentence());
        java.time.Instant first = corpus.docs.get(sent.doc()).published();
        BitSet supporting = new BitSet();
        for (int d : c.supportDocs()) supporting.set(d);
        double[] sims = corpus.similarities(c.sentence(), supporting);
        for (int o = 0; o < sims.length; o++) {
            if (sims[o] == 0 || sims[o] < SAME_EVENT_COSINE && share(sent, corpus.sentences.get(o)) < SAME_EVENT_CONTAINMENT) continue;
            java.time.Instant p = corpus.docs.get(corpus.sentences.get(o).doc()).published();
            if (p != null && (first == null || p.isBefore(first))) first = p;
        }
        java.time.Instant own = corpus.docs.get(sent.doc()).published();
        if (own == null) return first;
        return StatedTime.resolve(sent.text(), own).orElse(first);
    }

    private static boolean repeats(Sent a, Sent b) {
        double sim = dot(a, b);
        return sim >= NEAR_DUPLICATE_COSINE || sim >= SAME_FIGURE_DUPLICATE_COSINE && sharesFigure(a, b) || contained(a, b) || contained(b, a);
    }

    /** Whether most of {@code a}'s content words are in {@code b}. */
    private static boolean contained(Sent a, Sent b) {
        return a.terms().length > 0 && share(a, b) >= NEAR_DUPLICATE_CONTAINMENT;
    }

    /** The share of {@code a}'s distinct content words that are also in {@code b}. */
    private static double share(Sent a, Sent b) {
        if (a.terms().length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        int[] ta = a.terms(), tb = b.terms();
        while (i < ta.length && j < tb.length) {
            if (ta[i] == tb[j]) {
                shared++;
                i++;
                j++;
            } else if (ta[i] < tb[j]) i++;
            else j++;
        }
        return (double) shared / ta.length;
    }

    private static List<Scored> select(Corpus corpus, List<Scored> scored, int count, Set<Integer> blocked) {
        double max = scored.stream().mapToDouble(Scored::score).max().orElse(1);
        List<Scored> remaining = new ArrayList<>(scored);
        List<Scored> chosen = new ArrayList<>();
        while (chosen.size() < count && !remaining.isEmpty()) {
            Scored best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (Scored c : remaining) {
                Sent cs = corpus.sentences.get(c.sentence());
                double redundancy = 0;
                boolean duplicate = blocked.contains(c.sentence());
                for (int b : blocked) if (!duplicate && repeats(cs, corpus.sentences.get(b))) duplicate = true;
                for (Scored p : chosen) {
                    Sent ps = corpus.sentences.get(p.sentence());
                    double sim = dot(cs, ps);
                    redundancy = Math.max(redundancy, sim);
                    if (repeats(cs, ps)) duplicate = true;
                }
                if (duplicate) continue;
                double value = MMR_LAMBDA * c.score() / (max == 0 ? 1 : max) - (1 - MMR_LAMBDA) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            if (best == null) break;
            chosen.add(best);
            remaining.remove(best);
        }
        return chosen;
    }

    private static boolean sharesFigure(Sent a, Sent b) {
        if (!a.hasFigure() || !b.hasFigure()) return false;
        for (int t : a.figures()) if (b.figures().contains(t)) return true;
        return false;
    }

    private static double lead(Sent s) {
        return 1 + LEAD_WEIGHT / (1 + s.position());
    }

    private static double dot(Sent s, double[] dense) {
        double sum = 0;
        for (int k = 0; k < s.terms().length; k++) sum += s.weights()[k] * dense[s.terms()[k]];
        return sum;
    }

    /** Cosine of two unit vectors with sorted term ids. */
    private static double dot(Sent a, Sent b) {
        int i = 0, j = 0;
        double sum = 0;
        int[] ta = a.terms(), tb = b.terms();
        while (i < ta.length && j < tb.length) {
            if (ta[i] == tb[j]) sum += a.weights()[i++] * b.weights()[j++];
            else if (ta[i] < tb[j]) i++;
            else j++;
        }
        return sum;
    }
}
