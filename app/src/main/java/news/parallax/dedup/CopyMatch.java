package news.parallax.dedup;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An article found to copy an earlier one.
 *
 * @param originalId the earliest article of the copy chain (a copy of a copy points at the first)
 * @param similarity estimated Jaccard of word shingles, or the share of paragraphs matched (0..1)
 * @param method     which test found it
 * @param wire       the wire both credit, when the match relied on a credit line
 */
public record CopyMatch(String originalId, double similarity, Method method, @Nullable String wire) {
    public CopyMatch {
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(method, "method");
    }

    public enum Method {
        /** Whole-text near-duplicate: MinHash Jaccard over 5-word shingles. */
        ARTICLE,
        /** Most of the paragraphs re-used (SimHash within a few bits), the rest added or cut. */
        PARAGRAPHS,
        /** Both credit the same wire and share a good part of the text. */
        WIRE_CREDIT
    }
}
