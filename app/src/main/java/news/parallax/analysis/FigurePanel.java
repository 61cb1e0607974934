package news.parallax.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.parallax.claims.ClaimGroup;
import news.parallax.claims.StoryClaims;
import news.parallax.model.Claim;
import news.parallax.model.Entity;
import news.parallax.nlp.Tokens;
import org.jspecify.annotations.Nullable;

/**
 * Builds the figures panel ({@link StoryView#figures()}) from the claims stage's groups: a short list of questions a
 * reader can scan, each figure written as people write it ({@link FigureFormat}) with the outlets that report it.
 *
 * <p>A group becomes a question only where at least {@link #MIN_OUTLETS} outlets report figures for it, or where one
 * denies or cannot confirm it: a figure one outlet mentions is not in dispute. The question must be about a counted
 * thing a reader understands ({@link #countedThing}): a plural common noun or a group of people ("troops", "North
 * Korean soldiers", "Democrats"), an amount of money or a share, never a name ("How many Chairman Kim?" came from
 * "the 2 leaders, Chairman Kim and ..."), a singular noun counted ("2 summit" is an ordinal) or a verb. Claims whose
 * sentence is not prose (link text, hover cards, teasers, headline lists: too short, no full stop, mostly
 * capitalised), list counts ("4 winners and 4 losers", "2 questions"), counts with a fractional part ("40.1
 * Democrats" is a poll share) and an article's breakdown (one article giving more than {@link #MAX_VALUES_PER_ARTICLE}
 * values for one question is listing sub-groups, a poll's crosstab, not answering it) are left out; so are small
 * counts every outlet agrees on ("2 brothers"), which are details rather than figures in dispute. The full table stays
 * in the JSON's {@code claims} and {@code claimGroups}. Outlets are shown by display name and side, never by article
 * id. Stateless and thread-safe.
 */
final class FigurePanel {
    static final int MIN_OUTLETS = 2;
    static final int MAX_QUESTIONS = 8;
    static final int MAX_ANSWERS = 8;
    /** A claim's sentence needs this many words to be prose rather than a link or a label. */
    static final int MIN_SENTENCE_WORDS = 8;
    /** Title Case lines (teasers, link lists) have most words capitalised; prose has few. */
    static final double MAX_CAPITALISED_SHARE = 0.6;
    /** More distinct values than this from one article for one question is a breakdown (poll crosstabs, a list). */
    static final int MAX_VALUES_PER_ARTICLE = 2;
    /** A count every outlet gives alike and below this is a detail ("2 brothers"), not a figure a reader compares. */
    static final double SMALL_AGREED_COUNT = 10;
    /** Longest counted thing, in words, that still reads as a question ("likely Democratic primary voters"). */
    static final int MAX_THING_WORDS = 4;
    /** Kinds of figure the panel asks about; durations, rates, fractions and the rest stay in the JSON's table. */
    private static final Set<String> SHOWN_KINDS = Set.of("count", "money", "percent");
    /** Nouns that count items of a listicle or a page, not a quantity of the story. */
    private static final Set<String> LIST_NOUNS = Set.of("winner", "winners", "loser", "losers", "question", "questions", "thing",
            "things", "takeaway", "takeaways", "way", "ways", "reason", "reasons", "lesson", "lessons", "fact", "facts", "moment",
            "moments", "point", "points", "tip", "tips", "sign", "signs", "step", "steps", "story", "stories", "photo", "photos",
            "video", "videos", "comment", "comments", "minute", "minutes", "read", "reads", "share", "shares", "item", "items",
            "chart", "charts", "map", "maps", "key", "keys", "answer", "answers", "time", "times");
    /** Plurals without a final s. */
    private static final Set<String> IRREGULAR_PLURALS = Set.of("people", "children", "men", "women", "police", "personnel",
            "staff", "cattle", "feet", "teeth", "mice", "geese", "data", "media", "crew", "militia", "clergy", "youth",
            "folk", "livestock", "offspring", "sheep", "fish", "deer", "aircraft", "infantry", "troops");
    /** Currency words the claims stage writes as a money figure's thing, with the unit {@link FigureFormat} takes. */
    private static final Map<String, String> CURRENCY_WORDS = Map.of("dollars", "dollars", "dollar", "dollars", "usd", "dollars",
            "pounds", "pounds", "gbp", "pounds", "euros", "euros", "eur", "euros");
    /** Quantities a percentage is a level or change of, as the head of a share's thing. */
    private static final Set<String> MEASURES = Set.of("growth", "rate", "turnout", "inflation", "unemployment", "approval",
            "support", "increase", "decline", "drop", "rise", "margin", "tariff", "tariffs", "tax", "taxes", "interest", "yield");
    /**
     * Head nouns of a population. A share of one ("What share of Americans?", "What share of voters?") is a poll's
     * answer without its question: one outlet's 77% of Americans who back a ban and another's 63% who distrust the
     * FBI read as a dispute, so such shares stay in the table. Capitalised plurals of groups ("Democrats",
     * "Cuban immigrants") are populations too ({@link #GROUP_PLURAL}).
     */
    private static final Set<String> POPULATIONS = Set.of("people", "voters", "adults", "respondents", "residents", "men",
            "women", "children", "kids", "youth", "blacks", "whites", "immigrants", "students", "teachers", "workers",
            "parents", "users", "citizens", "members", "delegates", "caucusgoers", "households", "families", "supporters",
            "viewers", "participants", "owners", "seniors", "millennials", "employees", "consumers", "taxpayers", "those",
            "others", "independents", "evangelicals", "candidates", "patients");
    /**
     * A measure that names no quantity on its own: "How much support?" gathered one poll's support for a ban, another's
     * for a candidate and a third's for impeachment.
     */
    private static final Set<String> VAGUE_MEASURES = Set.of("support", "approval", "rate", "increase", "decline", "drop",
            "rise", "margin", "interest", "yield", "tax", "taxes");
    /** Words that open a prepositional phrase kept in a money question ("How much money in aid?"). */
    private static final Set<String> PREPOSITIONS = Set.of("in", "for", "to", "on", "from", "of");

