package news.parallax.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One quantity or assertion reported in a story, traceable to the sentence that produced it.
 *
 * @param value        the figure as normalised text ("1500", "10000-12000") or the assertion's key phrase
 * @param thing        what is counted or asserted about ("troops", "containers"); empty when unknown
 * @param stance       asserted, estimated, hedged, denied, unconfirmed or disputed
 * @param attributedTo who the sentence attributes it to; null when unattributed
 * @param articles     ids of the articles that report it
 * @param sentence     one sentence that states it, verbatim
 * @param bound        how the figure is qualified: "exact", "about", "up to", "at least", "more than",
 *                     "nearly", "fewer than", "range" or "vague"; "assertion" for a claim without a figure
 * @param role         what the figure describes ("sent", "expected", "training", "deployed to Kursk");
 *                     empty when no role was recognised
 * @param when         time expression of the sentence resolved against the article date
 *                     ("2024-11-01", "by 2024-11-01", "2024-10-08/2024-10-13"); null when none
 * @param via          intermediary that relays the claim ("Reuters" for "South Korean lawmakers said,
 *                     Reuters reported"); null when none
 * @param valueHigh    the high end of a range ("2200" for "$800 to $2,200", whose {@code value} is "800-2200");
 *                     null when the figure is not a range
 * @param kind         what sort of figure: count, money, percent, points (percentage points), rate, duration,
 *                     distance, weight, measure, multiple, fraction; "assertion" for a claim without a figure
 * @param unit         the unit the value is in: an ISO 4217 code for money ("USD", "NZD"), "percent", "points",
 *                     "years", "miles", "USD/year" for a rate...; empty for counts and assertions
 * @param question     the normalised counted thing figures are grouped by ("troops", "unemployment rate"):
 *                     two claims with the same question and kind answer the same question
 */
public record Claim(
        String value,
        String thing,
        Stance stance,
        @Nullable String attributedTo,
        List<String> articles,
        String sentence,
        String bound,
        String role,
        @Nullable String when,
        @Nullable String via,
        @Nullable String valueHigh,
        String kind,
        String unit,
        String question) {

    public Claim {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(question, "question");
        articles = List.copyOf(articles);
    }

    /** A claim with the fields before issue 18: a count (money when the thing is "dollars"), grouped by its thing. */
    public Claim(String value, String thing, Stance stance, @Nullable String attributedTo, List<String> articles,
                 String sentence, String bound, String role, @Nullable String when, @Nullable String via) {
        this(value, thing, stance, attributedTo, articles, sentence, bound, role, when, via, null,
                bound.equals("assertion") ? "assertion" : thing.equals("dollars") ? "money" : "count",
                thing.equals("dollars") ? "USD" : "", thing);
    }

    /** A claim with only the six contract fields: exact bound, no role, time or intermediary. */
    public Claim(String value, String thing, Stance stance, @Nullable String attributedTo,
                 List<String> articles, String sentence) {
        this(value, thing, stance, attributedTo, articles, sentence, "exact", "", null, null);
    }

    /** How a source presents a claim. */
    public enum Stance { ASSERTED, ESTIMATED, HEDGED, DENIED, UNCONFIRMED, DISPUTED }
}
