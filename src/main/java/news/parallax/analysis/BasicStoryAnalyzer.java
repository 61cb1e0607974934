package news.parallax.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.model.Side;
import news.parallax.nlp.Sentences;
import news.parallax.nlp.Tokens;
import news.parallax.outlets.OutletRegistry;

/**
 * First working analyzer: landscape from the registry (or a record's own {@code bias}), a centroid
 * extractive summary, and per-side key points where a side has enough independent sources.
 */
public final class BasicStoryAnalyzer implements StoryAnalyzer {
    static final int SUMMARY_SENTENCES = 4;
    static final int KEY_POINTS_PER_SIDE = 3;
    /** Below this many independent sources a side gets "not enough coverage". */
    static final int MIN_SOURCES_FOR_KEY_POINTS = 2;

    private final OutletRegistry registry;

    public BasicStoryAnalyzer(OutletRegistry registry) {
        this.registry = registry;
    }

    @Override
    public StoryView analyze(StoryMembers story) {
        Map<String, Side> sideByArticle = new HashMap<>();
        Map<Side, Set<String>> outletsBySide = new EnumMap<>(Side.class);
        for (Side s : Side.values()) outletsBySide.put(s, new HashSet<>());
        for (Article a : story.articles()) {
            Side side = sideOf(a);
            sideByArticle.put(a.id(), side);
            if (!story.copyOf().containsKey(a.id())) outletsBySide.get(side).add(a.outlet());
        }
        var landscape = new StoryView.Landscape(outletsBySide.get(Side.LEFT).size(), outletsBySide.get(Side.CENTER).size(),
                outletsBySide.get(Side.RIGHT).size(), outletsBySide.get(Side.UNRATED).size());

        List<Article> originals = story.articles().stream().filter(a -> !story.copyOf().containsKey(a.id())).toList();
        String summary = String.join(" ", centroidSentences(originals, SUMMARY_SENTENCES));
        Map<String, List<String>> keyPoints = new LinkedHashMap<>();
        for (Side side : List.of(Side.LEFT, Side.CENTER, Side.RIGHT)) {
            List<Article> ofSide = originals.stream().filter(a -> sideByArticle.get(a.id()) == side).toList();
            keyPoints.put(side.key(), outletsBySide.get(side).size() >= MIN_SOURCES_FOR_KEY_POINTS
                    ? centroidSentences(ofSide, KEY_POINTS_PER_SIDE) : List.of());
        }
        List<StoryView.ArticleView> views = story.articles().stream().map(a -> new StoryView.ArticleView(a.id(), a.outlet(),
                sideByArticle.get(a.id()).key(), a.title(), a.url(), a.published(), a.location(), a.text(),
                story.copyOf().get(a.id()), story.reasons().get(a.id()))).toList();
        int sources = landscape.total();
        return new StoryView(story.ref().id(), story.ref().title(), summary, sources, story.articles().size(), landscape,
                keyPoints, views, List.of(), List.of(), story.ref().firstSeen(), story.ref().lastSeen());
    }

    private Side sideOf(Article a) {
        var outlet = a.domain() != null ? registry.find(a.domain()) : java.util.Optional.<news.parallax.outlets.Outlet>empty();
        if (outlet.isEmpty()) outlet = registry.find(a.outlet());
        if (outlet.isPresent()) return outlet.get().side();
        String declared = a.extra().get("bias");
        return declared == null ? Side.UNRATED : Side.parse(declared).orElse(Side.UNRATED);
    }

    /** Sentences closest to the word centroid of all given articles, in a first-come order, without repeats. */
    static List<String> centroidSentences(List<Article> articles, int limit) {
        Map<String, Integer> centroid = new HashMap<>();
        List<String> sentences = new ArrayList<>();
        for (Article a : articles) {
            for (String s : Sentences.split(a.text())) {
                sentences.add(s);
                for (String w : new HashSet<>(Tokens.contentWords(s))) centroid.merge(w, 1, Integer::sum);
            }
        }
        record Scored(int index, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<String> words = Tokens.contentWords(sentences.get(i));
            if (words.size() < 6 || words.size() > 60) continue;
            double sum = 0;
            for (String w : new HashSet<>(words)) sum += centroid.getOrDefault(w, 0);
            scored.add(new Scored(i, sum / Math.sqrt(words.size())));
        }
        scored.sort((x, y) -> Double.compare(y.score(), x.score()));
        List<Integer> picked = new ArrayList<>();
        List<Set<String>> pickedWords = new ArrayList<>();
        for (Scored s : scored) {
            if (picked.size() >= limit) break;
            Set<String> words = new HashSet<>(Tokens.contentWords(sentences.get(s.index())));
            boolean nearDuplicate = pickedWords.stream().anyMatch(p -> jaccard(p, words) > 0.5);
            if (nearDuplicate) continue;
            picked.add(s.index());
            pickedWords.add(words);
        }
        picked.sort(Integer::compare);
        return picked.stream().map(sentences::get).toList();
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        int union = a.size() + b.size() - inter.size();
        return union == 0 ? 0 : (double) inter.size() / union;
    }
}
