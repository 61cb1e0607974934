package news.parallax.claims;

import org.jspecify.annotations.Nullable;

/**
 * A figure found in a sentence, with what it counts.
 *
 * @param value     normalised value: digits ("1500", "11.81"), a range ("10-15") or a vague amount
 *                  ("thousands", "tens of thousands")
 * @param low       lower numeric value (for a vague amount, its order of magnitude)
 * @param high      upper numeric value; equals {@code low} unless a range
 * @param bound     how the figure is qualified ("exact", "about", "up to", "at least", ...)
 * @param vague     true for "dozens", "thousands" and the like
 * @param thing     the counted noun as written, lower case unless a proper noun ("troops", "Americans")
 * @param thingLemma singular lower-case lemma of the counted noun, used for matching
 * @param start     first token of the figure (bound words included)
 * @param end       token after the counted noun, or after the figure when the noun is inherited
 * @param numberAt  token of the number itself
 * @param kind      count, money, percent, points, rate, duration, distance, weight, measure, multiple, fraction
 * @param unit      ISO 4217 code for money, the unit word for measures ("percent", "miles", "USD/year"); empty for counts
 * @param phrase    what is counted as a short phrase ("people killed", "unemployment rate"); {@code thing} when
 *                  no more is known
 * @param question  the normalised counted thing figures are grouped by ("troops", "unemployment rate")
 */
record Quantity(
        String value,
        double low,
        double high,
        String bound,
        boolean vague,
        String thing,
        String thingLemma,
        int start,
        int end,
        int numberAt,
        String kind,
        String unit,
        String phrase,
        String question) {

    /** A count or money figure as before issue 18 (kind from the thing, phrase = thing). */
    Quantity(String value, double low, double high, String bound, boolean vague, String thing, String thingLemma,
             int start, int end, int numberAt) {
        this(value, low, high, bound, vague, thing, thingLemma, start, end, numberAt, "count", "", thing,
                ThingClasses.of(thingLemma));
    }

    /** This figure with another kind, unit and phrase. */
    Quantity as(String kind, String unit, String phrase, String question) {
        return new Quantity(value, low, high, bound, vague, thing, thingLemma, start, end, numberAt, kind, unit, phrase,
                question);
    }

    /** This figure counting another noun (inherited from a neighbour). */
    Quantity counting(Quantity other) {
        return new Quantity(value, low, high, bound, vague, other.thing, other.thingLemma, start, end, numberAt,
                kind.equals("count") ? other.kind : kind, unit.isEmpty() ? other.unit : unit, other.phrase, other.question);
    }

    /** True when both figures are numeric and neither lies within the other's range, allowing rounding. */
    boolean disagreesWith(Quantity other) {
        return disagree(low, high, other.low, other.high) && !vague && !other.vague && kind.equals(other.kind)
                && unit.equals(other.unit);
    }

    static boolean disagree(double lowA, double highA, double lowB, double highB) {
        // Reports round ("about 1,500", "nearly 1,500"): within 5% is the same figure.
        double slack = 0.05;
        return highA * (1 + slack) < lowB || highB * (1 + slack) < lowA;
    }

    static @Nullable String currencyThing(String symbol) {
        return switch (symbol) {
            case "$", "us$", "usd" -> "dollars";
            case "£" -> "pounds";
            case "€" -> "euros";
            default -> null;
        };
    }
}
