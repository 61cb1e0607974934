package news.parallax.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored story with its member articles: what the store reads and analysis ({@code StoryAnalyzer}) takes (in
 * {@code model} because both use it, issue 17).
 *
 * @param articles members, oldest first
 * @param copyOf   syndicated article id to the id of the original it copies
 * @param reasons  article id to why it joined the story
 */
public record StoryMembers(StoryRef ref, List<Article> articles, Map<String, String> copyOf, Map<String, JoinReason> reasons) {
    public StoryMembers {
        Objects.requireNonNull(ref, "ref");
        articles = List.copyOf(articles);
        copyOf = Map.copyOf(copyOf);
        reasons = Map.copyOf(reasons);
    }
}
