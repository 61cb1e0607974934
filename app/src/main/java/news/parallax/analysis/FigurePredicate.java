package news.parallax.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happened to the things a figure counts, as its sentence says: "three other officers were fired" gives "were
 * fired", "Police arrested 40 people" gives "were arrested", "seven people died" gives "died". The figures panel asks
 * "How many officers were fired?" rather than "How many officers?", so that the officers fired, charged and injured
 * are three questions and not one question with three answers that look like a dispute.
 *
 * <p>Read only around the counted phrase, in three shapes: a passive or a participle after it ("officers were fired",
 * "people arrested in 16 cities"), an intransitive verb after it ("people died", "protesters marched") and a transitive
 * verb before the figure ("arrested at least 40 people"). A verb taking an object after the phrase ("officers who fired
 * their weapons") and words of saying ("said", "told") give no predicate. Stateless and thread-safe.
 */
final class FigurePredicate {
    /**
     * A verb form a question can end with; {@code passive} asks "were X" ("will be X" when {@code future}), otherwise
     * "X" alone. {@code infinitive} is what a verb of expecting or ordering governs ("to attend", "to be awarded"),
     * empty for other verbs.
     */
    record Verb(String word, boolean passive, String infinitive, boolean future) {
        Verb(String word, boolean passive) {
            this(word, passive, "", false);
        }

        /** The verb phrase of a question about a plural thing: "were fired", "died", "were expected to attend". */
        String phrase() {
            String head = passive ? (future ? "will be " : "were ") + word : word;
            return infinitive.isEmpty() ? head : head + " " + infinitive;
        }
    }

    /** Past participles that do not end in -ed or -en, as news counts use them. */
    private static final Set<String> IRREGULAR = Set.of("shot", "hurt", "held", "sent", "kept", "left", "lost", "won", "put",
            "struck", "caught", "found", "hit", "cut", "paid", "spent", "sold", "brought", "bought", "built", "laid", "led",
            "fed", "met", "set", "taught", "fought", "slain", "stuck", "swept", "sworn", "torn", "worn", "born", "thrown",
            "flown", "grown", "drawn", "seen", "taken", "given", "beaten", "bitten", "hidden", "stolen", "chosen");
    /** Verbs that take no object: "people died" is active, "people killed" is a reduced passive. */
    private static final Set<String> INTRANSITIVE = Set.of("died", "marched", "protested", "gathered", "rallied", "voted",
            "fled", "remained", "resigned", "retired", "quit", "rose", "fell", "turned", "showed", "walked", "stayed",
            "survived", "perished", "drowned", "testified", "participated", "demonstrated", "applied", "registered",
            "signed", "defected", "escaped", "crossed", "arrived", "returned", "disappeared", "recovered", "appeared", "occurred",
            "happened", "emerged", "existed", "lived", "worked", "served", "competed", "graduated", "traveled", "travelled",
            "waited", "responded", "reacted", "complained", "struggled", "collapsed", "surrendered", "campaigned", "abstained");
    /** Words of saying and of being that tell nothing about the things counted. */
    private static final Set<String> UNINFORMATIVE = Set.of("said", "told", "asked", "quoted", "cited", "noted", "added",
            "based", "called", "named", "known", "seen", "given", "found", "set", "put", "left", "led", "born", "met",
            "ranged", "included", "totaled", "totalled", "numbered", "amounted", "varied", "continued", "listed");
    /**
     * Words that may follow a reduced passive ("people killed in", "arrested nationwide", "injured and"), mostly
     * prepositions; any other word after the verb is taken as its object, which makes the verb active.
     */
    private static final Set<String> PREPOSITIONS = Set.of("in", "by", "at", "on", "of", "for", "from", "during", "after",
            "before", "since", "across", "over", "under", "near", "with", "without", "within", "throughout", "until", "amid",
            "following", "last", "this", "so", "as", "nationwide", "statewide", "worldwide", "overall", "and", "or", "when", "while");
    private static final String ADVERB = "(?:\\p{L}+ly|also|later|all|not|never|since|then|now|already|still|each|both|nationwide|statewide|worldwide|overall|so far|in all|in total)";
    private static final Pattern PASSIVE_AFTER = Pattern.compile(
            "^(?: " + ADVERB + ")?(?:,? (?:who|that|which))? (were|was|have been|has been|had been|are|is|being|will be|would be|got)(?: " + ADVERB + "){0,2} (\\p{L}+)");
    /**
     * Participles that govern an infinitive: "delegates were expected to be awarded" is not about delegates being
     * expected, so the question keeps the infinitive ("How many delegates were expected to be awarded?").
     */
    private static final Set<String> GOVERN_INFINITIVE = Set.of("expected", "scheduled", "slated", "set", "supposed", "projected",
            "forecast", "predicted", "estimated", "required", "allowed", "permitted", "ordered", "forced", "asked", "urged",
            "encouraged", "invited", "told", "needed", "poised", "called", "planned", "authorized", "authorised");
    private static final Pattern INFINITIVE = Pattern.compile("^ to (\\p{L}+)(?: (\\p{L}+))?");
    private static final Pattern PERFECT_AFTER = Pattern.compile("^(?: (?:who|that))? (?:have|has|had)(?: " + ADVERB + ")? (\\p{L}+)(?: (\\p{L}+))?");
    private static final Pattern VERB_AFTER = Pattern.compile("^(?: (?:who|that))? (\\p{L}+)(?: (\\p{L}+))?");
    /** The words a figure may stand behind: "at least 40", "nearly 8,000", "three other". */
    private static final Pattern BEFORE_FIGURE = Pattern.compile(
            "(\\p{L}+) (?:(?:at least|more than|fewer than|less than|as many as|up to|about|around|nearly|almost|roughly|some|over|an estimated|another) )?[\\p{L}\\d,.\\-]+ (?:(?:other|more|additional|further|former) )?$");

    private FigurePredicate() {}

    /** The verb of what happened to {@code thing} in {@code sentence}; empty when the sentence says no such thing. */
    static Optional<Verb> of(String sentence, String thing) {
        String t = thing.strip();
        if (t.isEmpty()) return Optional.empty();
        // The claims stage may keep the verb in the thing ("people arrested", "officers convicted").
        String[] words = t.toLowerCase(Locale.ROOT).split("\\s+");
        String last = words[words.length - 1];
        if (words.length > 1 && (participle(last) || INTRANSITIVE.contains(last))) return verb(last, !INTRANSITIVE.contains(last));
        String lower = sentence.toLowerCase(Locale.ROOT);
        String needle = t.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            if (at > 0 && Character.isLetter(lower.charAt(at - 1)) || end < lower.length() && Character.isLetter(lower.charAt(end))) continue;
            Optional<Verb> v = after(lower.substring(end));
            if (v.isEmpty()) v = before(lower.substring(0, at));
            if (v.isPresent()) return v;
        }
        return Optional.empty();
    }

    private static Optional<Verb> after(String rest) {
        Matcher m = PASSIVE_AFTER.matcher(rest);
        if (m.find() && participle(m.group(2))) {
            Optional<Verb> v = governing(m.group(2), rest.substring(m.end()));
            // "delegates will be awarded" asks "How many delegates will be awarded?", not "were awarded".
            return m.group(1).equals("will be") ? v.map(x -> new Verb(x.word(), x.passive(), x.infinitive(), true)) : v;
        }
        m = PERFECT_AFTER.matcher(rest);
        if (m.find() && (participle(m.group(1)) || INTRANSITIVE.contains(m.group(1)))) {
            if (INTRANSITIVE.contains(m.group(1))) return verb(m.group(1), false);
            return Optional.empty(); // "officers have fired their weapons": active with an object, not what befell them
        }
        m = VERB_AFTER.matcher(rest);
        if (!m.find()) return Optional.empty();
        String word = m.group(1);
        if (INTRANSITIVE.contains(word)) return verb(word, false);
        if (!participle(word)) return Optional.empty();
        // "people killed in ..." is a reduced passive; "officers fired their weapons" and "15 other states sued President
        // Trump" are active with an object: a reduced passive is followed by a preposition or by nothing.
        String next = m.group(2);
        if ("to".equals(next) && GOVERN_INFINITIVE.contains(word)) return governing(word, rest.substring(m.start(2) - 1));
        if (next != null && !PREPOSITIONS.contains(next)) return Optional.empty();
        return verb(word, true);
    }

    /**
     * A passive participle with the infinitive it governs, if it is one that does: "expected to attend", "expected to
     * be awarded". Without an infinitive a governing verb asks nothing a reader counts ("were set", "were told").
     */
    private static Optional<Verb> governing(String participle, String rest) {
        if (!GOVERN_INFINITIVE.contains(participle)) return verb(participle, true);
        Matcher m = INFINITIVE.matcher(rest);
        if (!m.find() || NOT_INFINITIVES.contains(m.group(1))) {
            return "expected".equals(participle) || "estimated".equals(participle) ? verb(participle, true) : Optional.empty();
        }
        String infinitive = "to " + m.group(1);
        if ("be".equals(m.group(1))) {
            if (m.group(2) == null || !participle(m.group(2))) return Optional.empty();
            infinitive += " " + m.group(2);
        }
        return Optional.of(new Verb(participle, true, infinitive, false));
    }

    /** Words after "to" that begin a phrase, not an infinitive ("were sent to the hospital"). */
    private static final Set<String> NOT_INFINITIVES = Set.of("the", "a", "an", "this", "that", "these", "those", "their", "his",
            "her", "its", "our", "my", "your", "some", "all", "date", "one", "two", "three", "four", "five", "ten", "hundreds", "thousands");

    private static Optional<Verb> before(String head) {
        Matcher m = BEFORE_FIGURE.matcher(head);
        if (!m.find()) return Optional.empty();
        String word = m.group(1);
        // "Democrats need four Republicans": "need" ends in -ed without being a participle.
        return word.endsWith("ed") && participle(word) && !INTRANSITIVE.contains(word) ? verb(word, true) : Optional.empty();
    }

    private static Optional<Verb> verb(String word, boolean passive) {
        return UNINFORMATIVE.contains(word) ? Optional.empty() : Optional.of(new Verb(word, passive));
    }

    /** Words ending like participles that are not verbs where a count's verb would stand. */
    private static final Set<String> NOT_VERBS = Set.of("need", "needed", "speed", "seed", "breed", "indeed", "hundred", "united",
            "related", "armed", "unarmed", "undocumented", "licensed", "certified", "unidentified", "alleged", "suspected");

    /** What is left of a negated auxiliary when the apostrophe ends the word: "aren't" reads "aren", never a participle. */
    private static final Set<String> CONTRACTED = Set.of("aren", "weren", "haven", "hasn", "hadn", "wasn", "isn", "doesn", "didn",
            "don", "shouldn", "couldn", "wouldn", "mustn");

    private static boolean participle(String word) {
        if (NOT_VERBS.contains(word) || CONTRACTED.contains(word)) return false;
        return word.length() > 3 && (word.endsWith("ed") || word.endsWith("en") && !word.endsWith("teen")
                && !Set.of("when", "then", "often", "even", "seven", "women", "eleven", "children", "citizen", "between").contains(word))
                || IRREGULAR.contains(word);
    }
}
