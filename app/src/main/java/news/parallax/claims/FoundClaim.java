package news.parallax.claims;

import java.time.LocalDate;
import news.parallax.model.Claim.Stance;
import org.jspecify.annotations.Nullable;

/**
 * One claim as found in one article, before story-level merging.
 *
 * @param quantity   the figure; null for an assertion (a denial, a failure to confirm)
 * @param value      normalised figure or the assertion's key phrase
 * @param thing      counted noun or asserted topic as written
 * @param thingClass what the claim is about for grouping ("troops" for troops, soldiers, forces...)
 * @param role       what the figure describes, for grouping
 * @param stance     how the sentence presents it
 * @param credit     who the text credits for it
 * @param origin     where it was read
 */
record FoundClaim(
        @Nullable Quantity quantity,
        String value,
        String thing,
        String thingClass,
        Role role,
        Stance stance,
        Credit credit,
        Origin origin) {

    /**
     * Who the text credits for a claim.
     *
     * @param source source as written (null when unattributed); resolved to an entity later
     * @param title  the source's title as written beside it, may be empty
     * @param via    intermediary, may be null
     */
    record Credit(@Nullable String source, String title, @Nullable String via) {}

    /**
     * Where a claim was read.
     *
     * @param sentence  the sentence verbatim
     * @param when      resolved time expression of the claim, may be null
     * @param articleId the article
     * @param outlet    the article's outlet
     * @param published the article date, may be null
     */
    record Origin(String sentence, @Nullable String when, String articleId, String outlet, @Nullable LocalDate published) {}

    /** A figure: its quantity gives the value, the counted thing and the question. */
    static FoundClaim figure(Quantity q, Role role, Stance stance, Credit credit, Origin origin) {
        return new FoundClaim(q, q.value(), q.phrase(), q.question(), role, stance, credit, origin);
    }

    /** An assertion without a figure (a denial, a dispute, a failure to confirm) about {@code object}. */
    static FoundClaim assertion(String value, String object, String thingClass, Stance stance, Credit credit,
                                Origin origin) {
        return new FoundClaim(null, value, object, thingClass, Role.of(stance), stance, credit, origin);
    }

    FoundClaim withStance(Stance s) {
        return new FoundClaim(quantity, value, thing, thingClass, role, s, credit, origin);
    }

    boolean isFigure() {
        return quantity != null;
    }

    /** Kind of figure ("count", "money", "percent"...); "assertion" for a denial or failure to confirm. */
    String kind() {
        return quantity == null ? "assertion" : quantity.kind();
    }

    /** Unit of the figure ("USD", "percent"); empty for counts and assertions. */
    String unit() {
        return quantity == null ? "" : quantity.unit();
    }

    String bound() {
        return quantity == null ? "assertion" : quantity.bound();
    }

    @Nullable String source() {
        return credit.source();
    }

    String title() {
        return credit.title();
    }

    @Nullable String via() {
        return credit.via();
    }

    @Nullable String when() {
        return origin.when();
    }

    String sentence() {
        return origin.sentence();
    }

    String articleId() {
        return origin.articleId();
    }

    String outlet() {
        return origin.outlet();
    }

    @Nullable LocalDate published() {
        return origin.published();
    }
}
