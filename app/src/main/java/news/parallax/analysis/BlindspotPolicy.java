package news.parallax.analysis;

import java.util.Optional;
import news.parallax.model.Side;

/**
 * When a story counts as a blindspot: one side covers it and the other barely does.
 *
 * <p>A story is a blindspot for side X when the opposite side has at least {@code minSources} independent rated
 * sources holding at least {@code minDominantShare} of the rated sources while X holds at most
 * {@code maxOtherShare}. Only left and right take part: centre outlets covering a story alone is not a gap in
 * either camp's view. Immutable.
 *
 * @param minSources       fewest sources the dominant side needs (so two outlets are not "overwhelming")
 * @param minDominantShare share of rated sources, 0..1, the dominant side must hold at least
 * @param maxOtherShare    share of rated sources, 0..1, the missing side may hold at most
 */
public record BlindspotPolicy(int minSources, double minDominantShare, double maxOtherShare) {
    /** Issue 5's default: at least 3 sources, at least 80% against at most 20%. */
    public static final BlindspotPolicy DEFAULT = new BlindspotPolicy(3, 0.8, 0.2);

    public BlindspotPolicy {
        if (minSources < 1) throw new IllegalArgumentException("minSources must be at least 1, got " + minSources);
        if (minDominantShare < 0 || minDominantShare > 1) {
            throw new IllegalArgumentException("minDominantShare must be within 0..1, got " + minDominantShare);
        }
        if (maxOtherShare < 0 || maxOtherShare > 1) {
            throw new IllegalArgumentException("maxOtherShare must be within 0..1, got " + maxOtherShare);
        }
    }

    public Optional<StoryView.Blindspot> detect(StoryView.Landscape landscape) {
        int rated = landscape.rated();
        if (rated == 0) return Optional.empty();
        for (Side dominant : new Side[] {Side.LEFT, Side.RIGHT}) {
            Side missing = dominant == Side.LEFT ? Side.RIGHT : Side.LEFT;
            int d = count(landscape, dominant);
            double dShare = (double) d / rated;
            double mShare = (double) count(landscape, missing) / rated;
            if (d >= minSources && dShare >= minDominantShare && mShare <= maxOtherShare) {
                return Optional.of(new StoryView.Blindspot(missing.key(), dominant.key(), dShare, mShare));
            }
        }
        return Optional.empty();
    }

    private static int count(StoryView.Landscape l, Side side) {
        return switch (side) {
            case LEFT -> l.left();
            case CENTER -> l.center();
            case RIGHT -> l.right();
            case UNRATED -> l.unrated();
        };
    }
}
