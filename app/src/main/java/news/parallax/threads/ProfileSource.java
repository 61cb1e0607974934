package news.parallax.threads;

import java.util.Optional;

/**
 * Builds the profile of a stored story (its view's entities, its articles' cached embeddings): what the pipeline
 * hands the thread stage, which reads neither views nor embeddings itself. Empty when the story is gone or undated.
 */
@FunctionalInterface
public interface ProfileSource {
    Optional<StoryProfile> profile(String storyId);
}
