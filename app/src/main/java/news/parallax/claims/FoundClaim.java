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
 * @param roleClass  role for grouping: "sent", "expected", "training", "deployed to Kursk", or a verb lemma
 * @param stance     how the sentence presents it
 * @param source     source as written (null when unattributed); resolved to an entity later
 * @param title      the source's title as written beside it, may be empty
 * @param via        intermediary, may be null
 * @param when       resolved time expression, may be null
 * @param sentence   the sentence verbatim
 * @param articleId  the article
 * @param outlet     the article's outlet
 * @param published  the article date, may be null
 */
record FoundClaim(
        @Nullable Quantity quantity,
        String value,
        String thing,
        String thingClass,
        String roleClass,
        Stance stance,
        @Nullable String source,
        String title,
        @Nullable String via,
        @Nullable String when,
        String sentence,
        String articleId,
        String outlet,
        @Nullable LocalDate published) {

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
}
