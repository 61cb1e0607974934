package news.parallax.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.nlp.LightStemmer;
import news.parallax.nlp.Tokens;
import news.parallax.outlets.OutletRegistry;

/**
 * Names a story: the most representative straight-news title among its latest articles.
 *
 * <p>The story's first title is often stale by the time the story is read (the Hanoi summit's story was named by
 * its preview, "Trump bets on North Korea to break his losing streak") or an opinion piece ("Let's Chill about Hate
 * Crimes" named the Smollett story). So the headline is chosen among the latest reports, walking back in time until
 * {@link #MIN_CANDIDATES} eligible titles are found: eligible means not an opinion piece ({@link OpinionPieces}),
 * not a syndicated copy, and from a rated outlet or a wire service. Among those, the title closest to the centre of
 * the story's titles wins (cosine of stemmed content words to the sum of the other titles' vectors, each weighing
 * half as much every {@link #CENTRE_HALF_LIFE_DAYS} days before the latest, so the headline follows the story as it
 * develops). Questions, features' titles (explainers, listicles, fact-checks) and very short titles are discounted:
 * they tease or comment rather than tell. Titles only, no body text: the pipeline names stories from
 * titles it keeps in memory. Deterministic; stateless and thread-safe.
 */
public final class StoryHeadline {
    /** Titles chosen among at least this many eligible latest articles (fewer when the story has fewer). */
    static final int MIN_CANDIDATES = 4;
    /** Articles this close to the story's latest one are "the latest"; the corpus dates to the day. */
    static final Duration RECENT = Duration.ofDays(2);
    /**
     * A title's weight in the story's centre halves with every this many days before the latest article, so the centre
     * is the story as it stands now: the Hanoi summit's story is about its collapse once the collapse is reported,
     * however many previews came before.
     */
    static final double CENTRE_HALF_LIFE_DAYS = 2.0;
    /**
     * Among titles about as central, the later one tells where the story stands ("House passes bill rejecting ..."
     * over "House set to vote ..."): a title's score is multiplied by (1 + this × its centre weight) / (1 + this).
     */
    static final double RECENCY_BONUS = 0.25;
    /** Score factor of a title ending in a question mark ("Did Trump give Democrats ammunition ...?"). */
    static final double QUESTION_FACTOR = 0.5;
    /**
     * Score factor of a feature's title rather than a report's: an explainer ("The Ilhan Omar controversy,
     * explained", "Why impeachment polls matter so much to Trump"), a listicle ("6 Takeaways From the October
     * Democratic Debate", "Five senators to watch"), a question anywhere ("Can our friends trust the US as an ally?
     * Most Americans say ...") or a fact-check. They tell what to think about the story, not what happened.
     */
    static final double FEATURE_FACTOR = 0.4;
    private static final java.util.regex.Pattern FEATURE_TITLE = java.util.regex.Pattern.compile(
            "^(?:Why|How|What|Who|Which|Can|Could|Should|Would|Is|Are|Does|Do|Did|Here's|Here’s|Here is|Here are|Inside|Life after|The case for|The case against|In defense of)\\b"
                    + "|(?:^|: )(?:Why|How|What)\\b|\\?"
                    + "|(?i:\\banalysis:|\\bcase (?:for|against)\\b|\\bspecial report:|\\bexplained\\b|\\bexplainer\\b|\\btakeaways\\b|\\bthings to know\\b|\\bwhat to know\\b|\\bwhat we know\\b|\\bto watch\\b|\\bfact[- ]check|\\bQ&A\\b|\\blive updates\\b|\\bpodcast\\b|\\bin (?:\\d+|two|three|four|five|six|seven|eight|nine|ten) (?:charts|maps|graphs|photos|pictures|quotes)\\b)"
                    + "|^(?:\\d+|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve) (?:\\p{L}+ )?(?i:takeaways|things|ways|reasons|questions|lessons|senators|moments|winners|losers|facts|signs|times|candidates|people|stories)\\b");
    /**
     * Score factor of a title written in a commentator's voice rather than a report's: one that speaks as "we" or to
     * "you" ("We're not overreacting to the coronavirus", "Remember, No One Is Coming to Save Us") or adds a verdict as a
     * second sentence ("Camouflaged federal agents have descended on Portland. Trump's DHS is out of control"). Opinion
     * sections are left out by {@link OpinionPieces}; these are the commentary news sites publish outside them. Loaded
     * words are not a cue in titles: wire headlines say "slams" and "blasts" as a matter of style, and discounting them
     * named the gun-lobby story by a media spat instead.
     */
    static final double VOICE_FACTOR = 0.5;
    private static final java.util.regex.Pattern PERSONAL_VOICE = java.util.regex.Pattern.compile(
            "\\b(?:[Ww]e|[Ww]e['’](?:re|ve)|[Uu]s|[Oo]urs?|[Yy]ou|[Yy]ou['’]re|[Yy]our|[Ll]et['’]s|I|I['’]m|[Mm]y|[Mm]e)\\b");
    /** Quoted words, which are someone else's voice ("Trump: 'I Said Roy Moore Will Not Be Able to Win'"). */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("[\"“][^\"“”]*[\"”]|(?<!\\p{L})['‘][^'‘’]*['’](?!\\p{L})");
    /** A speaker before a colon: what follows is theirs ("Van Jones: A 'white, liberal ...' can pose ..."). */
    private static final java.util.regex.Pattern SPEAKER = java.util.regex.Pattern.compile("^[^:]{1,40}: ");
    /** A second sentence in a title: a lower-case word, a full stop, then a capital ("U.S. Will" does not match). */
    private static final java.util.regex.Pattern SECOND_SENTENCE = java.util.regex.Pattern.compile("\\p{Ll}{2,}[.!] +[\"“‘']?\\p{Lu}");
    /** URL path segments of fact-checks, which are features whatever their title says. */
    private static final java.util.regex.Pattern FACT_CHECK_PATH = java.util.regex.Pattern.compile("(?i)/fact-?checks?(?:/|-|$)");
    /** Titles shorter than this many words are labels or teasers ("Border rebuke looms for Trump"). */
    static final int SHORT_TITLE_WORDS = 6;
    static final double SHORT_TITLE_FACTOR = 0.8;
    /** Wire services: straight news whatever the registry says of their rating. */
    private static final Set<String> WIRES = Set.of("reuters", "associated press", "ap", "afp", "agence france-presse",
            "bloomberg", "upi", "ap news");

