package news.parallax.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import news.parallax.analysis.StoryView;
import news.parallax.model.Entity;
import org.jspecify.annotations.Nullable;

/**
 * The names a story is about: the entities of its stored view (found by the claims stage, variants merged within
 * the story) that its headline names or that most of its articles keep returning to, with the counts topics are
 * judged by. Names mentioned in passing are left out, so a topic page lists stories about the topic.
 *
 * @param storyId  the story
 * @param stamp    what the names were read from (the stored view's stamp and version): re-read when it changes
 * @param articles independent articles of the story (syndicated copies left out)
 * @param names    the story's main names, most prominent first
 * @param aliases  pairs of the story's names that its texts say are one ("the Affordable Care Act, known as
 *                 Obamacare"): evidence, story by story, that two spellings name one thing
 */
public record StoryNames(String storyId, String stamp, int articles, List<Name> names, List<Alias> aliases) {
    /** Most names kept per story: beyond these a story is not "about" a name any more. */
    static final int MAX_NAMES_PER_STORY = 12;
    /** A name not in the headline must appear in at least this share of the story's independent articles... */
    static final double MIN_ARTICLE_SHARE = 0.5;
    /** ...and at least this many times in all. */
    static final int MIN_MENTIONS = 3;
    /** A name in at least this share of the member headlines counts as in the headline. */
    static final double MIN_TITLE_SHARE = 0.25;
    /**
     * Words the claims stage's name spotter drops from the start of a name ("New York Times" reaches the view as
     * "York Times"; "First Amendment" as "Amendment"): restored when most mentions carry them in the text.
     */
    static final Set<String> RESTORED_PREFIXES = Set.of("New", "First");
    /**
     * The format of the names read from a view, part of their stamp: names read by an older format (before
     * {@link Cues}) are stale and read again.
     */
    static final String FORMAT = "n7";
    /**
     * Words that may stand between a name and "known as" ("the Affordable Care Act, commonly known as Obamacare"). Not
     * nouns: in "the Iran nuclear deal, known as the JCPOA" the name before a noun is not what is known as the JCPOA.
     */
    static final Set<String> BEFORE_KNOWN_AS = Set.of("also", "commonly", "better", "widely", "popularly", "formerly", "officially",
            "informally", "often", "sometimes", "now", "generally", "more", "locally", "colloquially");
    /** Prepositions: a name right after one (a "the" aside) is the object in a longer phrase ("exit from the European Union"). */
    static final Set<String> PREPOSITIONS = Set.of("of", "from", "with", "in", "on", "at", "to", "for", "by", "over", "against", "into",
            "under", "about", "between", "across", "within", "without", "toward", "towards", "through", "after", "before", "among");

    public StoryNames {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(stamp, "stamp");
        names = List.copyOf(names);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A story without alias evidence. */
    public StoryNames(String storyId, String stamp, int articles, List<Name> names) {
        this(storyId, stamp, articles, names, List.of());
    }

    /** Two of a story's names that a text says are one thing: {@code name} "known as" {@code alias}. */
    public record Alias(String name, String alias) {
        public Alias {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alias, "alias");
        }
    }

    /**
     * One main name of a story.
     *
     * @param name       the story's spelling (the claims stage's canonical one, its dropped prefix restored)
     * @param type       PERSON, ORGANIZATION, LOCATION or OTHER, as the claims stage typed it in this story
     * @param variants   the spellings seen in this story
     * @param mentions   times any spelling occurs, capitalised, in the titles and texts of independent articles
     * @param articles   independent articles naming it
     * @param headline   whether the story's headline (or a quarter of its articles' headlines) names it
     * @param lowercase  for a one-word name, times the word occurs in lower case ("officials"): a common word, not a name
     * @param cues       how its mentions are written in the articles' texts (not their titles): what tells a headline
     *                   phrase from a name, and a person from a thing
     * @param outlets    its mentions in the articles' texts, by outlet: a name only one outlet ever writes is that
     *                   outlet's own furniture (its newsletter, a byline, a credit handle), not a subject
     */
    public record Name(String name, String type, List<String> variants, int mentions, int articles, boolean headline, int lowercase,
            Cues cues, Map<String, Integer> outlets) {
        public Name {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(cues, "cues");
            variants = List.copyOf(variants);
            outlets = outlets == null ? Map.of() : Map.copyOf(outlets);
        }

        /** A name whose every mention was in an article's text, with no cue to its kind and no outlet recorded. */
        public Name(String name, String type, List<String> variants, int mentions, int articles, boolean headline, int lowercase) {
            this(name, type, variants, mentions, articles, headline, lowercase, new Cues(mentions, 0, 0, 0, mentions, 0, 0, 0), Map.of());
        }
    }

