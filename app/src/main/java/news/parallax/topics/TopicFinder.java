package news.parallax.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Topics from the main names of every story: the same name across stories is one topic, spellings merged.
 *
 * <p>Within a story the claims stage has already merged spellings ("Zelensky", "Zelenskyy"; "NIS", "National
 * Intelligence Service") and split titles off ("President Trump" is "Trump"). Across stories, names are first
 * grouped by their key (case, accents and dots aside: "U.S." and "US"), then merged: a few fixed aliases ("U.S." and
 * "United States"; "GOP" and "Republican Party"); a name with a middle initial into the same name without it when
 * that is more common ("Donald J. Trump"); an acronym into the one multi-word name with its initials ("FBI"); and a
 * lone surname into the full name that most stories with that surname use ("Trump" into "Donald Trump", at least
 * {@value #SURNAME_DOMINANCE}× the next; an ambiguous surname such as "Clinton" joins nobody and is left out). Then
 * noise is dropped ({@link TopicNoise}: dates, page furniture, outlets named as credits, everyday words, groups of
 * people), and a name becomes a topic with at least {@value #MIN_STORIES} stories. Deterministic: the same names
 * give the same topics whatever their order. Not thread-safe.
 */
final class TopicFinder {
    /** Stories a topic needs (issue 14). */
    static final int MIN_STORIES = 3;
    /** A lone surname joins the commonest full name with it only when that has this many times the next one's stories. */
    static final double SURNAME_DOMINANCE = 3.0;
    /** An acronym joins the commonest name with its initials only when that has this many times the next one's stories. */
    static final double ACRONYM_DOMINANCE = 2.0;
    /**
     * A one-word name whose word also occurs in lower case at least this often per capitalised mention is an
     * everyday word capitalised at sentence starts or in headlines ("Officials", "Media", "Department").
     */
    static final double COMMON_WORD_SHARE = 0.3;
    /** Words shorter than this never match by spelling: short names differ by one letter too often ("Ryan", "Rand"). */
    static final int MIN_FUZZY_WORD_CHARS = 5;
    /** A rare spelling joins a common one only when that has this many times its stories. */
    static final double SPELLING_DOMINANCE = 3.0;
    /** Spellings kept per topic: beyond these, rare typos. */
    static final int MAX_VARIANTS = 30;
    /**
     * Stories whose texts must say that two names are one ("X, known as Y") before they are merged: one text may be
     * wrong or mis-read, two independent stories saying it rarely are.
     */
    static final int MIN_ALIAS_STORIES = 2;
    /**
     * A name that one outlet writes in at least this share of its text mentions is that outlet's own furniture (its
     * newsletter "POLITICO Playbook", a credit handle "TheDCNF", a byline) when enough of them stand in credit positions
     * ({@link #MIN_ONE_OUTLET_CREDIT_SHARE}); named in its sentences, it is a subject only that outlet reports on
     * ("Citizenship Amendment Act", nearly all Al Jazeera's).
     */
    static final double MAX_ONE_OUTLET_SHARE = 0.9;
    /** Share of a one-outlet name's text mentions in credit positions ({@link CreditLines}) that makes it the outlet's furniture. */
    static final double MIN_ONE_OUTLET_CREDIT_SHARE = 0.25;
    /**
     * Share of any name's text mentions in credit positions that makes it page furniture whoever writes it: a byline two
     * outlets print, a podcast plug several carry ("Listen on Apple Podcasts").
     */
    static final double MIN_CREDIT_SHARE = 0.5;
    /** The one-outlet test applies only to a store with at least this many outlets: in a one-outlet store, every name is one outlet's. */
    static final int MIN_OUTLETS_FOR_ONE_OUTLET_TEST = 5;
    /**
     * A spelling whose last word tells a kind ("Affordable Care Act": a law) decides the topic's kind when the spellings
     * with such a head hold at least this share of the topic's stories, even if the commonest spelling ("Obamacare") has none.
     */
    static final double MIN_HEAD_SPELLING_SHARE = 0.25;
    /**
     * An "organization" named this often in texts that almost never says anything (fewer than
     * {@link #MAX_SILENT_SAID_SHARE} of its mentions before "said", "told"...) is not an agent but a thing ("COVID").
     */
    static final int MIN_MENTIONS_TO_JUDGE_SILENCE = 1000;
    static final double MAX_SILENT_SAID_SHARE = 0.001;
    /** Words for the people of a party ("Moderate Democrats", "Latino Republicans"): a description before them is no name. */
    private static final Set<String> PARTY_PEOPLE = Set.of("democrats", "democrat", "republicans", "republican", "dems", "conservatives",
            "liberals", "progressives", "socialists", "libertarians");

    /** Names that are one entity however written, by key: the "U.S."/"United States" and their like. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("us", "united states"), Map.entry("usa", "united states"), Map.entry("united states of america", "united states"),
            Map.entry("america", "united states"), Map.entry("uk", "united kingdom"), Map.entry("britain", "united kingdom"),
            Map.entry("great britain", "united kingdom"), Map.entry("un", "united nations"), Map.entry("eu", "european union"),
            Map.entry("gop", "republican party"), Map.entry("republicans", "republican party"), Map.entry("republican", "republican party"),
            Map.entry("democrats", "democratic party"), Map.entry("democrat", "democratic party"), Map.entry("dems", "democratic party"),
            Map.entry("house gop", "house republicans"), Map.entry("senate gop", "senate republicans"));

    /**
     * Titles written before a name that the claims stage keeps when they are hyphenated or stacked ("President-elect
     * Donald Trump", "Former Vice President Joe Biden"): dropped while two words or more of the name remain.
     */
    private static final Pattern LEADING_TITLE = Pattern.compile("(?i)^(president-elect|president|vice|former|late|sens?|senators?"
            + "|reps?|representatives?|govs?|governors?|secretary|gen|general|judge|justice|mayor|prime|minister|speaker|chairman|chairwoman"
            + "|chief|attorney|candidate|nominee|presidential|dr|mr|mrs|ms|sir|lt|col|adm|sgt|u\\.s\\.?)\\.?\\s+");
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "on", "in", "to", "de");
    private static final Pattern ACRONYM = Pattern.compile("(\\p{Lu}\\.?){2,6}");
    /** A leading plural acronym of a title ("IGs Grassley", "CEOs"): dropped like a title while two words remain. */
    private static final Pattern LEADING_PLURAL_ACRONYM = Pattern.compile("^\\p{Lu}{2,5}s\\s+");
    /** A company's legal form after its name ("Apple Inc", "Facebook Inc."): the same company as the bare name. */
    private static final Pattern LEGAL_FORM = Pattern.compile(" (inc|corp|corporation|co|ltd|llc|plc)$");
    /** "Labor Department" is "Department of Labor". */
    private static final Pattern X_DEPARTMENT = Pattern.compile("^(\\w+) department$");

    /**
     * The last word of a name that tells its kind whatever the claims stage guessed (it types "Middlebury College" as a
     * person, "Armistice Day" as a person, "Facebook Inc" as a place): an organisation's, a place's or a named
     * thing's head noun.
     */
    private static final Map<String, String> HEAD_KINDS = heads(Map.of(
            "organization", "inc corp corporation co ltd llc plc company group college university school academy institute"
                    + " foundation association committee commission council department agency bureau administration party"
                    + " fund bank court caucus union league club team network coalition alliance board ministry army navy",
            "place", "county city town village ocean sea river lake island islands mountain mountains valley street avenue"
                    + " square park bay peninsula hotel airport province region",
            "other", "act bill amendment law treaty accord agreement deal plan program programme day award prize year ban"
                    + " war doctrine"));
    /** Given names typed as the first word of this many different people's names make a first word a given name. */
    static final int MIN_GIVEN_NAME_PEOPLE = 3;
    /** A person named after a lower-case "the" in at least this share of the text mentions is not a person ("the Patriot Act"). */
    static final double MAX_PERSON_AFTER_THE = 0.3;
    /**
     * A place named after "in", "at"... in less than this share of its text mentions, and saying things more often than
     * being "in", is not a place ("Apple said"; "Russia said" is outnumbered by "in Russia").
     */
    static final double MIN_PLACE_AFTER_IN = 0.1;
    /** A multi-word name whose texts write it in full in fewer than this share of its stories is a headline phrase. */
    static final double MIN_FULL_TEXT_MENTIONS_PER_STORY = 0.25;
    /** A name whose texts mention it in fewer than this share of its stories is a Title Case headline phrase ("Percent"). */
    static final double MIN_TEXT_MENTIONS_PER_STORY = 0.5;
    /**
     * Short forms of English given names ("Tom Perez" is "Thomas Perez", "Chuck Grassley" is "Charles Grassley"): the
     * same person when the surname matches, merged into the commoner spelling.
     */
    static final Map<String, String> SHORT_GIVEN_NAMES = Map.ofEntries(Map.entry("tom", "thomas"), Map.entry("chuck", "charles"),
            Map.entry("charlie", "charles"), Map.entry("bill", "william"), Map.entry("will", "william"), Map.entry("bob", "robert"),
            Map.entry("rob", "robert"), Map.entry("bobby", "robert"), Map.entry("mike", "michael"), Map.entry("jim", "james"),
            Map.entry("jimmy", "james"), Map.entry("joe", "joseph"), Map.entry("steve", "steven"), Map.entry("dick", "richard"),
            Map.entry("rick", "richard"), Map.entry("dan", "daniel"), Map.entry("dave", "david"), Map.entry("ed", "edward"),
            Map.entry("ted", "edward"), Map.entry("tony", "anthony"), Map.entry("andy", "andrew"), Map.entry("chris", "christopher"),
            Map.entry("matt", "matthew"), Map.entry("nick", "nicholas"), Map.entry("pat", "patrick"), Map.entry("ben", "benjamin"),
            Map.entry("sam", "samuel"), Map.entry("alex", "alexander"), Map.entry("greg", "gregory"), Map.entry("jeff", "jeffrey"),
            Map.entry("ken", "kenneth"), Map.entry("larry", "lawrence"), Map.entry("liz", "elizabeth"), Map.entry("beth", "elizabeth"),
            Map.entry("kate", "katherine"), Map.entry("kathy", "kathleen"), Map.entry("sue", "susan"), Map.entry("jen", "jennifer"),
            Map.entry("pete", "peter"), Map.entry("doug", "douglas"), Map.entry("don", "donald"), Map.entry("ron", "ronald"),
            Map.entry("tim", "timothy"), Map.entry("frank", "francis"), Map.entry("fred", "frederick"), Map.entry("hank", "henry"),
            Map.entry("jack", "john"), Map.entry("johnny", "john"), Map.entry("jon", "jonathan"), Map.entry("gene", "eugene"),
            Map.entry("newt", "newton"), Map.entry("mitch", "mitchell"), Map.entry("bernie", "bernard"));

    private static Map<String, String> heads(Map<String, String> byKind) {
        Map<String, String> out = new HashMap<>();
        byKind.forEach((kind, words) -> {
            for (String w : words.split(" ")) out.put(w, kind);
        });
        return Map.copyOf(out);
    }

    /** "U.S" as the claims stage writes "U.S." (it trims a final dot): written back with its dot. */
    private static final Pattern CLIPPED_INITIALS = Pattern.compile("(\\p{Lu}\\.)+\\p{Lu}");

    /**
     * A topic before it has a slug.
     *
     * @param keys the keys of its spellings: what a later run matches to keep its slug
     */
    record Found(String name, String kind, List<String> variants, Set<String> keys, List<String> storyIds) {}

    private final TopicNoise noise;

    TopicFinder(TopicNoise noise) {
        this.noise = noise;
    }

    /** A name across stories, growing as names are merged into it. */
    private static final class Group {
        final Set<String> keys = new TreeSet<>();
        final Map<String, Integer> spellings = new HashMap<>();
        final Set<String> variants = new HashSet<>();
        final Map<String, Integer> kinds = new HashMap<>();
        final Set<String> stories = new TreeSet<>();
        final Set<String> headlineStories = new TreeSet<>();
        long mentions;
        long lowercase;
        long text;
        long afterThe;
        long afterIn;
        long saidBy;
        long fullText;
        long lowerExpansion;
        long upperExpansion;
        /** Text mentions in credit positions. */
        long credit;
        /** Text mentions by outlet. */
        final Map<String, Long> outlets = new HashMap<>();
        /** The kind the name's form or its cues tell, over the claims stage's votes; null when they tell nothing. */
        @Nullable String formKind;

        void absorb(Group g) {
            keys.addAll(g.keys);
            g.spellings.forEach((k, v) -> spellings.merge(k, v, Integer::sum));
            variants.addAll(g.variants);
            g.kinds.forEach((k, v) -> kinds.merge(k, v, Integer::sum));
            stories.addAll(g.stories);
            headlineStories.addAll(g.headlineStories);
            mentions += g.mentions;
            lowercase += g.lowercase;
            text += g.text;
            afterThe += g.afterThe;
            afterIn += g.afterIn;
            saidBy += g.saidBy;
            fullText += g.fullText;
            lowerExpansion += g.lowerExpansion;
            upperExpansion += g.upperExpansion;
            credit += g.credit;
            g.outlets.forEach((k, v) -> outlets.merge(k, v, Long::sum));
        }

        /** The kind most stories gave it; "other" (the claims stage's "cannot tell") only when it outvotes the rest twice over. */
        String kind() {
            if (formKind != null) return formKind;
            return votedKind();
        }

        String votedKind() {
            int other = kinds.getOrDefault("other", 0);
            return kinds.entrySet().stream().filter(e -> !e.getKey().equals("other") && 2 * e.getValue() >= other)
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse("other");
        }

        String topSpelling() {
            return spellings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey,
                    Comparator.reverseOrder())).map(Map.Entry::getKey).orElse("");
        }

        int size() {
            return stories.size();
        }
    }

    List<Found> find(Collection<StoryNames> stories) {
        Map<String, Group> byKey = new HashMap<>();
        Set<String> storeOutlets = new HashSet<>();
        Map<String, Set<String>> aliasStories = new java.util.TreeMap<>();
        List<StoryNames> ordered = new ArrayList<>(stories);
        ordered.sort(Comparator.comparing(StoryNames::storyId));
        for (StoryNames s : ordered) {
            for (StoryNames.Name n : s.names()) {
                String name = display(n.name(), n.type());
                if (noise.never(name)) continue;
                String key = groupKey(TopicKeys.key(name));
                Group g = byKey.computeIfAbsent(key, k -> new Group());
                g.keys.add(key);
                g.keys.add(TopicKeys.key(name));
                if (g.stories.add(s.storyId())) g.spellings.merge(name, 1, Integer::sum);
                for (String v : n.variants()) if (!noise.never(display(v, n.type()))) g.variants.add(display(v, n.type()));
                g.kinds.merge(kind(n.type()), 1, Integer::sum);
                if (n.headline()) g.headlineStories.add(s.storyId());
                g.mentions += n.mentions();
                g.lowercase += n.lowercase();
                g.text += n.cues().text();
                g.afterThe += n.cues().afterThe();
                g.afterIn += n.cues().afterIn();
                g.saidBy += n.cues().saidBy();
                g.fullText += n.cues().fullText();
                g.lowerExpansion += n.cues().lowerExpansion();
                g.upperExpansion += n.cues().upperExpansion();
                g.credit += n.cues().credit();
                n.outlets().forEach((k, v) -> g.outlets.merge(k, (long) v, Long::sum));
                storeOutlets.addAll(n.outlets().keySet());
            }
            for (StoryNames.Alias a : s.aliases()) {
                String x = groupKey(TopicKeys.key(display(a.name(), "")));
                String y = groupKey(TopicKeys.key(display(a.alias(), "")));
                if (x.isEmpty() || y.isEmpty() || x.equals(y)) continue;
                String pair = x.compareTo(y) < 0 ? x + "\t" + y : y + "\t" + x;
                aliasStories.computeIfAbsent(pair, k -> new TreeSet<>()).add(s.storyId());
            }
        }
        Map<String, Group> live = new LinkedHashMap<>();
        byKey.keySet().stream().sorted().forEach(k -> live.put(k, byKey.get(k)));
        mergeStatedAliases(live, aliasStories);
        mergeMiddleInitials(live);
        mergeCountryQualifier(live);
        mergeShortGivenNames(live);
        mergeSpellings(live);
        mergeAcronyms(live);
        mergeSurnames(live);
        correctKinds(live);
        Set<Group> runTogether = runTogether(live);
        boolean manyOutlets = storeOutlets.size() >= MIN_OUTLETS_FOR_ONE_OUTLET_TEST;

        List<Found> out = new ArrayList<>();
        Set<Group> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Group g : live.values()) {
            if (!seen.add(g) || runTogether.contains(g) || partyPeople(live, g)) continue;
            if (furniture(g, manyOutlets)) continue;
            Found f = topic(g);
            if (f != null) out.add(f);
            if (f != null && DUMP != null) dump(f, g);
        }
        out.sort(Comparator.comparingInt((Found f) -> -f.storyIds().size()).thenComparing(Found::name));
        return out;
    }

    /** The key a name is grouped by: fixed aliases, a company without its legal form, "department of x" for "x department". */
    static String groupKey(String key) {
        String k = ALIASES.getOrDefault(key, key);
        k = LEGAL_FORM.matcher(k).replaceFirst("");
        java.util.regex.Matcher m = X_DEPARTMENT.matcher(k);
        if (m.matches() && !m.group(1).equals("us")) k = "department of " + m.group(1);
        return k;
    }

    /** A spelling as shown: without titles before it or a leading "The", with the final dot of "U.S." back. */
    static String display(String name, String type) {
        String n = untitled(name.strip());
        // "U.S. President Trump" reaches here as "U.S. Trump": the country qualifies the title, not the person.
        if (type.equals("PERSON") && n.startsWith("U.S. ") && n.length() > 5) n = n.substring(5);
        if (n.startsWith("The ") && n.length() > 4) n = n.substring(4);
        return CLIPPED_INITIALS.matcher(n).matches() ? n + "." : n;
    }

    /** Honorifics, dropped even when one word remains ("Mr Trump" is "Trump", which then joins its full name). */
    private static final Pattern HONORIFIC = Pattern.compile("^(Mr|Mrs|Ms|Dr|Mr\\.|Mrs\\.|Ms\\.|Dr\\.)\\s+(?=\\p{Lu})");

    /** The name without the titles written before it, while at least two words remain. */
    static String untitled(String name) {
        String n = HONORIFIC.matcher(name).replaceFirst("");
        java.util.regex.Matcher plural = LEADING_PLURAL_ACRONYM.matcher(n);
        if (plural.find() && n.substring(plural.end()).split("\\s+").length >= 2) n = n.substring(plural.end());
        while (true) {
            java.util.regex.Matcher m = LEADING_TITLE.matcher(n);
            if (!m.find() || n.substring(m.end()).split("\\s+").length < 2) return n;
            n = n.substring(m.end());
        }
    }

    /** The group as a topic, or null when it is noise or too small. */
    private @Nullable Found topic(Group g) {
        String kind = g.kind();
        String key = g.keys.iterator().next();
        Set<String> stories = g.stories;
        boolean credit = false;
        for (String k : g.keys) credit |= noise.credit(k);
        // An outlet or wire service named in a text is its credit; named in the headline, it is the story's subject.
        if (credit) stories = g.headlineStories;
        String top = g.topSpelling();
        boolean oneWord = g.keys.stream().allMatch(k -> !k.contains(" "));
        if (oneWord && !ACRONYM.matcher(top).matches()) {
            if (g.lowercase >= COMMON_WORD_SHARE * Math.max(1, g.mentions)) return null;
            if (g.keys.stream().allMatch(k -> TopicNoise.groupPlural(k, kind))) return null;
        } else if (!kind.equals("organization") && g.keys.stream().allMatch(k -> TopicNoise.groupPlural(k.substring(k.lastIndexOf(' ') + 1), kind))) {
            return null; // "African Americans", "Senate Democrats" aside (an organisation)
        }
        if (stories.size() < MIN_STORIES) return null;
        // Not used: an acronym spelt out in lower case ("gross domestic product": "GDP") looked like a common noun's, but
        // StoryNames counts any lower-case words with the right initials ("is really simple" for "IRS"), which dropped
        // the IRS on the sealed sample (session 9). The cue needs the expansion next to the acronym before it can decide.
        // Title Case headlines capitalise every word; a "name" no article text capitalises is a headline's phrase.
        if (!credit && g.text < MIN_TEXT_MENTIONS_PER_STORY * g.stories.size()) return null;
        // "Take Obamacare", "Unhinged Criticisms of Trump": texts name only the last word, never the whole phrase.
        if (!credit && !oneWord && g.fullText < MIN_FULL_TEXT_MENTIONS_PER_STORY * g.stories.size()) return null;
        String name = name(g, kind);
        // "Beto O", "Bill O": the claims stage cut the surname at its apostrophe; the rest is no one's name.
        if (kind.equals("person") && TopicNoise.cutAtApostrophe(name)) return null;
        List<String> variants = g.variants.stream()
                .sorted(Comparator.comparing((String v) -> !v.equals(name)).thenComparing(v -> v.toLowerCase(Locale.ROOT)).thenComparing(v -> v))
                .limit(MAX_VARIANTS).toList();
        if (!variants.contains(name)) {
            List<String> withName = new ArrayList<>();
            withName.add(name);
            withName.addAll(variants.subList(0, Math.min(variants.size(), MAX_VARIANTS - 1)));
            variants = withName;
        }
        return new Found(name, kind, variants, Set.copyOf(g.keys), List.copyOf(stories));
    }

    /** The spelling most of the topic's stories use; for a person, a full name before a lone surname. */
    private static String name(Group g, String kind) {
        String best = g.spellings.entrySet().stream().max(Comparator
                .comparingInt((Map.Entry<String, Integer> e) -> kind.equals("person") && e.getKey().contains(" ") ? 1 : 0)
                .thenComparingInt(Map.Entry::getValue)
                .thenComparingInt(e -> ACRONYM.matcher(e.getKey()).matches() ? 0 : 1) // on a tie, "United States" before "U.S."
                .thenComparingInt(e -> -e.getKey().split(" ").length) // "Donald Trump" before "Donald J. Trump"
                .thenComparingInt(e -> e.getKey().length())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).map(Map.Entry::getKey).orElseThrow();
        return best;
    }

    /**
     * Names the stories' texts say are one ("the Affordable Care Act, known as Obamacare"), in at least
     * {@value #MIN_ALIAS_STORIES} stories, into the one with more stories. People are left apart: "Trump's adviser, known
     * as ..." reads like an alias of Trump.
     */
    private static void mergeStatedAliases(Map<String, Group> live, Map<String, Set<String>> aliasStories) {
        for (var e : aliasStories.entrySet()) {
            if (e.getValue().size() < MIN_ALIAS_STORIES) continue;
            String[] pair = e.getKey().split("\t");
            Group a = live.get(pair[0]);
            Group b = live.get(pair[1]);
            if (a == null || b == null || a == b || a.votedKind().equals("person") || b.votedKind().equals("person")) continue;
            if (a.size() >= b.size()) union(live, a, b);
            else union(live, b, a);
        }
    }

    /**
     * Two names run together by the page ("Democrats Sanders", "Trump Krystal Ball"): the name splits into a leading
     * name that is another topic (not a given name of the rest) and a person's name that is another topic too.
     */
    private static Set<Group> runTogether(Map<String, Group> live) {
        Set<Group> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (var e : live.entrySet()) {
            Group g = e.getValue();
            String[] w = e.getKey().split(" ");
            if (w.length < 2 || !e.getKey().equals(groupKey(TopicKeys.key(g.topSpelling())))) continue;
            for (int cut = 1; cut < w.length; cut++) {
                String left = String.join(" ", java.util.Arrays.copyOfRange(w, 0, cut));
                String right = String.join(" ", java.util.Arrays.copyOfRange(w, cut, w.length));
                Group l = live.get(groupKey(left));
                Group r = live.get(groupKey(right));
                if (l == null || r == null || l == g || r == g || l == r || l.size() < MIN_STORIES || r.size() < MIN_STORIES) continue;
                if (!r.votedKind().equals("person")) continue;
                // "Mark" of "Mark Kelly" joined Mark Meadows as his given name: a given name, not a name run into another.
                String[] lTop = TopicKeys.key(l.topSpelling()).split(" ");
                if (cut == 1 && lTop.length >= 2 && lTop[0].equals(left)) continue;
                out.add(g);
                break;
            }
        }
        return out;
    }

    /**
     * "Moderate Democrats", "Latino Republicans", "Washington Democrats": a description before a party's people, not a
     * name; "House Democrats" and "Senate Republicans", whose first words name a body, are caucuses and stay.
     */
    private static boolean partyPeople(Map<String, Group> live, Group g) {
        if (g.kind().equals("organization")) return false;
        String key = TopicKeys.key(g.topSpelling());
        String[] w = key.split(" ");
        if (w.length < 2 || !PARTY_PEOPLE.contains(w[w.length - 1])) return false;
        Group body = live.get(groupKey(String.join(" ", java.util.Arrays.copyOf(w, w.length - 1))));
        return body == null || !body.votedKind().equals("organization");
    }

    /**
     * Whether a name is page furniture by where its texts write it: mostly in credit positions, or (in a store of
     * several outlets) nearly only by one outlet and often in credit positions or named after that outlet.
     */
    private boolean furniture(Group g, boolean manyOutlets) {
        if (g.text == 0) return false;
        double credit = (double) g.credit / g.text;
        if (credit >= MIN_CREDIT_SHARE) return true;
        if (!manyOutlets || !oneOutlet(g)) return false;
        if (credit >= MIN_ONE_OUTLET_CREDIT_SHARE) return true;
        // The outlet's own section, show or poll, named after it ("CNN Business", "POLITICO Magazine").
        for (String k : g.keys) if (noise.outletPrefix(k)) return true;
        return false;
    }

    private static final java.io.@Nullable PrintStream DUMP = dump();

    /** One listed topic and the counts it was judged by, as a tab-separated line (the debugging switch {@code parallax.topics.dump}). */
    private static void dump(Found f, Group g) {
        java.io.PrintStream out = DUMP;
        if (out == null) return;
        double text = Math.max(1, g.text);
        out.printf(Locale.ROOT, "%s\t%s\t%d\t%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d%n", f.name(), f.kind(),
                f.storyIds().size(), g.votedKind(), g.mentions, g.text, g.credit / text, topOutletShare(g), g.afterThe / text, g.afterIn / text,
                g.saidBy / text, g.fullText / text, g.lowercase, g.headlineStories.size(), g.outlets.size());
    }

    private static java.io.@Nullable PrintStream dump() {
        String path = System.getProperty("parallax.topics.dump");
        if (path == null) return null;
        try {
            return new java.io.PrintStream(new java.io.FileOutputStream(path), true, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double topOutletShare(Group g) {
        long total = 0;
        long top = 0;
        for (long v : g.outlets.values()) {
            total += v;
            top = Math.max(top, v);
        }
        return total == 0 ? 0 : (double) top / total;
    }

    /** Whether one outlet writes at least {@value #MAX_ONE_OUTLET_SHARE} of the name's text mentions. */
    private static boolean oneOutlet(Group g) {
        long total = 0;
        long top = 0;
        for (long v : g.outlets.values()) {
            total += v;
            top = Math.max(top, v);
        }
        return total > 0 && top >= MAX_ONE_OUTLET_SHARE * total;
    }

    /** "donald j trump" into "donald trump" when the shorter name has at least as many stories. */
    private static void mergeMiddleInitials(Map<String, Group> live) {
        for (String key : List.copyOf(live.keySet())) {
            String[] w = key.split(" ");
            if (w.length < 3) continue;
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < w.length; i++) if (i == 0 || i == w.length - 1 || w[i].length() > 1) kept.add(w[i]);
            if (kept.size() == w.length) continue;
            Group shorter = live.get(String.join(" ", kept));
            Group g = group(live, key);
            // Either way round: "Andrew P. Napolitano" and "Andrew Napolitano" are one person, named after the commoner.
            if (shorter != null && shorter != g) {
                if (shorter.size() >= g.size()) union(live, shorter, g);
                else union(live, g, shorter);
            }
        }
    }

    /**
     * A rare spelling of a multi-word name into the common one, one word differing by a typo or transliteration
     * ("Kyrylo Budanow" into "Kyrylo Budanov"): at most one edit from {@value #MIN_FUZZY_WORD_CHARS} letters, two from
     * 8, and the common spelling has at least {@value #SPELLING_DOMINANCE}× the stories (two people whose names differ
     * by a letter are rarely both common).
     */
    private static void mergeSpellings(Map<String, Group> live) {
        Map<String, List<String>> buckets = new HashMap<>();
        for (String key : live.keySet()) {
            String[] w = key.split(" ");
            if (w.length < 2) continue;
            for (int i = 0; i < w.length; i++) {
                String[] rest = w.clone();
                rest[i] = "*";
                buckets.computeIfAbsent(i + ":" + String.join(" ", rest), k -> new ArrayList<>()).add(key);
            }
        }
        for (var bucket : new TreeMap<>(buckets).entrySet()) {
            String b = bucket.getKey();
            List<String> keys = bucket.getValue();
            if (keys.size() < 2) continue;
            int at = Integer.parseInt(b.substring(0, b.indexOf(':')));
            keys.sort(Comparator.comparingInt((String k) -> -group(live, k).size()).thenComparing(k -> k));
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    Group big = group(live, keys.get(i));
                    Group small = group(live, keys.get(j));
                    if (big == small || big.size() < SPELLING_DOMINANCE * small.size()) continue;
                    if (fuzzyWord(keys.get(i).split(" ")[at], keys.get(j).split(" ")[at])) union(live, big, small);
                }
            }
        }
    }

    static boolean fuzzyWord(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < MIN_FUZZY_WORD_CHARS || a.equals(b)) return false;
        int allowed = shorter >= 8 ? 2 : 1;
        if (Math.abs(a.length() - b.length()) > allowed) return false;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()] <= allowed;
    }

    /** "U.S. Senate" into "Senate", "U.S. Supreme Court" into "Supreme Court": American news names its own institutions bare. */
    private static void mergeCountryQualifier(Map<String, Group> live) {
        for (String key : List.copyOf(live.keySet())) {
            if (!key.startsWith("us ") || key.split(" ").length < 2) continue;
            Group bare = live.get(key.substring(3));
            Group g = group(live, key);
            if (bare != null && bare != g && !bare.kind().equals("person")) union(live, bare, g);
        }
    }

    /** An acronym ("FBI", "NATO") into the one multi-word name whose initials it is, when that name clearly leads. */
    private static void mergeAcronyms(Map<String, Group> live) {
        Map<String, List<Group>> byInitials = new HashMap<>();
        Set<Group> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (var e : live.entrySet()) {
            String[] w = e.getKey().split(" ");
            if (w.length < 2) continue;
            StringBuilder all = new StringBuilder();
            StringBuilder content = new StringBuilder();
            for (String x : w) {
                all.append(x.charAt(0));
                if (!FUNCTION_WORDS.contains(x)) content.append(x.charAt(0));
            }
            // "USDA": the U.S. Department of Agriculture, named bare in American news.
            for (String i : new TreeSet<>(List.of(all.toString(), content.toString(), "us" + content))) {
                List<Group> list = byInitials.computeIfAbsent(i, k -> new ArrayList<>());
                if (!list.contains(e.getValue())) list.add(e.getValue());
            }
        }
        for (String key : List.copyOf(live.keySet())) {
            Group g = group(live, key);
            if (key.contains(" ") || !seen.add(g) || !ACRONYM.matcher(g.topSpelling()).matches()) continue;
            List<Group> candidates = new ArrayList<>(byInitials.getOrDefault(key, List.of()));
            candidates.remove(g);
            Group target = leader(candidates, ACRONYM_DOMINANCE);
            if (target != null) union(live, target, g);
        }
    }

    /** A lone surname into the full name most stories with that surname use; an ambiguous one is dropped. */
    private static void mergeSurnames(Map<String, Group> live) {
        Map<String, List<Group>> byLastWord = new HashMap<>();
        for (var e : live.entrySet()) {
            String[] w = e.getKey().split(" ");
            if (w.length < 2 || w.length > 4 || !e.getValue().kind().equals("person")) continue;
            List<Group> list = byLastWord.computeIfAbsent(w[w.length - 1], k -> new ArrayList<>());
            if (!list.contains(e.getValue())) list.add(e.getValue());
        }
        Map<String, List<Group>> byFirstWord = new HashMap<>();
        for (var e : live.entrySet()) {
            String[] w = e.getKey().split(" ");
            if (w.length < 2 || w.length > 4 || !e.getValue().kind().equals("person")) continue;
            List<Group> list = byFirstWord.computeIfAbsent(w[0], k -> new ArrayList<>());
            if (!list.contains(e.getValue())) list.add(e.getValue());
        }
        for (String key : List.copyOf(live.keySet())) {
            Group g = group(live, key);
            if (key.contains(" ") || g.keys.stream().anyMatch(k -> k.contains(" ")) || ACRONYM.matcher(g.topSpelling()).matches()) continue;
            // A place or organisation typed so by most stories ("Washington", "Jordan") is a surname only when the person
            // is named in more stories than it (the claims stage types "in Sanders' campaign" as a place).
            boolean person = !g.kind().equals("place") && !g.kind().equals("organization");
            List<Group> candidates = new ArrayList<>(byLastWord.getOrDefault(key, List.of()));
            candidates.remove(g);
            // "Hillary", "Bernie": a first name alone, when no full name ends with it.
            if (candidates.isEmpty()) candidates = new ArrayList<>(byFirstWord.getOrDefault(key, List.of()));
            candidates.remove(g);
            if (candidates.isEmpty()) continue;
            Group target = leader(candidates, SURNAME_DOMINANCE);
            if (!person && (target == null || target.size() < g.size())) continue;
            if (target != null) union(live, target, g);
            else g.stories.clear(); // "Clinton": Hillary or Bill? Neither topic gets it, and it is no topic itself.
        }
    }

    /** "Tom Perez" and "Thomas Perez": a short given name and its long form with the same surname, into the commoner. */
    private static void mergeShortGivenNames(Map<String, Group> live) {
        for (String key : List.copyOf(live.keySet())) {
            String[] w = key.split(" ");
            if (w.length < 2 || w.length > 3) continue;
            String full = SHORT_GIVEN_NAMES.get(w[0]);
            if (full == null) continue;
            w[0] = full;
            Group other = live.get(String.join(" ", w));
            Group g = group(live, key);
            if (other == null || other == g || !other.votedKind().equals("person") || !g.votedKind().equals("person")) continue;
            if (other.size() >= g.size()) union(live, other, g);
            else union(live, g, other);
        }
    }

    /**
     * The kind a name's form or its mentions tell, where the claims stage's guess is often wrong: the head noun of its
     * last word ("College", "Act", "County"); a given name before a surname for a person ("David Letterman", typed a
     * place); a "person" named after "the" is not one; a "place" that says things but is rarely "in" anything is not one.
     */
    private static void correctKinds(Map<String, Group> live) {
        Map<String, Set<Group>> peopleByFirstWord = new HashMap<>();
        Map<String, Set<Group>> othersByFirstWord = new HashMap<>();
        for (var e : live.entrySet()) {
            String[] w = e.getKey().split(" ");
            if (w.length >= 2 && !e.getValue().votedKind().equals("person")) {
                othersByFirstWord.computeIfAbsent(w[0], k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())).add(e.getValue());
            }
        }
        for (var e : live.entrySet()) {
            String[] w = e.getKey().split(" ");
            // A first word that is itself a name of a place or organisation ("us" of "U.S. Trump") is no given name.
            Group alone = live.get(w[0]);
            boolean named = alone != null && !alone.votedKind().equals("person");
            if (w.length >= 2 && w.length <= 3 && !named && w[0].length() >= 2 && e.getValue().votedKind().equals("person")) {
                peopleByFirstWord.computeIfAbsent(w[0], k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())).add(e.getValue());
            }
        }
        // A first word that starts more names of places and organisations than of people ("New", "North") is no given name.
        peopleByFirstWord.entrySet().removeIf(e -> othersByFirstWord.getOrDefault(e.getKey(), Set.of()).size() >= e.getValue().size());
        Set<Group> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (var e : live.entrySet()) {
            Group g = e.getValue();
            if (!seen.add(g)) continue;
            String key = groupKey(TopicKeys.key(g.topSpelling())); // the spelling most stories use
            String[] w = key.split(" ");
            String voted = g.votedKind();
            String head = w.length >= 2 ? HEAD_KINDS.get(w[w.length - 1]) : null;
            if (head == null) head = spellingsHead(g);
            boolean functionWord = false;
            for (String x : w) functionWord |= FUNCTION_WORDS.contains(x);
            long text = Math.max(1, g.text);
            if (head != null) {
                g.formKind = head;
            } else if (!voted.equals("person") && w.length >= 2 && w.length <= 3 && !functionWord
                    && peopleByFirstWord.getOrDefault(w[0], Set.of()).size() >= MIN_GIVEN_NAME_PEOPLE && g.afterThe < MAX_PERSON_AFTER_THE * text) {
                g.formKind = "person";
            } else if (voted.equals("person") && (functionWord || g.afterThe >= MAX_PERSON_AFTER_THE * text)) {
                g.formKind = g.afterIn >= MIN_PLACE_AFTER_IN * text ? "place" : "organization";
            } else if (w.length == 1 && voted.equals("place") && g.saidBy > g.afterIn && g.afterIn < MIN_PLACE_AFTER_IN * text) {
                // One word only: a longer place's cues are read at its last words ("New York" is found as "York").
                g.formKind = "organization";
            } else if (w.length == 1 && voted.equals("organization") && g.text >= MIN_MENTIONS_TO_JUDGE_SILENCE
                    && g.saidBy < MAX_SILENT_SAID_SHARE * g.text) {
                // An organisation speaks ("the FBI said"): one named a thousand times that never does is a thing.
                g.formKind = "other";
            }
        }
    }

    /** The kind told by the head nouns of the group's other spellings, when they hold enough of its stories; null otherwise. */
    private static @Nullable String spellingsHead(Group g) {
        Map<String, Integer> byKind = new HashMap<>();
        int total = 0;
        for (var e : g.spellings.entrySet()) {
            total += e.getValue();
            String[] w = TopicKeys.key(e.getKey()).split(" ");
            String head = w.length >= 2 ? HEAD_KINDS.get(w[w.length - 1]) : null;
            if (head != null) byKind.merge(head, e.getValue(), Integer::sum);
        }
        int all = total;
        return byKind.entrySet().stream().filter(e -> e.getValue() >= MIN_HEAD_SPELLING_SHARE * all)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey)).map(Map.Entry::getKey).orElse(null);
    }

    /** The largest group when it has at least {@code dominance} times the next one's stories; null otherwise. */
    private static @Nullable Group leader(List<Group> candidates, double dominance) {
        if (candidates.isEmpty()) return null;
        candidates.sort(Comparator.comparingInt((Group c) -> -c.size()).thenComparing(c -> c.keys.iterator().next()));
        Group first = candidates.get(0);
        if (candidates.size() == 1) return first;
        return first.size() >= dominance * candidates.get(1).size() ? first : null;
    }

    /** The group of a name the merges took from {@code live}'s keys: a union re-points a name, it never drops one. */
    private static Group group(Map<String, Group> live, String name) {
        return Objects.requireNonNull(live.get(name), () -> "no group for the name " + name);
    }

    private static void union(Map<String, Group> live, Group into, Group from) {
        if (into == from) return;
        into.absorb(from);
        for (var e : live.entrySet()) if (e.getValue() == from) e.setValue(into);
    }

    private static String kind(String entityType) {
        return switch (entityType) {
            case "PERSON" -> "person";
            case "ORGANIZATION" -> "organization";
            case "LOCATION" -> "place";
            default -> "other";
        };
    }
}