    /** Where an article is shown: its outlet as listed and its publication time. */
    record Source(StoryView.OutletRef outlet, @Nullable Instant published) {}

    /** A question being assembled: its answers by written value, the outlets behind them, whether any denies. */
    private static final class Draft {
        final String question;
        final boolean count;
        final Map<String, List<Claim>> byValue = new LinkedHashMap<>();
        final Set<String> excluded = new HashSet<>();
        double largest;

        Draft(String question, boolean count) {
            this.question = question;
            this.count = count;
        }
    }

    private FigurePanel() {}

    static List<StoryView.FigureQuestion> build(StoryClaims claims, Map<String, Source> byArticle) {
        // Groups that read as the same question ("How many Republicans?" asked under two roles) are one question.
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Set<String> people = people(claims.entities());
        for (ClaimGroup g : claims.groups()) {
            List<Claim> all = new ArrayList<>(g.claims());
            String kind = kind(all.isEmpty() ? g.counterClaims() : all);
            if (!SHOWN_KINDS.contains(kind)) continue;
            List<Claim> figures = g.claims().stream().filter(c -> c.kind().equals(kind) && readable(c.sentence())
                    && !c.articles().isEmpty() && plausible(c, kind)).toList();
            List<Claim> denials = g.counterClaims().stream().filter(c -> readable(c.sentence()) && isDenial(c)).toList();
            String thing = unit(figures.isEmpty() ? denials : figures);
            // Without a counted thing there is no question to ask ("How many ?"): an assertion's denial stays in the table.
            if (thing.isBlank() || figures.isEmpty() && denials.stream().allMatch(c -> c.bound().equals("assertion"))) continue;
            // The claims stage calls a figure "expected" for any modal in its clause ("41 delegates will be allocated",
            // "51 votes would be needed"): asked as such it reads "How many delegates were expected?". Asked as a bare
            // question instead, the sentence's own verb names it ("How many delegates will be awarded?").
            String role = g.role().equals("expected") ? "reported" : g.role();
            Optional<Asked> asked = person(thing, people) ? forPerson(kind, thing.strip()) : asked(kind, thing, role);
            if (asked.isEmpty()) continue;
            String unit = asked.get().unit();
            // A bare question ("How many officers?", "How much money?") groups figures that answer different ones.
            boolean bare = asked.get().question().equals(question(unit, "reported"));
            if (bare && !kind.equals("count")) continue;
            Set<String> excluded = breakdowns(g.claims());
            for (Claim c : figures) {
                Optional<Draft> d = draft(drafts, asked.get(), bare, kind.equals("count"), c);
                if (d.isEmpty()) continue;
                d.get().excluded.addAll(excluded);
                FigureFormat.figure(c.value(), c.bound(), unit).ifPresent(w -> d.get().byValue.computeIfAbsent(w, k -> new ArrayList<>()).add(c));
                d.get().largest = Math.max(d.get().largest, magnitude(c.value()));
            }
            for (Claim c : denials) {
                Optional<Draft> d = draft(drafts, asked.get(), bare, kind.equals("count"), c);
                if (d.isEmpty()) continue;
                d.get().excluded.addAll(excluded);
                String written = FigureFormat.figure(c.value(), c.bound(), unit).orElse(stanceWord(c.stance()));
                d.get().byValue.computeIfAbsent(written, k -> new ArrayList<>()).add(c);
            }
        }
        record Ranked(StoryView.FigureQuestion question, boolean disputed, int outlets) {}
        List<Ranked> out = new ArrayList<>();
        for (Draft d : drafts.values()) {
            List<StoryView.FigureAnswer> answers = new ArrayList<>();
            Set<String> outlets = new LinkedHashSet<>();
            for (var e : d.byValue.entrySet()) {
                StoryView.FigureAnswer a = answer(e.getKey(), e.getValue(), byArticle, d.excluded);
                if (a.outlets().isEmpty()) continue;
                answers.add(a);
                a.outlets().forEach(o -> outlets.add(o.name()));
            }
            boolean denied = answers.stream().anyMatch(a -> !a.stance().equals("asserted") && !a.stance().equals("estimated")
                    && !a.stance().equals("hedged"));
            if (answers.isEmpty() || outlets.size() < MIN_OUTLETS && !denied) continue;
            boolean disputed = denied || answers.size() > 1;
            if (!disputed && d.count && d.largest < SMALL_AGREED_COUNT) continue;
            answers.sort(Comparator.comparing((StoryView.FigureAnswer a) -> a.date() == null ? Instant.MAX : a.date()));
            if (answers.size() > MAX_ANSWERS) answers = answers.subList(0, MAX_ANSWERS);
            out.add(new Ranked(new StoryView.FigureQuestion(d.question, answers), disputed, outlets.size()));
        }
        // Figures the outlets give differently first: that is what the panel is for.
        out.sort(Comparator.comparing((Ranked r) -> !r.disputed()).thenComparingInt(r -> -r.outlets()));
        return out.stream().limit(MAX_QUESTIONS).map(Ranked::question).toList();
    }

