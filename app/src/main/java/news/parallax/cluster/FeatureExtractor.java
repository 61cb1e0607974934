package news.parallax.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.model.Article;
import news.parallax.nlp.LightStemmer;
import news.parallax.nlp.Tokens;
import org.jspecify.annotations.Nullable;

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
     * Body words read for the rescue of lone articles (about 3,500 characters). 500 words score as 1,000 did on
     * the three labelled sets (0.9232 / 0.9096 / 0.8886 against 0.9233 / 0.9096 / 0.8880; 1,000 scored as the
     * whole body) at half the cost: without embeddings, 8,000 corpus articles cluster in 19.8 s against 24-27 s
     * with 1,000 words and 14.5 s with no rescue (bench-cluster --limit 8000 --embeddings none).
     */
    private static final int BODY_WORDS = 500;
    /** Fewest articles in the last week for its term shares to mean anything (the corpus averages about 80 a week). */
    static final int MIN_RECENT_ARTICLES = 40;
    /** Least weight factor of a term the whole last week names: it still says what an article is about. */
    private static final double MIN_SATURATION = 0.1;
    /** A title with this share of capitalised words is Title Case: its capitals do not mark names. */
    private static final double TITLE_CASE_SHARE = 0.6;

    private final TermStats stats;
    /** Document frequencies over whole bodies, apart from the lead's: body words are far more frequent. */
    private final TermStats bodyStats = new TermStats();
    private final ClusterConfig config;
    private final RecentNews recent;

    FeatureExtractor(TermStats stats, ClusterConfig config, RecentNews recent) {
        this.stats = stats;
        this.config = config;
        this.recent = recent;
    }

    TermStats bodyStats() {
        return bodyStats;
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
            // Far more of the body than the lead, for the rescue of lone articles only: an opinion piece
            // names its event somewhere in the body, rarely in the title or the first paragraphs.
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
        int[] subjects = config.subjectPenalty() > 0 ? titleSubjects(a.title(), lead) : new int[0];
        int[] terms = present.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new ArticleFeatures(weighLead(tf), weighLead(ents), embedText(a), time, a.published() != null, subjects, null,
                bodyWords, bodyNames, terms);
    }

    /** Capitalised but never what a story is about: "Sessions to testify Tuesday" ("May" is also a surname, so it stays). */
    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december");

    private static final Pattern RAW_TOKEN = Pattern.compile("\\S+");

    /**
     * Who or what the title is about: the title words the lead writes capitalised in mid-sentence (so a
     * Title Case title works too: its capitals alone say nothing), grouped into runs of adjacent such
     * words, each run standing for its last word ("Michael Cohen" for "cohen", "Attorney General Jeff
     * Sessions" for "sessions"): the surname tells two people of one saga apart where a shared first name
     * or title would not.
     */
    int[] titleSubjects(String title, String lead) {
        Set<String> candidates = new HashSet<>();
        Matcher m = RAW_TOKEN.matcher(title);
        while (m.find()) {
            for (String part : trimPunctuation(m.group()).split("-")) if (mayName(part)) candidates.add(Tokens.normalize(part));
        }
        if (candidates.isEmpty()) return new int[0];
        // The lead only decides which of the title's capitals are names: it is read until each has been seen.
        Set<String> leadNames = new HashSet<>();
        boolean sentenceStart = true;
        m = RAW_TOKEN.matcher(lead);
        while (m.find() && leadNames.size() < candidates.size()) {
            String raw = m.group();
            String core = trimPunctuation(raw);
            if (!sentenceStart && !core.isEmpty() && Character.isUpperCase(core.charAt(0))) {
                for (String part : core.split("-")) {
                    if (part.isEmpty()) continue;
                    String norm = Tokens.normalize(part);
                    if (candidates.contains(norm)) leadNames.add(norm);
                }
            }
            sentenceStart = endsSentence(raw, core);
        }
        Set<Integer> out = new TreeSet<>();
        @Nullable String runLast = null; // the last word of the current run of lead names, as written
        m = RAW_TOKEN.matcher(title);
        while (m.find()) {
            String raw = m.group();
            String core = trimPunctuation(raw);
            for (String part : core.split("-")) {
                if (mayName(part) && leadNames.contains(Tokens.normalize(part))) {
                    runLast = part;
                } else if (runLast != null) {
                    out.add(stats.id("e:" + Tokens.normalize(runLast), runLast));
                    runLast = null;
                }
            }
            // Punctuation after a word ends the run: "Trump, Russia and Comey" names three subjects.
            if (runLast != null && !core.isEmpty() && endsClause(raw, core)) {
                out.add(stats.id("e:" + Tokens.normalize(runLast), runLast));
                runLast = null;
            }
        }
        if (runLast != null) out.add(stats.id("e:" + Tokens.normalize(runLast), runLast));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A title word that may name a subject: capitalised in the title too (a sentence-case title's "judge" is
     * not the lead's "Judge Ruiz"), not a stop word, number or calendar word.
     */
    private static boolean mayName(String part) {
        if (part.length() < 2 || !Character.isUpperCase(part.charAt(0))) return false;
        String norm = Tokens.normalize(part);
        return norm.length() > 1 && !Tokens.STOP_WORDS.contains(norm) && !isNumber(norm) && !CALENDAR.contains(norm);
    }

    /**
     * Whether the next word starts a sentence (its capital then says nothing). A period after a short
     * capitalised word or an initialism ("Mr.", "Sen.", "H.W.") is an abbreviation, not a sentence end.
     */
    private static boolean endsSentence(String raw, String core) {
        int i = raw.length() - 1;
        while (i > 0 && "\"'’”)".indexOf(raw.charAt(i)) >= 0) i--;
        char last = raw.charAt(i);
        if (last == '!' || last == '?' || last == ':') return true;
        if (last != '.') return false;
        boolean abbreviation = !core.isEmpty() && Character.isUpperCase(core.charAt(0)) && (core.length() <= 3 || core.indexOf('.') >= 0);
        return !abbreviation;
    }

    /** Whether punctuation after the word ends a run of names (a comma, colon, dash or a sentence end, not "H.W."). */
    private static boolean endsClause(String raw, String core) {
        if (raw.endsWith(core)) return false;
        char last = raw.charAt(raw.length() - 1);
        return last != '.' || endsSentence(raw, core);
    }

    private static String trimPunctuation(String raw) {
        int b = 0, e = raw.length();
        while (b < e && !Character.isLetterOrDigit(raw.charAt(b))) b++;
        while (e > b && !Character.isLetterOrDigit(raw.charAt(e - 1))) e--;
        return raw.substring(b, e);
    }

    static String embedText(Article a) {
        String lead = lead(a.text(), EMBED_LEAD_CHARS);
        return a.title().isBlank() ? lead : a.title() + ". " + lead;
    }

    /**
     * Lead terms weighed by TF-IDF, each further by how much of the last week's news names it ({@link #saturation}).
     */
    private SparseVector weighLead(Map<Integer, Double> tf) {
        if (config.saturatedShare() <= 0 || recent.size() < MIN_RECENT_ARTICLES) return weigh(stats, tf);
        Map<Integer, Double> w = new HashMap<>();
        for (var e : tf.entrySet()) {
            w.put(e.getKey(), (1 + Math.log(e.getValue())) * stats.idf(e.getKey()) * saturation(recent.share(e.getKey()), config.saturatedShare()));
        }
        return SparseVector.of(w);
    }

    /**
     * Weight factor of a term named by {@code share} of the last week's articles: 1 up to {@code saturated}, then falling
     * as an IDF over the week would (log share / log saturated), to {@link #MIN_SATURATION} for a term every article names.
     * A big event's own name (54 % of a week for Comey's testimony) keeps part of its weight and shares the lead with the
     * event's other words; a period's subject named by most articles, with its vocabulary, stops tying them together.
     */
    static double saturation(double share, double saturated) {
        if (share <= saturated) return 1;
        return Math.max(MIN_SATURATION, Math.log(share) / Math.log(saturated));
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
