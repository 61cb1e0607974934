package news.parallax.store;

import java.util.List;
import java.util.Map;
import news.parallax.cluster.Clustering.JoinReason;
import news.parallax.model.StoryRef;

/** A story to store: its listing data and, per member, copy-of link and join reason. */
public record StoredStory(StoryRef ref, Map<String, String> copyOf, Map<String, JoinReason> reasons) {
    public StoredStory {
        copyOf = Map.copyOf(copyOf);
        reasons = Map.copyOf(reasons);
    }

    public List<String> articleIds() {
        return ref.articleIds();
    }
}
