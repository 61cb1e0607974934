package news.parallax.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds counted quantities in a tagged sentence: the figure, its qualifier and the counted noun.
 *
 * <p>Rules, in the order applied (docs/claims.md gives the reasons):
 * <ol>
 *   <li>a figure is digits ("1,500", "11.81", "10,000-12,000"), number words ("eight", "two dozen"),
 *       either followed by scale words ("1.5 million"), or a vague plural ("thousands", "tens of
 *       thousands"); "$", "£", "€" make it money;</li>
 *   <li>it is dropped when it is a year, a date, a time, an identifier ("Bill 757", "No. 212"), a
 *       hyphenated adjective ("17-page"), a percentage, a duration, a unit of measure, a rating, an
 *       age, a multiplier ("200 times faster"), a lone "one" or a referential small count ("the two");</li>
 *   <li>the counted noun is the head of the noun phrase after the figure (after "of" for vague and
 *       partitive figures); a figure with no noun inherits the previous noun of the sentence only after
 *       "rise to", "reach", "as high as", "total of" or before "more"; otherwise it is no claim.</li>
 * </ol>
 * Thread-safe: stateless.
 */
final class QuantityParser {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");
    private static final Pattern DIGIT_RANGE = Pattern.compile("(\\d[\\d,.]*)[-–](\\d[\\d,.]*)");
    /** English number words (number-words.tsv). */
    private static final Map<String, Integer> WORDS = intValues(WordLists.numbers("number-words.tsv"));
    private static final Map<String, Long> SCALES = WordLists.numbers("number-scales.tsv");
    private static final Map<String, Long> VAGUE = WordLists.numbers("vague-numbers.tsv");
    /** Qualifiers before a figure, longest first, with the bound they give. */
    private static final String[][] BOUNDS = {
            {"as many as", "up to"}, {"as high as", "up to"}, {"up to", "up to"}, {"at least", "at least"},
            {"more than", "more than"}, {"upwards of", "more than"}, {"in excess of", "more than"},
            {"over", "more than"}, {"fewer than", "fewer than"}, {"less than", "fewer than"},
            {"close to", "nearly"}, {"nearly", "nearly"}, {"almost", "nearly"}, {"an estimated", "about"},
            {"estimated", "about"}, {"about", "about"}, {"around", "about"}, {"approximately", "about"},
            {"roughly", "about"}, {"some", "about"}};
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.",
            "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec");
    /** Counted nouns that make a figure a duration, a share, a measure or a rating rather than a count. */
    static final Set<String> NOT_COUNTS = WordLists.set("not-counts.txt");
    private static final Set<String> REFERENTIAL = Set.of("the", "these", "those", "its", "his", "her", "their",
            "our", "both", "my", "your", "all");
    private static final Set<String> PERCENT = Set.of("percent", "%", "per", "pct", "pct.", "percentage");
    /** Plurals without a final "s": a figure above one counts a plural, so these are preferred heads. */
    private static final Set<String> IRREGULAR_PLURALS = Set.of("people", "men", "women", "children", "police",
            "personnel", "staff", "cattle", "data", "feet", "teeth", "mice", "geese", "infantrymen", "servicemen");
    private static final Set<String> INHERIT_BEFORE = Set.of("to", "reach", "reaching", "reached", "as", "of");
    private static final Set<String> INHERIT_CUES = Set.of("rise", "rises", "rising", "reach", "reaching",
            "total", "high", "grow", "climb", "increase", "figure", "number");

    /** Participles that say what happened to the counted ("people killed"), kept in the counted phrase. */
    private static final Set<String> OUTCOME_PARTICIPLES = WordLists.set("outcome-participles.txt");
    private static final Set<String> TIME_DEICTIC = Set.of("last", "this", "next", "a", "per", "each", "every");
    private static final Set<String> CHANGE_VERBS = Set.of("rose", "rise", "rises", "risen", "fell", "fall", "falls",
            "fallen", "increased", "decreased", "grew", "grown", "dropped", "climbed", "jumped", "declined", "totaled",
            "totalled", "reached", "stood", "surged", "slipped", "plunged", "soared", "hit", "topped");
    private static final Map<String, Double> MULTIPLE_VERBS = Map.of("doubled", 2.0, "tripled", 3.0, "trebled", 3.0,
            "quadrupled", 4.0, "quintupled", 5.0, "doubling", 2.0, "tripling", 3.0, "quadrupling", 4.0);
    private static final Map<String, Integer> DENOMINATORS = Map.ofEntries(Map.entry("half", 2), Map.entry("halves", 2),
            Map.entry("third", 3), Map.entry("thirds", 3), Map.entry("quarter", 4), Map.entry("quarters", 4),
            Map.entry("fourth", 4), Map.entry("fourths", 4), Map.entry("fifth", 5), Map.entry("fifths", 5),
            Map.entry("sixth", 6), Map.entry("sixths", 6), Map.entry("eighth", 8), Map.entry("eighths", 8),
            Map.entry("tenth", 10), Map.entry("tenths", 10));
    /** Unit words after a figure (units.tsv: word, kind, unit). */
    private static final Map<String, String[]> UNITS = WordLists.tsv("units.tsv");
    /** Currency signs and words with their ISO 4217 code (currencies.tsv). */
    private static final Map<String, String[]> CURRENCIES = WordLists.tsv("currencies.tsv");
    private static final Set<String> CURRENCY_SIGNS = Set.of("$", "us$", "nz$", "a$", "au$", "c$", "ca$", "hk$", "s$",
            "£", "€", "¥", "₹", "rs", "rs.", "usd");
    private static final Set<String> CURRENCY_WORDS = Set.of("dollars", "dollar", "euros", "euro", "yuan", "renminbi",
            "yen", "rupees", "rupee", "pesos", "peso", "rubles", "ruble", "roubles", "rouble", "shekels", "shekel",
            "lira", "rand", "riyals", "riyal", "bitcoins", "bitcoin");
    private static final Pattern GLUED_CURRENCY = Pattern.compile("(us\\$|nz\\$|au\\$|a\\$|ca\\$|c\\$|hk\\$|s\\$|\\$|£|€|¥|₹)(\\d[\\d,.]*)");
    /** Points are percentage points where the sentence speaks of polls, shares or rates. */
    private static final Pattern POLL_CONTEXT = Pattern.compile("(?i)\\b(percent|%|poll|polls|polling|survey|lead|leads|"
            + "led|leading|trail|trails|trailed|trailing|edge|advantage|deficit|"
            + "margin|approval|rate|rates|index|dow|s&p|nasdaq|points? ahead|points? behind|basis)\\b");
    private static final double MILLION = 1_000_000;
    /** "a 10-point platform": a count of items of a plan, never a margin in percentage points. */
    private static final Set<String> POINT_LISTS = Set.of("plan", "platform", "program", "programme", "agenda", "list",
            "proposal", "strategy", "checklist", "memo");
    private static final Pattern INDEX_CONTEXT = Pattern.compile("(?i)\\b(dow|s&p|nasdaq|ftse|nikkei|dax|stocks?|"
            + "index|indexes|indices|composite|industrials)\\b");
    /** Words after a duration that only place an event in time: "six days later", "three years ago". */
    private static final Set<String> TIME_PLACING_AFTER = Set.of("ago", "later", "earlier", "before", "after", "prior",
            "since", "into", "beforehand", "afterward", "afterwards", "hence", "on");
    /** Nouns after "N-year" that make it a name or a kind, not a length: "10-year notes", "a four-year term". */
    private static final Set<String> INSTRUMENTS = Set.of("note", "notes", "bond", "bonds", "yield", "yields",
            "treasury", "treasuries", "term", "terms", "mortgage", "mortgages", "old", "olds");
    /** Counted nouns of listicles and teasers ("4 winners", "2 questions", "five ways"): not claims (issue 21). */
    /** What a price is given per ("$45.41 a barrel", "$1,224.80 an ounce"): a price is a rate (the guide). */
    private static final Set<String> PRICE_BASES = Set.of("barrel", "ounce", "tonne", "ton", "gallon", "share",
            "pound", "bushel", "kilogram", "kilo", "liter", "litre", "capita", "person", "head", "household", "student",
            "dollar", "euro");
    /** Units of a traded good: an amount per one of them is the good's price ("$45.41 a barrel"). */
    private static final Set<String> COMMODITY_BASES = Set.of("barrel", "ounce", "tonne", "ton", "gallon", "share",
            "pound", "bushel", "kilogram", "kilo", "liter", "litre");
    private static final Set<String> POSITION_WORDS = Set.of("first", "last", "next", "past", "previous", "final",
            "latest", "top", "initial");
    private static final Set<String> SPEECH_AFTER = Set.of("said", "say", "says", "told", "tell", "speaking", "spoke");
    private static final Set<String> LIST_NOUNS = Set.of("thing", "way", "reason", "question", "winner", "loser",
            "takeaway", "fact", "lesson", "tip", "moment", "phase", "story", "answer", "sign", "chart", "image",
            "photo", "share", "comment", "like", "min", "step", "rule", "trend", "idea", "mistake", "myth");
    /** Words before a duration that make it a time frame: "in two weeks", "the past two years", "within 30 days". */
    private static final Set<String> TIME_PLACING_BEFORE = Set.of("in", "within", "past", "last", "next", "coming",
            "previous", "first", "final", "recent", "following", "every", "each");
    private static final Set<String> PERIODS = Set.of("year", "month", "week", "day", "hour", "minute", "second",
            "quarter", "decade", "capita", "person", "head", "annum");
    /** Counted nouns that, with "familiar with" and the like, count anonymous sources. */
    private static final Set<String> ANONYMOUS = Set.of("person", "people", "official", "source", "aide", "individual",
            "diplomat", "insider", "staffer", "officer", "lawmaker", "member");
    /** How far left of a measured figure its subject is looked for ("the jobless rate fell to 3.8 percent"). */
    private static final int SUBJECT_REACH_TOKENS = 8;
    /** How far left a measured figure's subject is looked for, past other figures of the clause. */
    private static final int MEASURED_REACH_TOKENS = 14;
    /** Modifier words kept before a counted noun in its phrase ("special forces troops"). */
    private static final int MAX_MODIFIERS = 3;

    private static String currencyNoun(String code) {
        return switch (code) {
            case "USD" -> "dollars";
            case "GBP" -> "pounds";
            case "EUR" -> "euros";
            case "NZD" -> "New Zealand dollars";
            case "AUD" -> "Australian dollars";
            case "CAD" -> "Canadian dollars";
            case "HKD" -> "Hong Kong dollars";
            case "SGD" -> "Singapore dollars";
            case "JPY" -> "yen";
            case "CNY" -> "yuan";
            case "INR" -> "rupees";
            case "MXN" -> "pesos";
            case "RUB" -> "rubles";
            case "KRW" -> "won";
            case "ILS" -> "shekels";
            case "TRY" -> "lira";
            case "ZAR" -> "rand";
            case "SAR" -> "riyals";
            case "BTC" -> "bitcoins";
            default -> code;
        };
    }

    List<Quantity> parse(TaggedSentence s) {
        return parse(s, Story.NONE, null);
    }

    /**
     * What the article around a sentence says that a sentence alone does not: whether it is about polls or votes (a
     * bare "Cruz 24.8 percent" line of a polling table is his support).
     */
    record Story(boolean polls, boolean votes) {
        static final Story NONE = new Story(false, false);
        static final Pattern POLLS = Pattern.compile("(?i)\\b(polls?|polling|surveys?)\\b");
        static final Pattern VOTES = Pattern.compile("(?i)\\b(primary|primaries|caucus(es)?|election|votes?)\\b");

        /** POLLS's and VOTES's words, found by one scan each instead of the patterns (issue 18's throughput). */
        private static final Set<String> POLL_WORDS = Set.of("poll", "polls", "polling", "survey", "surveys");
        private static final Set<String> VOTE_WORDS = Set.of("primary", "primaries", "caucus", "caucuses", "election",
                "vote", "votes");

        static Story of(String text) {
            return new Story(AsciiWords.containsAny(text, POLL_WORDS, 4, 7), AsciiWords.containsAny(text, VOTE_WORDS, 4, 9));
        }
    }

    /**
     * Figures of one sentence; {@code previousCount} is the last count of the text before it, whose noun an
     * elliptical count continues ("Trump has 661 delegates. Ted Cruz has 406.").
     */
    List<Quantity> parse(TaggedSentence s, Story story, @Nullable Quantity previousCount) {
        List<Quantity> candidates = new ArrayList<>();
        int i = 0;
        boolean voting = AsciiWords.containsAny(s.text(), TALLY_WORDS, 4, 10);
        while (i < s.size()) {
            List<Quantity> tally = voting ? tallyAt(s, i) : List.of();
            if (!tally.isEmpty()) {
                candidates.addAll(tally);
                i = tally.get(1).end();
                continue;
            }
            List<Quantity> window = windowAt(s, i);
            if (!window.isEmpty()) {
                candidates.addAll(window);
                i = window.get(1).end();
                continue;
            }
            Quantity q = ratioAt(s, i);
            if (q == null) q = parseAt(s, i, story);
            if (q != null) {
                candidates.add(q);
                // the whole of "six of the eight superdelegates" is a figure of its own
                i = partOfWhole(s, q) ? q.numberAt() + 1 : Math.max(q.end(), q.numberAt() + 1);
            } else {
                i++;
            }
        }
        // A figure without its own noun takes the noun of the figure it is coordinated with ("tens of
        // millions and even billions of dollars"), or continues the previous one ("could rise to 12,000").
        List<Quantity> out = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            Quantity q = candidates.get(k);
            // "110 km (70 miles)", "$1.2 billion (£900 million)": a conversion restates the figure before it
            if (k > 0 && s.lower(q.start() - 1).equals("(") && candidates.get(k - 1).end() == q.start() - 1
                    && !q.kind().equals("count")) {
                continue;
            }
            if (q.thing().isEmpty() && q.kind().equals("count")) {
                Quantity next = k + 1 < candidates.size() ? candidates.get(k + 1) : null;
                Quantity source = null;
                if (next != null && !next.thing().isEmpty() && coordinated(s, q.end(), next.start())) source = next;
                if (source == null) source = inheritable(s, q.start(), q.end(), out);
                if (source == null) source = bracketed(s, q);
                if (source == null && elliptical(s, q)) {
                    // "Trump now has 446 delegates, Cruz has 347": the count just made in this sentence comes first
                    Quantity here = lastCounted(out);
                    source = here != null ? here : previousCount;
                }
                if (source == null && listed(s, q)) source = lastCounted(out); // "..., Rubio 151, and Kasich 54"
                if (source == null) {
                    Quantity toll = toll(s, q);
                    if (toll != null) {
                        out.add(toll);
                        continue;
                    }
                    Quantity changed = changeSubject(s, q);
                    if (changed != null) out.add(changed);
                    continue;
                }
                q = q.counting(source);
            }
            Quantity paid = sameUse(s, q, out);
            if (paid != null) q = q.as(q.kind(), q.unit(), paid.phrase(), paid.question());
            Quantity from = changedFrom(s, q, out);
            if (from != null) q = q.as(q.kind(), q.unit(), from.phrase(), from.question());
            out.add(q);
        }
        out.addAll(hyphenedCounts(s, out));
        out.addAll(singleCounts(s, out));
        out.sort(java.util.Comparator.comparingInt(Quantity::numberAt));
        return PollShares.apply(s, out, story);
    }

    /** Words that after "N-" name a kind or a measure, not what is counted ("a 4-star general", "10-point plan"). */
    private static final Set<String> NOT_HYPHEN_COUNTS = Set.of("point", "percent", "star", "figure", "party", "old",
            "time", "way", "plus", "odd", "fold", "th", "st", "nd", "rd", "and", "to", "or", "member's", "hundred",
            "thousand", "million", "billion", "trillion", "dollar"); // "$100-million ad buy" is money

    /**
     * A count written as a hyphenated adjective, "the 28-nation alliance", "a 36-county tour", "its 700,000-person
     * mailing list": digits joined to a noun that modifies another noun count that noun (the guide, like set C's
     * "280-page report"). Units and periods are left to the measure readers; number words ("seven-figure") are names
     * of kinds.
     */
    private static List<Quantity> hyphenedCounts(TaggedSentence s, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.size(); i++) {
            String tok = s.lower(i);
            String digits;
            int wordAt;
            String word;
            if (Rx.matches(tok, "\\d[\\d,]*-")) {
                digits = tok.substring(0, tok.length() - 1);
                wordAt = i + 1;
                word = s.lower(wordAt);
            } else if (Rx.matches(tok, "\\d[\\d,]*") && s.lower(i + 1).equals("-")) {
                digits = tok;
                wordAt = i + 2;
                word = s.lower(wordAt);
            } else if (Rx.matches(tok, "\\d[\\d,]*-\\p{Ll}+")) {
                digits = tok.substring(0, tok.indexOf('-'));
                wordAt = i;
                word = tok.substring(tok.indexOf('-') + 1);
            } else if (Rx.matches(tok, "\\d[\\d,]*") && Rx.matches(s.lower(i + 1), "-\\p{Ll}+")) {
                digits = tok;
                wordAt = i + 1;
                word = s.lower(wordAt).substring(1);
            } else {
                continue;
            }
            if (!Rx.matches(word, "\\p{Ll}{3,}") || NOT_HYPHEN_COUNTS.contains(word)
                    || PERIODS.contains(word) && !word.equals("person") // "a 700,000-person mailing list" counts people
                    || UNITS.containsKey(word) || PERCENT.contains(word)) {
                continue;
            }
            // an attributive: the counted word modifies a noun after it ("36-county bus tour")
            if (!(s.isNoun(wordAt + 1) || s.tag(wordAt + 1).startsWith("ADJ") || s.isPropn(wordAt + 1))) continue;
            if (digits.length() == 4 && !digits.contains(",")) continue; // "a 2016-era rule"
            double v = number(digits);
            if (v < 2) continue;
            final int at = i;
            if (found.stream().anyMatch(q -> q.numberAt() == at)) continue;
            String plural = plural(word);
            out.add(new Quantity(format(v), v, v, boundBefore(s, i), false, plural, lemmaOf(word), i, wordAt + 1, i));
        }
        return out;
    }

    private static String plural(String noun) {
        if (noun.equals("person")) return "people";
        if (noun.equals("man")) return "men";
        if (noun.equals("woman")) return "women";
        if (noun.endsWith("y") && !Rx.matches(noun, ".*[aeiou]y")) return noun.substring(0, noun.length() - 1) + "ies";
        if (Rx.matches(noun, ".*(s|x|z|ch|sh)")) return noun + "es";
        return noun + "s";
    }

    /** Units a length written with "a" is given in ("nearly a year", "a century"). */
    private static final Set<String> ARTICLE_DURATION_UNITS = Set.of("year", "month", "week", "day", "hour", "minute",
            "decade", "century");
    /**
     * Words before "a"/"an" that make "a year" a length (issue 18: "nearly a year", "for a decade", "spent a century",
     * "it's been a year", "in under a decade"); without one, "a year ago", "once a year", "a day after" only place
     * an event in time or give a period.
     */
    private static final Set<String> ARTICLE_DURATION_BEFORE = Set.of("nearly", "almost", "about", "around", "roughly",
            "over", "under", "than", "only", "just", "barely", "for", "spent", "spend", "spends", "spending", "been",
            "lasted", "lasts", "took", "takes");

    /** True when the "a"/"an" at {@code at} opens a length of time: "nearly a year", "for an hour". */
    private static boolean articleDuration(TaggedSentence s, int at) {
        if (!ARTICLE_DURATION_UNITS.contains(s.lower(at + 1)) || !ARTICLE_DURATION_BEFORE.contains(s.lower(at - 1))) {
            return false;
        }
        // "enters the White House in under a month" places an event; "In under a decade, he rose ..." opening its
        // clause is how long the rise took
        return !Rx.matches(s.lower(at - 2), "in|within") || s.lower(at + 2).equals(",");
    }

    /** Verbs after which a single person or thing is the point of the figure: "one person died", "one was killed". */
    /** Adjectives of a period the tagger may read as determiners ("in annual federal revenue"). */
    private static final Set<String> PERIOD_ADJECTIVES = Set.of("annual", "yearly", "monthly", "weekly", "daily",
            "quarterly");
    /** A share written as one token, "6-in-10". */
    private static final Pattern IN_TEN = Pattern.compile("(\\d{1,3})-in-(\\d{1,4})");

    private static final Set<String> TOLL_VERBS = Set.of("died", "dies", "killed", "injured", "wounded", "dead",
            "voted", "votes", "survived", "escaped", "arrested", "charged", "missing", "hospitalized");

    /**
     * Counts of zero and one where the figure is the point (the guide): "not a single House Republican voted for it"
     * (0), "only one senator voted no", "one person died" (1). "One of the men", "a man was killed" are not counts.
     */
    private static List<Quantity> singleCounts(TaggedSentence s, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>();
        for (int i = 0; i + 2 < s.size(); i++) {
            String w = s.lower(i);
            double value;
            int nounFrom;
            int start = i;
            if (w.equals("not") && s.lower(i + 1).equals("a") && s.lower(i + 2).equals("single")) {
                value = 0;
                nounFrom = i + 3;
            } else if (w.equals("one") && (Rx.matches(s.lower(i - 1), "only|just|exactly|merely")
                    || s.lower(i - 1).isEmpty() || Rx.matches(s.lower(i - 1), "[,;:]|and|but"))) {
                value = 1;
                nounFrom = i + 1;
                if (Rx.matches(s.lower(i - 1), "only|just|exactly|merely")) start = i - 1;
            } else {
                continue;
            }
            if (s.lower(nounFrom).equals("of")) continue; // "one of the men"
            // the noun phrase's last noun: "a single House Republican", "one young officer"
            int head = -1;
            for (int k = nounFrom; k < s.size() && k - nounFrom < 4
                    && (s.tag(k).startsWith("ADJ") || s.isPropn(k) || s.isNoun(k)); k++) {
                if (s.isNoun(k) || s.isPropn(k)) head = k;
            }
            if (head < 0) continue;
            // the point of a single count: "only one", "not a single", or a toll verb right after ("one person died")
            boolean point = value == 0 || start < i;
            int verb = head + 1;
            while (verb < s.size() && Rx.matches(s.lower(verb), "was|were|has|had|been|is|reportedly")) verb++;
            if (!point && !TOLL_VERBS.contains(s.lower(verb))) continue;
            final int at = i;
            if (found.stream().anyMatch(q -> q.numberAt() == at || q.start() <= at && q.end() > at)) continue;
            String noun = s.tokens()[head];
            String thing = value == 0 ? s.span(nounFrom, head + 1) : noun;
            out.add(new Quantity(format(value), value, value, "exact", false, thing, lemmaOf(noun), start, head + 1, i));
        }
        return out;
    }

    /** Words of a sentence that reports a vote, a ruling or a chamber's split: where "52 to 47" is a tally. */
    /** TALLY_CONTEXT's words, found by one scan instead of the pattern (issue 18's throughput). */
    static final Set<String> TALLY_WORDS = Set.of("pass", "passed", "passes", "approved", "approves", "vote", "voted",
            "votes", "voting", "rejected", "rejects", "defeated", "defeats", "confirmed", "confirms", "overrode",
            "overridden", "ruling", "ruled", "decision", "upheld", "struck", "control", "controls", "majority", "tally",
            "senate", "house", "chamber", "court", "justices", "delegate", "delegates");
    static final Pattern TALLY_CONTEXT = Pattern.compile("(?i)\\b(pass(ed|es)?|approv(ed|es)|vot(e|ed|es|ing)|"
            + "reject(ed|s)|defeat(ed|s)|confirm(ed|s)|overr(ode|idden)|ruling|ruled|decision|upheld|struck|controls?|"
            + "majority|tally|senate|house|chamber|court|justices|delegates?)\\b");
    private static final Pattern TALLY = Pattern.compile("(\\d{1,3})[-–](\\d{1,3})\\.?");
    /** Largest side of a tally read (the House has 435 seats; a count above is no vote). */
    private static final int MAX_TALLY_SIDE = 999;

    /**
     * A tally: "passed the Senate 52 to 47", "by a 393-0 vote", "a 5-4 ruling", "control the Senate 54-46", "a 36-32
     * lead among delegates". Two counts, the winning side first (the guide: votes for and against, or the two
     * sides' seats, justices or delegates). Empty when the token at {@code i} opens none.
     */
    private static List<Quantity> tallyAt(TaggedSentence s, int i) {
        String tok = s.lower(i);
        int secondAt;
        double a;
        double b;
        var dash = TALLY.matcher(tok);
        if (dash.matches()) {
            a = Double.parseDouble(dash.group(1));
            b = Double.parseDouble(dash.group(2));
            secondAt = i;
        } else if (Rx.matches(tok, "\\d{1,3}-?") && Rx.matches(s.lower(i + 1), "to|-|–")
                && Rx.matches(s.lower(i + 2), "\\d{1,3}\\.?")) {
            // the tokenizer gives "52 to 47", "5 - 4", "181." as separate pieces
            a = Double.parseDouble(Rx.replaceAll(tok, "-$", ""));
            b = Double.parseDouble(Rx.replaceAll(s.lower(i + 2), "\\.$", ""));
            secondAt = i + 2;
        } else if (Rx.matches(tok, "\\d{1,3}-") && Rx.matches(s.lower(i + 1), "\\d{1,3}")) {
            a = Double.parseDouble(Rx.replaceAll(tok, "-$", "")); // "36-" "32"
            b = Double.parseDouble(s.lower(i + 1));
            secondAt = i + 1;
        } else {
            return List.of();
        }
        if (a < b || a > MAX_TALLY_SIDE || a == 0) return List.of();
        // "fell from 12 to 8", "between 30 and 40": a change or a range; "52 to 47 percent", "20-25 people": no tally
        String before = s.lower(i - 1);
        // "by a vote of 58 to 42": "of" after the word vote opens a tally, not a change or a part
        boolean voteOf = before.equals("of") && Rx.matches(s.lower(i - 2), "votes?|tally|margin");
        if (!voteOf && Rx.matches(before, "from|by|between|to|\\$|ages?|aged|of|no\\.")) return List.of();
        String after = s.lower(secondAt + 1);
        if (PERCENT.contains(after) || after.startsWith("-") || UNITS.containsKey(after) || SCALES.containsKey(after)
                || MONTHS.contains(before) || MONTHS.contains(after)) {
            return List.of();
        }
        String side = "votes";
        String[] pair = {"votes for", "votes against"};
        if (Rx.matches(after, "ruling|decision|opinion|court")) {
            pair = new String[] {"justices in the majority", "justices dissenting"};
        } else if (after.equals("lead") && s.lower(secondAt + 2).equals("among") && s.isNoun(secondAt + 3)) {
            side = s.lower(secondAt + 3); // "a 36-32 lead among delegates"
            pair = new String[] {side + " of the leader", side + " of the other side"};
        } else if (!Rx.matches(after, "votes?|vote\\.|tally|margin|majority") && !votedNear(s, i)) {
            if (!controlNear(s, i)) return List.of();
            pair = new String[] {"seats of the majority", "seats of the minority"};
        }
        int end = secondAt + 1 + (Rx.matches(after, "votes?|ruling|decision|tally|margin|majority|lead") ? 1 : 0);
        String head = Rx.split(pair[0], " ")[0];
        String lemma = Tagger.nounLemma(head);
        Quantity first = new Quantity(format(a), a, a, "exact", false, head, lemma, i, i + 1, i, "count", "", pair[0],
                pair[0]);
        Quantity second = new Quantity(format(b), b, b, "exact", false, head, lemma, secondAt, end, secondAt, "count", "",
                pair[1], pair[1]);
        return List.of(first, second);
    }

    /**
     * A window written as counts (the guide, set E/F): "won seven out of the eight last caucuses", "three out of the last
     * six weeks", "winning 10 of the last 12" give two counts of one noun, the part and the window. The noun follows the
     * window or, where none does, is the nearest plural noun before the part ("caucus contests, now winning 10 of the
     * last 12"). Only the forms with "out of" or a position word ("last", "past") are read here; "six of the eight
     * superdelegates" is a part of a whole ({@link #partOfWhole}). Empty when the token at {@code i} opens none.
     */
    private static final String WINDOW = " in all";

    private static List<Quantity> windowAt(TaggedSentence s, int i) {
        Integer part = smallNumber(s.lower(i));
        if (part == null) return List.of();
        int k = i + 1;
        boolean out = s.lower(k).equals("out");
        if (out) k++;
        if (!s.lower(k).equals("of")) return List.of();
        k++;
        if (s.lower(k).equals("the")) k++;
        boolean position = Rx.matches(s.lower(k), "last|past|previous|final|most");
        if (position) k++;
        if (s.lower(k).equals("recent")) k++;
        Integer whole = smallNumber(s.lower(k));
        if (whole == null || whole <= part || !(out || position)) return List.of();
        // "one out of the last three": a single part is a claim only where it is the point ("only one")
        if (part < 2 && !Rx.matches(s.lower(i - 1), "only|just")) return List.of();
        int wholeAt = k;
        k++;
        if (Rx.matches(s.lower(k), "last|past|previous|final|recent")) k++; // "the eight last caucuses"
        while (k < s.size() && s.tag(k).startsWith("ADJ")) k++; // "the six last local elections"
        int nounAt = -1;
        if (s.isNoun(k) && !s.isPropn(k)) {
            nounAt = k;
            while (nounAt + 1 < s.size() && s.isNoun(nounAt + 1) && !s.isPropn(nounAt + 1)) nounAt++; // "caucus contests"
        } else {
            for (int b = i - 1; b >= 0 && nounAt < 0; b--) {
                if (s.isNoun(b) && !s.isPropn(b) && s.lower(b).endsWith("s") && !s.lower(b).endsWith("'s")
                        && !lemmaOf(s.tokens()[b]).equals(s.lower(b))) {
                    nounAt = b;
                }
            }
        }
        if (nounAt < 0) return List.of();
        String noun = s.lower(nounAt);
        String lemma = lemmaOf(s.tokens()[nounAt]);
        // "three out of the last six weeks": weeks counted as a window are counts, though a length elsewhere
        if (NOT_COUNTS.contains(lemma) && !PERIODS.contains(lemma) || LIST_NOUNS.contains(lemma)) return List.of();
        int end = nounAt > wholeAt ? nounAt + 1 : wholeAt + 1;
        String question = ThingClasses.of(lemma);
        int partStart = Rx.matches(s.lower(i - 1), "only|just") ? i - 1 : i;
        Quantity first = new Quantity(format(part), part, part, "exact", false, noun, lemma, partStart, i + 1, i, "count",
                "", noun, question);
        Quantity second = new Quantity(format(whole), whole, whole, "exact", false, noun, lemma, wholeAt, end, wholeAt,
                "count", "", noun + WINDOW, question + WINDOW);
        return List.of(first, second);
    }

    /** Whether {@code q} is the part or the whole of a window read by {@link #windowAt} among {@code found}. */
    static boolean inWindow(Quantity q, List<Quantity> found) {
        if (q.question().endsWith(WINDOW)) return true;
        for (Quantity o : found) if (o.question().equals(q.question() + WINDOW)) return true;
        return false;
    }

    /** A whole number written in digits (up to 999) or in words ("seven"); null otherwise. */
    private static @Nullable Integer smallNumber(String w) {
        if (Rx.matches(w, "\\d{1,3}")) return Integer.parseInt(w);
        Integer n = WORDS.get(w);
        return n != null && !w.equals("a") && !w.equals("an") && n < 1000 ? n : null;
    }

    /** Superlatives that make "in N years" the time since a level was last reached ("its lowest level in 12 years"). */
    private static final Pattern SUPERLATIVE = Pattern.compile("lowest|highest|worst|best|deadliest|biggest|largest|"
            + "smallest|weakest|strongest|steepest|sharpest|fastest|slowest");
    /** How far before "in N years" its superlative is looked for, inside the clause. */
    private static final int SUPERLATIVE_REACH_TOKENS = 7;

    /** The superlative that "in" at {@code in} closes ("the worst attacks on law enforcement in a century"); -1 when none. */
    private static int superlativeBefore(TaggedSentence s, int in) {
        for (int k = in - 1; k >= Math.max(0, in - SUPERLATIVE_REACH_TOKENS); k--) {
            String w = s.lower(k);
            if (Rx.matches(w, "[,;:\"“”()]|--|—|and|but|while|since|than")) return -1;
            if (SUPERLATIVE.matcher(w).matches()) return k;
        }
        return -1;
    }

    private static String superlativeBase(String w) {
        return switch (w) {
            case "worst" -> "bad";
            case "best" -> "good";
            case "deadliest" -> "deadly";
            case "biggest" -> "big";
            default -> Rx.replaceAll(w, "iest$", "y").replaceAll("est$", "");
        };
    }

    /** How far before a tally its verb is looked for ("passed the Senate 52 to 47"). */
    private static final int TALLY_VERB_TOKENS = 5;

    private static boolean votedNear(TaggedSentence s, int i) {
        for (int k = Math.max(0, i - TALLY_VERB_TOKENS); k < i; k++) {
            if (Rx.matches(s.lower(k), "pass(ed|es)?|approv(ed|es)|vot(e|ed|es|ing)|reject(ed|s)|defeat(ed|s)|"
                    + "confirm(ed|s)|overr(ode|idden)|ruled|upheld|struck|and")) {
                return !s.lower(k).equals("and") || k > 0 && TALLY_CONTEXT.matcher(s.span(0, k)).find();
            }
        }
        return false;
    }

    private static boolean controlNear(TaggedSentence s, int i) {
        for (int k = Math.max(0, i - TALLY_VERB_TOKENS); k < i; k++) {
            if (Rx.matches(s.lower(k), "controls?|controlled|hold|holds|held|split|divided")) return true;
        }
        return false;
    }

    /**
     * The "from" figure of a change whose "to" figure is {@code q}: "fell from 5.6 percent at the end of 2014 to 5
     * percent" gives both the same subject (the guide: a before and an after answer one question). Null when {@code q}
     * is no "to" figure of a measured kind or no "from" figure of its kind and unit stands before it in the clause.
     */
    private static @Nullable Quantity changedFrom(TaggedSentence s, Quantity q, List<Quantity> before) {
        if (q.kind().equals("count") || !s.lower(q.start() - 1).equals("to")) return null;
        for (int k = before.size() - 1; k >= 0; k--) {
            Quantity p = before.get(k);
            if (!p.kind().equals(q.kind()) || !p.unit().equals(q.unit())) continue;
            // "from an already low 5.6 percent": a few describing words may stand between "from" and the figure
            int f = p.start() - 1;
            while (f > 0 && p.start() - f < 4 && (s.tag(f).startsWith("ADJ") || s.tag(f).startsWith("ADV")
                    || s.tag(f).startsWith("DET"))) {
                f--;
            }
            if (!s.lower(f).equals("from")) return null;
            for (int t = p.end(); t < q.start(); t++) if (Rx.matches(s.lower(t), "[;:]|and|but|while")) return null;
            return p;
        }
        return null;
    }

    /**
     * A count with no noun after it that says how much its subject changed or came to: "weekly jobless claims
     * rose by 12,000 to 225,000", "the death toll climbed to 89".
     */
    private static @Nullable Quantity changeSubject(TaggedSentence s, Quantity q) {
        if (q.vague() || !q.kind().equals("count")) return null;
        String before = s.lower(q.start() - 1);
        if (!(before.equals("by") || before.equals("to") || before.equals("at") || before.equals("of"))) return null;
        int k = q.start() - 2;
        // "rose by 12,000 to 225,000": the second figure reads past the first
        while (k > 0 && (s.tag(k).startsWith("NUM") || s.lower(k).equals("by") || s.lower(k).equals("to")
                || s.tag(k).startsWith("ADV"))) {
            k--;
        }
        if (!CHANGE_VERBS.contains(s.lower(k))) return null;
        int[] np = subjectPhrase(s, k);
        if (np == null) return null;
        String head = s.tokens()[np[2]];
        return new Quantity(q.value(), q.low(), q.high(), q.bound(), false, head, lemmaOf(head), q.start(), q.end(),
                q.numberAt(), "count", "", stripDeterminer(s.span(np[0], np[1])), normalised(s, np));
    }

    /** What befell the people of a toll written without its noun: "left 49 dead", "injured at least seven". */
    private static final Map<String, String> TOLL_WORDS = Map.ofEntries(Map.entry("dead", "dead"),
            Map.entry("killed", "killed"), Map.entry("killing", "killed"), Map.entry("kills", "killed"),
            Map.entry("wounded", "wounded"), Map.entry("wounding", "wounded"), Map.entry("injured", "injured"),
            Map.entry("injuring", "injured"), Map.entry("hurt", "injured"), Map.entry("hurting", "injured"));

    /**
     * A casualty count without a noun: "Sunday's massacre left 49 dead", "the attack injured at least seven", "killing
     * 12": news leaves out "people" after a toll word; the count is of people (the guide's "people killed"). Null
     * when neither the word after the figure nor the verb before it is a toll word, or the clause goes on.
     */
    private static @Nullable Quantity toll(TaggedSentence s, Quantity q) {
        if (q.vague()) return null;
        String befell = TOLL_WORDS.get(s.lower(q.end()));
        if (befell != null && !befell.equals("dead") && !s.lower(q.end()).endsWith("ed")) befell = null; // "49 killing"
        if (befell == null) {
            String verb = TOLL_WORDS.get(s.lower(q.start() - 1));
            String after = s.lower(q.end());
            boolean ends = after.isEmpty() || Rx.matches(after, "[.,;:)]|and|in|on|at|during|when|after|before|—|--");
            if (verb == null || verb.equals("dead") || !ends) return null;
            befell = verb;
        }
        String phrase = "people " + befell;
        return new Quantity(q.value(), q.low(), q.high(), q.bound(), false, "people", "people", q.start(), q.end(),
                q.numberAt(), "count", "", phrase, ThingClasses.of("people"));
    }

    /**
     * The amount before {@code q} whose use a coordinated amount shares: "has given $12 million to Mr. Cruz and $3
     * million to Mr. Kasich" (both donations). Null unless {@code q} is money that names nothing, right after "and" or
     * a comma, with no verb since the amount before it.
     */
    private static @Nullable Quantity sameUse(TaggedSentence s, Quantity q, List<Quantity> before) {
        if (!q.kind().equals("money") || !q.question().equals(q.thing()) || before.isEmpty()) return null;
        Quantity p = before.get(before.size() - 1);
        if (!p.kind().equals("money") || !p.unit().equals(q.unit()) || p.question().equals(p.thing())) return null;
        if (!Rx.matches(s.lower(q.start() - 1), "and|,") || q.start() - p.end() > COORDINATED_REACH_TOKENS) return null;
        for (int k = p.end(); k < q.start(); k++) if (s.isVerb(k)) return null;
        return p;
    }

    /** Tokens between two coordinated amounts ("$12 million to Mr. Cruz and $3 million"). */
    private static final int COORDINATED_REACH_TOKENS = 6;

    /** "TV commercials (over 60,000)": a bare count in brackets counts the plural noun the brackets follow. */
    private static @Nullable Quantity bracketed(TaggedSentence s, Quantity q) {
        int open = q.start() - 1;
        if (!s.lower(open).equals("(") || !s.isNoun(open - 1)) return null;
        String noun = s.tokens()[open - 1];
        if (!noun.endsWith("s") || lemmaOf(noun).equals(noun.toLowerCase(java.util.Locale.ROOT))) return null;
        int from = open - 1;
        while (from > 0 && (s.isNoun(from - 1) || s.isPropn(from - 1)) && open - 1 - from < MAX_MODIFIERS) from--;
        String phrase = s.span(from, open);
        return new Quantity("", 0, 0, "", false, noun.toLowerCase(java.util.Locale.ROOT), lemmaOf(noun), 0, 0, 0, "count",
                "", phrase, ThingClasses.of(lemmaOf(noun)));
    }

    /** Words before an elliptical count: "Trump has 661", "Jeb Bush picked up four", "with 30 others". */
    private static final Set<String> ELLIPSIS_BEFORE = Set.of("has", "have", "had", "won", "got", "gets", "picked",
            "up", "secured", "collected", "claimed", "with", "took", "earned", "holds", "held", "added");

    /**
     * A count with no noun of its own that continues the count before it: "Trump has 661 delegates. Ted Cruz has
     * 406. John Kasich has 142." News leaves the noun out when it was just counted; only a clause that ends at the
     * figure (a stop, a comma, "and") is read so, after a verb of having or winning.
     */
    private static boolean elliptical(TaggedSentence s, Quantity q) {
        if (q.vague()) return false;
        String after = s.lower(q.end());
        boolean ends = after.isEmpty() || Rx.matches(after, "[.,;)]|and|in|on|to") && !s.isNoun(q.end() + 1);
        return ends && ELLIPSIS_BEFORE.contains(s.lower(q.start() - 1));
    }

    /** The last count of the sentence so far that names what it counts; null when none. */
    private static @Nullable Quantity lastCounted(List<Quantity> out) {
        for (int k = out.size() - 1; k >= 0; k--) {
            Quantity q = out.get(k);
            if (q.kind().equals("count") && !q.thing().isEmpty() && !q.vague()) return q;
        }
        return null;
    }

    /**
     * A bare count after a name in a list of standings, "Cruz has 347, Rubio 151, and Kasich 54": the name follows a
     * comma or "and", and the clause ends at the figure. It continues the count before it in the sentence.
     */
    private static boolean listed(TaggedSentence s, Quantity q) {
        if (q.vague() || q.start() < 2) return false;
        int name = q.start() - 1;
        if (Rx.matches(s.lower(name), "only|just|nearly|almost") && name > 1) name--; // "and Kasich only 143"
        if (!s.isCapitalized(name) || !Character.isLetter(s.tokens()[name].charAt(0))) return false;
        int before = name - 1;
        while (before > 0 && s.isCapitalized(before) && name - before < 3) before--; // "Bernie Sanders 571"
        String b = s.lower(before);
        if (!(b.equals(",") || b.equals("and"))) return false;
        String after = s.lower(q.end());
        return after.isEmpty() || Rx.matches(after, "[.,;)]|and");
    }

    private static boolean coordinated(TaggedSentence s, int from, int to) {
        if (to <= from || to - from > 3) return false;
        boolean conj = false;
        for (int k = from; k < to; k++) {
            String w = s.lower(k);
            if (w.equals("and") || w.equals("or") || w.equals("to")) conj = true;
            else if (!w.equals("even") && !w.equals("possibly") && !w.equals("perhaps") && !w.equals(",")) return false;
        }
        return conj;
    }

    private @Nullable Quantity parseAt(TaggedSentence s, int i, Story story) {
        String tok = s.lower(i);
        String money = null;
        String currency = null;
        int numberAt = i;
        var glued = GLUED_CURRENCY.matcher(tok);
        if (CURRENCY_SIGNS.contains(tok) && i + 1 < s.size() && !s.lower(i + 1).isEmpty()
                && Character.isDigit(s.lower(i + 1).charAt(0))) {
            currency = entry(CURRENCIES, tok)[1];
            numberAt = i + 1;
            tok = s.lower(numberAt);
        } else if (glued.matches()) {
            currency = entry(CURRENCIES, glued.group(1))[1];
            tok = glued.group(2);
        }
        if (currency != null) money = currencyNoun(currency);
        // The tokenizer cuts "90-minute" into "90-" and "minute": the dash joins the figure to its unit.
        boolean dashGlued = currency == null && Rx.matches(tok, "\\d+(\\.\\d+)?-");
        if (dashGlued) tok = tok.substring(0, tok.length() - 1);
        double low;
        double high;
        boolean vague = false;
        String vagueText = null;
        int next;
        var range = DIGIT_RANGE.matcher(tok);
        if (DIGITS.matcher(tok).matches()) {
            low = number(tok);
            high = low;
            next = numberAt + 1;
        } else if (range.matches()) {
            low = number(range.group(1));
            high = number(range.group(2));
            next = numberAt + 1;
        } else if (Rx.matches(tok, "(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?")
                && (tok.endsWith("-") || s.lower(numberAt + 1).equals("-"))
                && Rx.matches(s.lower(numberAt + (tok.endsWith("-") ? 1 : 2)), "one|two|three|four|five|six|seven|eight|nine")) {
            // the tokenizer cuts "Thirty-six" into "thirty-" and "six", or "Thirty", "-" and "six"
            int ones = numberAt + (tok.endsWith("-") ? 1 : 2);
            low = entry(WORDS, Rx.replaceAll(tok, "-$", "")) + entry(WORDS, s.lower(ones));
            high = low;
            next = ones + 1;
        } else if (Rx.matches(tok, "(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)")
                && !isCapitalizedMidSentence(s, numberAt)) {
            // "Twenty-one jurisdictions"
            String[] parts = Rx.split(tok, "-");
            low = entry(WORDS, parts[0]) + entry(WORDS, parts[1]);
            high = low;
            next = numberAt + 1;
        } else if (WORDS.containsKey(tok) && !isCapitalizedMidSentence(s, numberAt)) {
            low = WORDS.get(tok);
            high = low;
            next = numberAt + 1;
            if ((tok.equals("a") || tok.equals("an")) && articleDuration(s, numberAt)) {
                // "nearly a year", "for more than an hour and a half": a length of one unit (or one and a half)
                if (s.lower(next + 1).equals("and") && Rx.matches(s.lower(next + 2), "an?") && s.lower(next + 3).equals("half")) {
                    low = 1.5;
                    high = 1.5;
                }
            } else if ((tok.equals("a") || tok.equals("an") || tok.equals("half")) && !SCALES.containsKey(s.lower(next))
                    && !(tok.equals("half") && (s.lower(next).equals("a") || s.lower(next).equals("an"))
                    && SCALES.containsKey(s.lower(next + 1)))) {
                return null;
            }
            if (tok.equals("half")) {
                low = 0.5;
                high = 0.5;
                if (s.lower(next).equals("a") || s.lower(next).equals("an")) next++;
            }
        } else if (VAGUE.containsKey(tok) && !isCapitalizedMidSentence(s, numberAt)) {
            vague = true;
            low = VAGUE.get(tok);
            high = low;
            vagueText = tok;
            next = numberAt + 1;
            // "tens of thousands", "hundreds of millions"
            if ((tok.equals("hundreds") || tok.equals("tens") || tok.equals("thousands"))
                    && s.lower(next).equals("of") && VAGUE.containsKey(s.lower(next + 1))) {
                vagueText = tok + " of " + s.lower(next + 1);
                low = entry(VAGUE, s.lower(next + 1)) * (tok.equals("tens") ? 10 : tok.equals("hundreds") ? 100 : 1000);
                high = low;
                next += 2;
            }
        } else if (tok.equals("tens") && s.lower(numberAt + 1).equals("of") && VAGUE.containsKey(s.lower(numberAt + 2))) {
            vague = true;
            vagueText = "tens of " + s.lower(numberAt + 2);
            low = entry(VAGUE, s.lower(numberAt + 2)) * 10;
            high = low;
            next = numberAt + 3;
        } else {
            return null;
        }
        // Scale words: "1.5 million", "two dozen", "eight million".
        if (!vague) {
            while (SCALES.containsKey(s.lower(next)) && !(s.lower(next).equals("m") && money == null)) {
                long scale = entry(SCALES, s.lower(next));
                low *= scale;
                high *= scale;
                next++;
            }
            boolean digits = isDigits(tok);
            // "one" is mostly a pronoun or determiner; "one percentage point" is a figure
            if (low == 1 && high == 1 && !digits && !UNITS.containsKey(s.lower(next))) return null;
            if (low < 1 && !digits) return null;
        }
        // Ranges: "10 to 15 votes", "between 10,000 and 12,000", "10,000 -12,000"
        if (!vague && next < s.size()) {
            String join = s.lower(next);
            boolean between = s.lower(numberAt - 1).equals("between");
            int hi = -1;
            String second = s.lower(next + 1);
            int secondAt = next + 1;
            if (money != null && CURRENCY_SIGNS.contains(second)) {
                second = s.lower(next + 2); // "$800 to $2,200"
                secondAt = next + 2;
            } else if (money != null && GLUED_CURRENCY.matcher(second).matches()) {
                var g = GLUED_CURRENCY.matcher(second);
                second = g.matches() ? g.group(2) : second;
            }
            // "rose by 12,000 to 225,000", "from 5 to 7": a change between two figures, each its own claim
            boolean change = s.lower(i - 1).equals("by") || s.lower(i - 1).equals("from");
            boolean rangeJoin = join.equals("to") && !change || join.equals("-") || join.equals("–")
                    || join.equals("and") && between || join.equals("or");
            if (rangeJoin && secondAt < s.size() && DIGITS.matcher(second).matches() && isDigits(tok)
                    && secondAt != next + 1) {
                double h = number(second);
                int n2 = secondAt + 1;
                double scale = 1;
                while (SCALES.containsKey(s.lower(n2))) scale *= entry(SCALES, s.lower(n2++));
                if (h * scale > high) {
                    high = h * scale;
                    next = n2;
                }
            } else if (rangeJoin && next + 1 < s.size() && DIGITS.matcher(second).matches()
                    && isDigits(tok)) {
                hi = next + 1;
                if (money != null && GLUED_CURRENCY.matcher(s.lower(hi)).matches()) hi = -1;
            } else if (join.startsWith("-") && DIGITS.matcher(join.substring(1)).matches()) {
                high = number(join.substring(1));
                next++;
            } else if ((join.equals("to") || join.equals("or")) && WORDS.containsKey(s.lower(next + 1))
                    && WORDS.containsKey(s.lower(numberAt)) && entry(WORDS, s.lower(next + 1)) > 1) {
                high = entry(WORDS, s.lower(next + 1));
                next += 2;
            } else if ((join.equals("to") || join.equals("or")) && WORDS.containsKey(s.lower(numberAt))
                    && Rx.matches(s.lower(next + 1), "\\d{1,3}") && !SCALES.containsKey(s.lower(next + 2))) {
                high = Double.parseDouble(s.lower(next + 1)); // "nine or 10 generations"
                next += 2;
            }
            if (hi < 0 && rangeJoin && money != null && GLUED_CURRENCY.matcher(s.lower(next + 1)).matches()) {
                var g = GLUED_CURRENCY.matcher(s.lower(next + 1));
                if (g.matches() && DIGITS.matcher(g.group(2)).matches()) {
                    double h = number(g.group(2));
                    int n2 = next + 2;
                    double scale = 1;
                    while (SCALES.containsKey(s.lower(n2))) scale *= entry(SCALES, s.lower(n2++));
                    if (h * scale > high) {
                        high = h * scale;
                        next = n2;
                    }
                }
            }
            if (hi >= 0) {
                double h = number(s.lower(hi));
                int n2 = hi + 1;
                double scale = 1;
                while (SCALES.containsKey(s.lower(n2))) scale *= entry(SCALES, s.lower(n2++));
                if (scale == 1 && low >= 1000 && h < low) scale = low / number(s.lower(numberAt)); // "1.5 to 2 million"
                high = h * scale;
                if (high > low) {
                    if (scale > 1 && low < high / scale) low *= scale;
                    next = n2;
                } else {
                    high = low;
                }
            }
        }
        // The unit after the figure: "24 percent", "3 percentage points", "110 km", "a 22-month investigation".
        String kind = money != null ? "money" : "count";
        String unit = currency != null ? currency : "";
        boolean hyphenUnit = false;
        int unitAt = -1;
        if (money == null) {
            String after = dashGlued ? "-" + s.lower(next) : s.lower(next);
            String unitWord = after.startsWith("-") && after.length() > 1 ? after.substring(1)
                    : after.equals("-") ? s.lower(next + 1) : after;
            hyphenUnit = !unitWord.equals(after);
            int unitTokens = after.equals("-") ? 2 : 1;
            if (unitWord.startsWith("year-old") || unitWord.equals("year") && Rx.matches(s.lower(next + unitTokens), "-?old|-")) {
                return null; // an age used as a description: "her 6-year-old son"
            }
            if (after.equals("per") && s.lower(next + 1).equals("cent")) {
                kind = "percent";
                unit = "percent";
                unitAt = next + 1;
            } else if (unitWord.equals("percentage") && Rx.matches(s.lower(next + unitTokens), "points?")) {
                kind = "points";
                unit = "points";
                unitAt = next + unitTokens;
            } else if (unitWord.equals("basis") && Rx.matches(s.lower(next + 1), "points?")) {
                kind = "points"; // "25 basis points": hundredths of a percentage point
                unit = "points";
                low /= 100;
                high /= 100;
                unitAt = next + 1;
            } else if (Rx.matches(unitWord, "points?") && !vague && INDEX_CONTEXT.matcher(s.text()).find()) {
                kind = "measure"; // points of a stock index (the guide's clarification)
                unit = "index point";
                unitAt = next + unitTokens - 1;
            } else if (Rx.matches(unitWord, "points?") && !vague && !(hyphenUnit && POINT_LISTS.contains(s.lower(next + unitTokens)))
                    && (POLL_CONTEXT.matcher(s.text()).find()
                    || (story.polls() || story.votes()) && s.lower(i - 1).equals("by"))) {
                // "crushing Rubio by 22 points" in a story of polls or votes is a margin
                kind = "points";
                unit = "points";
                unitAt = next + unitTokens - 1;
            } else if (CURRENCY_WORDS.contains(unitWord) || Rx.matches(unitWord, "pounds?") && low >= MILLION) {
                // "200 million euros", "5 million pounds" (a weight that large is written in tons)
                currency = CURRENCIES.getOrDefault(unitWord, new String[] {unitWord, "GBP"})[1];
                if (unitWord.startsWith("pound")) currency = "GBP";
                kind = "money";
                unit = currency;
                money = currencyNoun(currency);
                unitAt = next + unitTokens - 1;
            } else if (UNITS.containsKey(unitWord) && !(unitWord.equals("second") && !vague && low < 2)) {
                kind = UNITS.get(unitWord)[1];
                unit = UNITS.get(unitWord)[2];
                unitAt = next + unitTokens - 1;
                // the guide gives decades and centuries in years: "five decades" is 50 years
                double years = unit.equals("decades") ? 10 : unit.equals("centuries") ? 100 : 1;
                if (years > 1 && !vague) {
                    low *= years;
                    high *= years;
                    unit = "years";
                }
            }
            if (unitAt < 0) hyphenUnit = false;
        }
        // a share after a name is a standing, not part of the name: "Cruz 24.8 percent"
        boolean share = kind.equals("percent") || kind.equals("points");
        if (!vague && excluded(s, i, numberAt, next, money != null || share, hyphenUnit)) return null;

        // Bound words before the figure.
        String bound = vague ? "vague" : high > low ? "range" : "exact";
        int start = i;
        for (String[] b : BOUNDS) {
            String[] words = Rx.split(b[0], " ");
            int from = i - words.length;
            if (from < 0) continue;
            boolean match = true;
            for (int k = 0; k < words.length; k++) {
                if (!s.lower(from + k).equals(words[k])) {
                    match = false;
                    break;
                }
            }
            if (match) {
                if (!vague && high == low) bound = b[1];
                start = from;
                break;
            }
        }

        if (!kind.equals("count") && !kind.equals("money")) {
            return measured(s, i, start, numberAt, next, unitAt, low, high, bound, vague, kind, unit, hyphenUnit, story);
        }
        if (kind.equals("money") && unitAt >= 0) next = unitAt + 1;

        // The counted thing.
        String thing;
        String lemma;
        int end;
        String after = s.lower(next);
        if (money == null && (PERCENT.contains(after) || after.startsWith("-percent"))) return null;
        // "rose by 12,000 last week": a time phrase after the figure is not what it counts
        boolean timeAfter = TIME_DEICTIC.contains(after) && PERIODS.contains(Tagger.nounLemma(s.lower(next + 1)));
        int[] head = money != null || timeAfter ? null : headNoun(s, next, vague || isPartitive(s, next));
        boolean population = s.lower(start - 1).equals("population");
        if (population && money == null) {
            thing = "population";
            lemma = "population";
            end = next;
        } else if (money != null) {
            thing = money;
            lemma = money.substring(0, money.length() - 1);
            // "$20 trillion dollars": a currency word after a sign repeats it
            end = CURRENCY_WORDS.contains(s.lower(next)) ? next + 1 : next;
        } else if (head != null) {
            String word = s.tokens()[head[0]];
            String w = s.isPropn(head[0]) ? word : word.toLowerCase(java.util.Locale.ROOT);
            lemma = lemmaOf(word);
            if (NOT_COUNTS.contains(lemma) || NOT_COUNTS.contains(w.toLowerCase(java.util.Locale.ROOT))) return null;
            if (lemma.equals("time") && comparativeFollows(s, head[0] + 1)) return null;
            // "a 49-51 vote" is a tally, not a count: a range counts a plural
            if (high > low && !vague && lemma.equals(w.toLowerCase(java.util.Locale.ROOT)) && !w.endsWith("s")
                    && !IRREGULAR_PLURALS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                return null;
            }
            if (lemma.equals("dollar") || lemma.equals("euro")) {
                thing = lemma + "s";
            } else {
                thing = w;
            }
            end = head[0] + 1;
        } else {
            if (!timeAfter && NOT_COUNTS.contains(after) || after.equals(":")) return null;
            thing = ""; // filled from a coordinated or preceding figure in parse(), else dropped
            lemma = "";
            end = next;
        }
        if (!vague && low < 2 && money == null) return null;
        // Referential small counts: "the two men", "its three committees"; but "six of the eight superdelegates"
        // states the total the part is taken from.
        boolean partitiveTotal = s.lower(start - 2).equals("of") && s.tag(start - 3).startsWith("NUM");
        // "in all five states", "across all 50 states": where something holds is counted (set E); "all three men" and
        // "won on all three counts" point back
        boolean allWhere = s.lower(start - 1).equals("all") && Rx.matches(s.lower(start - 2), "in|across|from");
        if (!vague && money == null && REFERENTIAL.contains(s.lower(start - 1)) && WORDS.containsKey(s.lower(numberAt))
                && low <= 10 && !partitiveTotal && !allWhere) {
            return null;
        }
        // Counts of anonymous sources ("two people familiar with the talks") and rankings ("the top five picks")
        // say nothing a reader would check.
        if (money == null && head != null && anonymousSource(s, start, head[0], lemma)) return null;
        if (money == null && head != null && LIST_NOUNS.contains(lemma)) return null; // "four things to watch"
        // "the first four states", "the last two contests": a position in a sequence, not a count
        if (!vague && money == null && POSITION_WORDS.contains(s.lower(start - 1))) return null;
        if ((s.lower(start - 1).equals("top") || s.lower(start - 1).equals("bottom"))
                && (s.tag(start - 2).startsWith("DET") || s.tag(start - 2).startsWith("PRON") || s.lower(start - 2).endsWith("'s"))) {
            return null; // "the top five picks", "its top 10": a ranking
        }
        String value = vagueText != null ? vagueText : high > low ? format(low) + "-" + format(high) : format(low);
        if (money == null && CURRENCY_WORDS.contains(w(thing))) {
            // "millions of dollars", "tens of billions of euros"
            currency = entry(CURRENCIES, w(thing))[1];
            money = currencyNoun(currency);
        }
        if (money != null) {
            String code = currency == null ? "USD" : currency;
            // "earns $7,655 more per year": a difference of amounts keeps the period after it
            int perAt = Rx.matches(s.lower(end), "more|less") && perPeriod(s, end + 1) != null ? end + 1 : end;
            String per = perPeriod(s, perAt);
            int[] purpose = purposeOf(s, per == null ? end : perAt + perLength(s, perAt));
            if (purpose == null && per == null && s.isNoun(end) && !PERIODS.contains(s.lower(end))) {
                int[] np = nounPhraseAt(s, end); // "the $3.8 billion pipeline", "a $300,000 fine"
                if (np != null) purpose = new int[] {end, np[1], np[2]};
            }
            // "family incomes are down about $1,650 on his watch": after a change word the amount is the subject's
            if (purpose != null && Rx.matches(s.lower(start - 1), "up|down|fell|rose|dropped|grew|increased|decreased|declined")
                    && !AMOUNT_NOUNS.contains(Tagger.nounLemma(s.lower(purpose[2])))) {
                purpose = null;
            }
            int[] subject = purpose == null ? measuredSubject(s, start) : null;
            String phrase = purpose != null ? money + " " + s.span(purpose[0], purpose[1])
                    : subject != null ? money + " (" + stripDeterminer(s.span(subject[0], subject[1])) + ")" : money;
            String question = purpose != null ? normalised(s, new int[] {purpose[0], purpose[1], purpose[2]})
                    : subject != null ? normalised(s, subject) : ThingClasses.of(lemma);
            String[] paid = paidAs(s, start, end);
            if (paid != null) {
                String why = purpose == null ? "" : s.span(purpose[0], purpose[1]);
                // the currency stays in the phrase as before: "dollars (fine)", "dollars (cost of wall)"
                phrase = money + " (" + paid[0]
                        + (why.isEmpty() || why.toLowerCase(java.util.Locale.ROOT).endsWith(paid[0]) ? "" : " " + why) + ")";
                question = paid[1];
            }
            String moneyKind = "money";
            if (per != null) {
                moneyKind = "rate";
                code = code + "/" + per;
                // ("in the valley" after it is a place, not what the money is for)
                if (COMMODITY_BASES.contains(per) && paid == null && (purpose == null || s.lower(purpose[0]).equals("in"))) {
                    // "$45.41 a barrel", "around $50 per barrel": an amount per unit of a good is its price
                    String of = subject == null ? "" : stripDeterminer(s.span(subject[0], subject[1])) + " ";
                    phrase = money + " (" + of + "price per " + per + ")";
                    question = subject == null ? "price" : normalised(s, subject);
                }
            }
            return new Quantity(value, low, high, bound, vague, money, money.substring(0, money.length() - 1), start,
                    end, numberAt, moneyKind, code, phrase, question);
        }
        String phrase = head == null ? thing : countPhrase(s, next, head[0], vague || isPartitive(s, next));
        String per = perPeriod(s, end);
        if (per != null) {
            // "15,000 people per week", "1,200 a day": a count per period is a rate
            return new Quantity(value, low, high, bound, vague, thing, lemma, start, end + 2, numberAt, "rate",
                    "per " + per, phrase, ThingClasses.of(lemma));
        }
        return new Quantity(value, low, high, bound, vague, thing, lemma, start, end, numberAt, "count", "", phrase,
                ThingClasses.of(lemma));
    }

    /** The entry of {@code list} for {@code word}, which the caller has already matched against the list. */
    private static <V> V entry(Map<String, V> list, String word) {
        return Objects.requireNonNull(list.get(word), () -> "no word-list entry for \"" + word + "\"");
    }

    private static String w(String thing) {
        return thing.toLowerCase(java.util.Locale.ROOT);
    }

    /** Nouns that name what an amount is: "grants of less than $2,000", "a fine of $5,000", "a budget of $4 billion". */
    private static final Set<String> AMOUNT_NOUNS = Set.of("grant", "fine", "budget", "cost", "price", "salary", "fee",
            "bail", "bond", "loan", "deficit", "debt", "donation", "contribution", "payment", "settlement", "award",
            "bonus", "wage", "reward", "bill", "tax", "tariff", "investment", "revenue", "profit", "loss", "sale",
            "spending", "funding", "aid", "package", "deal", "penalty", "ransom", "bid", "valuation", "damages");
    /** Verbs before an amount that say what it is: "fined him $300,000", "courses that cost nearly $35,000". */
    private static final Map<String, String> AMOUNT_VERBS = Map.ofEntries(Map.entry("fined", "fine"),
            Map.entry("cost", "cost"), Map.entry("costs", "cost"), Map.entry("costing", "cost"), Map.entry("paid", "payment"),
            Map.entry("pay", "payment"), Map.entry("raised", "money raised"), Map.entry("spent", "spending"),
            Map.entry("spend", "spending"), Map.entry("spending", "spending"), Map.entry("donated", "donation"),
            Map.entry("invested", "investment"), Map.entry("invest", "investment"), Map.entry("owes", "debt"),
            Map.entry("owed", "debt"), Map.entry("borrowed", "loan"), Map.entry("earned", "income"),
            Map.entry("earns", "income"), Map.entry("earn", "income"), Map.entry("earning", "income"),
            Map.entry("raise", "money raised"), Map.entry("raises", "money raised"), Map.entry("raising", "money raised"),
            Map.entry("paying", "payment"), Map.entry("pays", "payment"), Map.entry("sued", "damages sought"),
            Map.entry("gave", "donation"), Map.entry("given", "donation"), Map.entry("give", "donation"),
            Map.entry("gives", "donation"), Map.entry("giving", "donation"), Map.entry("worth", "net worth"));
    /** Tokens between a verb or noun and the amount it names ("fined him $300,000", "grants of less than $2,000"). */
    private static final int AMOUNT_REACH_TOKENS = 4;

    /**
     * What an amount is, from the words around it that news uses to say so: "grants of less than $2,000" (grants),
     * "fined him $300,000" (fine), "courses that cost nearly $35,000" (cost of courses), "Millions of dollars are
     * spent on TV commercials" (spending on TV commercials), "$20 trillion in debt" (debt). [phrase, question]; null
     * when none says.
     */
    private static String @Nullable [] paidAs(TaggedSentence s, int start, int end) {
        // after: "are spent on TV commercials", "in debt"
        if (s.lower(end).equals("in") && Rx.matches(s.lower(end + 1), "debt|damages|aid|funding|cuts|losses|revenue")) {
            String what = Tagger.nounLemma(s.lower(end + 1));
            return new String[] {s.lower(end + 1), what};
        }
        for (int k = end; k < s.size() && k < end + AMOUNT_REACH_TOKENS; k++) {
            String v = AMOUNT_VERBS.get(s.lower(k));
            if (v == null || !(s.lower(k - 1).equals("be") || s.lower(k - 1).equals("are") || s.lower(k - 1).equals("is")
                    || s.lower(k - 1).equals("was") || s.lower(k - 1).equals("were") || s.lower(k - 1).equals("been"))) {
                continue;
            }
            if (s.lower(k + 1).equals("on") || s.lower(k + 1).equals("for")) {
                int[] np = nounPhraseAt(s, k + 2 + skipDeterminers(s, k + 2));
                if (np != null) return new String[] {v + " " + s.lower(k + 1) + " " + s.span(np[0], np[1]), v};
            }
            return new String[] {v, v};
        }
        // before: "grants of less than $2,000", "fined him $300,000", "courses that cost nearly $35,000"
        for (int k = start - 1; k >= 0 && k >= start - AMOUNT_REACH_TOKENS; k--) {
            String w = s.lower(k);
            if (w.equals(",") || w.equals(";") || s.tag(k).startsWith("NUM")) break;
            if (w.equals("of") && k == start - 1 + 0 || w.equals("of")) {
                int noun = k - 1;
                if (noun >= 0 && s.isNoun(noun) && AMOUNT_NOUNS.contains(Tagger.nounLemma(s.lower(noun)))) {
                    int from = noun;
                    while (from > 0 && s.tag(from - 1).startsWith("ADJ")) from--;
                    return new String[] {s.span(from, noun + 1), Tagger.nounLemma(s.lower(noun))};
                }
                continue;
            }
            // "those making less than $400,000 per year", "families who make $50,000": what people make is income
            if (Rx.matches(w, "make|makes|making|made") && Rx.matches(s.lower(k - 1), "those|people|who|families|"
                    + "households|americans|workers|earners|anyone|someone")) {
                return new String[] {"income", "income"};
            }
            String v = AMOUNT_VERBS.get(w);
            // the tagger reads some of these as nouns ("a household ... earns $7,655"); "earns" is no noun
            if (v == null || !s.isVerb(k) && !w.equals("cost") && !w.startsWith("earn") && !w.equals("worth")) continue;
            // "has given $12 million": the amount right after the verb ("giving out bonuses totaling $140 million" and
            // "give him a $1 million check" name what was given)
            if (v.equals("donation") && (s.isNoun(end) || k != start - 1)) continue;
            if (v.equals("cost") || v.equals("spending")) {
                // what costs: "courses that cost", "the wall would cost"
                int n = k - 1;
                while (n > 0 && (s.isVerb(n) || Rx.matches(s.lower(n), "that|which|would|will|could|to|also"))) n--;
                if (n >= 0 && s.isNoun(n)) {
                    String what = s.lower(n);
                    return new String[] {v + " of " + what, v};
                }
            }
            return new String[] {v, v};
        }
        return null;
    }

    /** Tokens of the period {@link #perPeriod} read at {@code at}: "annually" is one, "per year" two. */
    private static int perLength(TaggedSentence s, int at) {
        return Rx.matches(s.lower(at), "annually|annualized|yearly") ? 1 : 2;
    }

    /** The period of a rate after a figure ("an hour", "per year", "a day", "annually"); null when none. */
    private static @Nullable String perPeriod(TaggedSentence s, int at) {
        String a = s.lower(at);
        if ((a.equals("per") || Rx.matches(a, "an?|each|every")) && (PERIODS.contains(Tagger.nounLemma(s.lower(at + 1)))
                || PRICE_BASES.contains(s.lower(at + 1)))) {
            return Tagger.nounLemma(s.lower(at + 1));
        }
        if (a.equals("annually") || a.equals("annualized") || a.equals("yearly")) return "year";
        return null;
    }

    private static String stripDeterminer(String phrase) {
        return Rx.replaceFirst(phrase, "^(?i)(the|a|an|this|that|its|their|his|her)\\s+", "");
    }

    /** "two people familiar with the talks", "three officials who spoke on condition of anonymity". */
    private static boolean anonymousSource(TaggedSentence s, int start, int head, String lemma) {
        if (!ANONYMOUS.contains(lemma)) return false;
        String after = s.lower(head + 1);
        if (after.equals("familiar") || after.equals("briefed") || after.equals("knowledgeable") || after.equals("close")
                || after.equals("with") && s.lower(head + 2).equals("knowledge")) {
            return true;
        }
        // "two French officials told The Associated Press" (a handful; "12,000 officers said" is a count)
        if (SPEECH_AFTER.contains(after) && Rx.matches(s.lower(start), "two|three|four|five|several|a|\\d")) return true;
        if (after.equals("who") && Rx.matches(s.lower(head + 2), "spoke|requested|asked|declined|were|was|are|insisted")) {
            return true;
        }
        return s.lower(start - 1).equals("to") && s.lower(start - 2).equals("according");
    }

    /**
     * Multiples and fractions, which have no unit after the number: "quadrupled", "more than doubled",
     * "three times as many", "two-thirds of voters", "a third of", "half of", "one in five Americans".
     */
    private static @Nullable Quantity ratioAt(TaggedSentence s, int i) {
        String w = s.lower(i);
        Double multiple = MULTIPLE_VERBS.get(w);
        if (multiple != null && !s.tag(i - 1).startsWith("DET")) {
            int start = i;
            String bound = "exact";
            if (s.lower(i - 1).equals("than") && s.lower(i - 2).equals("more")) {
                bound = "more than";
                start = i - 2;
            } else if (s.lower(i - 1).equals("nearly") || s.lower(i - 1).equals("almost")) {
                bound = "nearly";
                start = i - 1;
            }
            int k = start - 1;
            while (k > 0 && (s.isVerb(k) || s.tag(k).startsWith("ADV") || s.tag(k).startsWith("AUX"))) k--;
            int[] np = subjectPhrase(s, k + 1);
            if (np == null) np = nounPhraseAt(s, i + 1 + skipDeterminers(s, i + 1)); // "tripled its budget"
            return ratio(s, multiple, bound, start, i + 1, i, "multiple", "times", np);
        }
        if (Rx.matches(w, "\\d+-?fold|twofold|threefold|fourfold|fivefold|tenfold")) {
            String digits = Rx.replaceAll(w, "[^0-9]", "");
            double factor = !digits.isEmpty() ? Double.parseDouble(digits) : WORDS.getOrDefault(w.replace("fold", ""), 0);
            if (factor < 2) return null;
            return ratio(s, factor, boundBefore(s, i), i, i + 1, i, "multiple", "times", subjectPhrase(s, i));
        }
        if (w.equals("half") && (s.lower(i + 1).equals("of") || s.lower(i + 1).equals("the") && s.isNoun(i + 2)
                || s.lower(i + 1).equals("their") || s.lower(i + 1).equals("its"))) {
            // "half of voters", "nearly half the states"; "half a million" is a count
            int from = s.lower(i + 1).equals("of") ? i + 2 : i + 1;
            int[] np = nounPhraseAt(s, from + skipDeterminers(s, from));
            return ratio(s, 0.5, boundBefore(s, i), i, i + 1, i, "fraction", "", np);
        }
        // "About 6-in-10 Utah voters", "nearly 4-in-10 of them": a share written as a ratio (the tokenizer may cut it
        // into "6", "-", "in-", "10")
        String joined = "";
        for (int k = i; k < Math.min(s.size(), i + 4) && isDigits(w); k++) {
            joined += s.lower(k);
            var inTen = IN_TEN.matcher(joined);
            if (inTen.matches() && Double.parseDouble(inTen.group(2)) > Double.parseDouble(inTen.group(1))) {
                int from = s.lower(k + 1).equals("of") ? k + 2 + skipDeterminers(s, k + 2) : k + 1;
                return ratio(s, Double.parseDouble(inTen.group(1)) / Double.parseDouble(inTen.group(2)),
                        boundBefore(s, i), i, k + 1, i, "fraction", "", nounPhraseAt(s, from));
            }
        }
        Integer n = WORDS.get(w);
        if (n == null && isDigits(w) && !w.contains(".") && !w.contains(",") && w.length() < 4) n = (int) number(w);
        if (n == null || w.equals("half")) return null;
        // "three times as many", "200 times faster", "four times the size of"
        if (s.lower(i + 1).equals("times") && n >= 2 && (comparativeFollows(s, i + 2) || s.lower(i + 2).equals("the"))) {
            int[] np = s.lower(i + 2).equals("as") && Rx.matches(s.lower(i + 3), "many|much")
                    ? nounPhraseAt(s, i + 4) : subjectPhrase(s, i);
            return ratio(s, n, boundBefore(s, i), i, i + 2, i, "multiple", "times", np);
        }
        // "one in five Americans", "four in 10 of those voters"
        if (s.lower(i + 1).equals("in") && WORDS.containsKey(s.lower(i + 2)) && n >= 1 && entry(WORDS, s.lower(i + 2)) > n
                || s.lower(i + 1).equals("in") && Rx.matches(s.lower(i + 2), "\\d+") && n >= 1
                && Double.parseDouble(s.lower(i + 2)) > n
                && (s.isNoun(i + 3) || s.isPropn(i + 3) && s.tokens()[i + 3].endsWith("s") // "Six in 10 Republicans"
                || s.lower(i + 3).equals("of"))) {
            double d = WORDS.containsKey(s.lower(i + 2)) ? entry(WORDS, s.lower(i + 2)) : Double.parseDouble(s.lower(i + 2));
            int from = s.lower(i + 3).equals("of") ? i + 4 + skipDeterminers(s, i + 4) : i + 3;
            return ratio(s, n / d, boundBefore(s, i), i, i + 3, i, "fraction", "", nounPhraseAt(s, from));
        }
        // "two-thirds of", "a third of", "one-quarter", "half of the"
        int denomAt = s.lower(i + 1).equals("-") ? i + 2 : s.lower(i + 1).startsWith("-") ? i + 1 : i + 1;
        String denom = Rx.replaceFirst(s.lower(denomAt), "^-", "");
        Integer d = DENOMINATORS.get(denom);
        if (d == null || n < 1 || n >= d) return null;
        if (!(s.lower(denomAt + 1).equals("of") || n > 1 && s.lower(i + 1).equals("-"))) return null;
        int of = denomAt + 1;
        int[] np = s.lower(of).equals("of") ? nounPhraseAt(s, of + 1 + skipDeterminers(s, of + 1)) : null;
        return ratio(s, (double) n / d, boundBefore(s, i), i, denomAt + 1, i, "fraction", "", np);
    }

    private static Quantity ratio(TaggedSentence s, double value, String bound, int start, int end, int numberAt,
                                  String kind, String unit, int @Nullable [] np) {
        int boundStart = start;
        String head = np == null ? "" : s.tokens()[np[2]];
        String phrase = np == null ? "" : s.span(np[0], np[1]);
        String question = np == null ? kind : normalised(s, np);
        return new Quantity(format(value), value, value, bound, false, head, lemmaOf(head), boundStart,
                Math.max(end, np == null ? 0 : np[1]), numberAt, kind, unit, phrase.isEmpty() ? kind : phrase, question);
    }

    private static String boundBefore(TaggedSentence s, int i) {
        for (String[] b : BOUNDS) {
            String[] words = Rx.split(b[0], " ");
            int from = i - words.length;
            if (from < 0) continue;
            boolean match = true;
            for (int k = 0; k < words.length && match; k++) match = s.lower(from + k).equals(words[k]);
            if (match) return b[1];
        }
        return "exact";
    }

    /** A figure with a unit: percentages, points, rates, durations, distances, weights and measures. */
    private static @Nullable Quantity measured(TaggedSentence s, int i, int start, int numberAt, int next, int unitAt,
                                               double low, double high, String bound, boolean vague, String kind,
                                               String unit, boolean hyphenUnit, Story story) {
        int after = unitAt + 1;
        String a = s.lower(after);
        if (kind.equals("duration")) {
            // "six days later", "three years ago", "in two weeks", "the past two years": placing in time, not a claim
            if (TIME_PLACING_AFTER.contains(a) || a.equals("from") && s.lower(after + 1).equals("now")
                    || a.equals("old") || a.equals("of") && s.lower(after + 1).equals("age")) {
                return null;
            }
            String before = s.lower(start - 1);
            // "the first time in 40 years", "highest in 18 years": how long a state lasted (the guide's rule)
            boolean since = before.equals("in") && (s.lower(start - 2).equals("time") || s.lower(start - 2).endsWith("est")
                    || s.lower(start - 3).equals("time") || s.lower(start - 2).equals("high") || s.lower(start - 2).equals("low")
                    || superlativeBefore(s, start - 1) >= 0);
            // "for the last seven years", "over the past 30 years": the span of an ongoing state, not a time frame
            boolean span = Rx.matches(s.lower(numberAt - 1), "past|last") && s.lower(numberAt - 2).equals("the")
                    && Rx.matches(s.lower(numberAt - 3), "for|over|during|throughout");
            if (!since && !span && (TIME_PLACING_BEFORE.contains(before) || TIME_PLACING_BEFORE.contains(s.lower(numberAt - 1)))) {
                return null;
            }
            // "with less than two months to go": a countdown places an event in time
            if (a.equals("to") && s.lower(after + 1).equals("go")) return null;
            // "13 Hours: The Secret Soldiers of Benghazi": a capitalised unit inside a sentence is part of a title
            if (numberAt > 0 && s.isCapitalized(unitAt) && !hyphenUnit) return null;
            if (!vague && low < 2 && !hyphenUnit && !Rx.matches(s.lower(numberAt), "\\d.*|an?")) return null;
        }
        // Rates: "$15 an hour", "2.6 percent annualized", "50,000 barrels a day", "at an annual rate of 3 percent".
        String per = null;
        if (a.equals("per") && s.isNoun(after + 1)) per = s.lower(after + 1);
        else if (Rx.matches(a, "an?|each|every") && PERIODS.contains(s.lower(after + 1))) per = s.lower(after + 1);
        else if (a.equals("annualized") || a.equals("annually")) per = "year";
        else if (Rx.matches(a, "annual|annualized|yearly") && Rx.matches(s.lower(after + 1), "pace|rate|clip")) {
            per = "year"; // "advanced at a 2.2 percent annual pace"
        }
        else if (s.lower(start - 1).equals("of") && s.lower(start - 2).equals("rate")
                && Rx.matches(s.lower(start - 3), "annual|annualized|yearly")) per = "year";
        String phrase;
        String question;
        int[] np;
        if (hyphenUnit && INSTRUMENTS.contains(a)) return null; // "10-year notes", "a four-year term": a name or a kind
        boolean sinceState = kind.equals("duration") && (hyphenUnit && (a.equals("high") || a.equals("low")
                || a.equals("record")) || s.lower(start - 1).equals("in") && Rx.matches(s.lower(start - 2), "time|times"));
        int superlative = kind.equals("duration") && !sinceState && s.lower(start - 1).equals("in")
                ? superlativeBefore(s, start - 1) : -1;
        if (superlative >= 0) {
            // "fell to its lowest level in 12 years", "the worst hurricane to hit the U.S. in 10 years": how long since
            // something was last this low or this bad (the guide's N-year low)
            int[] noun = nounPhraseAt(s, superlative + 1);
            String what = noun != null ? s.tokens()[superlative] + " " + s.span(noun[0], noun[1]) : "";
            phrase = "time since last this " + superlativeBase(s.lower(superlative)) + (what.isEmpty() ? "" : " (" + what + ")");
            question = phrase;
            int end = unitAt + 1;
            return new Quantity(vague ? s.lower(numberAt) : high > low ? format(low) + "-" + format(high) : format(low),
                    low, high, bound, vague, unit, unit, start, end, numberAt, kind, unit, phrase, question);
        }
        if (sinceState) {
            // "a 10-week high", "climbed for the first time in eight years": how long since the clause's subject was so
            np = clauseSubject(s, start);
            if (np == null) np = measuredSubject(s, start);
        } else if (hyphenUnit) {
            np = nounPhraseAt(s, after); // "a 22-month investigation"
            // "a six-day, 36-county bus tour": the next attributive stands between the length and its noun
            if (np == null && a.equals(",") && s.lower(after + 1).contains("-")) np = nounPhraseAt(s, after + 2);
            // the tagger reads some nouns after "a 20-minute" as verbs ("drive", "walk", "wait")
            if (np == null && s.tag(after).startsWith("VERB") && !a.endsWith("ed") && !a.endsWith("ing")) {
                np = new int[] {after, after + 1, after};
            }
        } else if (kind.equals("duration") && a.equals("of")) {
            // "four years of spending cuts", "88 minutes of coverage": what lasted follows "of"
            np = withObject(s, nounPhraseAt(s, after + 1 + skipDeterminers(s, after + 1)));
        } else if (kind.equals("duration") && opensClause(s, start)) {
            // "For eight years the left has refused ...": what lasted is the clause the span opens
            np = stateAfter(s, after);
        } else if (a.equals("of") && !kind.equals("duration")) {
            np = nounPhraseAt(s, after + 1 + skipDeterminers(s, after + 1)); // "24 percent of voters"
        } else if (s.isNoun(after) && !PERIODS.contains(a) && !kind.equals("duration")) {
            np = withObject(s, nounPhraseAt(s, after)); // "a 20 percent reduction in federal spending"
        } else {
            np = null;
        }
        if (np == null && (s.tag(after).startsWith("VERB") && a.endsWith("ed") && s.isNoun(after + 1))) {
            np = nounPhraseAt(s, after + 1);
        }
        if (np == null) np = measuredSubject(s, start);
        if (np == null && kind.equals("duration")) {
            // "served for 10 years", "lasted almost three decades": what lasted is the verb
            for (int k = start - 1; k >= Math.max(0, start - 3); k--) {
                if (s.tag(k).startsWith("VERB")) {
                    np = new int[] {k, k + 1, k};
                    break;
                }
            }
        }
        if (np != null) {
            phrase = s.span(np[0], np[1]);
            if (kind.equals("duration") && !hyphenUnit) phrase = lastedBoth(s, np, start, after, phrase); // not "a 90-minute debate"
            question = normalised(s, np);
        } else {
            phrase = "";
            question = "";
        }
        // "margins of error of plus or minus three percentage points": the poll's error, not a lead or a share
        String[] told = (kind.equals("points") || kind.equals("percent")) && MARGIN_OF_ERROR.matcher(
                s.span(Math.max(0, start - LEAD_REACH_TOKENS), start)).find() ? new String[] {"margin of error", "margin of error"}
                : kind.equals("points") ? lead(s, start, unitAt) : kind.equals("percent") && per == null
                && uninformative(s, np, unitAt) ? share(s, start, unitAt, story) : null;
        if (kind.equals("percent") && per == null && told == null) told = polled(s, start);
        if (told != null) {
            phrase = told[0];
            question = told[1];
        }
        if (per != null) {
            kind = "rate";
            unit = unit + "/" + Tagger.nounLemma(per);
        }
        String value = vague ? s.lower(numberAt) : high > low ? format(low) + "-" + format(high) : format(low);
        String headWord = np == null ? "" : s.tokens()[np[2]];
        return new Quantity(value, low, high, bound, vague, headWord, lemmaOf(headWord), start,
                Math.max(unitAt + 1, np == null ? 0 : np[1]), numberAt, kind, unit, phrase.isEmpty() ? unit : phrase,
                question.isEmpty() ? unit : question);
    }

    /**
     * What lasted, when the clause names it on both sides of the length: "Clinton has been dogged for nearly a year by
     * speculation" gives "Hillary Clinton ... by speculation", "her comments took up about a minute of her remarks"
     * both nouns. A reader (and another outlet) may name the span by either; null sides are left out.
     */
    private static String lastedBoth(TaggedSentence s, int[] np, int start, int after, String phrase) {
        int[] subject = np[1] <= start ? null : measuredSubject(s, start);
        int[] object = null;
        if (np[1] <= start && Rx.matches(s.lower(after), "by|of|with|on|over|about")) {
            object = nounPhraseAt(s, after + 1 + skipDeterminers(s, after + 1));
        }
        if (subject != null && subject[1] <= start && subject[0] != np[0]) {
            return s.span(subject[0], subject[1]) + " ... " + phrase;
        }
        if (object != null) return phrase + " ... " + s.lower(after) + " " + s.span(object[0], object[1]);
        return phrase;
    }

    /** Sentence words that make a bare share a poll's: "Cruz 24.8 percent" in a polling average is his support. */
    static final Pattern POLL_WORDS = Pattern.compile("(?i)\\b(polls?|polling|survey\\w*|surveyed|likely voters|"
            + "registered voters|respondents|support|supporters|favou?rability|approval|average|leads?|leading|trails?|"
            + "trailing|ahead|behind)\\b");
    /** Words of a counted result: "won 46 percent in Arizona", "his 44 percent victory". */
    static final Pattern RESULT_WORDS = Pattern.compile("(?i)\\b(won|wins?|winning|victory|victories|finished|"
            + "carried|took|sweep|margins?|results?|turnout|of the vote)\\b");
    /** Sentence words that make a bare share a result's: "won 46 percent in Arizona" is his vote share. */
    static final Pattern VOTE_WORDS = Pattern.compile("(?i)\\b(won|wins?|winning|victory|victories|primary|"
            + "primaries|caucus(es)?|votes?|ballots?|margins?|finished|carried|took|election|elected|sweep|turnout)\\b");
    /**
     * Nouns that say nothing of whose share a percentage is: "a margin of 34 percent", "his 44 percent victory",
     * "100 percent certainty". A share stated with them is read from the sentence instead.
     */
    private static final Set<String> EMPTY_SHARE_NOUNS = Set.of("margin", "victory", "win", "lead", "showing",
            "finish", "result", "tally", "haul", "total", "number", "figure", "mark", "level", "threshold",
            "average", "poll", "survey");
    static final Set<String> LEAD_VERBS = Set.of("leading", "leads", "led", "lead", "ahead", "tops", "topped",
            "topping", "beat", "beats", "beating", "edged", "edges", "edging", "outpaced", "outpacing", "up");
    static final Set<String> TRAIL_VERBS = Set.of("trailing", "trails", "trailed", "behind", "lagging", "lags",
            "lagged", "down");
    private static final Pattern MARGIN_OF_ERROR = Pattern.compile("(?i)\\bmargins? of (sampling )?error\\b");
    /** How far left of a points figure its lead or trail verb is looked for ("leading Mr. Trump by one point"). */
    private static final int LEAD_REACH_TOKENS = 12;

    /** True when a percentage's noun phrase does not say whose share it is (none, a place or a name, "margin"). */
    private static boolean uninformative(TaggedSentence s, int @Nullable [] np, int unitAt) {
        if (np == null) return true;
        String head = s.lower(np[2]);
        // "62 percent of Americans": a group after "of" is whose share it is, proper noun or not
        boolean ofGroup = np[0] > unitAt && s.lower(unitAt + 1).equals("of");
        return s.isPropn(np[2]) && !ofGroup || EMPTY_SHARE_NOUNS.contains(Tagger.nounLemma(head));
    }

    /** Words before a percentage that make it a change of its subject, not a share: "Copper fell 1.7 percent". */
    private static final Set<String> CHANGE_WORDS = Set.of("fell", "fall", "falls", "rose", "rise", "rises", "up", "down",
            "gained", "gains", "lost", "loses", "added", "adds", "dropped", "drops", "climbed", "jumped", "declined",
            "slipped", "increased", "decreased", "grew", "grow", "shrank", "eased", "edged", "advanced", "retreated",
            "tumbled", "plunged", "soared", "surged", "yield", "yields", "yielding", "or", "by");
    /** A sentence this short holding a bare share is a line of a results or polling table ("Cruz 24.8 percent"). */
    private static final int TABLE_LINE_TOKENS = 8;

    /**
     * A bare share in a poll or an election story: whose support or vote share it is, and where. News writes
     * results and poll standings as "Cruz 24.8 percent", "46 percent in Arizona", "a margin of 34 percent to 16
     * percent for John Kasich", leaving the counted thing (votes, support) to the reader. [phrase, question];
     * null when the sentence speaks of neither polls nor votes.
     */
    private static String @Nullable [] share(TaggedSentence s, int start, int unitAt, Story story) {
        for (int k = start - 1; k >= 0 && k >= start - 3; k--) if (CHANGE_WORDS.contains(s.lower(k))) return null;
        boolean result = RESULT_WORDS.matcher(s.text()).find();
        boolean poll = !result && POLL_WORDS.matcher(s.text()).find();
        boolean vote = result || VOTE_WORDS.matcher(s.text()).find();
        // before the vote, "Iowa GOP caucus – Trump 31.8 percent" in a story about polls is a poll standing
        if (!result && vote && story.polls()) poll = true;
        if (!poll && !vote && s.size() <= TABLE_LINE_TOKENS) {
            // a line of a results or polling table ("Cruz 24.8 percent") takes the story's subject
            poll = story.polls();
            vote = story.votes();
        }
        if (!poll && !vote) return null;
        String what = poll ? "support" : "vote share";
        String name = nameNextTo(s, start, unitAt);
        String place = placeAfter(s, unitAt + 1);
        String phrase = (name == null ? "" : name + "'s ") + what + (place == null ? "" : " in " + place);
        String question = (name == null ? "" : lastWord(name) + " ") + what + (place == null ? "" : " " + lastWord(place));
        return new String[] {phrase, question.toLowerCase(java.util.Locale.ROOT)};
    }

    /**
     * A lead or a deficit in points: "leading Mr. Trump by one percentage point in Pennsylvania", "lagging behind Trump
     * in his home state of Florida by as much as 16 points", "a 5-point lead". A deficit is the other side's lead.
     * [phrase, question]; null when no lead or trail word is near.
     */
    private static String @Nullable [] lead(TaggedSentence s, int start, int unitAt) {
        if (Rx.matches(s.lower(unitAt + 1), "lead|advantage|edge")) { // "an 8-point edge" is a lead
            String name = subjectName(s, start);
            return leadPhrase(name, null, placeAfter(s, unitAt + 2));
        }
        String after = s.lower(unitAt + 1);
        if (after.equals("ahead") || after.equals("behind")) {
            // "ran 8 points ahead of both of them", "running 18 to 23 points behind the peanut farmer"
            int objectAt = unitAt + 2 + (s.lower(unitAt + 2).equals("of") ? 1 : 0);
            String subject = subjectName(s, start);
            String object = nameAt(s, objectAt);
            String place = placeAfter(s, objectAt + (object == null ? 0 : Rx.split(object, " ").length));
            return after.equals("ahead") ? leadPhrase(subject, object, place) : trailPhrase(object, subject, place);
        }
        for (int k = start - 1; k >= 0 && k >= start - LEAD_REACH_TOKENS; k--) {
            String w = s.lower(k);
            if (w.equals(";") || s.tag(k).startsWith("NUM")) break;
            boolean leads = LEAD_VERBS.contains(w);
            boolean trails = TRAIL_VERBS.contains(w);
            if (!leads && !trails) continue;
            if ((w.equals("up") || w.equals("down")) && !s.lower(start - 1).equals("by")) continue; // "up 3 points" is a change
            String subject = subjectName(s, k);
            // "Mrs. Clinton, the former secretary of state, trailed Mr. Kasich by 8 points, trailed ...": a verb
            // after an apposition or repeated in a list has the sentence's opening name as its subject
            if (subject == null && s.isCapitalized(0) && s.isPropn(0)) subject = opening(s);
            String object = nameAt(s, k + 1 + (s.lower(k + 1).equals("behind") || s.lower(k + 1).equals("over") ? 1 : 0));
            String place = placeAfter(s, unitAt + 1);
            if (place == null) {
                int objectAt = k + 1 + (s.lower(k + 1).equals("behind") || s.lower(k + 1).equals("over") ? 1 : 0);
                place = placeAfter(s, objectAt + (object == null ? 0 : object.split(" ").length));
            }
            return trails ? trailPhrase(object, subject, place) : leadPhrase(subject, object, place);
        }
        return null;
    }

    /** Longest state kept after the subject a span opens ("the left has refused to hold itself accountable"). */
    private static final int STATE_TOKENS = 7;

    /** True when a span opens its sentence or clause: "For eight years, ...", "Over the past 30 years ...". */
    private static boolean opensClause(TaggedSentence s, int start) {
        int k = start - 1;
        if (Rx.matches(s.lower(k), "past|last") && s.lower(k - 1).equals("the")) k -= 2;
        if (!Rx.matches(s.lower(k), "for|over|during|throughout")) return false;
        return k == 0 || Rx.matches(s.lower(k - 1), "[,;:\"“]|--|—");
    }

    /** The clause after an opening span: its subject and the words that say what it did. [start, end, head]. */
    private static int @Nullable [] stateAfter(TaggedSentence s, int after) {
        int from = after + (s.lower(after).equals(",") ? 1 : 0);
        // "For 90 minutes, on issue after issue, ...": no subject follows (the tagger misreads some prepositions)
        if (s.tag(from).startsWith("ADP") || Rx.matches(s.lower(from), "on|in|at|with|from|by|to|of|after|before|under|amid")) {
            return null;
        }
        from += skipDeterminers(s, from);
        int[] np = nounPhraseAt(s, from);
        if (np == null) {
            // "For eight years I have watched parts of the right descend": a pronoun subject, the object is the state
            if (!s.tag(from).startsWith("PRON")) return null;
            int k = from + 1;
            while (k < s.size() && k - from < 4 && (s.isVerb(k) || s.tag(k).startsWith("AUX"))) k++;
            np = withObject(s, nounPhraseAt(s, k + skipDeterminers(s, k)));
            if (np == null) return null;
            return new int[] {from, np[1], np[2]};
        }
        int end = np[1];
        while (end < s.size() && end - np[1] < STATE_TOKENS && !Rx.matches(s.lower(end), "[,;:.!?()\"”]|--|—")) end++;
        return new int[] {np[0], end, np[2]};
    }

    /** The subject of the clause a figure stands in: "Incomes in the U.S. climbed for the first time in 8 years". */
    private static int @Nullable [] clauseSubject(TaggedSentence s, int start) {
        int from = start - 1;
        while (from > 0 && !Rx.matches(s.lower(from - 1), "[,;:\"“()–-]|--|—")) from--;
        for (int k = Math.max(0, from); k < start; k++) {
            if (s.isVerb(k)) return null; // the subject stands before the clause's verb
            if ((s.isNoun(k) || s.isPropn(k)) && !s.tokens()[k].endsWith("'s")) {
                if (k > 0 && Rx.matches(s.lower(k - 1), "of|in|on|at|by|for|from|to")) return null;
                int[] np = withObject(s, nounPhraseAt(s, k));
                return np;
            }
        }
        return null;
    }

    /** How far before a share the verb "polled" is looked for ("polled as high as 24 percent"). */
    private static final int POLLED_REACH_TOKENS = 4;

    /**
     * "John Anderson ... polled as high as 24 percent", "Wallace polled above 20 percent": a candidate's share in the
     * polls, the support of the sentence's subject (its first name). [phrase, question]; null when no "polled" is near.
     */
    private static String @Nullable [] polled(TaggedSentence s, int start) {
        for (int k = start - 1; k >= 0 && k >= start - POLLED_REACH_TOKENS; k--) {
            if (!Rx.matches(s.lower(k), "polled|polling|polls")) continue;
            if (!s.isVerb(k) && !s.lower(k).equals("polled")) return null;
            // "when he polled": the pronoun stands for the sentence's first name
            String name = Rx.matches(s.lower(k - 1), "he|she") ? null : subjectName(s, k);
            if (name == null) {
                int first = 0;
                while (first < k && !(s.isPropn(first) && s.isCapitalized(first))) first++;
                name = first < k ? nameAt(s, first) : null;
            }
            String phrase = (name == null ? "" : name + "'s ") + "support in polls";
            String question = (name == null ? "" : lastWord(name) + " ") + "support";
            return new String[] {phrase, question.toLowerCase(java.util.Locale.ROOT)};
        }
        return null;
    }

    /** A deficit is the other side's lead: "Rubio trails Trump by 16 points" is Trump's lead, and Rubio's deficit. */
    private static String[] trailPhrase(@Nullable String leader, @Nullable String trailer, @Nullable String place) {
        String[] lead = leadPhrase(leader, trailer, place);
        return new String[] {lead[0] + " (" + (trailer == null ? "" : trailer + "'s ") + "deficit)", lead[1]};
    }

    private static String[] leadPhrase(@Nullable String leader, @Nullable String other, @Nullable String place) {
        String phrase = (leader == null ? "" : leader + "'s ") + "lead" + (other == null ? "" : " over " + other)
                + (place == null ? "" : " in " + place);
        String question = (leader == null ? "" : lastWord(leader) + " ") + "lead"
                + (other == null ? "" : " over " + lastWord(other)) + (place == null ? "" : " " + lastWord(place));
        return new String[] {phrase, question.toLowerCase(java.util.Locale.ROOT)};
    }

    static String lastWord(String name) {
        String[] w = Rx.split(name, "\\s+");
        return Rx.replaceAll(w[w.length - 1], "'s$", "");
    }

    /** The name a share sits next to: "Cruz 24.8 percent", "Johnson's 9 percent", "16 percent for John Kasich". */
    private static @Nullable String nameNextTo(TaggedSentence s, int start, int unitAt) {
        int k = start - 1;
        if (s.lower(k).equals("at") || s.lower(k).equals("with") || s.lower(k).equals("'s")) k--;
        if (k >= 0 && s.tokens()[k].endsWith("'s") && s.isCapitalized(k)) return s.tokens()[k].substring(0, s.tokens()[k].length() - 2);
        String before = nameEndingAt(s, k);
        if (before != null) return before;
        // the tagger reads some surnames as verbs ("Rubio 14 percent"): a capitalised word right before is the name
        if (k == start - 1 && k >= 0 && s.isCapitalized(k) && !Rx.matches(s.tag(k), "DET|ADP|PRON|CCONJ|SCONJ|AUX|PART")
                && (k == 0 || Rx.matches(s.lower(k - 1), "[,;:(–—-]|--"))) {
            return s.tokens()[k];
        }
        if (s.lower(unitAt + 1).equals("for") || s.lower(unitAt + 1).equals("to")) return nameAt(s, unitAt + 2);
        return subjectName(s, start);
    }

    private static Map<String, Integer> intValues(Map<String, Long> m) {
        Map<String, Integer> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k, Math.toIntExact(v)));
        return Map.copyOf(out);
    }

    /** Abbreviated titles that open a name ("Mr. Trump", "Sen. Cruz"). */
    private static final Set<String> NAME_TITLES = Set.of("mr.", "mrs.", "ms.", "sen.", "gov.");

    /** The run of proper nouns ending at {@code end} ("Ted Cruz"), null when that token is no name. */
    private static @Nullable String nameEndingAt(TaggedSentence s, int end) {
        if (end < 0 || !s.isPropn(end) || !s.isCapitalized(end)) return null;
        int from = end;
        while (from > 0 && (s.isPropn(from - 1) && s.isCapitalized(from - 1) || NAME_TITLES.contains(s.lower(from - 1))))
            from--;
        return s.span(from, end + 1);
    }

    /** The run of proper nouns starting at {@code from} ("Mr. Trump"), null when none. */
    static @Nullable String nameAt(TaggedSentence s, int from) {
        int k = from;
        // the tagger reads some surnames as verbs ("behind Trump"): a capitalised word inside a sentence is a name
        while (k < s.size() && s.isCapitalized(k) && (s.isPropn(k) || k > 0 && !Rx.matches(s.tag(k), "DET|ADP|PRON|CCONJ|SCONJ|AUX|PART|NUM"))
                || k == from && Rx.matches(s.lower(k), "mr\\.|mrs\\.|ms\\.")) {
            k++;
        }
        return k == from ? null : s.span(from, k);
    }

    /** The sentence's subject when it is a name: the first name of the clause before {@code before}, not after "of". */
    private static @Nullable String subjectName(TaggedSentence s, int before) {
        int clauseStart = before;
        while (clauseStart > 0 && !Rx.matches(s.lower(clauseStart - 1), "[,;:(\"—]|while|but|and")) clauseStart--;
        for (int k = clauseStart; k < before; k++) {
            if (s.isPropn(k) && s.isCapitalized(k) && !Rx.matches(s.lower(k - 1), "of|in|by|to|from|at|for|on")) {
                String name = nameAt(s, k);
                if (name != null) return Rx.replaceAll(name, "'s$", "");
            }
            if (s.isVerb(k)) break; // the subject stands before the clause's verb
        }
        return null;
    }

    /** The name that opens the sentence ("Mrs. Clinton", "Mr. Sanders"), possessive dropped; null when none. */
    private static @Nullable String opening(TaggedSentence s) {
        int from = Rx.matches(s.lower(0), "mrs?|ms") && s.lower(1).equals(".") ? 2 : 0;
        String name = nameAt(s, from);
        return name == null ? null : Rx.replaceAll(name, "'s$", "");
    }

    /** "in Arizona", "in New Hampshire": the place after a figure, null when none. */
    private static @Nullable String placeAfter(TaggedSentence s, int at) {
        if (!s.lower(at).equals("in")) return null;
        int from = at + 1;
        if (Rx.matches(s.lower(from), "the|his|her|their")) return null;
        int k = from;
        while (k < s.size() && (s.isPropn(k) || s.tag(k).startsWith("ADJ") && s.isCapitalized(k)) && s.isCapitalized(k)) k++;
        return k == from ? null : s.span(from, k);
    }

    /** Noun phrase starting at {@code from}: [start, end, head]; null when none starts there. */
    private static int @Nullable [] nounPhraseAt(TaggedSentence s, int from) {
        int k = from;
        int head = -1;
        while (k < s.size() && k < from + 6) {
            String tag = s.tag(k);
            if (tag.startsWith("NOUN") || tag.startsWith("PROPN")) {
                head = k;
            } else if (!(tag.startsWith("ADJ") || PERIOD_ADJECTIVES.contains(s.lower(k)) || s.lower(k).equals("'s") || tag.startsWith("VERB") && s.lower(k).endsWith("ed")
                    && head < 0 && s.isNoun(k + 1) || head < 0 && tag.startsWith("ADV") && k + 1 < s.size()
                    && (s.tag(k + 1).startsWith("ADJ") || s.isNoun(k + 1)))) {
                break;
            }
            k++;
        }
        if (head < 0) return null;
        return new int[] {from, head + 1, head};
    }

    /** A noun phrase with the "in"/"of"/"on" phrase that completes it: "reduction in federal spending". */
    private static int @Nullable [] withObject(TaggedSentence s, int @Nullable [] np) {
        if (np == null) return null;
        String p = s.lower(np[1]);
        if (!(p.equals("in") || p.equals("of") || p.equals("on"))) return np;
        int from = np[1] + 1 + skipDeterminers(s, np[1] + 1);
        int[] object = nounPhraseAt(s, from);
        return object == null ? np : new int[] {np[0], object[1], np[2]};
    }

    private static int skipDeterminers(TaggedSentence s, int from) {
        int k = from;
        while (k < s.size() && (REFERENTIAL.contains(s.lower(k)) || Rx.matches(s.lower(k), "a|an|this|that|all"))) k++;
        return k - from;
    }

    /** The noun phrase a measured figure is said of, read leftwards: "the unemployment rate fell to 3.8 percent". */
    private static int @Nullable [] subjectPhrase(TaggedSentence s, int start) {
        int k = start - 1;
        int steps = 0;
        while (k >= 0 && steps < SUBJECT_REACH_TOKENS) {
            String w = s.lower(k);
            if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("(") || w.equals("\"") || w.equals("and")
                    || s.tag(k).startsWith("NUM") || UNITS.containsKey(w)) {
                return null;
            }
            if ((s.isNoun(k) || s.isPropn(k)) && !w.endsWith("'s")) break;
            k--;
            steps++;
        }
        if (k < 0 || steps >= SUBJECT_REACH_TOKENS) return null;
        int head = k;
        int from = k;
        while (from > 0 && (s.isNoun(from - 1) || s.isPropn(from - 1) || s.tag(from - 1).startsWith("ADJ")
                || s.lower(from - 1).equals("'s") || s.tokens()[from - 1].endsWith("'s")) && head - from < 4) {
            from--;
        }
        return new int[] {from, head + 1, head};
    }

    /**
     * What a measured figure is said of, read leftwards past the figures, units and verbs of its clause: "The Dow
     * Jones industrial average fell 54.92 points, or 0.29 percent", "helping a stranger in need (44 percent)".
     * [start, end, head]; null when none within {@link #MEASURED_REACH_TOKENS}.
     */
    static int @Nullable [] measuredSubject(TaggedSentence s, int start) {
        int k = start - 1;
        int steps = 0;
        while (k >= 0 && steps < MEASURED_REACH_TOKENS) {
            String w = s.lower(k);
            if (w.equals(";") || w.equals(":") || w.equals("\"") || w.equals("that") || w.equals("while")
                    || w.equals("and") && !s.tag(k - 1).startsWith("NUM")) {
                return null;
            }
            // "46 percent in Arizona, 46 percent in Florida": a list item's subject is not the previous item's
            // place; "fell 54.92 points, or 0.29 percent" restates one change and reads on
            // ("Brent traded at $46.42, down 1.1 percent": a clause after the comma reads on to its subject)
            if (w.equals(",") && k == start - 1 && figureWithin(s, k - LIST_ITEM_TOKENS, k)) return null;
            boolean symbol = w.startsWith(".") || w.startsWith("<") || w.startsWith(">") || w.startsWith("(") || w.startsWith(")");
            if ((s.isNoun(k) || s.isPropn(k)) && !w.endsWith("'s") && !UNITS.containsKey(w) && !w.equals("points")
                    && !Character.isDigit(w.charAt(0))
                    && !w.equals("point") && !symbol && !PERIODS.contains(w)) {
                break;
            }
            k--;
            steps++;
        }
        if (k < 0 || steps >= MEASURED_REACH_TOKENS) return null;
        int head = k;
        int from = k;
        while (from > 0 && head - from < 5) {
            int p = from - 1;
            if (s.isNoun(p) || s.isPropn(p) || s.tag(p).startsWith("ADJ") || s.lower(p).equals("'s")
                    || s.tokens()[p].endsWith("'s")) {
                from--;
            } else if (Rx.matches(s.lower(p), "in|of|for|on")
                    && (s.isNoun(p - 1) || s.isPropn(p - 1))) {
                from -= 2; // "stranger in need", "rest of the pack", "response time for emergency calls": one phrase
            } else {
                break;
            }
        }
        // the head is the noun before "in"/"of" when the phrase has one: "stranger in need" counts strangers
        for (int q = from; q < head; q++) {
            if (Rx.matches(s.lower(q), "in|of|for|on") && q > from) {
                return new int[] {from, head + 1, q - 1};
            }
        }
        return new int[] {from, head + 1, head};
    }

    /** Tokens before a comma searched for the figure of a previous list item ("46 percent in Arizona,"). */
    private static final int LIST_ITEM_TOKENS = 6;

    private static boolean figureWithin(TaggedSentence s, int from, int to) {
        for (int k = Math.max(0, from); k < to; k++) if (s.tag(k).startsWith("NUM")) return true;
        return false;
    }

    /** Lemma of the head of the subject before a figure, or empty. */
    private static String subjectHead(TaggedSentence s, int start) {
        int[] np = subjectPhrase(s, start);
        return np == null ? "" : normalised(s, np);
    }

    /** What money is for: "$5.7 billion for the wall", "$2 billion in aid": [start, end, head]; null when none. */
    private static int @Nullable [] purposeOf(TaggedSentence s, int end) {
        String p = s.lower(end);
        if (!(p.equals("for") || p.equals("in") || p.equals("of") || p.equals("on") || p.equals("to"))) return null;
        int from = end + 1 + skipDeterminers(s, end + 1);
        int[] np = nounPhraseAt(s, from);
        if (np == null || s.isPropn(np[2]) || PERIODS.contains(s.lower(np[2]))) return null;
        return new int[] {end, np[1], np[2]};
    }

    /** A noun phrase's grouping key: the noun before the head (when a noun) and the head's lemma. */
    private static String normalised(TaggedSentence s, int[] np) {
        String head = ThingClasses.of(lemmaOf(s.tokens()[np[2]]));
        int before = np[2] - 1;
        if (before >= np[0] && s.isNoun(before) && !s.lower(before).endsWith("'s")) {
            return s.lower(before) + " " + head;
        }
        return head;
    }

    /** The counted noun with its modifiers and a following participle: "special forces troops", "people killed". */
    private static String countPhrase(TaggedSentence s, int next, int head, boolean afterOf) {
        int from = next;
        if (afterOf && s.lower(from).equals("of")) from += 1 + skipDeterminers(s, from + 1);
        // "15 of the state's 24 non-superdelegates" counts non-superdelegates
        while (from < head && (s.tag(from).startsWith("NUM") || s.tokens()[from].endsWith("'s"))) from++;
        if (head - from > MAX_MODIFIERS) from = head - MAX_MODIFIERS;
        if (from > head) from = head;
        int to = head + 1;
        if (OUTCOME_PARTICIPLES.contains(s.lower(to))) to++; // "people killed", "jobs added"
        return s.span(from, to);
    }

    /** "six of the eight superdelegates" (not "tens of thousands of Syrians"): a part counted of a counted whole. */
    private static boolean partOfWhole(TaggedSentence s, Quantity q) {
        if (q.vague() || !s.lower(q.numberAt() + 1).equals("of")) return false;
        for (int k = q.numberAt() + 2; k < q.end(); k++) {
            if (s.tag(k).startsWith("NUM") && isDigitsOrWord(s.lower(k))) return true;
        }
        return false;
    }

    private static boolean isDigitsOrWord(String w) {
        return isDigits(w) || WORDS.containsKey(w) && !w.equals("a") && !w.equals("an");
    }

    private static boolean isQualifier(String w) {
        for (String[] b : BOUNDS) if (b[0].endsWith(w) && !w.isEmpty()) return true;
        return w.equals("than");
    }

    private static boolean isDigits(String tok) {
        return DIGITS.matcher(tok).matches();
    }

    private static boolean isCapitalizedMidSentence(TaggedSentence s, int i) {
        return i > 0 && s.isCapitalized(i) && !s.lower(i - 1).equals("\"") && !s.lower(i - 1).equals(":");
    }

    private static boolean isPartitive(TaggedSentence s, int next) {
        return s.lower(next).equals("of");
    }

    /** Year, date, time, identifier, hyphenated adjective or age: not a count. */
    private static boolean excluded(TaggedSentence s, int i, int numberAt, int next, boolean money, boolean hyphenUnit) {
        String tok = s.tokens()[numberAt];
        String prev = s.lower(i - 1);
        String following = s.lower(next);
        if (!hyphenUnit && (tok.endsWith("-") || following.equals("-") || following.startsWith("-") && following.length() > 1
                && Character.isLetter(following.charAt(1)))) {
            return true; // "17-page", "6-year-old", "two-year"
        }
        if (Rx.matches(tok, "\\d+\\.\\d+\\.\\d+")) return true;
        if (MONTHS.contains(prev) || MONTHS.contains(following)) return true;
        if (money) return false;
        // "2016 campaigns": news style writes counts of thousands with a comma, so a bare 1800-2100 is a year
        // unless a qualifier says it is a count ("about 2000 people").
        if (Rx.matches(tok, "\\d{4}") && Integer.parseInt(tok) >= 1800 && Integer.parseInt(tok) <= 2100
                && !isQualifier(s.lower(i - 1))) {
            return true;
        }
        // "F/A-18", "A-10", "COVID-19": a number glued to letters is part of a name.
        int at = s.starts()[numberAt];
        if (at > 0 && numberAt == i) {
            char before = s.text().charAt(at - 1);
            if (before == '-' || before == '/' || Character.isLetter(before)) return true;
        }
        if (tok.startsWith("-")) return true;
        if (prev.equals("no.") || prev.equals("no") || prev.equals("#") || prev.equals("number")) return true;
        // "died at the age of 89", "aged 48"
        if (prev.equals("aged") || prev.equals("of") && s.lower(i - 2).equals("age")) return true;
        // "House Bill 757", "Highway 212", "Gang of Eight": a figure right after a name is part of it.
        if (i > 0 && s.isCapitalized(i - 1) && (s.isPropn(i - 1) || s.isNoun(i - 1)) && !s.lower(i - 1).equals("i")
                && i - 1 > 0 && !standing(s, i, next)) {
            return true;
        }
        return following.equals(":") && Rx.matches(s.lower(next + 1), "\\d+");
    }

    /**
     * "Trump has 446 delegates, Cruz has 347, Rubio 151, and Kasich 54": a name in a list of standings, after a comma
     * or "and" and before a clause end, with a verb of having or winning earlier in the sentence, is a side's count,
     * not a number in a name ("House Bill 757").
     */
    private static boolean standing(TaggedSentence s, int i, int next) {
        int before = i - 1;
        while (before > 0 && s.isCapitalized(before) && i - before < 3) before--;
        if (!(s.lower(before).equals(",") || s.lower(before).equals("and"))) return false;
        String after = s.lower(next);
        if (!(after.isEmpty() || Rx.matches(after, "[.,;)]|and"))) return false;
        for (int k = 0; k < before; k++) if (ELLIPSIS_BEFORE.contains(s.lower(k))) return true;
        return false;
    }

    /** Head noun of the noun phrase starting at {@code from}; null when none. */
    private static int @Nullable [] headNoun(TaggedSentence s, int from, boolean afterOf) {
        int i = from;
        if (afterOf) {
            if (!s.lower(i).equals("of")) {
                if (!(s.isNoun(i) || s.isPropn(i) || s.tag(i).startsWith("ADJ"))) return null;
            } else {
                i++;
                // "two of the country's most influential voices"
                // "six of the eight superdelegates", "15 of the state's 24 non-superdelegates": the part counts the
                // whole's noun
                while (i < s.size() && (REFERENTIAL.contains(s.lower(i)) || s.lower(i).equals("'s")
                        || s.tokens()[i].endsWith("'s") || s.lower(i).equals("most") || s.lower(i).equals("all")
                        || s.tag(i).startsWith("NUM") && isDigitsOrWord(s.lower(i)))) {
                    i++;
                }
            }
        }
        int head = -1;
        int plural = -1;
        boolean seenNoun = false;
        int limit = Math.min(s.size(), i + 8);
        for (int k = i; k < limit; k++) {
            String tag = s.tag(k);
            String low = s.lower(k);
            boolean acronym = s.tokens()[k].length() > 1 && s.tokens()[k].equals(s.tokens()[k].toUpperCase(java.util.Locale.ROOT))
                    && Character.isLetter(s.tokens()[k].charAt(0));
            if (seenNoun && acronym) break; // "the 75 agencies GAO contacted"
            boolean noun = tag.startsWith("NOUN") && !low.endsWith("'s");
            boolean propn = tag.startsWith("PROPN") && !low.endsWith("'s");
            if (noun || propn) {
                if (noun || !seenNoun) head = k;
                if ((noun || propn) && (low.endsWith("s") && !low.endsWith("ss") || IRREGULAR_PLURALS.contains(low))) {
                    plural = k;
                }
                if (noun) seenNoun = true;
                continue;
            }
            // "Chick-fil-A restaurants", "part-time workers": hyphens join the words of a compound
            if (low.equals("-") && k + 1 < limit) continue;
            if (k > i && s.lower(k - 1).equals("-")) continue;
            if (seenNoun) break;
            boolean modifier = tag.startsWith("ADJ")
                    || (tag.startsWith("VERB") && (low.endsWith("ed") || low.endsWith("ing")) && k + 1 < s.size()
                    && (s.isNoun(k + 1) || s.isPropn(k + 1) || s.tag(k + 1).startsWith("ADJ")))
                    || tag.startsWith("ADV") && low.endsWith("ly")
                    || (low.equals("and") || low.equals("or")) && s.tag(k - 1).startsWith("ADJ")
                    && s.tag(k + 1).startsWith("ADJ");
            if (!modifier) break;
            // the tagger reads some plurals as adjectives ("tens of thousands of civilians as ...")
            if (tag.startsWith("ADJ") && low.endsWith("s") && low.length() > 4 && !s.isNoun(k + 1)
                    && !s.tag(k + 1).startsWith("ADJ") && !s.isPropn(k + 1)) {
                head = k;
                break;
            }
        }
        if (head < 0) return null;
        // A count above one names a plural: "10 to 15 votes shy" has "votes" as its head, not "shy".
        if (plural >= 0 && plural != head && !(s.tokens()[head].endsWith("s"))) head = plural;
        // A proper-noun head must look like a plural count ("Republicans", "Kentuckians").
        if (s.isPropn(head) && !s.tokens()[head].endsWith("s")) return null;
        return new int[] {head};
    }

    private static boolean comparativeFollows(TaggedSentence s, int k) {
        String w = s.lower(k);
        return w.equals("more") || w.equals("as") || w.equals("less") || w.endsWith("er") || s.tag(k).startsWith("ADJ");
    }

    private static @Nullable Quantity inheritable(TaggedSentence s, int start, int next, List<Quantity> previous) {
        if (previous.isEmpty() && (s.lower(start - 1).equals("to") || s.lower(start - 1).equals("at"))) {
            // "bringing the total number of states fighting the policy to 26"
            for (int k = start - 2; k > 0 && k > start - 15; k--) {
                if (s.lower(k).equals("of") && s.lower(k - 1).equals("number") && (s.isNoun(k + 1) || s.isPropn(k + 1))) {
                    String w = s.tokens()[k + 1];
                    return new Quantity("", 0, 0, "", false, w.toLowerCase(java.util.Locale.ROOT), lemmaOf(w), 0, 0, 0);
                }
            }
        }
        if (previous.isEmpty()) return null;
        String before = s.lower(start - 1);
        boolean cue = s.lower(next).equals("more") || s.lower(next).equals("others");
        if (INHERIT_BEFORE.contains(before)) {
            for (int k = Math.max(0, start - 5); k < start; k++) {
                if (INHERIT_CUES.contains(s.lower(k))) cue = true;
            }
        }
        if (!cue) return null;
        return previous.get(previous.size() - 1);
    }

    private static String lemmaOf(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("-")) {
            int dash = lower.lastIndexOf('-');
            return lower.substring(0, dash + 1) + Tagger.nounLemma(lower.substring(dash + 1));
        }
        return Tagger.nounLemma(lower);
    }

    static double number(String digits) {
        return Double.parseDouble(digits.replace(",", ""));
    }

    static String format(double v) {
        // fractions keep four places: two-thirds is 0.6667, not 0.67
        return new BigDecimal(v).setScale(Math.abs(v) < 1 ? 4 : 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
