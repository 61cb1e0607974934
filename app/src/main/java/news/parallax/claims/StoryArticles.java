package news.parallax.claims;

import java.nio.file.Path;
import java.util.List;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;

/** Looks up the articles of a stored story; supplied by the store when the CLI is wired. */
@FunctionalInterface
public interface StoryArticles {
    /**
     * Articles of story {@code storyId} in the store of data folder {@code data}, or in database {@code db}
     * (a JDBC URL) when it is not null; empty when the story is unknown.
     */
    List<Article> find(String storyId, Path data, @Nullable String db) throws Exception;
}
