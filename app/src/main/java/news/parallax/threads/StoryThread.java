package news.parallax.threads;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A thread as stored: stories that continue one another, in the order they began.
 *
 * @param title    the headline of its story with the most sources
 * @param storyIds its stories by first seen (then id); at least two
 */
public record StoryThread(String id, String title, List<String> storyIds, Instant firstSeen, Instant lastSeen) {
    public StoryThread {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        storyIds = List.copyOf(storyIds);
        if (storyIds.size() < 2) throw new IllegalArgumentException("thread " + id + " must hold at least two stories");
    }
}