    /**
     * Counts over a name's capitalised mentions in the articles' texts.
     *
     * @param text     mentions in texts: a name that Title Case headlines alone capitalise ("Take Obamacare") has none
     * @param afterThe mentions right after a lower-case "the" ("the Patriot Act", "the FBI"): never a person
     * @param afterIn  mentions right after "in", "at", "near" or "across" ("in Iowa"): a place
     * @param saidBy   mentions right before a verb of saying ("Apple said"): someone, a person or an organisation
     * @param fullText text mentions spelt with all the name's words ("Take Obamacare", not "Obamacare"): a Title Case
     *                 headline's phrase has none, though its last word may be a name
     * @param lowerExpansion for an acronym, the words it stands for written in lower case ("gross domestic product"):
     *                 a common noun's acronym ("GDP", "VAT"), not a name
     * @param upperExpansion for an acronym, the words it stands for capitalised ("Federal Bureau of Investigation")
     * @param credit   text mentions in a credit position ({@link CreditLines}): a line of a few words of its own (a
     *                 byline, a photo credit, a section label), a plug ("Sign up for POLITICO Playbook", "Subscribe to X
     *                 on YouTube", "Listen on Apple Podcasts"), a writer's note ("X is a columnist..."), or right after
     *                 "told"/"tells" or "interview with" (the outlet or show that was told: "told TheDCNF", "told CBS
     *                 This Morning"); the page around the story, not the story
     */
    public record Cues(int text, int afterThe, int afterIn, int saidBy, int fullText, int lowerExpansion, int upperExpansion, int credit) {
        /** Cues read before credit positions were (format n6 and older). */
        public Cues(int text, int afterThe, int afterIn, int saidBy, int fullText, int lowerExpansion, int upperExpansion) {
            this(text, afterThe, afterIn, saidBy, fullText, lowerExpansion, upperExpansion, 0);
        }
    }

