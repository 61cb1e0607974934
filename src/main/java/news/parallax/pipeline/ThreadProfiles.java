package news.parallax.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.analysis.StoryMembers;
import news.parallax.cluster.Embedder;
import news.parallax.model.Article;
import news.parallax.model.Entity;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.threads.ProfileSource;
import news.parallax.threads.StoryProfile;

/**
 * Profiles for the thread stage from what the store already holds: the story's main subjects from its stored view
 * (the claims stage's merged entities) and the centroid of its independent articles' cached embeddings. Nothing is
 * analysed or embedded here: a story whose view is not stored yet has no subjects (and is not linked until its
 * stamp changes), and an article never embedded (a store clustered without embeddings) adds no vector.
 */
final class ThreadProfiles implements ProfileSource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ThreadProfiles.class);

    private final Store store;
    private final StoredViews views;

    ThreadProfiles(Store store, StoredViews views) {
        this.store = store;
        this.views = views;
    }

    @Override
    public Optional<StoryProfile> profile(String storyId) {
        Optional<StoryMembers> found = store.story(storyId);
        if (found.isEmpty()) return Optional.empty();
        StoryMembers m = found.get();
        StoryRef ref = m.ref();
        if (ref.firstSeen() == null || ref.lastSeen() == null) return Optional.empty();
        List<Entity> entities;
        try {
            entities = views.find(storyId).map(f -> f.view().entities()).orElse(List.of());
        } catch (RuntimeException e) {
            LOG.warn("cannot read the stored view of story {} for its thread profile (profiled without subjects): {}", storyId, e.toString());
            entities = List.of();
        }
        List<String> keys = new ArrayList<>();
        for (Article a : m.articles()) {
            // Syndicated copies repeat their original: counted once, as everywhere else.
            if (!m.copyOf().containsKey(a.id())) keys.add(StoredEmbeddings.key(Pipelines.EMBEDDING_MODEL, Embedder.textOf(a)));
        }
        Map<String, float[]> cached = store.embeddings(keys);
        List<float[]> vectors = new ArrayList<>();
        for (String k : keys) {
            float[] v = cached.get(k);
            if (v != null) vectors.add(v);
        }
        return Optional.of(new StoryProfile(storyId, ref.title(), ref.firstSeen(), ref.lastSeen(), ref.sourceCount(),
                StoryProfile.subjectKeys(entities), StoryProfile.centroid(vectors)));
    }
}