    /**
     * The question a figure answers: the group's own, or for a bare count question the one its sentence's verb asks
     * ("How many officers were fired?"); empty when a bare question's figure has no verb ({@link FigurePredicate}).
     */
    private static Optional<Draft> draft(Map<String, Draft> drafts, Asked asked, boolean bare, boolean count, Claim c) {
        String q = asked.question();
        if (bare) {
            Optional<FigurePredicate.Verb> verb = FigurePredicate.of(c.sentence(), c.thing());
            if (verb.isEmpty()) return Optional.empty();
            q = "How many " + asked.unit() + " " + verb.get().phrase() + "?";
        }
        return Optional.of(drafts.computeIfAbsent(q, k -> new Draft(k, count)));
    }

    /** Full names and surnames of the people a story names, lower-cased: "Sanders" counts nothing, a share of him is his. */
    private static Set<String> people(List<Entity> entities) {
        Set<String> out = new HashSet<>();
        for (Entity e : entities) {
            // A full name only: the stage also types a group that "said" something a person ("Democrats").
            if (!e.type().equals("PERSON") || e.name().strip().split("\\s+").length < 2) continue;
            List<String> names = new ArrayList<>(e.variants());
            names.add(e.name());
            for (String n : names) {
                String[] w = n.strip().toLowerCase(Locale.ROOT).split("\\s+");
                if (w.length < 2) continue;
                out.add(String.join(" ", w));
                out.add(w[w.length - 1]);
            }
        }
        return out;
    }

