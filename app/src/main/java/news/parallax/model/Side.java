package news.parallax.model;

import java.util.Locale;
import java.util.Optional;

/** The three-bucket view of political bias used by the media landscape, plus unrated. */
public enum Side {
    LEFT, CENTER, RIGHT, UNRATED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code left}, {@code center}/{@code centre}, {@code right}; anything else is empty. */
    public static Optional<Side> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "left" -> Optional.of(LEFT);
            case "center", "centre" -> Optional.of(CENTER);
            case "right" -> Optional.of(RIGHT);
            default -> Optional.empty();
        };
    }
}
