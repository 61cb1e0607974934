package news.parallax.cluster;

import java.util.List;
import java.util.Map;
import news.parallax.model.JoinReason;

/** The stories a {@link StoryClusterer} found, each a list of member article ids. */
public record Clustering(List<Group> groups) {

    public Clustering {
        groups = List.copyOf(groups);
    }

    /**
     * One story's members.
     *
     * @param articleIds members in arrival order
     * @param reasons    per article: why it joined (top shared terms, entities, similarity); may be empty
     * @param copyOf     per syndicated article: the id of the original it copies
     */
    public record Group(List<String> articleIds, Map<String, JoinReason> reasons, Map<String, String> copyOf) {
        public Group {
            articleIds = List.copyOf(articleIds);
            reasons = Map.copyOf(reasons);
            copyOf = Map.copyOf(copyOf);
        }
    }
}
