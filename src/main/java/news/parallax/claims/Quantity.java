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
        int numberAt) {

    /** True when both figures are numeric and neither lies within the other's range, allowing rounding. */
    boolean disagreesWith(Quantity other) {
        return disagree(low, high, other.low, other.high) && !vague && !other.vague;
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