    /** Words after which a name is a place ("in Iowa"). */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "across", "outside", "inside");
    /** Verbs of saying after which a name is someone who speaks ("Apple said"): a person or an organisation, not a place. */
    private static final Set<String> SAYING = Set.of("said", "says", "told", "announced", "wrote", "tweeted", "argued", "added");

    /** The main names of a story's view. */
    public static StoryNames of(StoryView view, String stamp) {
        List<Entity> entities = view.entities();
        List<StoryView.ArticleView> independent = view.articles().stream().filter(a -> a.copyOf() == null).toList();
        int n = entities.size();
        // Each spelling as words, indexed by its first word, so each text is read once whatever the number of names.
        Map<String, List<Spelling>> byFirst = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String v : entities.get(i).variants()) {
                List<String> w = TopicKeys.words(v);
                List<String> nameWords = TopicKeys.words(entities.get(i).name());
                boolean leading = !nameWords.isEmpty() && !w.isEmpty() && w.get(0).equals(nameWords.get(0));
                if (!w.isEmpty()) byFirst.computeIfAbsent(w.get(0), k -> new ArrayList<>()).add(new Spelling(i, w, leading));
            }
        }
        Map<String, Integer> single = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> w = TopicKeys.words(entities.get(i).name());
            if (w.size() == 1) single.putIfAbsent(w.get(0).toLowerCase(Locale.ROOT), i);
        }
        int[] mentions = new int[n];
        int[] articles = new int[n];
        int[] titles = new int[n];
        int[] lowercase = new int[n];
        int[][] cues = new int[8][n];
        int[] nameWords = new int[n];
        for (int i = 0; i < n; i++) nameWords[i] = TopicKeys.words(entities.get(i).name()).size();
        Map<Integer, Map<String, Integer>> prefixes = new HashMap<>();
        int[] leadingMentions = new int[n];
        List<Map<String, Integer>> outlets = new ArrayList<>();
        for (int i = 0; i < n; i++) outlets.add(new HashMap<>());
        Acronyms acronyms = new Acronyms(entities);
        Set<Alias> aliases = new LinkedHashSet<>();
        for (StoryView.ArticleView a : independent) {
            boolean[] seen = new boolean[n];
            boolean[] inTitle = scan(TopicKeys.words(a.title()), byFirst, single, mentions, lowercase, prefixes, leadingMentions, n, null, nameWords, null);
            List<String> text = TopicKeys.words(a.text());
            boolean[] creditWords = CreditLines.creditWords(a.text(), text.size());
            int[] before = cues[0].clone();
            List<int[]> spans = new ArrayList<>();
            boolean[] inText = scan(text, byFirst, single, mentions, lowercase, prefixes, leadingMentions, n, cues, nameWords, spans);
            for (int[] sp : spans) if (CreditLines.credit(text, creditWords, sp[1])) cues[7][sp[0]]++;
            acronyms.count(text, cues[5], cues[6]);
            knownAs(text, spans, entities, aliases);
            for (int i = 0; i < n; i++) {
                seen[i] = inTitle[i] || inText[i];
                if (seen[i]) articles[i]++;
                if (inTitle[i]) titles[i]++;
                if (cues[0][i] > before[i]) outlets.get(i).merge(a.outlet(), cues[0][i] - before[i], Integer::sum);
            }
        }
        boolean[] inHeadline = scan(TopicKeys.words(view.title()), byFirst, Map.of(), new int[n], new int[n], new HashMap<>(), new int[n], n, null, new int[n], null);
        List<Name> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Entity e = entities.get(i);
            boolean headline = inHeadline[i] || !independent.isEmpty() && titles[i] >= MIN_TITLE_SHARE * independent.size() && titles[i] > 0;
            boolean main = headline || articles[i] >= MIN_ARTICLE_SHARE * independent.size() && articles[i] > 0 && mentions[i] >= MIN_MENTIONS;
            if (!main) continue;
            String prefix = restoredPrefix(prefixes.get(i), leadingMentions[i]);
            String name = prefix == null ? e.name() : prefix + " " + e.name();
            Set<String> variants = new LinkedHashSet<>();
            for (String v : e.variants()) variants.add(prefix == null ? v : prefix + " " + v);
            names.add(new Name(name, e.type(), List.copyOf(variants), mentions[i], articles[i], headline, lowercase[i],
                    new Cues(cues[0][i], cues[1][i], cues[2][i], cues[3][i], cues[4][i], cues[5][i], cues[6][i], cues[7][i]),
                    outlets.get(i)));
        }
        names.sort(Comparator.comparing((Name x) -> !x.headline()).thenComparing(x -> -x.mentions()).thenComparing(Name::name));
        return new StoryNames(view.id(), stamp, independent.size(), names.size() > MAX_NAMES_PER_STORY ? names.subList(0, MAX_NAMES_PER_STORY) : names,
                List.copyOf(aliases));
    }

    /**
     * "X, known as Y", "X (also known as Y)": where a text says in so many words that two of the story's names are one
     * thing. X is the name ending right before "known as" (or an adverb of {@link #BEFORE_KNOWN_AS} before it), Y the
     * name starting right after it (a "the" aside).
     */
    private static void knownAs(List<String> words, List<int[]> spans, List<Entity> entities, Set<Alias> out) {
        if (spans.size() < 2) return;
        Map<Integer, Integer> endingAt = new HashMap<>();
        Map<Integer, Integer> startingAt = new HashMap<>();
        Map<Integer, Integer> startOf = new HashMap<>();
        for (int[] sp : spans) {
            endingAt.put(sp[2], sp[0]);
            startingAt.put(sp[1], sp[0]);
            startOf.put(sp[2], sp[1]);
        }
        for (int at = 1; at + 2 < words.size(); at++) {
            if (!words.get(at).equals("known") || !words.get(at + 1).equals("as")) continue;
            int next = at + 2;
            if (words.get(next).equals("the") && next + 1 < words.size()) next++;
            Integer alias = startingAt.get(next);
            if (alias == null) continue;
            int end = at;
            while (end > 1 && BEFORE_KNOWN_AS.contains(words.get(end - 1))) end--;
            Integer name = endingAt.get(end);
            if (name == null || name.equals(alias)) continue;
            // "Britain's exit from the European Union, known as Brexit", "the deal with Iran, known as the JCPOA": a name
            // after a preposition is part of the phrase that is known as the other, not the thing itself.
            Integer start = startOf.get(end);
            if (start == null) continue;
            int before = start - 1;
            if (before >= 0 && words.get(before).equals("the")) before--;
            if (before >= 0 && PREPOSITIONS.contains(words.get(before))) continue;
            out.add(new Alias(entities.get(name).name(), entities.get(alias).name()));
        }
    }

    /**
     * The story's acronyms ("GDP", "FBI") and the words each stands for in its texts: "gross domestic product" in lower
     * case is a common noun's acronym, "Federal Bureau of Investigation" capitalised an institution's.
     */
    private static final class Acronyms {
        private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("(\\p{Lu}\\.?){2,6}");
        private static final Set<String> SKIPPABLE = Set.of("of", "and", "the", "for", "on", "in", "to");
        private final Map<Character, List<int[]>> byFirstLetter = new HashMap<>();
        private final List<String> letters = new ArrayList<>();

        Acronyms(List<Entity> entities) {
            for (int i = 0; i < entities.size(); i++) {
                String name = entities.get(i).name().strip();
                if (!ACRONYM.matcher(name).matches()) continue;
                String l = name.replace(".", "").toLowerCase(Locale.ROOT);
                letters.add(l);
                byFirstLetter.computeIfAbsent(l.charAt(0), k -> new ArrayList<>()).add(new int[] {i, letters.size() - 1});
            }
        }

        void count(List<String> words, int[] lower, int[] upper) {
            if (byFirstLetter.isEmpty()) return;
            for (int at = 0; at < words.size(); at++) {
                String w = words.get(at);
                List<int[]> candidates = byFirstLetter.get(Character.toLowerCase(w.charAt(0)));
                if (candidates == null || w.length() < 2) continue;
                for (int[] c : candidates) {
                    int kind = expansion(words, at, letters.get(c[1]));
                    if (kind < 0) lower[c[0]]++;
                    else if (kind > 0) upper[c[0]]++;
                }
            }
        }

        /** -1 when the words from {@code at} spell the letters in lower case, 1 capitalised, 0 when they do not spell them. */
        private static int expansion(List<String> words, int at, String letters) {
            int li = 0;
            boolean allLower = true;
            boolean allUpper = true;
            int i = at;
            for (; i < words.size() && li < letters.length(); i++) {
                String w = words.get(i);
                if (w.length() < 2 && !(w.length() == 1 && Character.isLetter(w.charAt(0)) && li > 0)) return 0;
                char first = w.charAt(0);
                if (Character.toLowerCase(first) == letters.charAt(li)) {
                    li++;
                    if (Character.isUpperCase(first)) allLower = false;
                    else allUpper = false;
                } else if (li > 0 && SKIPPABLE.contains(w)) {
                    continue;
                } else {
                    return 0;
                }
            }
            // The acronym itself ("GDP") is one word, not its expansion.
            if (li < letters.length() || i - at < 2) return 0;
            return allLower ? -1 : allUpper ? 1 : 0;
        }
    }

    /** @param leading whether it starts as the story's name does: where a dropped prefix would show */
    private record Spelling(int entity, List<String> words, boolean leading) {}

    /**
     * Counts the names' capitalised occurrences in {@code words}; returns which names occur. With {@code cues} (an
     * article's text), also counts each mention's {@link Cues}.
     */
    private static boolean[] scan(List<String> words, Map<String, List<Spelling>> byFirst, Map<String, Integer> single, int[] mentions,
            int[] lowercase, Map<Integer, Map<String, Integer>> prefixes, int[] leadingMentions, int n, int @Nullable [][] cues, int[] nameWords,
            @Nullable List<int[]> spans) {
        boolean[] found = new boolean[n];
        for (int at = 0; at < words.size(); at++) {
            String w = words.get(at);
            Integer common = single.get(w);
            if (common != null) lowercase[common]++;
            List<Spelling> candidates = byFirst.get(w);
            if (candidates == null) continue;
            Spelling best = null;
            for (Spelling s : candidates) {
                if ((best == null || s.words().size() > best.words().size()) && matches(words, at, s.words())) best = s;
            }
            if (best == null) continue;
            int entity = best.entity();
            int longest = best.words().size();
            mentions[entity]++;
            found[entity] = true;
            if (spans != null) spans.add(new int[] {entity, at, at + longest});
            if (cues != null) {
                cues[0][entity]++;
                int b = at - 1;
                // "in New York" where the name was found as "York": the cue is before the dropped prefix.
                if (b >= 0 && RESTORED_PREFIXES.contains(words.get(b))) b--;
                String before = b >= 0 ? words.get(b) : "";
                if (best.words().size() >= nameWords[entity]) cues[4][entity]++;
                String after = at + longest < words.size() ? words.get(at + longest) : "";
                if (before.equals("the")) cues[1][entity]++;
                if (PLACE_PREPOSITIONS.contains(before)) cues[2][entity]++;
                if (SAYING.contains(after)) cues[3][entity]++;
            }
            if (best.leading()) {
                leadingMentions[entity]++;
                if (at > 0 && RESTORED_PREFIXES.contains(words.get(at - 1))) {
                    prefixes.computeIfAbsent(entity, k -> new HashMap<>()).merge(words.get(at - 1), 1, Integer::sum);
                }
            }
            at += longest - 1;
        }
        return found;
    }

    private static boolean matches(List<String> words, int at, List<String> spelling) {
        if (at + spelling.size() > words.size()) return false;
        for (int k = 0; k < spelling.size(); k++) if (!words.get(at + k).equals(spelling.get(k))) return false;
        return true;
    }

    /** The prefix most mentions carry, when more than half do; null otherwise. */
    private static @Nullable String restoredPrefix(@Nullable Map<String, Integer> counts, int mentions) {
        if (counts == null) return null;
        for (var e : counts.entrySet()) if (e.getValue() * 2 > mentions) return e.getKey();
        return null;
    }
}