    private StoryHeadline() {}

    /** The story's headline; members in any order, copyOf maps a syndicated copy's id to its original's. */
    public static String choose(List<Article> members, Map<String, String> copyOf, OutletRegistry registry) {
        if (members.isEmpty()) throw new IllegalArgumentException("a story has at least one article");
        StorySources sources = StorySources.of(members, copyOf, registry);
        List<StorySources.Member> latestFirst = new ArrayList<>(sources.independentMembers());
        latestFirst.sort(Comparator.comparing((StorySources.Member m) -> m.article().published() == null ? Instant.MIN : m.article().published())
                .reversed().thenComparing(m -> m.article().id()));
        Instant latest = latestFirst.isEmpty() ? null : latestFirst.get(0).article().published();

        List<StorySources.Member> candidates = new ArrayList<>();
        for (StorySources.Member m : latestFirst) {
            boolean recent = latest == null || m.article().published() != null && !m.article().published().isBefore(latest.minus(RECENT));
            if (!recent && candidates.size() >= MIN_CANDIDATES) break;
            if (eligible(m)) candidates.add(m);
        }
        if (candidates.isEmpty()) {
            // No straight news from a rated or wire outlet: any news title, else an opinion title without its label.
            for (StorySources.Member m : latestFirst) if (!m.article().title().isBlank() && !OpinionPieces.isOpinion(m.article(), m.outlet())) candidates.add(m);
        }
        if (candidates.isEmpty()) {
            return members.stream().map(Article::title).filter(t -> !t.isBlank()).map(OpinionPieces::withoutMarker)
                    .filter(t -> !t.isBlank()).findFirst().orElse(members.stream().sorted(Comparator.comparing(Article::id)).findFirst().orElseThrow().headline());
        }
        if (candidates.size() == 1) return candidates.get(0).article().title();

        List<Map<String, Double>> vectors = new ArrayList<>();
        Map<String, Double> centre = new HashMap<>();
        for (StorySources.Member m : latestFirst) {
            Map<String, Double> v = vector(m.article().title());
            vectors.add(v);
            double w = centreWeight(m, latest);
            v.forEach((t, x) -> centre.merge(t, w * x, Double::sum));
        }
        StorySources.Member best = candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (StorySources.Member m : candidates) {
            Map<String, Double> v = vectors.get(latestFirst.indexOf(m));
            double w = centreWeight(m, latest);
            // Leave-one-out: a title is not close to the centre merely for being part of it.
            Map<String, Double> others = new HashMap<>(centre);
            v.forEach((t, x) -> others.merge(t, -w * x, Double::sum));
            double score = cosine(v, others);
            String title = m.article().title().strip();
            if (title.endsWith("?")) score *= QUESTION_FACTOR;
            String url = m.article().url();
            if (isFeatureTitle(title) || url != null && FACT_CHECK_PATH.matcher(OpinionPieces.urlPath(url)).find()) score *= FEATURE_FACTOR;
            if (inCommentatorsVoice(title)) score *= VOICE_FACTOR;
            score *= (1 + RECENCY_BONUS * w) / (1 + RECENCY_BONUS);
            if (Tokens.words(title).size() < SHORT_TITLE_WORDS) score *= SHORT_TITLE_FACTOR;
            if (score > bestScore) {
                bestScore = score;
                best = m;
            }
        }
        return best.article().title();
    }

