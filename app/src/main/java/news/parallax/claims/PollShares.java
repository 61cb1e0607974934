package news.parallax.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names poll and election shares the way a reader counts them (issue 18): "29% back Trump" is Trump's support, "Trump
 * leads McMullin by 38% to 32%" gives each side its share, and "Among independent voters, ..." is the population the
 * shares are of. News writes these standings leaving the counted thing (support, the vote) to the reader; without
 * this the counted thing would be the verb ("back") or the rival's name. Thread-safe: stateless.
 */
final class PollShares {
    /** How the counted thing of a sample's answer opens when the sentence names no group ("those who said ..."). */
    static final String FINDING = "those who ";

    private PollShares() {}

    private static final java.util.regex.Pattern POLL_NOUNS = java.util.regex.Pattern.compile(
            "(?i)\\b(polls?|polling|survey(s|ed)?|respondents)\\b");
    /** Verbs by which a share of a group backs a side: "29% back Trump", "6% supporting Clinton". */
    private static final Set<String> BACKING_VERBS = Set.of("back", "backs", "backed", "backing", "support", "supports",
            "supported", "supporting", "favor", "favors", "favored", "favoring", "favour", "favours", "favoured",
            "favouring", "prefer", "prefers", "preferred", "preferring", "choose", "chose", "choosing", "pick", "picked",
            "picking", "picks");
    /** "opted for Biden", "would vote for Trump": a verb whose side follows "for". */
    private static final Set<String> FOR_VERBS = Set.of("opted", "opt", "opting", "vote", "voted", "voting");
    /** Words that set two sides against each other in a pair of shares ("leads X by", "over X", "a 5-point lead"). */
    private static final Set<String> CONTEST_WORDS = Set.of("over", "against", "vs", "vs.", "versus", "lead", "margin",
            "advantage", "edge");
    /** Words before a name that make it a place, a source or a group, not a side: "in Ohio", "according to Gallup". */
    private static final Set<String> NOT_SIDE_BEFORE = Set.of("in", "of", "among", "from", "by", "to", "according",
            "at", "for", "on");
    private static final Set<String> STUDY_NOUNS = Set.of("poll", "polls", "survey", "surveys", "study", "average");
    private static final Set<String> PERCENT_WORDS = Set.of("percent", "%", "pct", "pct.");
    /** Longest population after "among" kept in the counted thing ("among likely Republican caucusgoers"). */
    private static final int MAX_GROUP_TOKENS = 5;
    /** How far before a pair of shares the two sides are looked for. */
    private static final int SIDES_REACH_TOKENS = 14;

    /** The sentence's shares renamed and its pairs of shares split between their sides; others unchanged. */
    static List<Quantity> apply(TaggedSentence s, List<Quantity> found, QuantityParser.Story story) {
        List<Quantity> table = table(s, found);
        if (table != null) return table;
        List<Quantity> views = views(s, found);
        if (views != null) return views;
        String what = what(s, story);
        if (what == null) return found;
        String group = group(s);
        List<Quantity> out = new ArrayList<>(found);
        pairs(s, out, what, group);
        for (int k = 0; k < out.size(); k++) {
            Quantity q = out.get(k);
            if (!q.kind().equals("percent") || q.high() > q.low()) continue;
            int unitAt = unitAfter(s, q.numberAt());
            if (unitAt < 0) continue;
            String side = backedSide(s, unitAt + 1);
            // "55 percent said ...": a share its answer follows at once is the share of those who answered so, whatever
            // noun stands before it ("despite the match-ups, 55 percent said")
            boolean answers = ANSWER_VERBS.contains(s.lower(unitAt + 1)) && !s.lower(unitAt + 1).equals("are")
                    && !s.lower(unitAt + 1).equals("were") && !s.lower(unitAt + 1).equals("have")
                    && !s.lower(unitAt + 1).equals("had") || s.lower(unitAt + 1).equals("who");
            String finding = side == null && (bare(q, what) || answers) ? finding(s, unitAt + 1) : null;
            if (side != null) {
                out.set(k, named(q, side, what, group));
            } else if (finding != null) {
                // "58 percent said they see it as a means of protection": the share is of those who say so
                String phrase = (group == null ? FINDING : group + " who ") + finding;
                out.set(k, q.as(q.kind(), q.unit(), phrase, Rx.replaceAll(phrase.toLowerCase(Locale.ROOT), "[^\\p{L}\\p{N} ]", "")));
            } else if (group != null && (q.question().endsWith("support") || q.question().endsWith("vote share"))
                    && !q.phrase().contains(" among ")) {
                out.set(k, q.as(q.kind(), q.unit(), q.phrase() + " among " + group, q.question() + " " + groupKey(group)));
            }
        }
        out.sort(Comparator.comparingInt(Quantity::numberAt));
        return out;
    }

