package news.parallax.topics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A topic as listed (JSON of {@code /api/topics}).
 *
 * @param slug       its name in URLs: {@code /topic/{slug}}
 * @param name       how it is written
 * @param kind       "person", "organization", "place" or "other"
 * @param storyCount its stories
 * @param variants   the spellings merged into it
 * @param lastSeen   the latest article time of its stories; null when none is dated
 */
public record TopicSummary(String slug, String name, String kind, int storyCount, List<String> variants, @Nullable Instant lastSeen) {
    public TopicSummary {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        variants = List.copyOf(variants);
    }
}
