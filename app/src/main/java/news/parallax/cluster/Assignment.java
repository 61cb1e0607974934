package news.parallax.cluster;

import news.parallax.model.JoinReason;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link OnlineStoryClusterer#add} put an article.
 *
 * @param articleId the article
 * @param storyKey  the story's key: the id of its first article (a merge keeps the older story's key)
 * @param newStory  whether the article started the story
 * @param reason    why it joined
 * @param copyOf    the original it copies, when it is a syndicated copy
 */
public record Assignment(String articleId, String storyKey, boolean newStory, JoinReason reason, @Nullable String copyOf) {
    public Assignment {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(storyKey, "storyKey");
        Objects.requireNonNull(reason, "reason");
    }
}