    /** Nouns for a poll's sample, the most written of which names "those who" answered ("voters who said ..."). */
    static final java.util.regex.Pattern SAMPLE = java.util.regex.Pattern.compile(
            "(?i)\\b(voters|americans|adults|respondents|residents|caucusgoers|parents|workers|students)\\b");

    private static final Set<String> SAMPLE_WORDS = Set.of("voters", "americans", "adults", "respondents", "residents",
            "caucusgoers", "parents", "workers", "students");

    /**
     * The sample a text's polls asked, by the noun it names most often ("likely voters" → "voters"); null when it
     * names none. A share of "those who said X" is then "voters who said X", as a reader would put it.
     */
    static @Nullable String sampleNoun(String text) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        // SAMPLE's matches, found by one scan (issue 18's throughput)
        AsciiWords.scan(text, 6, 11, (w, from, to) -> {
            if (SAMPLE_WORDS.contains(w) && AsciiWords.boundary(text, to)) counts.merge(w, 1, Integer::sum);
            return false;
        });
        return counts.entrySet().stream().max(java.util.Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey())).map(java.util.Map.Entry::getKey).orElse(null);
    }

    /** Fewest "XX 12%" entries in a sentence that make it a poll table rather than prose. */
    private static final int TABLE_MIN_ENTRIES = 3;
    /** Initials a poll table uses for the shares that back no candidate. */
    private static final Set<String> OTHER_INITIALS = Set.of("OT", "OTH", "OTHER", "OTHERS");
    private static final Set<String> UNDECIDED_INITIALS = Set.of("UN", "UND", "UNDEC", "DK", "NS");

    /**
     * A poll table run into the text, "DT 34% HC 25% GJ 13% OT 8% UN 8%": each share is the support of the side its
     * initials stand for ("other" and "undecided" by their usual initials). Null when the sentence is no such table.
     */
    private static @Nullable List<Quantity> table(TaggedSentence s, List<Quantity> found) {
        List<Integer> entries = new ArrayList<>();
        for (int k = 0; k + 2 < s.size(); k++) {
            if (Rx.matches(s.tokens()[k], "\\p{Lu}{1,5}") && isNumber(s.lower(k + 1)) && PERCENT_WORDS.contains(s.lower(k + 2))) {
                entries.add(k);
            }
        }
        if (entries.size() < TABLE_MIN_ENTRIES) return null;
        List<Quantity> out = new ArrayList<>(found);
        for (int k : entries) {
            int numberAt = k + 1;
            out.removeIf(q -> q.numberAt() == numberAt);
            String initials = s.tokens()[k];
            double v = QuantityParser.number(s.lower(numberAt));
            Quantity q = share(v, "exact", numberAt, numberAt, numberAt + 2, initials, "support", null);
            if (OTHER_INITIALS.contains(initials)) {
                q = q.as(q.kind(), q.unit(), "other candidates' support", "other support");
            } else if (UNDECIDED_INITIALS.contains(initials)) {
                q = q.as(q.kind(), q.unit(), "undecided voters", "undecided voters");
            }
            out.add(q);
        }
        out.sort(Comparator.comparingInt(Quantity::numberAt));
        return out;
    }

    /**
     * A favourability split, "Cruz had a 37 percent/56 percent favorable/unfavorable split", "Mrs. Clinton's 76
     * percent/20 percent split": the first share views the person favourably, the second unfavourably. The person is
     * the possessive before the pair or the subject of its clause; the population is the sentence's group ("Among
     * Democrats"), else voters. Null when the sentence holds no such pair.
     */
    private static @Nullable List<Quantity> views(TaggedSentence s, List<Quantity> found) {
        if (!Rx.matches(s.text().toLowerCase(Locale.ROOT), "(?s).*\\b(favou?rable|unfavou?rable|split)\\b.*")) return null;
        List<Quantity> out = new ArrayList<>(found);
        boolean any = false;
        String group = group(s);
        for (int i = 0; i + 3 < s.size(); i++) {
            if (!isNumber(s.lower(i)) || !PERCENT_WORDS.contains(s.lower(i + 1))) continue;
            // the second share: "/56 percent" or "/ 7 percent"
            int second = s.lower(i + 2).equals("/") ? i + 3 : i + 2;
            String tok = s.lower(second);
            String digits = second == i + 2 ? (tok.startsWith("/") ? tok.substring(1) : "") : tok;
            if (!isNumber(digits) || !PERCENT_WORDS.contains(s.lower(second + 1))) continue;
            String who = viewed(s, i);
            if (who == null) continue;
            String of = (group == null ? "voters" : group) + " with a";
            double a = QuantityParser.number(s.lower(i));
            double b = QuantityParser.number(digits);
            final int first = i;
            final int last = second;
            out.removeIf(q -> q.numberAt() >= first && q.numberAt() <= last);
            out.add(viewShare(a, i, i + 2, of + " favorable view of " + who));
            out.add(viewShare(b, second, second + 2, of + "n unfavorable view of " + who));
            any = true;
            i = second + 1;
        }
        if (!any) return null;
        out.sort(Comparator.comparingInt(Quantity::numberAt));
        return out;
    }

    private static Quantity viewShare(double value, int numberAt, int end, String phrase) {
        return new Quantity(QuantityParser.format(value), value, value, "exact", false, "view", "view", numberAt, end,
                numberAt, "percent", "percent", phrase, Rx.replaceAll(phrase.toLowerCase(Locale.ROOT), "[^\\p{L}\\p{N} ]", ""));
    }

    /** Whose favourability a split at {@code at} gives: "Mrs. Clinton's 76 percent/...", "The Texas senator had a ...". */
    private static @Nullable String viewed(TaggedSentence s, int at) {
        String before = s.tokens()[at - 1];
        if (before.endsWith("'s") || before.endsWith("’s")) {
            int from = at - 1;
            while (from > 0 && s.isCapitalized(from - 1) && !NOT_SIDE_BEFORE.contains(s.lower(from - 1))) from--;
            return Rx.replaceAll(s.span(from, at), "['’]s$", "").strip();
        }
        int verb = -1;
        for (int k = at - 1; k > 0 && k > at - 6; k--) {
            if (Rx.matches(s.lower(k), "had|has|have|with|holds|held")) {
                verb = k;
                break;
            }
        }
        if (verb < 1) return null;
        int from = verb;
        while (from > 0 && !Rx.matches(s.lower(from - 1), "[,;:]")) from--;
        String subject = Rx.replaceAll(s.span(from, verb), "^(?i)(the|a|an)\\s+", "").strip();
        if (subject.isEmpty() || subject.split(" ").length > 5) return null;
        return switch (subject.toLowerCase(Locale.ROOT)) {
            case "he" -> "him";
            case "she" -> "her";
            default -> subject;
        };
    }

    /** A share read only as someone's support or vote share, with no side named ("support", "vote share", "percent"). */
    private static boolean bare(Quantity q, String what) {
        return q.phrase().equals(q.unit()) || q.phrase().equals(what) || q.phrase().equals("support")
                || q.phrase().equals("vote share");
    }

    /** Verbs by which a poll's sample gives its answer ("said", "think", "have"). */
    private static final Set<String> ANSWER_VERBS = Set.of("said", "say", "says", "told", "think", "thinks", "thought",
            "believe", "believes", "believed", "feel", "feels", "felt", "want", "wants", "wanted", "are", "were", "have",
            "had", "would", "view", "viewed", "see", "saw", "approve", "approved", "disapprove", "disapproved", "oppose",
            "opposed", "agree", "agreed", "disagree", "disagreed", "expect", "expected", "plan", "planned", "own",
            "owned", "identify", "identified", "consider", "considered", "worry", "worried", "blame", "blamed", "saying",
            "thinking", "believing", "feeling", "wanting", "viewing", "seeing", "expecting");
    /** Longest answer kept as the counted thing of a share ("who said they see it as a means of protection"). */
    private static final int MAX_FINDING_TOKENS = 12;

    /**
     * What a bare share of a poll's sample answered: the clause after it, from its verb to the clause end; an
     * apposition after the share is skipped ("Forty-four percent, or 881 of the 2,010 respondents, told Pew they
     * have a gun"). Null when no answer verb follows.
     */
    private static @Nullable String finding(TaggedSentence s, int at) {
        int from = at;
        if (s.lower(from).equals(",")) {
            int k = from + 1;
            while (k < s.size() && k - from < MAX_FINDING_TOKENS && !s.lower(k).equals(",")) k++;
            if (!s.lower(k).equals(",")) return null;
            from = k + 1;
        }
        if (s.lower(from).equals("who")) from++; // "47 percent who said the same"
        if (!ANSWER_VERBS.contains(s.lower(from))) return null;
        int end = from;
        while (end < s.size() && end - from < MAX_FINDING_TOKENS && (!Rx.matches(s.lower(end), "[,;:.!?()\"]|while|but|--|—")
                || s.lower(end).equals(".") && Rx.matches(s.lower(end - 1), "mr|mrs|ms|dr|sen|gov|rep|gen|st"))) { // "Mrs."
            end++;
        }
        return end - from < 2 ? null : s.span(from, end);
    }

    /** "support" in a poll story, "vote share" where the sentence gives results; null when neither. */
    private static @Nullable String what(TaggedSentence s, QuantityParser.Story story) {
        String text = s.text();
        // "support Trump over McMullin by a 55% to 26% margin": backing a side is support, whatever the margin
        for (int k = 0; k < s.size(); k++) if (BACKING_VERBS.contains(s.lower(k))) return "support";
        // "The CNN/ORC poll, which showed Clinton leading Trump by a 54 percent to 41 percent margin": a poll's
        // standings are support even where a result word ("margin") is used
        if (POLL_NOUNS.matcher(text).find()) return "support";
        if (QuantityParser.RESULT_WORDS.matcher(text).find()) return "vote share";
        if (QuantityParser.POLL_WORDS.matcher(text).find() || story.polls()) return "support";
        if (QuantityParser.VOTE_WORDS.matcher(text).find() || story.votes()) return "vote share";
        return null;
    }

    /** The side a share backs: "back Trump", "supporting Clinton", "opted for Mr Biden"; null when none. */
    private static @Nullable String backedSide(TaggedSentence s, int at) {
        String w = s.lower(at);
        int nameAt;
        if (BACKING_VERBS.contains(w)) nameAt = at + 1;
        else if (FOR_VERBS.contains(w) && s.lower(at + 1).equals("for")) nameAt = at + 2;
        else return null;
        String name = nameAt(s, nameAt);
        return name == null ? null : stripPossessive(name);
    }

    /**
     * Two shares written as a pair, "by 38% to 32%", "43-to-45 percent", "a 55% to 26% margin": the first is the first
     * side's, the second the other's. The sides are the last two names before the pair (or one before and one after
     * "lead over"), in a clause that sets them against each other. Replaces the figures read for the pair in {@code out}.
     */
    private static void pairs(TaggedSentence s, List<Quantity> out, String what, @Nullable String group) {
        for (int i = 0; i + 2 < s.size(); i++) {
            if (!isNumber(s.lower(i))) continue;
            int firstUnit = PERCENT_WORDS.contains(s.lower(i + 1)) ? i + 1 : -1;
            int join = firstUnit > 0 ? i + 2 : i + 1;
            String j = s.lower(join);
            if (!(j.equals("to") || j.equals("-") || j.equals("–"))) continue;
            int second = join + 1;
            if (!isNumber(s.lower(second)) || !PERCENT_WORDS.contains(s.lower(second + 1))) continue;
            List<String> sides = sides(s, i, second + 2);
            if (sides == null) continue;
            double a = QuantityParser.number(s.lower(i));
            double b = QuantityParser.number(s.lower(second));
            String bound = "exact";
            int start = i;
            for (Quantity q : out) if (q.numberAt() == i && !q.bound().equals("range")) {
                bound = q.bound();
                start = q.start();
            }
            final int firstAt = i;
            out.removeIf(q -> q.numberAt() == firstAt || q.numberAt() == second || q.start() <= firstAt && q.end() > second);
            out.add(share(a, bound, start, firstAt, firstUnit > 0 ? firstUnit + 1 : firstAt + 1, sides.get(0), what, group));
            out.add(share(b, "exact", second, second, second + 2, sides.get(1), what, group));
            i = second + 1;
        }
    }

    /** The two sides of a pair of shares, in order; null when the clause does not set two names against each other. */
    private static @Nullable List<String> sides(TaggedSentence s, int pairAt, int after) {
        List<String> names = new ArrayList<>();
        boolean contest = false;
        int from = pairAt;
        while (from > 0 && pairAt - from < SIDES_REACH_TOKENS && !s.lower(from - 1).equals(";")) from--;
        for (int k = from; k < pairAt; k++) {
            String w = s.lower(k);
            if (QuantityParser.LEAD_VERBS.contains(w) || QuantityParser.TRAIL_VERBS.contains(w) || CONTEST_WORDS.contains(w)) {
                contest = true;
            }
            if (!s.isCapitalized(k) || k > 0 && (s.isCapitalized(k - 1) && !s.lower(k - 1).endsWith(".")
                    || NOT_SIDE_BEFORE.contains(s.lower(k - 1)))) {
                continue;
            }
            String name = nameAt(s, k);
            if (name == null) continue;
            int end = k + name.split(" ").length;
            if (STUDY_NOUNS.contains(s.lower(end)) || s.lower(end).equals("-")) continue; // "A Fox News poll"
            names.add(stripPossessive(name));
            k = end - 1; // "Mrs. Clinton" is one side, not "Mrs. Clinton" and "Clinton"
        }
        // "Clinton with a 47-to-43 percent lead over Trump": the other side follows
        for (int k = after; k < Math.min(s.size(), after + 3); k++) {
            if (s.lower(k).equals("over") || s.lower(k).equals("against")) {
                contest = true;
                String other = nameAt(s, k + 1);
                if (other != null) names.add(stripPossessive(other));
                break;
            }
            if (CONTEST_WORDS.contains(s.lower(k))) contest = true;
        }
        if (contest && names.size() == 1) {
            // "a WBUR survey has Trump trailing, 51 to 34 percent", "Clinton ahead in Florida, 48 to 42 percent": the
            // leader's share comes first; the side not named is the named one's rival
            Boolean leads = leads(s, from, pairAt);
            if (leads != null) {
                String rival = names.get(0) + "'s rival";
                return leads ? List.of(names.get(0), rival) : List.of(rival, names.get(0));
            }
        }
        if (!contest || names.size() < 2) return null;
        List<String> two = names.subList(names.size() - 2, names.size());
        return two.get(0).equals(two.get(1)) ? null : List.copyOf(two);
    }

    /** Whether the clause before a pair says its one named side leads (true) or trails (false); null when neither. */
    private static @Nullable Boolean leads(TaggedSentence s, int from, int pairAt) {
        Boolean out = null;
        for (int k = from; k < pairAt; k++) {
            String w = s.lower(k);
            if (QuantityParser.LEAD_VERBS.contains(w) && !w.equals("up")) out = true;
            if (QuantityParser.TRAIL_VERBS.contains(w) && !w.equals("down")) out = false;
        }
        return out;
    }

    private static Quantity share(double value, String bound, int start, int numberAt, int end, String side, String what,
                                  @Nullable String group) {
        String phrase = side + "'s " + what + (group == null ? "" : " among " + group);
        String question = (QuantityParser.lastWord(side) + " " + what + (group == null ? "" : " " + groupKey(group)))
                .toLowerCase(Locale.ROOT);
        return new Quantity(QuantityParser.format(value), value, value, bound, false, what, what, start, end, numberAt,
                "percent", "percent", phrase, question);
    }

    private static Quantity named(Quantity q, String side, String what, @Nullable String group) {
        String phrase = side + "'s " + what + (group == null ? "" : " among " + group);
        String question = (QuantityParser.lastWord(side) + " " + what + (group == null ? "" : " " + groupKey(group)))
                .toLowerCase(Locale.ROOT);
        return q.as(q.kind(), q.unit(), phrase, question);
    }

    /** The population a sentence's shares are of: "Among independent voters, ..."; null when none is named. */
    private static @Nullable String group(TaggedSentence s) {
        for (int k = 0; k < s.size(); k++) {
            if (!s.lower(k).equals("among")) continue;
            int end = k + 1;
            while (end < s.size() && end - k - 1 < MAX_GROUP_TOKENS && !s.lower(end).equals(",")
                    && (s.isNoun(end) || s.isPropn(end) || s.tag(end).startsWith("ADJ") || s.tag(end).startsWith("DET")
                    || s.lower(end).contains("-"))) {
                end++;
            }
            if (end == k + 1 || !(s.isNoun(end - 1) || s.isPropn(end - 1))) continue;
            return s.span(k + 1, end);
        }
        return null;
    }

    private static String groupKey(String group) {
        return Rx.replaceAll(group.toLowerCase(Locale.ROOT), "^(the|these|those|this|that)\\s+", "");
    }

    /** The percent word after a figure ("29 %", "24 percent", "5 per cent"), -1 when none. */
    private static int unitAfter(TaggedSentence s, int numberAt) {
        String w = s.lower(numberAt + 1);
        if (PERCENT_WORDS.contains(w)) return numberAt + 1;
        if (w.equals("per") && s.lower(numberAt + 2).equals("cent")) return numberAt + 2;
        return -1;
    }

    private static boolean isNumber(String w) {
        return !w.isEmpty() && Rx.matches(w, "\\d{1,3}(\\.\\d+)?");
    }

    /**
     * A run of capitalised words that is no sentence opener or function word ("Trump", "Mr. Biden", "Gary Johnson");
     * the tagger reads some surnames as pronouns or verbs, so tags are not asked. Null when none starts at {@code k}.
     */
    private static @Nullable String nameAt(TaggedSentence s, int k) {
        int from = k;
        if (Rx.matches(s.lower(from), "mr\\.?|mrs\\.?|ms\\.?|sen\\.|gov\\.")) from++;
        int end = from;
        while (end < s.size() && s.isCapitalized(end) && !NameSpotter.NOT_NAMES.contains(s.lower(end))
                && Character.isLetter(s.tokens()[end].charAt(0))) {
            end++;
        }
        return end == from ? null : s.span(k, end);
    }

    private static String stripPossessive(String name) {
        return name.endsWith("'s") ? name.substring(0, name.length() - 2) : name;
    }
}
