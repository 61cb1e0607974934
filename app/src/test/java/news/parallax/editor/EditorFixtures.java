package news.parallax.editor;

import java.util.List;
import news.parallax.model.Article;
import news.parallax.pipeline.ProgressListener;
import news.parallax.pipeline.StoryFixtures;
import news.parallax.store.Store;

/** A small store for the editor tests (web, command line, browser): four real stories the real clusterer forms. */
public final class EditorFixtures {
    private EditorFixtures() {}

    /** Four stories of two articles or more, as the clusterer groups them: storm (3), chess (2), quake (2), fire (2). */
    public static final List<Article> ARTICLES = StoryFixtures.FOUR_STORIES;

    /** Stores the articles and clusters them (no embeddings: fast and fixed). */
    public static void fill(Store store) {
        store.insert(ARTICLES);
        StoryFixtures.pipeline(store).recluster(ProgressListener.NONE);
    }
}
