package news.parallax.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.nlp.Tokens;

/**
 * Multi-document extractive summariser: centroid scoring, corroboration across sources, MMR selection.
 *
 * <p>Each sentence is a TF-IDF vector over content words (IDF over the story's sentences). The centroid is the
 * sum of the per-article mean vectors, so each article weighs the same however long it is, cut to its strongest
 * terms. A sentence scores by its cosine to the centroid, boosted when other sources state the same thing
 * (a sentence above {@link #CORROBORATION_COSINE} in another source's article) and, slightly, when it comes early
 * in its article (news leads state the event). Optionally a contrast set (the other sides' articles) lowers the
 * score of what those also say, which turns the same machinery into "what this side reports that others do not".
 * Selection is maximal marginal relevance with a hard near-duplicate cut. Stateless and thread-safe.
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
    /** How much stating the same as the contrast set lowers a key point (0 ignores the contrast). */
    static final double DISTINCT_WEIGHT = 0.7;

    /** A figure worth comparing: digits with separators, not a lone small number ("2") that many sentences share. */
    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("\\d{2,}([.,]\\d+)*|\\d{1,3}(,\\d{3})+");

    /** One article's sentences, in order. */
    record Doc(String articleId, String sourceKey, String outlet, List<String> sentences) {}

    private static final class Sentence {
        final String text;
        final Doc doc;
        final int position;
        final double relativePosition;
        final Map<String, Integer> tf;
        Map<String, Double> vector = Map.of();
        final List<Doc> repeats = new ArrayList<>();

        Sentence(String text, Doc doc, int position, int total, Map<String, Integer> tf) {
            this.text = text;
            this.doc = doc;
            this.position = position;
            this.relativePosition = total <= 1 ? 0 : (double) position / (total - 1);
            this.tf = tf;
        }
    }

    private record Scored(Sentence sentence, double score, List<Doc> support) {}

    /**
     * Up to {@code count} sentences of {@code docs}, in reading order.
     *
     * @param contrast articles whose statements count against a sentence (empty for a neutral summary)
     */
    List<StoryView.SummarySentence> summarize(List<Doc> docs, List<Doc> contrast, int count) {
        List<Sentence> sentences = candidates(docs, true);
        if (sentences.isEmpty() || count <= 0) return List.of();
        List<Sentence> contrastSentences = contrast.isEmpty() ? List.of() : candidates(contrast, false);
        List<Sentence> all = new ArrayList<>(sentences);
        all.addAll(contrastSentences);
        Map<String, Double> idf = idf(all);
        for (Sentence s : all) s.vector = vector(s.tf, idf);
        Map<String, Double> centroid = centroid(sentences);
        Map<String, List<Sentence>> index = index(sentences);
        Map<String, List<Sentence>> contrastIndex = index(contrastSentences);
        int sourceCount = (int) docs.stream().map(Doc::sourceKey).distinct().count();

        List<Sentence> pre = sentences.stream()
                .sorted(Comparator.comparingDouble((Sentence s) -> -dot(s.vector, centroid) * lead(s)))
                .limit(PRESELECTED).toList();
        List<Scored> scored = new ArrayList<>();
        for (Sentence s : pre) {
            Map<Sentence, Double> sims = similarities(s, index);
            Set<String> otherSources = new LinkedHashSet<>();
            List<Doc> support = new ArrayList<>(s.repeats);
            for (Doc d : s.repeats) if (!d.sourceKey().equals(s.doc.sourceKey())) otherSources.add(d.sourceKey());
            for (var e : sims.entrySet()) {
                if (e.getValue() < CORROBORATION_COSINE || e.getKey() == s) continue;
                Doc d = e.getKey().doc;
                if (!d.articleId().equals(s.doc.articleId()) && !support.contains(d)) support.add(d);
                if (!d.sourceKey().equals(s.doc.sourceKey())) otherSources.add(d.sourceKey());
            }
            double corroboration = sourceCount <= 1 ? 0 : (double) otherSources.size() / (sourceCount - 1);
            double score = dot(s.vector, centroid) * lead(s) * (1 + CORROBORATION_WEIGHT * corroboration);
            if (!contrastSentences.isEmpty()) {
                double overlap = similarities(s, contrastIndex).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                score *= 1 - DISTINCT_WEIGHT * overlap;
            }
            scored.add(new Scored(s, score, support));
        }
        List<Scored> chosen = select(scored, count);
        // The best sentence leads (it states the event); the rest follow in the order articles tell them.
        if (chosen.size() > 2) {
            List<Scored> rest = new ArrayList<>(chosen.subList(1, chosen.size()));
            rest.sort(Comparator.comparingDouble((Scored c) -> c.sentence().relativePosition)
                    .thenComparingInt(c -> c.sentence().position));
            chosen = new ArrayList<>(List.of(chosen.get(0)));
            chosen.addAll(rest);
        }
        List<StoryView.SummarySentence> out = new ArrayList<>();
        for (Scored c : chosen) {
            List<String> ids = new ArrayList<>();
            LinkedHashSet<String> outlets = new LinkedHashSet<>();
            ids.add(c.sentence().doc.articleId());
            outlets.add(c.sentence().doc.outlet());
            for (Doc d : c.support()) {
                if (!ids.contains(d.articleId())) ids.add(d.articleId());
                outlets.add(d.outlet());
            }
            out.add(new StoryView.SummarySentence(c.sentence().text, ids, List.copyOf(outlets)));
        }
        return out;
    }

    /** Accepted sentences, exact repeats (same content words) folded into their first occurrence. */
    private static List<Sentence> candidates(List<Doc> docs, boolean foldRepeats) {
        Map<String, Sentence> byKey = new LinkedHashMap<>();
        List<Sentence> out = new ArrayList<>();
        for (Doc d : docs) {
            int n = d.sentences().size();
            for (int i = 0; i < n; i++) {
                var accepted = SummaryCandidates.accept(d.sentences().get(i));
                if (accepted.isEmpty()) continue;
                List<String> words = Tokens.contentWords(accepted.get());
                String key = String.join(" ", words);
                Sentence seen = byKey.get(key);
                if (seen != null) {
                    // The same sentence again: a repeated paragraph in one article, or a shared line in another.
                    if (foldRepeats && seen.doc != d && !seen.repeats.contains(d)) seen.repeats.add(d);
                    continue;
                }
                Map<String, Integer> tf = new HashMap<>();
                for (String w : words) tf.merge(w, 1, Integer::sum);
                Sentence s = new Sentence(accepted.get(), d, i, n, tf);
                byKey.put(key, s);
                out.add(s);
            }
        }
        return out;
    }

    private static Map<String, Double> idf(List<Sentence> sentences) {
        Map<String, Integer> df = new HashMap<>();
        for (Sentence s : sentences) for (String t : s.tf.keySet()) df.merge(t, 1, Integer::sum);
        Map<String, Double> idf = new HashMap<>();
        int n = sentences.size();
        df.forEach((t, f) -> idf.put(t, Math.log(1.0 + (double) n / f)));
        return idf;
    }

    private static Map<String, Double> vector(Map<String, Integer> tf, Map<String, Double> idf) {
        Map<String, Double> v = new HashMap<>();
        tf.forEach((t, f) -> v.put(t, (1 + Math.log(f)) * idf.get(t)));
        return normalise(v);
    }

    private static Map<String, Double> centroid(List<Sentence> sentences) {
        Map<Doc, Map<String, Double>> perDoc = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            Map<String, Double> acc = perDoc.computeIfAbsent(s.doc, d -> new HashMap<>());
            s.vector.forEach((t, w) -> acc.merge(t, w, Double::sum));
            for (Doc d : s.repeats) {
                Map<String, Double> other = perDoc.computeIfAbsent(d, x -> new HashMap<>());
                s.vector.forEach((t, w) -> other.merge(t, w, Double::sum));
            }
        }
        Map<String, Double> sum = new HashMap<>();
        for (Map<String, Double> v : perDoc.values()) normalise(v).forEach((t, w) -> sum.merge(t, w, Double::sum));
        Map<String, Double> top = new HashMap<>();
        sum.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(CENTROID_TERMS)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return normalise(top);
    }

    private static Map<String, List<Sentence>> index(List<Sentence> sentences) {
        Map<String, List<Sentence>> index = new HashMap<>();
        for (Sentence s : sentences) for (String t : s.vector.keySet()) index.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
        return index;
    }

    private static Map<Sentence, Double> similarities(Sentence s, Map<String, List<Sentence>> index) {
        Map<Sentence, Double> sims = new HashMap<>();
        s.vector.forEach((t, w) -> {
            List<Sentence> postings = index.get(t);
            if (postings == null) return;
            for (Sentence o : postings) sims.merge(o, w * o.vector.get(t), Double::sum);
        });
        return sims;
    }

    private static List<Scored> select(List<Scored> scored, int count) {
        double max = scored.stream().mapToDouble(Scored::score).max().orElse(1);
        List<Scored> remaining = new ArrayList<>(scored);
        List<Scored> chosen = new ArrayList<>();
        while (chosen.size() < count && !remaining.isEmpty()) {
            Scored best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (Scored c : remaining) {
                double redundancy = 0;
                boolean duplicate = false;
                for (Scored p : chosen) {
                    double sim = dot(c.sentence().vector, p.sentence().vector);
                    redundancy = Math.max(redundancy, sim);
                    if (sim >= NEAR_DUPLICATE_COSINE || sim >= SAME_FIGURE_DUPLICATE_COSINE && sharesFigure(c.sentence(), p.sentence())) {
                        duplicate = true;
                    }
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

    private static boolean sharesFigure(Sentence a, Sentence b) {
        for (String t : a.tf.keySet()) if (FIGURE.matcher(t).matches() && b.tf.containsKey(t)) return true;
        return false;
    }

    private static double lead(Sentence s) {
        return 1 + LEAD_WEIGHT / (1 + s.position);
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) return dot(b, a);
        double sum = 0;
        for (var e : a.entrySet()) {
            Double w = b.get(e.getKey());
            if (w != null) sum += e.getValue() * w;
        }
        return sum;
    }

    private static Map<String, Double> normalise(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm == 0) return v;
        Map<String, Double> out = new HashMap<>();
        v.forEach((t, w) -> out.put(t, w / norm));
        return out;
    }
}
