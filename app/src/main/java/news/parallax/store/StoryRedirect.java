package news.parallax.store;

import java.util.Objects;

/**
 * A story id that no longer names a story, and the story that took it over (merged it, or kept most of
 * its articles when it split). Written with the stories that caused it; reports move with it.
 */
public record StoryRedirect(String from, String to) {
    public StoryRedirect {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) throw new IllegalArgumentException("a story id cannot redirect to itself: " + from);
    }
}
