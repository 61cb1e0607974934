package news.parallax.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.model.StoryMembers;
import news.parallax.cluster.Embedder;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.threads.ProfileSource;
import news.parallax.threads.StoryProfile;

/**
 * Profiles for the thread stage from what the store already holds: the story's main subjects from its independent
 * articles' headlines, and the centroid of their cached embeddings. Nothing is analysed or embedded here: an
 * article never embedded (a store clustered without embeddings) adds no vector. Headlines rather than the view's
 * merged entities: they name what a story is about (a view's entities are ranked by mentions, and a passing
 * "Washington" outranks the subject), they need no view decoded, and a story is profiled alike whether or not its
 * view was stored yet.
 */
final class ThreadProfiles implements ProfileSource {
    private final Store store;

    ThreadProfiles(Store store) {
        this.store = store;
    }

    @Override
    public Optional<StoryProfile> profile(String storyId) {
        Optional<StoryMembers> found = store.story(storyId);
        if (found.isEmpty()) return Optional.empty();
        StoryMembers m = found.get();
        StoryRef ref = m.ref();
        if (ref.firstSeen() == null || ref.lastSeen() == null) return Optional.empty();
        List<String> keys = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        for (Article a : m.articles()) {
            // Syndicated copies repeat their original: counted once, as everywhere else.
            if (m.copyOf().containsKey(a.id())) continue;
            keys.add(StoredEmbeddings.key(Pipelines.EMBEDDING_MODEL, Embedder.textOf(a)));
            headlines.add(a.headline());
        }
        Map<String, float[]> cached = store.embeddings(keys);
        List<float[]> vectors = new ArrayList<>();
        for (String k : keys) {
            float[] v = cached.get(k);
            if (v != null) vectors.add(v);
        }
        return Optional.of(new StoryProfile(storyId, ref.title(), ref.firstSeen(), ref.lastSeen(), ref.sourceCount(),
                StoryProfile.headlineSubjects(headlines), StoryProfile.centroid(vectors)));
    }
}
