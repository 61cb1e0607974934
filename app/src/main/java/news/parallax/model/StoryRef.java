package news.parallax.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A story as listed: its identity, headline and size, without the analysis.
 *
 * @param sourceCount independent outlets covering it (syndicated copies counted once)
 * @param articleIds  member articles, oldest first
 */
public record StoryRef(
        String id,
        String title,
        int sourceCount,
        int articleCount,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen,
        List<String> articleIds) {

    public StoryRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        articleIds = List.copyOf(articleIds);
    }
}
