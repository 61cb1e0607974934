package news.parallax.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One quantity or assertion reported in a story, traceable to the sentence that produced it.
 *
 * @param value        the figure as normalised text ("1500", "10000-12000") or the assertion's key phrase
 * @param thing        what is counted or asserted about ("troops", "containers"); empty when unknown
 * @param stance       asserted, estimated, hedged, denied, unconfirmed or disputed
 * @param attributedTo who the sentence attributes it to; null when unattributed
 * @param articles     ids of the articles that report it
 * @param sentence     one sentence that states it, verbatim
 */
public record Claim(
        String value,
        String thing,
        Stance stance,
        @Nullable String attributedTo,
        List<String> articles,
        String sentence) {

    public Claim {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(sentence, "sentence");
        articles = List.copyOf(articles);
    }

    /** How a source presents a claim. */
    public enum Stance { ASSERTED, ESTIMATED, HEDGED, DENIED, UNCONFIRMED, DISPUTED }
}
