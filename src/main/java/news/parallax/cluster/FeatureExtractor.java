package news.parallax.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.nlp.LightStemmer;
import news.parallax.nlp.Tokens;

/** Turns an article into {@link ArticleFeatures}, updating the streaming term statistics. Not thread-safe. */
final class FeatureExtractor {
    /** Characters of body read per lead word requested: words average about 6 characters with spaces. */
    private static final int CHARS_PER_WORD = 7;
    /**
     * Characters of lead given to the embedder with the title. MiniLM's cost grows with length (here 122
     * corpus texts/s at 240, 156/s at 160), and the first sentence carries the event: 160 scored best on
     * the development set (120 / 160 / 200 / 240: 0.917 / 0.922 / 0.920 / 0.916), and better on the held-out set too.
     */
    static final int EMBED_LEAD_CHARS = 160;
    /**
     * Body words read for the rescue of lone articles (about 7,000 characters). Whole bodies took 2.6 ms per
     * article on a loaded machine (the rest of clustering without embeddings about 4 ms, with them about 30);
     * 1,000 words took 1.9 ms, scored as well as the whole body on the labelled sets, and bound very long texts.
     */
    private static final int BODY_WORDS = 1_000;
    /** A title with this share of capitalised words is Title Case: its capitals do not mark names. */
    private static final double TITLE_CASE_SHARE = 0.6;

    private final TermStats stats;
    /** Document frequencies over whole bodies, apart from the lead's: body words are far more frequent. */
    private final TermStats bodyStats = new TermStats();
    private final ClusterConfig config;

    FeatureExtractor(TermStats stats, ClusterConfig config) {
        this.stats = stats;
        this.config = config;
    }

    /** Readable form of a whole-body term. */
    String bodyDisplay(int id) {
        return bodyStats.display(id);
    }

    ArticleFeatures extract(Article a, Instant time) {
        String lead = lead(a.text(), config.leadWords() * CHARS_PER_WORD);
        Map<Integer, Double> tf = new HashMap<>();
        for (String w : Tokens.contentWords(a.title())) addTerm(tf, w, config.titleWeight());
        int n = 0;
        for (String w : Tokens.contentWords(lead)) {
            if (n++ >= config.leadWords()) break;
            addTerm(tf, w, 1.0);
        }
        Map<Integer, Double> ents = new HashMap<>();
        List<String> titleWords = Tokens.words(a.title());
        if (!isTitleCase(titleWords)) addEntities(ents, titleWords, config.titleWeight());
        addEntities(ents, Tokens.words(lead), 1.0);

        Set<Integer> present = new LinkedHashSet<>(tf.keySet());
        present.addAll(ents.keySet());
        stats.addDocument(present);
        SparseVector bodyWords = SparseVector.EMPTY, bodyNames = SparseVector.EMPTY;
        if (config.rescueLone()) {
            // The whole text, for the rescue of lone articles only: an opinion piece names its event
            // somewhere in the body, rarely in the title or the first paragraphs.
            String body = lead(a.text(), BODY_WORDS * CHARS_PER_WORD);
            Map<Integer, Double> bw = new HashMap<>();
            for (String w : Tokens.contentWords(a.title())) addTerm(bodyStats, bw, w, 1.0);
            List<String> bwords = Tokens.words(body);
            if (bwords.size() > BODY_WORDS) bwords = bwords.subList(0, BODY_WORDS);
            for (String w : bwords) {
                String nw = Tokens.normalize(w);
                if (nw.length() > 1 && !Tokens.STOP_WORDS.contains(nw)) addTerm(bodyStats, bw, nw, 1.0);
            }
            Map<Integer, Double> bn = new HashMap<>();
            addEntities(bodyStats, bn, bwords, 1.0);
            Set<Integer> seen = new LinkedHashSet<>(bw.keySet());
            seen.addAll(bn.keySet());
            bodyStats.addDocument(seen);
            bodyWords = weigh(bodyStats, bw);
            bodyNames = weigh(bodyStats, bn);
        }
        return new ArticleFeatures(weigh(stats, tf), weigh(stats, ents), embedText(a), time, a.published() != null, null, bodyWords, bodyNames);
    }

    static String embedText(Article a) {
        String lead = lead(a.text(), EMBED_LEAD_CHARS);
        return a.title().isBlank() ? lead : a.title() + ". " + lead;
    }

    private static SparseVector weigh(TermStats stats, Map<Integer, Double> tf) {
        Map<Integer, Double> w = new HashMap<>();
        for (var e : tf.entrySet()) w.put(e.getKey(), (1 + Math.log(e.getValue())) * stats.idf(e.getKey()));
        return SparseVector.of(w);
    }

    private void addTerm(Map<Integer, Double> tf, String word, double weight) {
        addTerm(stats, tf, word, weight);
    }

    private static void addTerm(TermStats stats, Map<Integer, Double> tf, String word, double weight) {
        if (word.length() < 2 || isNumber(word)) return;
        int id = stats.id("w:" + LightStemmer.stem(word), word);
        tf.merge(id, weight, Double::sum);
    }

    /** Capitalised words not starting a sentence-like run of stop words, adjacent pairs of them, and numbers. */
    private void addEntities(Map<Integer, Double> tf, List<String> words, double weight) {
        addEntities(stats, tf, words, weight);
    }

    private static void addEntities(TermStats stats, Map<Integer, Double> tf, List<String> words, double weight) {
        String prev = null;
        for (String w : words) {
            String norm = Tokens.normalize(w);
            if (isNumber(norm)) {
                String digits = norm.replace(",", "");
                if (digits.length() >= 2) tf.merge(stats.id("n:" + digits, w), weight, Double::sum);
                prev = null;
                continue;
            }
            boolean name = Character.isUpperCase(w.charAt(0)) && norm.length() > 1 && !Tokens.STOP_WORDS.contains(norm);
            if (!name) {
                prev = null;
                continue;
            }
            String key = norm.replace('-', ' ');
            tf.merge(stats.id("e:" + key, w), weight, Double::sum);
            if (prev != null) tf.merge(stats.id("e:" + prev + " " + key, prev + " " + w), weight, Double::sum);
            prev = key;
        }
    }

    private static boolean isTitleCase(List<String> words) {
        int caps = 0, content = 0;
        for (String w : words) {
            String norm = Tokens.normalize(w);
            if (Tokens.STOP_WORDS.contains(norm) && norm.length() <= 3) continue;
            content++;
            if (Character.isUpperCase(w.charAt(0))) caps++;
        }
        return content >= 4 && caps >= TITLE_CASE_SHARE * content;
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) if (Character.isDigit(w.charAt(i))) return true;
        return false;
    }

    /** Extra characters read before furniture is stripped, so the lead keeps its length after stripping. */
    private static final int NOISE_SLACK_CHARS = 1_500;

    private static String lead(String text, int chars) {
        text = LeadNoise.strip(text.length() > chars + NOISE_SLACK_CHARS ? text.substring(0, chars + NOISE_SLACK_CHARS) : text);
        if (text.length() <= chars) return text;
        int cut = text.lastIndexOf(' ', chars);
        return text.substring(0, cut > 0 ? cut : chars);
    }
}
