package news.parallax.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a search found: stories (through their articles and their own titles) and the articles themselves,
 * best first.
 *
 * @param query   the query as parsed, normalised
 * @param stories matching stories, best first
 * @param articles matching articles, best first
 */
public record SearchResult(String query, List<StoryHit> stories, List<ArticleHit> articles) {
    public SearchResult {
        stories = List.copyOf(stories);
        articles = List.copyOf(articles);
    }

    /**
     * @param matchedArticles how many of its articles matched (within the candidates read)
     * @param titleMatch      whether the story's own title matched
     * @param blindspot       side that barely covers it ("left"/"right"), null when it is no blindspot
     * @param score           relevance plus recency (see {@link SearchIndex})
     */
    public record StoryHit(String id, String title, int sourceCount, int articleCount, @Nullable Instant firstSeen,
            @Nullable Instant lastSeen, int matchedArticles, boolean titleMatch, @Nullable String blindspot, double score) {}

    /**
     * @param storyId null while the article is not clustered yet
     * @param side    "left", "center", "right" or "unrated"
     */
    public record ArticleHit(String id, @Nullable String storyId, String title, String outlet, @Nullable String url,
            @Nullable Instant published, String side, double score) {}
}