    /** Plural endings of groups ("Democrats", "Republicans", "evangelicals"), which a surname seldom has. */
    private static final java.util.regex.Pattern GROUP_PLURAL = java.util.regex.Pattern.compile("(?i).*(?:ans|ats|ists|ites|ics|als|ives|ents)$");

    /** Whether {@code thing} is one of the story's people ("Sanders"), not a group a name ends with ("House Democrats"). */
    private static boolean person(String thing, Set<String> people) {
        String t = thing.strip();
        // A name is capitalised and no common plural ("people", "women": an entity "Many People" gives surname "people"),
        // and holds no acronym ("ISIS Caliphate" typed a person).
        if (t.isEmpty() || !Character.isUpperCase(t.charAt(0)) || POPULATIONS.contains(t.toLowerCase(Locale.ROOT))
                || java.util.Arrays.stream(t.split("\\s+")).anyMatch(w -> w.length() > 1 && w.chars().allMatch(Character::isUpperCase))) {
            return false;
        }
        return people.contains(t.toLowerCase(Locale.ROOT)) && !GROUP_PLURAL.matcher(t).matches();
    }

    /**
     * The question for a figure whose counted thing is a person ("Sanders 25%": a poll or vote share): a share is
     * asked for them; a count of a person ("How many Sanders?") asks nothing.
     */
    static Optional<Asked> forPerson(String kind, String person) {
        return kind.equals("percent") ? Optional.of(new Asked("What share for " + person + "?", "percent")) : Optional.empty();
    }

    /** A question with the unit its figures are written in. */
    record Asked(String question, String unit) {}

    /** The question for a group of figures of {@code kind} about {@code thing}; empty when it would not read. */
    static Optional<Asked> asked(String kind, String thing, String role) {
        String t = thing.strip();
        switch (kind) {
            case "money" -> {
                String[] words = t.split("\\s+");
                String currency = CURRENCY_WORDS.get(words[0].toLowerCase(Locale.ROOT));
                if (currency == null) return Optional.empty();
                // "dollars in aid" asks "How much money in aid?"; "dollars (wall)" and "dollars check" drop the rest.
                String rest = t.substring(words[0].length()).strip();
                String phrase = "";
                if (!rest.isEmpty() && PREPOSITIONS.contains(rest.split("\\s+")[0].toLowerCase(Locale.ROOT))
                        && !rest.toLowerCase(Locale.ROOT).matches(".*\\b(?:money|dollars|funds|funding)$") // "in money", "in funding"
                        && rest.chars().allMatch(ch -> Character.isLetter(ch) || ch == ' ' || ch == '-' || ch == '’' || ch == '\'')
                        && rest.split("\\s+").length <= MAX_THING_WORDS) {
                    phrase = " " + rest;
                }
                String q = question(currency, role);
                return Optional.of(new Asked(phrase.isEmpty() ? q : q.substring(0, q.length() - 1).replaceFirst("^How much money", "How much money" + phrase) + "?", currency));
            }
            case "percent" -> {
                boolean counted = countedThing(t);
                if (!t.isEmpty() && !FigureFormat.isPercent(t) && !counted && !measured(t)) return Optional.empty();
                if (counted && population(t) || VAGUE_MEASURES.contains(t.toLowerCase(Locale.ROOT))) return Optional.empty();
                // "How much positivity rate?" reads "What positivity rate?"; a superlative names no one rate ("highest
                // rate": of what, where?).
                if (!counted && t.endsWith(" rate")) {
                    return t.matches(".*\\b\\p{L}+est\\b.*") ? Optional.empty() : Optional.of(new Asked("What " + t + "?", "percent"));
                }
                String q = FigureFormat.isPercent(t) || t.isEmpty() ? question("percent", role)
                        : counted ? "What share of " + t + "?" : "How much " + t + "?";
                return Optional.of(new Asked(q, "percent"));
            }
            default -> {
                if (!countedThing(t)) return Optional.empty();
                return Optional.of(new Asked(question(t, role), t));
            }
        }
    }

