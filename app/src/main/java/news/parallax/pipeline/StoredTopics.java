package news.parallax.pipeline;

import news.parallax.outlets.OutletRegistry;
import news.parallax.topics.TopicBuilder;

/**
 * Topics computed from the stored story views (issue 14): the pipeline updates them right after it stores the views
 * of the stories it changed, so pages only read them.
 */
public final class StoredTopics {
    private StoredTopics() {}

    /** A topic builder reading the views {@code views} stores; the registry's outlet names are credits, not topics. */
    public static TopicBuilder builder(StoredViews views, OutletRegistry registry) {
        return new TopicBuilder(views.store(), registry, views::read);
    }

    /** Brings the topics up to date with the stored views. */
    static TopicBuilder.Update update(StoredViews views, OutletRegistry registry, ProgressListener progress) {
        progress.progress("topics", 0, -1);
        TopicBuilder.Update u = builder(views, registry).update();
        progress.progress("topics", Math.max(0, u.topics()), -1);
        return u;
    }
}
