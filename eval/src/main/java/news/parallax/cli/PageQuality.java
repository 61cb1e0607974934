package news.parallax.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import news.parallax.analysis.StoryView;
import news.parallax.model.Article;

/**
 * Reads a story view as a careful reader would and lists what it should not show. The detectors are written apart
 * from the code they check (the summariser's filters in {@code analysis.SummaryCandidates}, its TF-IDF duplicate cut,
 * {@code analysis.OpinionPieces}, {@code analysis.FigureFormat}): other rules and other measures (character shingles
 * rather than word vectors, the raw record's source and URL rather than the resolved outlet), so a shared blind spot
 * is less likely. Stateless and thread-safe.
 */
final class PageQuality {
    /** One finding: which check, which story, what text. */
    record Finding(String check, String storyId, String text) {}

    static final String CAPTION = "caption";
    static final String DATELINE = "dateline";
    static final String BYLINE_OR_LINK = "byline or link text";
    static final String FRAGMENT = "fragment";
    static final String HALF_SENTENCE = "half sentence";
    static final String NEAR_DUPLICATE = "near-duplicate";
    static final String OUT_OF_ORDER = "summary not in event order";
    static final String QUESTION_OR_INTERVIEW = "question or interview line";
    static final String OPINION_HEADLINE = "named by an opinion piece";
    static final String FEATURE_HEADLINE = "named by a feature (explainer, list, question)";
    /** Not a fault to count: a story whose every article is opinion has no other title to go by. */
    static final String ALL_OPINION = "(all-opinion story, own title)";
    static final String UNGROUPED_FIGURE = "figure without grouping or unit";
    static final String ARTICLE_ID_AS_OUTLET = "article id shown as outlet";
    static final List<String> CHECKS = List.of(CAPTION, DATELINE, BYLINE_OR_LINK, FRAGMENT, HALF_SENTENCE, NEAR_DUPLICATE,
            QUESTION_OR_INTERVIEW, OUT_OF_ORDER, OPINION_HEADLINE, ALL_OPINION, FEATURE_HEADLINE, UNGROUPED_FIGURE, ARTICLE_ID_AS_OUTLET);

    /** Character 5-gram Jaccard above which two summary sentences say the same thing in nearly the same words. */
    static final double DUPLICATE_JACCARD = 0.5;
    private static final int SHINGLE = 5;
    static final int MIN_WORDS = 6;

