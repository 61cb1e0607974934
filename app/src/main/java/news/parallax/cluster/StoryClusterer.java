package news.parallax.cluster;

import java.util.List;
import news.parallax.model.Article;

/**
 * Groups articles about the same event into stories.
 *
 * <p>Contract: articles are processed online in the order given (the pipeline passes them sorted
 * by publication time, then id), each joining the best existing story or starting a new one; the
 * same input in the same order gives the same result. Every input article appears in exactly one
 * group of the result. Implementations need not be thread-safe.
 */
public interface StoryClusterer {
    Clustering cluster(List<Article> articles);

    /** As {@link #cluster(List)}, telling {@code progress} how many articles are done as it goes. */
    default Clustering cluster(List<Article> articles, java.util.function.IntConsumer progress) {
        Clustering c = cluster(articles);
        progress.accept(articles.size());
        return c;
    }

    /**
     * Adds {@code more} to the stream of the last {@link #cluster} call, online, and returns the
     * stories of the whole stream so far; empty when this clusterer keeps no stream, or the last call
     * failed part-way (the caller then clusters everything again).
     */
    default java.util.Optional<Clustering> extend(List<Article> more, java.util.function.IntConsumer progress) {
        return java.util.Optional.empty();
    }

    /**
     * As {@link #extend}, but returns only the stories the call created or changed (grown, merged into,
     * a member's join reason changed), each whole; the rest of the stream's stories are as before.
     * A story merged away is absent: its members are in the survivor's group. A live stream extended this way
     * may let go of the stories new articles can no longer reach, so that months of passes hold a steady
     * memory (issue 15); {@link #extend} of the same stream may then fail, as it has no whole stream to give.
     */
    default java.util.Optional<Clustering> extendChanged(List<Article> more, java.util.function.IntConsumer progress) {
        return java.util.Optional.empty();
    }
}
