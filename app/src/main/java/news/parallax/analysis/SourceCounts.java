package news.parallax.analysis;

import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistry;

/**
 * The one count of a story's sources. The stored story ({@code StoryRef.sourceCount}, which orders every list),
 * the story page and JSON ({@code StoryView.sourceCount}, the landscape's total) and the feed all read it, so a
 * story never shows 17 sources on its page and 18 in a list.
 */
public final class SourceCounts {
    private SourceCounts() {}

    /**
     * Independent outlets among {@code articles}: each article resolved to its registry outlet (else its domain,
     * else the name it carries, else itself), syndicated copies ({@code copyOf}: copy id to original id) counted
     * under their original when that is in the story.
     */
    public static int independentSources(List<Article> articles, Map<String, String> copyOf, OutletRegistry registry) {
        return StorySources.of(articles, copyOf, registry).sources().size();
    }
}