    private static final Pattern CAPTION_SIGNS = Pattern.compile(
            "\\((?:center|centre|left|right|L|R|pictured|second from (?:left|right)|from left)\\)|\\b(?:AP Photo|Getty Images|Photo by|Photograph:|pictured here|file photo)\\b|/(?:AP|Reuters|AFP|Getty)\\b|, (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\p{Lu}\\p{Ll}+\\.? \\d{1,2}, \\d{4}(?:, in [^.]+)?\\.$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE_START = Pattern.compile("^\\p{Lu}{2,}(?:[ ,./]+\\p{Lu}[\\p{L}.]*)*\\s*(?:\\([^)]*\\))?\\s*[—–-]"
            + "|^\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?,?(?: \\p{Lu}\\p{Ll}+)? \\((?:CNN|Reuters|AP|AFP|UPI)[^)]*\\)");
    /** A question, or someone speaking to "you" or as "I"/"we" outside quotation marks: an interview's or a column's line. */
    private static final Pattern QUESTION_END = Pattern.compile("\\?[\"”’')\\]]*$");
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”|\"[^\"]*\"");
    private static final Pattern PERSONAL = Pattern.compile("\\b(?:[Yy]ou(?:r|rs|'re|’re|'ve|’ve)?|I|I'm|I’m|[Ww]e|[Oo]ur|[Ll]et['’]s|my|me)\\b|^(?:Q|A):");
    /** Titles that explain, list, ask or check rather than report. */
    private static final Pattern FEATURE_TITLE = Pattern.compile(
            "(?i)^(?:why|how|what|can|should|is|are|does|did|here['’]s)\\b|\\?|, explained$|\\btakeaways\\b|\\bto watch\\b|\\bfact-?check|^\\d+ \\w+ (?:to|from|about|that|we)\\b");
    private static final Pattern BYLINE_START = Pattern.compile("^(?:By \\p{Lu}\\p{Ll}+ \\p{Lu}|Reporting by|Written by|Editing by|RELATED|READ MORE|Read more|WATCH|Click |Sign up|Subscribe)");
    private static final Pattern ENDS_ON_ABBREVIATION = Pattern.compile(
            "\\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Gov|Sen|Rep|St|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Prof|No|vs?|(?<=\\s)[A-Z])\\.[\"”’)]*$");
    private static final Pattern TERMINAL = Pattern.compile("[.!?][\"”’')\\]]*$");
    private static final Pattern STATED_DAY = Pattern.compile(
            "\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Ll]ast (?:week|month|year)|(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}|in (?:19|20)\\d\\d)\\b");
    private static final Pattern OPINION_URL = Pattern.compile("/(?:opinion|opinions|commentary|editorial|editorials|columnists?|op-ed|blogs?)/", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPINION_TITLE = Pattern.compile("^(?:OPINION|Opinion|Analysis|ANALYSIS|Commentary|Editorial|EDITORIAL)\\s*[:|]");
    private static final Pattern OPINION_SOURCE = Pattern.compile("(?i)opinion|editorial|guest writer|columnist|commentary");
    /** Four or more digits in a row without a group separator, not a year. */
    private static final Pattern UNGROUPED = Pattern.compile("(?<![\\d,.])\\d{4,}(?![\\d,])");
    private static final Pattern UNIT = Pattern.compile("[$£€%]|\\p{L}{2,}");

    private PageQuality() {}

    /**
     * The findings of one story view.
     *
     * @param records the story's articles as stored (raw source, URL), by id
     */
    static List<Finding> check(StoryView v, Map<String, Article> records) {
        List<Finding> out = new ArrayList<>();
        for (StoryView.SummarySentence s : allSentences(v)) sentence(v.id(), s.text(), out);
        duplicates(v, out);
        order(v, out);
        opinionHeadline(v, records, out);
        figures(v, out);
        ids(v, out);
        return out;
    }

    private static List<StoryView.SummarySentence> allSentences(StoryView v) {
        List<StoryView.SummarySentence> all = new ArrayList<>(v.summarySentences());
        v.keyPointSentences().values().forEach(all::addAll);
        return all;
    }

    static void sentence(String story, String text, List<Finding> out) {
        String t = text.strip();
        if (CAPTION_SIGNS.matcher(t).find()) out.add(new Finding(CAPTION, story, t));
        if (DATELINE_START.matcher(t).find()) out.add(new Finding(DATELINE, story, t));
        if (BYLINE_START.matcher(t).find()) out.add(new Finding(BYLINE_OR_LINK, story, t));
        String outsideQuotes = QUOTED.matcher(t).replaceAll(" ");
        if (QUESTION_END.matcher(t).find() || PERSONAL.matcher(outsideQuotes.replace("World War I", "")).find()) {
            out.add(new Finding(QUESTION_OR_INTERVIEW, story, t));
        }
        int words = t.split("\\s+").length;
        char first = t.isEmpty() ? ' ' : t.charAt(0);
        if (words < MIN_WORDS || Character.isLowerCase(first) || !TERMINAL.matcher(t).find()) out.add(new Finding(FRAGMENT, story, t));
        else if (ENDS_ON_ABBREVIATION.matcher(t).find() || !balanced(t)) out.add(new Finding(HALF_SENTENCE, story, t));
    }

    private static boolean balanced(String t) {
        int paren = 0, curly = 0, straight = 0;
        for (char c : t.toCharArray()) {
            if (c == '(') paren++;
            if (c == ')') paren--;
            if (c == '“') curly++;
            if (c == '”') curly--;
            if (c == '"') straight++;
        }
        return paren == 0 && curly == 0 && straight % 2 == 0;
    }

    private static void duplicates(StoryView v, List<Finding> out) {
        List<List<StoryView.SummarySentence>> lists = new ArrayList<>();
        lists.add(v.summarySentences());
        lists.addAll(v.keyPointSentences().values());
        for (List<StoryView.SummarySentence> list : lists) {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    if (jaccard(shingles(list.get(i).text()), shingles(list.get(j).text())) >= DUPLICATE_JACCARD) {
                        out.add(new Finding(NEAR_DUPLICATE, v.id(), list.get(j).text()));
                    }
                }
            }
        }
    }

    /**
     * In order when each sentence's first report is no earlier than the previous sentence's, sentences that state
     * their own day excepted (they may tell an earlier event in a later report).
     */
    private static void order(StoryView v, List<Finding> out) {
        Map<String, Instant> published = new HashMap<>();
        for (StoryView.ArticleView a : v.articles()) if (a.published() != null) published.put(a.id(), a.published());
        Instant previous = null;
        for (StoryView.SummarySentence s : v.summarySentences()) {
            if (STATED_DAY.matcher(s.text()).find()) continue;
            Instant first = s.articleIds().stream().map(published::get).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
            if (first == null) continue;
            if (previous != null && first.isBefore(previous)) {
                out.add(new Finding(OUT_OF_ORDER, v.id(), s.text()));
                return;
            }
            previous = first;
        }
    }

    private static void opinionHeadline(StoryView v, Map<String, Article> records, List<Finding> out) {
        boolean named = false;
        boolean anyNews = false;
        for (StoryView.ArticleView a : v.articles()) {
            boolean opinion = isOpinion(a, records.get(a.id()));
            if (!opinion) anyNews = true;
            if (opinion && (a.title().equals(v.title()) || v.title().endsWith(a.title().replaceFirst("^\\S+\\s*[:|]\\s*", "")))) named = true;
        }
        if (named) out.add(new Finding(anyNews ? OPINION_HEADLINE : ALL_OPINION, v.id(), v.title()));
        if (FEATURE_TITLE.matcher(v.title().strip()).find()) out.add(new Finding(FEATURE_HEADLINE, v.id(), v.title()));
    }

    /**
     * How contrastive one story's key points are: of the key points shown, how many nearly repeat a key point of
     * another side (character 5-gram Jaccard at least {@link #DUPLICATE_JACCARD}), and how many another rated side's
     * articles also state: one of their sentences holds at least {@link #SAME_FACT_CONTAINMENT} of the key point's
     * words of four letters or more (a looser test than the shingles: the same fact in partly other words), so the
     * point is not what that side stresses over the others.
     */
    record Contrast(int points, int repeatOtherSidesPoint, int statedByOtherSide) {
        Contrast plus(Contrast o) {
            return new Contrast(points + o.points, repeatOtherSidesPoint + o.repeatOtherSidesPoint, statedByOtherSide + o.statedByOtherSide);
        }
    }

    /** Share of a key point's longer words found in one sentence of another side for it to state the same fact. */
    static final double SAME_FACT_CONTAINMENT = 0.6;
    private static final int FACT_WORD_LETTERS = 4;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’]?)\\s+(?=[\"“]?\\p{Lu})");
    private static final Set<String> RATED = Set.of("left", "center", "right");

    static Contrast contrast(StoryView v) {
        int points = 0, repeated = 0, stated = 0;
        Map<String, List<Set<String>>> sentencesBySide = new HashMap<>();
        for (StoryView.ArticleView a : v.articles()) {
            if (!RATED.contains(a.bias())) continue;
            List<Set<String>> list = sentencesBySide.computeIfAbsent(a.bias(), k -> new ArrayList<>());
            for (String sentence : SENTENCE_END.split(a.text())) if (sentence.length() > 40) list.add(factWords(sentence));
        }
        for (var side : v.keyPointSentences().entrySet()) {
            for (StoryView.SummarySentence p : side.getValue()) {
                points++;
                Set<String> mine = shingles(p.text());
                boolean repeats = false;
                for (var other : v.keyPointSentences().entrySet()) {
                    if (other.getKey().equals(side.getKey())) continue;
                    for (StoryView.SummarySentence q : other.getValue()) if (jaccard(mine, shingles(q.text())) >= DUPLICATE_JACCARD) repeats = true;
                }
                if (repeats) repeated++;
                boolean elsewhere = false;
                Set<String> facts = factWords(p.text());
                for (var other : sentencesBySide.entrySet()) {
                    if (other.getKey().equals(side.getKey()) || elsewhere || facts.isEmpty()) continue;
                    for (Set<String> words : other.getValue()) {
                        int shared = 0;
                        for (String w : facts) if (words.contains(w)) shared++;
                        if ((double) shared / facts.size() >= SAME_FACT_CONTAINMENT) {
                            elsewhere = true;
                            break;
                        }
                    }
                }
                if (elsewhere) stated++;
            }
        }
        return new Contrast(points, repeated, stated);
    }

    private static boolean isOpinion(StoryView.ArticleView a, @Nullable Article raw) {
        return a.url() != null && OPINION_URL.matcher(a.url()).find() || OPINION_TITLE.matcher(a.title()).find()
                || raw != null && OPINION_SOURCE.matcher(raw.outlet()).find();
    }

    static void figures(StoryView v, List<Finding> out) {
        for (StoryView.FigureQuestion q : v.figures()) {
            for (StoryView.FigureAnswer a : q.answers()) {
                String value = a.value();
                boolean hasDigit = value.chars().anyMatch(Character::isDigit);
                var m = UNGROUPED.matcher(value);
                boolean ungrouped = false;
                while (m.find()) {
                    int n = Integer.parseInt(m.group().length() > 9 ? "99999" : m.group());
                    if (!(n >= 1900 && n <= 2100 && m.group().length() == 4)) ungrouped = true;
                }
                if (ungrouped || hasDigit && !UNIT.matcher(value.replaceAll("\\b(about|up to|at least|more than|nearly|fewer than|over|under|almost)\\b", "")).find()) {
                    out.add(new Finding(UNGROUPED_FIGURE, v.id(), q.question() + " " + value));
                }
            }
        }
    }

    private static void ids(StoryView v, List<Finding> out) {
        Set<String> articleIds = new HashSet<>();
        for (StoryView.ArticleView a : v.articles()) articleIds.add(a.id());
        List<String> shown = new ArrayList<>();
        for (StoryView.SummarySentence s : allSentences(v)) shown.addAll(s.outlets());
        for (StoryView.FigureQuestion q : v.figures()) for (StoryView.FigureAnswer a : q.answers()) a.outlets().forEach(o -> shown.add(o.name()));
        for (StoryView.ArticleView a : v.articles()) shown.add(a.outlet());
        for (String name : shown) if (articleIds.contains(name)) out.add(new Finding(ARTICLE_ID_AS_OUTLET, v.id(), name));
    }

    private static Set<String> factWords(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (w.length() >= FACT_WORD_LETTERS) out.add(w);
        return out;
    }

    private static Set<String> shingles(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").replaceAll("\\s+", " ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= t.length(); i++) out.add(t.substring(i, i + SHINGLE));
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int shared = 0;
        for (String s : a) if (b.contains(s)) shared++;
        return (double) shared / (a.size() + b.size() - shared);
    }
}
