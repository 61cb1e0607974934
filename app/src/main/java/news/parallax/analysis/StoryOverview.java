package news.parallax.analysis;

import java.util.Objects;
import news.parallax.model.StoryRef;
import org.jspecify.annotations.Nullable;

/**
 * A story as a feed shows it: listing data, media landscape and blindspot, without summaries.
 *
 * @param blindspot null when coverage is not one-sided
 */
public record StoryOverview(StoryRef story, StoryView.Landscape landscape, StoryView.@Nullable Blindspot blindspot) {
    public StoryOverview {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(landscape, "landscape");
    }
}
