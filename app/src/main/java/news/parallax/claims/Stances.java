package news.parallax.claims;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.parallax.model.Claim.Stance;

/**
 * How a sentence presents a figure: asserted, estimated, hedged, unconfirmed, disputed or denied.
 *
 * <p>Looks at the clause around the figure and at the attribution verb. Denial and failure to confirm
 * win over everything; an estimating verb or adjective ("estimated", "expected", "projected") gives
 * ESTIMATED; modal or report hedges ("could", "reportedly", "reports suggesting") give HEDGED.
 * Thread-safe: stateless.
 */
final class Stances {
    static final Pattern DENIAL = Pattern.compile("\\b(den(y|ied|ies|ial|ials)|refuted|rejected)\\b");
    static final Pattern DISPUTE = Pattern.compile("\\b(dismiss(ed|es)?|disputed?|fake|fabricat\\w+|false claim)\\b");
    static final Pattern UNCONFIRMED = Pattern.compile("\\b((could|can|cannot|can't|could not|couldn't|unable to|"
            + "not able to|did not|didn't|has not|have not|hasn't|haven't|were not|was not) (independently )?"
            + "(confirm|verify|corroborate)\\w*|no evidence|evidence is (still )?lacking|lack of evidence|"
            + "unconfirmed|unverified|not (been )?(independently )?(confirmed|verified))\\b");
    private static final Set<String> ESTIMATE_WORDS = WordLists.set("estimate-words.txt");
    private static final Set<String> HEDGE_WORDS = WordLists.set("hedge-words.txt");

    private Stances() {}

    /** Stance of figure {@code q}, judged on its clause cut at the neighbouring figures [{@code from}, {@code to}). */
    static Stance ofFigure(TaggedSentence s, Quantity q, @org.jspecify.annotations.Nullable Attribution attribution,
                           int from, int to) {
        String clause = clauseAround(s, q.start(), q.end(), from, to).toLowerCase(Locale.ROOT);
        if (UNCONFIRMED.matcher(clause).find()) return Stance.UNCONFIRMED;
        if (DENIAL.matcher(clause).find()) return Stance.DENIED;
        if (DISPUTE.matcher(clause).find()) return Stance.DISPUTED;
        if (attribution != null) {
            String cue = s.lower(attribution.cueAt());
            if (ESTIMATE_WORDS.contains(cue) || cue.startsWith("estimat") || cue.startsWith("predict")
                    || cue.startsWith("project")) {
                return Stance.ESTIMATED;
            }
        }
        boolean estimated = false;
        boolean hedged = false;
        for (String w : Rx.split(clause, "[^\\p{L}']+")) {
            if (ESTIMATE_WORDS.contains(w)) estimated = true;
            if (HEDGE_WORDS.contains(w)) hedged = true;
        }
        if (q.bound().equals("about") && clause.contains("estimated")) estimated = true;
        if (estimated) return Stance.ESTIMATED;
        if (hedged) return Stance.HEDGED;
        return Stance.ASSERTED;
    }

    /** The clause holding tokens [from, to): bounded by commas, semicolons, dashes and "with" absolutes. */
    static String clauseAround(TaggedSentence s, int from, int to, int min, int max) {
        int[] c = clause(s, from, to, min, max);
        return s.span(c[0], c[1]);
    }

    /** Token bounds of the clause holding [from, to), kept within [min, max). */
    static int[] clause(TaggedSentence s, int from, int to, int min, int max) {
        int a = from;
        while (a > min && !isBreak(s.lower(a - 1))) a--;
        int b = to;
        while (b < max && !isBreak(s.lower(b))) b++;
        // A cue verb right before a "that" clause governs it: "Budanov estimated that around 2,600..."
        if (a > min && s.lower(a - 1).equals("that")) {
            int c = a - 1;
            while (c > min && !isBreak(s.lower(c - 1))) c--;
            a = c;
        }
        return new int[] {a, b};
    }

    private static boolean isBreak(String w) {
        return w.equals(",") || w.equals(";") || w.equals("—") || w.equals("--") || w.equals("(") || w.equals(")")
                || w.equals("that") || w.equals(":");
    }
}
