package news.parallax.outlets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import news.parallax.model.Bias;
import news.parallax.model.Side;
import org.jspecify.annotations.Nullable;

/**
 * A news outlet (or a rated section, author or think tank) with every rating known for it.
 *
 * @param domain     primary domain, lower case, without {@code www.}; empty when the raters named the
 *                   source without a domain (an AllSides columnist, say)
 * @param name       display name
 * @param aliases    other names records use for it ("Fox Online News", "CNN (Web News)")
 * @param bias       consensus on the seven-point scale (see {@link RatingConsensus}); null when no rater
 *                   placed it on the left-right scale
 * @param factuality e.g. "very high", "high", "mostly factual", "mixed", "low"; null when unknown
 * @param ownership  e.g. "independent", "corporate", "public broadcaster"; null when no source says so
 * @param country    ISO 3166-1 alpha-2 code; null when no source says so
 * @param ratings    what each rater said, so a page can show every rating rather than an average
 * @param id         registry key: the domain for an outlet, {@code domain#section} for a separately rated
 *                   section, {@code name:slug} for a source known only by name
 * @param kind       the rater's type of source ("News Media", "Author", "Think Tank / Policy Group"); null when unknown
 * @param homepage   home page URL as a rater gave it; null when unknown
 * @param owner      who owns it ("Warner Bros. Discovery"), {@code ownership} being the kind of owner; null when unknown
 */
public record Outlet(
        String domain,
        String name,
        List<String> aliases,
        @Nullable Bias bias,
        @Nullable String factuality,
        @Nullable String ownership,
        @Nullable String country,
        List<Rating> ratings,
        String id,
        @Nullable String kind,
        @Nullable String homepage,
        @Nullable String owner) {

    public Outlet {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("outlet id must not be blank (outlet " + name + ")");
        aliases = List.copyOf(aliases);
        ratings = List.copyOf(ratings);
    }

    /** An outlet whose owner no source names. */
    public Outlet(String domain, String name, List<String> aliases, @Nullable Bias bias, @Nullable String factuality,
            @Nullable String ownership, @Nullable String country, List<Rating> ratings, String id, @Nullable String kind,
            @Nullable String homepage) {
        this(domain, name, aliases, bias, factuality, ownership, country, ratings, id, kind, homepage, null);
    }

    /** This outlet with its owner and the kind of owner set. */
    public Outlet withOwner(String owner, String ownership) {
        return new Outlet(domain, name, aliases, bias, factuality, ownership, country, ratings, id, kind, homepage, owner);
    }

    /** An outlet keyed by its domain, without kind or home page. */
    public Outlet(String domain, String name, List<String> aliases, @Nullable Bias bias, @Nullable String factuality,
            @Nullable String ownership, @Nullable String country, List<Rating> ratings) {
        this(domain, name, aliases, bias, factuality, ownership, country, ratings, domain, null, null);
    }

    /** The three-bucket view of {@link #bias()}: unrated when no rater placed it. */
    @JsonProperty("side")
    public Side side() {
        return bias == null ? Side.UNRATED : bias.side();
    }

    /** Ownership as a reader reads it: "Warner Bros. Discovery (public company)", the kind alone, or "unknown". */
    public String ownershipText() {
        if (ownership == null) return "unknown";
        return owner == null ? ownership : owner + " (" + ownership + ")";
    }

    public boolean rated() {
        return bias != null;
    }

    /**
     * One rater's published rating of an outlet.
     *
     * @param rater      who rated ("AllSides", "Media Bias/Fact Check", "user")
     * @param bias       the rater's own label, verbatim ("left-center", "least biased", "conspiracy")
     * @param factuality the rater's factual-reporting label, when it gives one
     * @param source     where the rating was read: a rating page URL or the data set it came from
     * @param note       what else the rater published with it (confidence, community votes); null when nothing
     */
    public record Rating(String rater, String bias, @Nullable String factuality, @Nullable String source, @Nullable String note) {
        public Rating {
            Objects.requireNonNull(rater, "rater");
            Objects.requireNonNull(bias, "bias");
        }

        public Rating(String rater, String bias, @Nullable String factuality, @Nullable String source) {
            this(rater, bias, factuality, source, null);
        }
    }
}
