package news.parallax.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import news.parallax.cluster.Clustering.JoinReason;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;

/**
 * A stored story with its member articles, the input of {@link StoryAnalyzer}.
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
