package news.parallax.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.StoryClusterer;
import news.parallax.model.Article;
import news.parallax.nlp.Tokens;

/**
 * Single-pass TF-IDF clusterer over title and lead, with an inverted index of recent stories:
 * the spine's stand-in until the clustering stage lands.
 */
final class FallbackClusterer implements StoryClusterer {
    static final double JOIN_SIMILARITY = 0.2;
    static final Duration WINDOW = Duration.ofDays(3);
    static final int LEAD_PARAGRAPHS = 3;
    /** A story's centroid keeps its heaviest terms only, which bounds the inverted index. */
    static final int CENTROID_TERMS = 40;

    @Override
    public Clustering cluster(List<Article> articles) {
        Map<String, Integer> df = new HashMap<>();
        List<Map<String, Double>> tfs = new ArrayList<>();
        for (Article a : articles) {
            Map<String, Double> tf = new HashMap<>();
            for (String w : Tokens.contentWords(a.title())) tf.merge(w, 2.0, Double::sum);
            List<String> paras = a.paragraphs();
            for (String p : paras.subList(0, Math.min(LEAD_PARAGRAPHS, paras.size()))) {
                for (String w : Tokens.contentWords(p)) tf.merge(w, 1.0, Double::sum);
            }
            tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
            tfs.add(tf);
        }
        int n = Math.max(1, articles.size());
        List<List<Integer>> stories = new ArrayList<>();
        List<Map<String, Double>> centroids = new ArrayList<>();
        List<Instant> lastSeen = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (var e : tfs.get(i).entrySet()) {
                double w = (1 + Math.log(e.getValue())) * Math.log(1 + (double) n / df.get(e.getKey()));
                if (w <= 0) continue;
                v.put(e.getKey(), w);
                norm += w * w;
            }
            double nn = Math.sqrt(norm);
            v.replaceAll((k, w) -> w / nn);
            Instant when = articles.get(i).published();
            Map<Integer, Double> scores = new HashMap<>();
            for (var e : v.entrySet()) {
                List<Integer> postings = index.get(e.getKey());
                if (postings == null) continue;
                // Stories are created in time order: drop postings whose story has gone quiet.
                if (when != null) postings.removeIf(s -> lastSeen.get(s) != null
                        && Duration.between(lastSeen.get(s), when).compareTo(WINDOW) > 0);
                for (int s : postings) {
                    Double c = centroids.get(s).get(e.getKey());
                    if (c != null) scores.merge(s, c * e.getValue(), Double::sum);
                }
            }
            int best = -1;
            double bestScore = JOIN_SIMILARITY;
            for (var e : scores.entrySet()) {
                Instant last = lastSeen.get(e.getKey());
                boolean inWindow = when == null || last == null || Duration.between(last, when).abs().compareTo(WINDOW) <= 0;
                if (inWindow && (e.getValue() > bestScore || e.getValue() == bestScore && e.getKey() < best)) {
                    best = e.getKey();
                    bestScore = e.getValue();
                }
            }
            if (best < 0) {
                best = stories.size();
                stories.add(new ArrayList<>());
                centroids.add(new HashMap<>());
                lastSeen.add(when);
            }
            List<Integer> members = stories.get(best);
            members.add(i);
            Map<String, Double> c = centroids.get(best);
            // Running mean of unit vectors, renormalised: the story's topic drifts with its articles.
            Map<String, Double> merged = new HashMap<>();
            c.forEach((k, w) -> merged.put(k, w * (members.size() - 1)));
            v.forEach((k, w) -> merged.merge(k, w, Double::sum));
            if (merged.size() > CENTROID_TERMS) {
                List<String> weakest = merged.entrySet().stream().sorted(Map.Entry.comparingByValue())
                        .limit(merged.size() - CENTROID_TERMS).map(Map.Entry::getKey).toList();
                weakest.forEach(merged::remove);
            }
            double m = Math.sqrt(merged.values().stream().mapToDouble(x -> x * x).sum());
            merged.replaceAll((k, w) -> w / m);
            for (String k : merged.keySet()) {
                if (!c.containsKey(k)) index.computeIfAbsent(k, x -> new ArrayList<>()).add(best);
            }
            for (String k : c.keySet()) {
                if (!merged.containsKey(k)) index.get(k).remove(Integer.valueOf(best));
            }
            centroids.set(best, merged);
            if (when != null && (lastSeen.get(best) == null || when.isAfter(lastSeen.get(best)))) lastSeen.set(best, when);
        }
        List<Clustering.Group> groups = new ArrayList<>();
        for (List<Integer> members : stories) {
            groups.add(new Clustering.Group(members.stream().map(i -> articles.get(i).id()).toList(), Map.of(), Map.of()));
        }
        return new Clustering(groups);
    }
}
