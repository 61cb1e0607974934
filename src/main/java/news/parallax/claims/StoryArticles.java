package news.parallax.claims;

import java.nio.file.Path;
import java.util.List;
import news.parallax.model.Article;

/** Looks up the articles of a stored story; supplied by the store when the CLI is wired. */
@FunctionalInterface
public interface StoryArticles {
    /** Articles of story {@code storyId} in the data folder {@code data}; empty when the story is unknown. */
    List<Article> find(String storyId, Path data) throws Exception;
}