    /**
     * Whether {@code thing} is something a reader counts: at most {@link #MAX_THING_WORDS} words of letters, whose head
     * noun (the last word, or the word before "of") is a plural common noun ("troops", "mail-in ballots") or a
     * capitalised plural naming a group ("Americans", "Democrats"), and not a listicle's item. Names ("Chairman Kim",
     * "Amber Guyger"), singular nouns ("summit", "prison sentence": the figure was an ordinal or a duration) and verbs
     * ("mosques killed") are not.
     */
    static boolean countedThing(String thing) {
        String t = thing.strip();
        if (t.isEmpty() || !t.chars().allMatch(ch -> Character.isLetter(ch) || ch == ' ' || ch == '-' || ch == '.' || ch == '’' || ch == '\'')) return false;
        String[] words = t.split("\\s+");
        if (words.length > MAX_THING_WORDS) return false;
        String head = head(words);
        if (!Character.isLetter(head.charAt(0)) || head.length() < 3) return false;
        String lower = head.toLowerCase(Locale.ROOT);
        if (LIST_NOUNS.contains(lower)) return false;
        if (Character.isUpperCase(head.charAt(0)) && head.chars().skip(1).anyMatch(Character::isUpperCase)) return false; // "ISIS", "NATO"
        return plural(lower);
    }

    /**
     * A lower-case phrase a percentage measures ("growth", "unemployment rate", "voter turnout"): its last word is a
     * quantity that has a rate. "48% impeachment" is a poll's answer whose question the claim lost.
     */
    private static boolean measured(String thing) {
        String[] words = thing.strip().split("\\s+");
        if (words.length > MAX_THING_WORDS) return false;
        for (String w : words) if (w.isEmpty() || !w.chars().allMatch(Character::isLowerCase)) return false;
        return MEASURES.contains(words[words.length - 1]);
    }

    /** The head noun of a counted thing's words: the last word, or the word before "of" ("members of Congress"). */
    private static String head(String[] words) {
        int of = java.util.Arrays.asList(words).indexOf("of");
        return of > 0 ? words[of - 1] : words[words.length - 1];
    }

    /** Whether a counted thing is a population of people ({@link #POPULATIONS}): its head word, as {@link #countedThing} finds it. */
    static boolean population(String thing) {
        String head = head(thing.strip().split("\\s+"));
        String lower = head.toLowerCase(Locale.ROOT);
        return POPULATIONS.contains(lower) || Character.isUpperCase(head.charAt(0)) && (GROUP_PLURAL.matcher(head).matches() || lower.endsWith("s"));
    }

    private static boolean plural(String lower) {
        if (IRREGULAR_PLURALS.contains(lower)) return true;
        return lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && !lower.endsWith("is") && lower.length() > 3;
    }

