package news.parallax.claims;

import java.util.Locale;
import news.parallax.model.Claim.Stance;
import org.jspecify.annotations.Nullable;

/**
 * What a figure describes, for grouping: figures of one thing with different roles answer different questions
 * ("3,000 troops sent" vs "thousands more expected"). Denials, disputes and failures to confirm are their own role.
 *
 * @param kind  the role
 * @param place the region a figure was deployed to ({@link Kind#DEPLOYED_TO}); null for every other role
 */
record Role(Kind kind, @Nullable String place) {
    /** The roles the claims stage tells apart. */
    enum Kind { REPORTED, EXPECTED, TRAINING, DEPLOYED_TO, DENIED, DISPUTED, UNCONFIRMED }

    static final Role REPORTED = new Role(Kind.REPORTED, null);
    static final Role EXPECTED = new Role(Kind.EXPECTED, null);
    static final Role TRAINING = new Role(Kind.TRAINING, null);

    Role {
        if ((kind == Kind.DEPLOYED_TO) != (place != null)) {
            throw new IllegalArgumentException("a place goes with DEPLOYED_TO only: " + kind + " " + place);
        }
    }

    static Role deployedTo(String place) {
        return new Role(Kind.DEPLOYED_TO, place);
    }

    /** The role of an assertion without a figure: the stance it reports (denied, disputed, unconfirmed). */
    static Role of(Stance stance) {
        return switch (stance) {
            case DENIED -> new Role(Kind.DENIED, null);
            case DISPUTED -> new Role(Kind.DISPUTED, null);
            case UNCONFIRMED -> new Role(Kind.UNCONFIRMED, null);
            default -> throw new IllegalArgumentException("not an assertion's stance: " + stance);
        };
    }

    /** The label the claims JSON keeps in {@code role}: "reported", "expected", "deployed to Kursk"... */
    String label() {
        return kind == Kind.DEPLOYED_TO ? "deployed to " + place : kind.name().toLowerCase(Locale.ROOT);
    }
}