    /** Weight of a title in the story's centre: halves every {@link #CENTRE_HALF_LIFE_DAYS} before the latest article. */
    private static double centreWeight(StorySources.Member m, @org.jspecify.annotations.Nullable Instant latest) {
        Instant p = m.article().published();
        if (latest == null || p == null) return 1.0;
        double days = Duration.between(p, latest).toHours() / 24.0;
        return Math.pow(0.5, Math.max(0, days) / CENTRE_HALF_LIFE_DAYS);
    }

    /** Whether a title is an explainer's, a listicle's, a question or a fact-check's ({@link #FEATURE_FACTOR}). */
    public static boolean isFeatureTitle(String title) {
        return FEATURE_TITLE.matcher(title.strip()).find();
    }

    /** Whether a title speaks as a commentator rather than a report ({@link #VOICE_FACTOR}). */
    static boolean inCommentatorsVoice(String title) {
        String own = QUOTED.matcher(title).replaceAll(" ");
        boolean personal = !SPEAKER.matcher(title).find() && PERSONAL_VOICE.matcher(own).find();
        return personal || SECOND_SENTENCE.matcher(own).find();
    }

    /** Eligible to name a story: a titled straight-news original from a rated or wire outlet. */
    private static boolean eligible(StorySources.Member m) {
        if (m.article().title().isBlank() || OpinionPieces.isOpinion(m.article(), m.outlet())) return false;
        return m.side() != news.parallax.model.Side.UNRATED || isWire(m.sourceName()) || isWire(m.article().outlet());
    }

    static boolean isWire(String outlet) {
        return WIRES.contains(outlet.strip().toLowerCase(Locale.ROOT));
    }

    /** Unit-length vector of a title's stemmed content words. */
    private static Map<String, Double> vector(String title) {
        Map<String, Double> v = new HashMap<>();
        for (String w : Tokens.contentWords(title)) v.merge(LightStemmer.stem(w), 1.0, Double::sum);
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) v.replaceAll((k, x) -> x / norm);
        return v;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (var e : a.entrySet()) dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        double nb = Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum());
        return nb == 0 ? 0 : dot / nb;
    }
}
