package news.parallax.outlets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.model.Bias;

/**
 * Combines the raters' labels into one position on the seven-point scale.
 *
 * <p>Each rater counts once: its first rating whose label is a left-right position (ratings are stored
 * most specific first, so MBFC's five-point label wins over a three-point one from the same rater).
 * Labels that are not positions ("conspiracy", "satire", AllSides "mixed") place nothing. The positions are
 * averaged and a half-way result is rounded toward the centre: when two raters disagree by one step the
 * outlet is shown at the milder of the two, and both ratings stay visible on the outlet page.
 */
public final class RatingConsensus {
    private static final int CENTER_ORDINAL = Bias.CENTER.ordinal();

    private RatingConsensus() {}

    public static Optional<Bias> of(List<Outlet.Rating> ratings) {
        Map<String, Bias> firstByRater = new LinkedHashMap<>();
        for (Outlet.Rating r : ratings) {
            if (firstByRater.containsKey(r.rater())) continue;
            Bias.parse(r.bias()).ifPresent(b -> firstByRater.put(r.rater(), b));
        }
        if (firstByRater.isEmpty()) return Optional.empty();
        double mean = firstByRater.values().stream().mapToInt(Bias::ordinal).average().orElseThrow();
        double fromCenter = mean - CENTER_ORDINAL;
        // Round half toward the centre: 1.5 steps left of centre becomes 1 step.
        long steps = Math.round(Math.abs(fromCenter) - 1e-9);
        int ordinal = CENTER_ORDINAL + (int) Math.signum(fromCenter) * (int) steps;
        return Optional.of(Bias.values()[ordinal]);
    }
}
