package news.parallax.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import news.parallax.nlp.Tokens;
import org.jspecify.annotations.Nullable;

/**
 * Builds the figures panel ({@link StoryView#figures()}) from the claims stage's groups: a short list of questions a
 * reader can scan, each figure written as people write it ({@link FigureFormat}) with the outlets that report it.
 *
 * <p>A group becomes a question only where at least {@link #MIN_OUTLETS} outlets report figures for it, or where one
 * denies or cannot confirm it: a figure one outlet mentions is not in dispute. Claims whose sentence is not prose
 * (link text, hover cards, teasers, headline lists: too short, no full stop, mostly capitalised) and list counts
 * ("4 winners and 4 losers", "2 questions") are left out; the full table stays in the JSON's {@code claims} and
 * {@code claimGroups}. Outlets are shown by display name and side, never by article id. Stateless and thread-safe.
 */
final class FigurePanel {
    static final int MIN_OUTLETS = 2;
    static final int MAX_QUESTIONS = 8;
    static final int MAX_ANSWERS = 8;
    /** A claim's sentence needs this many words to be prose rather than a link or a label. */
    static final int MIN_SENTENCE_WORDS = 8;
    /** Title Case lines (teasers, link lists) have most words capitalised; prose has few. */
    static final double MAX_CAPITALISED_SHARE = 0.6;
    /** Nouns that count items of a listicle or a page, not a quantity of the story. */
    private static final Set<String> LIST_NOUNS = Set.of("winner", "loser", "question", "thing", "takeaway", "way", "reason",
            "lesson", "fact", "moment", "point", "tip", "sign", "step", "story", "stories", "photo", "video", "comment",
            "minute", "minutes", "read", "share", "item", "chart", "map", "key", "answer", "time", "times");

    /** Where an article is shown: its outlet as listed and its publication time. */
    record Source(StoryView.OutletRef outlet, @Nullable Instant published) {}

    private FigurePanel() {}

    static List<StoryView.FigureQuestion> build(StoryClaims claims, Map<String, Source> byArticle) {
        record Ranked(StoryView.FigureQuestion question, int outlets) {}
        List<Ranked> out = new ArrayList<>();
        for (ClaimGroup g : claims.groups()) {
            if (LIST_NOUNS.contains(g.thing().toLowerCase(Locale.ROOT))) continue;
            List<Claim> figures = g.claims().stream().filter(c -> readable(c.sentence()) && !c.articles().isEmpty()).toList();
            List<Claim> denials = g.counterClaims().stream().filter(c -> readable(c.sentence()) && isDenial(c)).toList();
            Map<String, List<Claim>> byValue = new LinkedHashMap<>();
            String unit = unit(figures.isEmpty() ? denials : figures);
            // Without a counted thing there is no question to ask ("How many ?"): an assertion's denial stays in the table.
            if (unit.isBlank() || figures.isEmpty() && denials.stream().allMatch(c -> c.bound().equals("assertion"))) continue;
            for (Claim c : figures) {
                Optional<String> written = FigureFormat.figure(c.value(), c.bound(), unit);
                written.ifPresent(w -> byValue.computeIfAbsent(w, k -> new ArrayList<>()).add(c));
            }
            for (Claim c : denials) {
                String written = FigureFormat.figure(c.value(), c.bound(), unit).orElse(stanceWord(c.stance()));
                byValue.computeIfAbsent(written, k -> new ArrayList<>()).add(c);
            }
            List<StoryView.FigureAnswer> answers = new ArrayList<>();
            Set<String> outlets = new LinkedHashSet<>();
            for (var e : byValue.entrySet()) {
                StoryView.FigureAnswer a = answer(e.getKey(), e.getValue(), byArticle);
                if (a.outlets().isEmpty()) continue;
                answers.add(a);
                a.outlets().forEach(o -> outlets.add(o.name()));
            }
            boolean denied = answers.stream().anyMatch(a -> !a.stance().equals("asserted") && !a.stance().equals("estimated")
                    && !a.stance().equals("hedged"));
            if (answers.isEmpty() || outlets.size() < MIN_OUTLETS && !denied) continue;
            answers.sort(Comparator.comparing((StoryView.FigureAnswer a) -> a.date() == null ? Instant.MAX : a.date()));
            if (answers.size() > MAX_ANSWERS) answers = answers.subList(0, MAX_ANSWERS);
            out.add(new Ranked(new StoryView.FigureQuestion(question(unit, g.role()), answers), outlets.size()));
        }
        out.sort(Comparator.comparingInt((Ranked r) -> -r.outlets()));
        return out.stream().limit(MAX_QUESTIONS).map(Ranked::question).toList();
    }

    private static StoryView.FigureAnswer answer(String value, List<Claim> claims, Map<String, Source> byArticle) {
        LinkedHashSet<StoryView.OutletRef> outlets = new LinkedHashSet<>();
        Instant date = null;
        Map<String, Integer> stances = new HashMap<>();
        String attributed = null;
        for (Claim c : claims) {
            stances.merge(stance(c.stance()), c.articles().size(), Integer::sum);
            if (attributed == null && c.attributedTo() != null && !c.attributedTo().isBlank()) attributed = c.attributedTo();
            for (String id : c.articles()) {
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
     * or, where the role does not read as a verb, "How many troops (reported)?" shortened to the thing itself.
     */
    static String question(String unit, String role) {
        String r = role.strip();
        boolean reported = r.isEmpty() || r.equals("reported");
        if (FigureFormat.isPercent(unit)) return reported ? "What share?" : "What share " + verbPhrase(r, false) + "?";
        boolean money = Set.of("dollars", "pounds", "euros").contains(unit.toLowerCase(Locale.ROOT));
        String head = money ? "How much money" : "How many " + unit;
        if (reported) return head + "?";
        return head + " " + verbPhrase(r, !money) + "?";
    }

    private static String verbPhrase(String role, boolean plural) {
        String first = role.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (first.endsWith("ing")) return (plural ? "are " : "is ") + role;
        if (first.endsWith("ed") || Set.of("sent", "built", "held", "lost", "paid", "spent", "won", "cut", "hit", "left", "set")
                .contains(first)) {
            return (plural ? "were " : "was ") + role;
        }
        return "(" + role + ")";
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
