package news.parallax.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.threads.StoryThread;
import news.parallax.threads.ThreadStore;
import org.jspecify.annotations.Nullable;

/**
 * Story threads (issue 14): the thread page, its JSON, and the "Earlier" / "Later" links of a story. Routes are
 * declared in {@link WebServer}'s table. Reads the stored threads only; they are built by the pipeline.
 */
final class ThreadRoutes {
    /** Earlier and later stories listed on a story page, nearest first; the thread page has them all. */
    static final int PAGE_NEIGHBOURS = 3;
    /** Earlier and later stories in a story's JSON, nearest first. */
    static final int JSON_NEIGHBOURS = 50;

    private final Store store;
    private final ThreadStore threads;
    private final StoryViews views;

    ThreadRoutes(Store store, StoryViews views) {
        this.store = store;
        this.threads = new ThreadStore(store);
        this.views = views;
    }



    void threadPage(Context ctx) {
        PageModels.ThreadJson t = requireThread(ctx.pathParam("id"));
        ctx.status(200).contentType("text/html; charset=utf-8").result(Templates.render("thread.jte", new PageModels.ThreadPage(t)));
    }

    void threadJson(Context ctx) {
        ctx.status(200).contentType("application/json; charset=utf-8").result(Json.write(requireThread(ctx.pathParam("id"))));
    }

    private PageModels.ThreadJson requireThread(String id) {
        StoryThread t = threads.thread(id).orElseThrow(() -> WebError.notFound("No thread " + Params.shorten(id)));
        List<PageModels.ThreadStory> stories = new ArrayList<>();
        for (String storyId : t.storyIds()) {
            // A story deleted since the thread was written (a live pass between two thread updates) is left out.
            Optional<StoryRef> ref = store.storyRef(storyId);
            if (ref.isEmpty()) continue;
            StoryOverview o = views.overview(ref.get());
            StoryRef r = ref.get();
            stories.add(new PageModels.ThreadStory(r.id(), r.title(), r.sourceCount(), r.articleCount(), r.firstSeen(), r.lastSeen(), o.landscape(),
                    o.blindspot()));
        }
        return new PageModels.ThreadJson(t.id(), t.title(), stories.size(), t.firstSeen(), t.lastSeen(), stories);
    }



    /** Story {@code storyId}'s thread links with at most {@code limit} stories each way; null when it is in no thread. */
    PageModels.@Nullable ThreadLinks links(String storyId, int limit) {
        Optional<StoryThread> found = threads.threadOfStory(storyId);
        if (found.isEmpty()) return null;
        StoryThread t = found.get();
        int at = t.storyIds().indexOf(storyId);
        List<PageModels.StoryLink> earlier = new ArrayList<>();
        for (String id : t.storyIds().subList(Math.max(0, at - limit), at)) link(id).ifPresent(earlier::add);
        List<PageModels.StoryLink> later = new ArrayList<>();
        for (String id : t.storyIds().subList(at + 1, Math.min(t.storyIds().size(), at + 1 + limit))) link(id).ifPresent(later::add);
        return new PageModels.ThreadLinks(t.id(), t.title(), t.storyIds().size(), earlier, later);
    }

    private Optional<PageModels.StoryLink> link(String storyId) {
        return store.storyRef(storyId).map(r -> new PageModels.StoryLink(r.id(), r.title(), r.sourceCount(), r.firstSeen()));
    }

    static String threadHref(String threadId) {
        return "/thread/" + Fmt.segment(threadId);
    }
}
