package news.parallax.threads;

import java.util.List;
import java.util.Optional;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;

/** Threads over stories of a real store, for page tests: the given stories get profiles that link them. */
public final class ThreadFixtures {
    private ThreadFixtures() {}

    /**
     * Links {@code storyIds} (dated stories of {@code store}) into one thread through the real stage: each gets the
     * same subject and the same centroid, so each continues the one before it. Returns the thread's id.
     */
    public static String thread(Store store, List<String> storyIds) {
        ThreadSettings wide = new ThreadSettings(365, 0.5, 1);
        // Profiles the pipeline already built would not be asked for again: the fixture's replace them all.
        new ThreadStore(store).clear();
        new StoryThreads(new ThreadStore(store), wide).update(id -> {
            if (!storyIds.contains(id)) return Optional.empty();
            StoryRef r = store.storyRef(id).orElseThrow();
            return Optional.of(new StoryProfile(id, r.title(), r.firstSeen(), r.lastSeen(), r.sourceCount(), List.of("fixture"),
                    new float[] {1, 0}));
        });
        return new ThreadStore(store).threadOfStory(storyIds.get(0)).orElseThrow().id();
    }
}