    /** The kind most of the claims have ("count", "money", "percent", ...). */
    private static String kind(List<Claim> claims) {
        Map<String, Integer> counts = new HashMap<>();
        for (Claim c : claims) counts.merge(c.kind(), 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }

    /** A count of people or things is whole and a share is at most 100%; "40.1 Democrats" is a poll share misread. */
    private static boolean plausible(Claim c, String kind) {
        if (!c.value().chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-')) return true; // vague: "thousands"
        try {
            for (String part : c.value().split("-")) {
                if (part.isEmpty()) continue;
                double x = Double.parseDouble(part);
                if (kind.equals("count") && x != Math.rint(x)) return false;
                if (kind.equals("percent") && x > 100) return false;
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double magnitude(String value) {
        try {
            String first = value.split("-")[0];
            return first.isEmpty() ? 0 : Double.parseDouble(first);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE; // vague amounts ("thousands") are not small
        }
    }

    /** Articles giving more than {@link #MAX_VALUES_PER_ARTICLE} distinct values in one group: a breakdown, not an answer. */
    private static Set<String> breakdowns(List<Claim> claims) {
        Map<String, Set<String>> values = new HashMap<>();
        for (Claim c : claims) for (String id : c.articles()) values.computeIfAbsent(id, k -> new HashSet<>()).add(c.value());
        Set<String> out = new HashSet<>();
        values.forEach((id, v) -> {
            if (v.size() > MAX_VALUES_PER_ARTICLE) out.add(id);
        });
        return out;
    }

    private static StoryView.FigureAnswer answer(String value, List<Claim> claims, Map<String, Source> byArticle, Set<String> excluded) {
        LinkedHashSet<StoryView.OutletRef> outlets = new LinkedHashSet<>();
        Instant date = null;
        Map<String, Integer> stances = new HashMap<>();
        String attributed = null;
        for (Claim c : claims) {
            List<String> ids = c.articles().stream().filter(id -> !excluded.contains(id)).toList();
            if (ids.isEmpty()) continue;
            stances.merge(stance(c.stance()), ids.size(), Integer::sum);
            if (attributed == null && c.attributedTo() != null) attributed = FigureSource.shown(c.attributedTo()).orElse(null);
            for (String id : ids) {
                Source s = byArticle.get(id);
                if (s == null) continue;
                outlets.add(s.outlet());
                if (s.published() != null && (date == null || s.published().isBefore(date))) date = s.published();
            }
        }
        String stance = stances.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("asserted");
        return new StoryView.FigureAnswer(value, stance, attributed, List.copyOf(outlets), date);
    }

    /** The counted thing as most of the group's claims write it ("troops", "dollars"). */
    static String unit(List<Claim> claims) {
        Map<String, Integer> counts = new HashMap<>();
        for (Claim c : claims) if (!c.thing().isBlank()) counts.merge(c.thing().strip(), 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("");
    }

    /**
     * The question a reader would ask: "How many troops were deployed to Kursk?", "How much money was expected?",
     * or, where the role does not read as a verb ("reported", "administration"), the thing alone: "How many troops?".
     */
    static String question(String unit, String role) {
        String r = role.strip();
        boolean reported = r.isEmpty() || r.equals("reported");
        if (FigureFormat.isPercent(unit)) return reported || verbPhrase(r, false).isEmpty() ? "What share?" : "What share " + verbPhrase(r, false) + "?";
        boolean money = Set.of("dollars", "pounds", "euros").contains(unit.toLowerCase(Locale.ROOT));
        String head = money ? "How much money" : "How many " + unit;
        String verb = reported ? "" : verbPhrase(r, !money);
        return verb.isEmpty() ? head + "?" : head + " " + verb + "?";
    }

    private static String verbPhrase(String role, boolean plural) {
        String first = role.split("\\s+")[0].toLowerCase(Locale.ROOT);
        // "How much money for training?", not "How much money is training?".
        if (first.endsWith("ing")) return plural ? "are " + role : "for " + role;
        if (first.endsWith("ed") || Set.of("sent", "built", "held", "lost", "paid", "spent", "won", "cut", "hit", "left", "set")
                .contains(first)) {
            return (plural ? "were " : "was ") + role;
        }
        // A role that is not a verb ("administration", "wall") says nothing a reader can use: the question goes without.
        return "";
    }

    private static boolean isDenial(Claim c) {
        return c.stance() == Claim.Stance.DENIED || c.stance() == Claim.Stance.UNCONFIRMED || c.stance() == Claim.Stance.DISPUTED;
    }

    private static String stance(Claim.Stance s) {
        return switch (s) {
            case ASSERTED -> "asserted";
            case ESTIMATED, HEDGED -> "estimated";
            case DENIED -> "denied";
            case UNCONFIRMED -> "unconfirmed";
            case DISPUTED -> "disputed";
        };
    }

    private static String stanceWord(Claim.Stance s) {
        return switch (s) {
            case DENIED -> "denied";
            case UNCONFIRMED -> "not confirmed";
            case DISPUTED -> "disputed";
            default -> "reported";
        };
    }

    /** Prose, not page furniture: enough words, a full stop, not a Title Case line, no address. */
    static boolean readable(String sentence) {
        String s = sentence.strip();
        if (s.contains("http") || s.contains("www.")) return false;
        int end = s.length() - 1;
        while (end >= 0 && "\"'”’)".indexOf(s.charAt(end)) >= 0) end--;
        if (end < 0 || ".!?".indexOf(s.charAt(end)) < 0) return false;
        List<String> words = Tokens.words(s);
        if (words.size() < MIN_SENTENCE_WORDS) return false;
        long capitalised = words.stream().filter(w -> Character.isUpperCase(w.codePointAt(0))).count();
        return (double) capitalised / words.size() <= MAX_CAPITALISED_SHARE;
    }
}
