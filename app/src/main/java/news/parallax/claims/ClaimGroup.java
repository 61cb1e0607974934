package news.parallax.claims;

import java.util.List;
import java.util.Objects;
import news.parallax.model.Claim;

/**
 * Claims of a story about the same quantity: the same counted thing in the same role.
 *
 * @param thing         what is counted ("troops")
 * @param role          the role ("reported", "expected", "training", "deployed to Kursk")
 * @param claims        the figures, earliest article first
 * @param counterClaims denials, disputes and failures to confirm about the same thing
 * @param values        distinct figures with who reports them, earliest first: how the figure changed
 * @param disagree      true when two figures of the group cannot both be right (beyond rounding)
 */
public record ClaimGroup(
        String thing,
        String role,
        List<Claim> claims,
        List<Claim> counterClaims,
        List<ValueReport> values,
        boolean disagree) {

    public ClaimGroup {
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(role, "role");
        claims = List.copyOf(claims);
        counterClaims = List.copyOf(counterClaims);
        values = List.copyOf(values);
    }

    /**
     * One figure of a group with its sources.
     *
     * @param value        the figure
     * @param bound        its qualifier as first reported
     * @param attributedTo distinct sources, unattributed ones left out
     * @param outlets      outlets reporting it
     * @param firstSeen    earliest article date reporting it (ISO), null when no article is dated
     */
    public record ValueReport(String value, String bound, List<String> attributedTo, List<String> outlets,
                              @org.jspecify.annotations.Nullable String firstSeen) {
        public ValueReport {
            attributedTo = List.copyOf(attributedTo);
            outlets = List.copyOf(outlets);
        }
    }
}
