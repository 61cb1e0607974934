package news.parallax.outlets;

import java.util.List;
import java.util.Objects;
import news.parallax.model.Bias;
import news.parallax.model.Side;
import org.jspecify.annotations.Nullable;

/**
 * A news outlet with its ratings.
 *
 * @param domain    primary domain, lower case, without {@code www.}
 * @param bias      consensus on the seven-point scale; null when no rater rated it
 * @param factuality e.g. "high", "mixed", "low"; null when unknown
 * @param ownership e.g. "independent", "corporate", "public broadcaster"; null when unknown
 * @param ratings   what each rater said, so a page can show every rating rather than an average
 */
public record Outlet(
        String domain,
        String name,
        List<String> aliases,
        @Nullable Bias bias,
        @Nullable String factuality,
        @Nullable String ownership,
        @Nullable String country,
        List<Rating> ratings) {

    public Outlet {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        ratings = List.copyOf(ratings);
    }

    public Side side() {
        return bias == null ? Side.UNRATED : bias.side();
    }

    /** One rater's published rating of an outlet. */
    public record Rating(String rater, String bias, @Nullable String factuality, @Nullable String source) {}
}
