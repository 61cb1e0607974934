package news.parallax.model;

import java.util.Locale;
import java.util.Optional;

/** Seven-point outlet bias scale (far left to far right), mapped to a {@link Side}. */
public enum Bias {
    FAR_LEFT(Side.LEFT), LEFT(Side.LEFT), LEAN_LEFT(Side.LEFT),
    CENTER(Side.CENTER),
    LEAN_RIGHT(Side.RIGHT), RIGHT(Side.RIGHT), FAR_RIGHT(Side.RIGHT);

    private final Side side;

    Bias(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the labels used by the public raters (AllSides, MBFC); unknown labels are empty. */
    public static Optional<Bias> parse(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (l) {
            case "far-left", "extreme-left" -> Optional.of(FAR_LEFT);
            case "left" -> Optional.of(LEFT);
            case "lean-left", "left-center", "leftcenter", "center-left" -> Optional.of(LEAN_LEFT);
            case "center", "centre", "least-biased", "pro-science" -> Optional.of(CENTER);
            case "lean-right", "right-center", "rightcenter", "center-right" -> Optional.of(LEAN_RIGHT);
            case "right" -> Optional.of(RIGHT);
            case "far-right", "extreme-right" -> Optional.of(FAR_RIGHT);
            default -> Optional.empty();
        };
    }
}
