package news.parallax.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why an article joined its story: made by clustering, stored with the story, shown by analysis (in {@code model}
 * because all three use it, issue 17).
 *
 * @param similarity the score that decided the join (0..1)
 * @param terms      top matching terms
 * @param entities   shared named entities or numbers
 * @param matchedArticle the member it matched best, null for the story's first article
 * @param threshold  the score the article had to reach: the base threshold plus the penalties for the
 *                   days since the story's last article and for the story's age; 0 where no score
 *                   decided (the story's first article, a syndicated copy)
 */
public record JoinReason(double similarity, List<String> terms, List<String> entities, @Nullable String matchedArticle, double threshold) {
    public JoinReason {
        Objects.requireNonNull(terms);
        terms = List.copyOf(terms);
        entities = List.copyOf(entities);
    }

    /** A join no score decided (first article, syndicated copy). */
    public static JoinReason unscored(double similarity, @Nullable String matchedArticle) {
        return new JoinReason(similarity, List.of(), List.of(), matchedArticle, 0);
    }
}
