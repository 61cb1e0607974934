package news.parallax.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.nlp.Tokens;

/**
 * The reference point of issue 4: plain single-pass TF-IDF clustering. Each article (title and
 * full text, unstemmed content words, streaming IDF) joins the story whose centre has the highest
 * cosine if it clears the threshold, else starts a story. No time, names, embeddings, copies or
 * merges. Stories sharing one of the article's strongest terms are scored (an inverted index, so
 * the baseline runs on the full corpus too). Deterministic; stateless between calls.
 */
public final class TfidfBaselineClusterer implements StoryClusterer {
    /** Terms of an article used to look up stories. */
    private static final int QUERY_TERMS = 30;

    private final double threshold;

    public TfidfBaselineClusterer(double threshold) {
        if (threshold <= 0 || threshold >= 1) throw new IllegalArgumentException("threshold must be in (0,1): " + threshold);
        this.threshold = threshold;
    }

    @Override
    public Clustering cluster(List<Article> articles) {
        TermStats stats = new TermStats();
        List<Centroid> centres = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        Map<Integer, List<Integer>> postings = new HashMap<>();
        for (Article a : articles) {
            Map<Integer, Double> tf = new HashMap<>();
            for (String w : Tokens.contentWords(a.title() + "\n" + a.text())) tf.merge(stats.id(w, w), 1.0, Double::sum);
            stats.addDocument(tf.keySet());
            Map<Integer, Double> w = new HashMap<>();
            for (var e : tf.entrySet()) w.put(e.getKey(), (1 + Math.log(e.getValue())) * stats.idf(e.getKey()));
            SparseVector v = SparseVector.of(w);
            int[] top = v.topIds(QUERY_TERMS);
            Set<Integer> cands = new LinkedHashSet<>();
            for (int t : top) cands.addAll(postings.getOrDefault(t, List.of()));
            int best = -1;
            double bestSim = threshold;
            for (int c : cands.stream().sorted().toList()) {
                double sim = centres.get(c).cosine(v);
                if (sim >= bestSim && (best < 0 || sim > bestSim)) {
                    best = c;
                    bestSim = sim;
                }
            }
            if (best < 0) {
                best = centres.size();
                centres.add(new Centroid());
                members.add(new ArrayList<>());
            }
            centres.get(best).add(v);
            members.get(best).add(a.id());
            for (int t : top) {
                List<Integer> l = postings.computeIfAbsent(t, k -> new ArrayList<>());
                if (l.isEmpty() || l.get(l.size() - 1) != best) {
                    if (!l.contains(best)) l.add(best);
                }
            }
        }
        List<Clustering.Group> groups = new ArrayList<>();
        for (List<String> m : members) groups.add(new Clustering.Group(m, Map.of(), Map.of()));
        return new Clustering(groups);
    }

    @Override
    public String toString() {
        return "tfidf-baseline(threshold=" + threshold + ")";
    }
}
