package news.parallax.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryOverview;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistry;
import news.parallax.pipeline.StoredTopics;
import news.parallax.pipeline.StoredViews;
import news.parallax.store.Store;
import news.parallax.topics.TopicBuilder;
import news.parallax.topics.TopicStore;
import news.parallax.topics.TopicSummary;
import org.jspecify.annotations.Nullable;

/**
 * Topic pages, their JSON and their Atom feeds (issue 14). Routes are declared in {@link WebServer}'s table. Topics
 * are computed by whoever changes stories (the pipeline); a server started on a store whose topics lag behind its
 * views brings them up to date in the background ({@link #refreshInBackground}), and pages read the stored topics.
 */
final class TopicRoutes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicRoutes.class);
    /** Stories per topic page. */
    static final int STORIES_PAGE_SIZE = 25;
    /** Topics per page of the index. */
    static final int INDEX_PAGE_SIZE = 100;
    /** Stories in a topic's feed: the newest. */
    static final int FEED_ENTRIES = 30;
    /** Longest topic filter accepted. */
    static final int MAX_FILTER_CHARS = 100;
    /** How often the background refresh looks for views changed by another process. */
    static final Duration REFRESH_PERIOD = Duration.ofMinutes(5);

    private final Store store;
    private final StoryViews views;
    private final TopicStore topics;
    private final FeedRoutes feeds;
    private @Nullable Thread refresher;
    /** Open once the first refresh ended (done or failed): the page warm-up waits for it (see {@link #awaitFirstRefresh}). */
    private final java.util.concurrent.CountDownLatch firstRefresh = new java.util.concurrent.CountDownLatch(1);

    TopicRoutes(Store store, StoryViews views, FeedRoutes feeds) {
        this.store = store;
        this.views = views;
        this.topics = new TopicStore(store);
        this.feeds = feeds;
    }

    /** Topics of a story, largest first, for its page's tags. */
    List<TopicSummary> of(String storyId) {
        return topics.topicsOf(storyId);
    }

    /** {@code /topics[?q=TEXT&page=N]}: every topic, largest first, filtered by name. */
    void index(Context ctx) {
        String q = Params.text(ctx, "q", MAX_FILTER_CHARS);
        int page = Params.page(ctx);
        int total = topics.count(q);
        List<TopicSummary> list = topics.topics(q, (page - 1) * INDEX_PAGE_SIZE, INDEX_PAGE_SIZE);
        String path = q.isEmpty() ? "/topics?" : "/topics?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
        html(ctx, Templates.render("topics.jte", new PageModels.TopicsPage(list, total, q,
                new PageModels.Pager(page, (long) page * INDEX_PAGE_SIZE < total, path))));
    }

    /** {@code /topic/{slug}[?page=N]} and {@code /topic/{slug}.atom}. */
    void topic(Context ctx) {
        String raw = ctx.pathParam("slug");
        boolean atom = raw.endsWith(".atom");
        String slug = atom ? raw.substring(0, raw.length() - ".atom".length()) : raw;
        Optional<TopicSummary> t = topics.topic(slug);
        if (t.isEmpty()) {
            Optional<String> moved = topics.redirect(slug);
            if (moved.isEmpty()) throw WebError.notFound("No topic " + Params.shorten(slug));
            String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
            ctx.redirect("/topic/" + Fmt.segment(moved.get()) + (atom ? ".atom" : "") + query, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        TopicSummary topic = t.get();
        if (atom) {
            feeds.storiesFeed(ctx, "Parallax: " + topic.name(), "/topic/" + topic.slug() + ".atom", "/topic/" + topic.slug(),
                    "topic/" + topic.slug(), stories(topic.slug(), 0, FEED_ENTRIES));
            return;
        }
        int page = Params.page(ctx);
        List<StoryOverview> stories = stories(topic.slug(), (page - 1) * STORIES_PAGE_SIZE, STORIES_PAGE_SIZE);
        html(ctx, Templates.render("topic.jte", new PageModels.TopicPage(topic, stories,
                new PageModels.Pager(page, (long) page * STORIES_PAGE_SIZE < topic.storyCount(), "/topic/" + topic.slug() + "?"))));
    }

    /** {@code /api/topics[?q&story&limit&page]}: topics, largest first; with {@code story}, that story's topics. */
    void indexJson(Context ctx) {
        String story = Params.text(ctx, "story", 200);
        if (!story.isEmpty()) {
            WebServer.json(ctx, 200, topics.topicsOf(story));
            return;
        }
        String q = Params.text(ctx, "q", MAX_FILTER_CHARS);
        int limit = Params.limit(ctx, Params.DEFAULT_LIMIT);
        int page = Params.page(ctx);
        int total = topics.count(q);
        ctx.header("X-Total-Count", Integer.toString(total));
        WebServer.json(ctx, 200, topics.topics(q, (page - 1) * limit, limit));
    }

    /** {@code /api/topics/{slug}[?limit&page]}: the topic and one page of its stories, newest first. */
    void topicJson(Context ctx) {
        String slug = ctx.pathParam("slug");
        Optional<TopicSummary> t = topics.topic(slug);
        if (t.isEmpty()) {
            Optional<String> moved = topics.redirect(slug);
            if (moved.isEmpty()) throw WebError.notFound("No topic " + Params.shorten(slug));
            ctx.redirect("/api/topics/" + Fmt.segment(moved.get()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        int limit = Params.limit(ctx, Params.DEFAULT_LIMIT);
        int page = Params.page(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", t.get());
        out.put("stories", stories(slug, (page - 1) * limit, limit));
        ctx.header("X-Total-Count", Integer.toString(t.get().storyCount()));
        WebServer.json(ctx, 200, out);
    }

    private List<StoryOverview> stories(String slug, int offset, int limit) {
        List<StoryOverview> out = new ArrayList<>();
        for (String id : topics.storyIds(slug, offset, limit)) {
            Optional<StoryRef> ref = store.storyRef(id);
            ref.ifPresent(r -> out.add(views.overview(r)));
        }
        return out;
    }

    /**
     * Brings the topics up to date with the stored views now and every {@link #REFRESH_PERIOD} (views another process
     * or this server's own rebuild stored), at low priority; cheap when nothing changed.
     */
    synchronized void refreshInBackground(StoryAnalyzer analyzer, OutletRegistry registry) {
        TopicBuilder builder = StoredTopics.builder(new StoredViews(store, analyzer, 1), registry);
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    TopicBuilder.Update u = builder.update();
                    if (u.topics() >= 0) LOG.info("topics updated: names of {} stories read, {} topics, {} ms", u.storiesRead(), u.topics(), u.millis());
                    firstRefresh.countDown();
                    Thread.sleep(REFRESH_PERIOD.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) return;
                    LOG.warn("topic refresh failed (pages show the stored topics): {}", e.toString(), e);
                    firstRefresh.countDown();
                    try {
                        Thread.sleep(REFRESH_PERIOD.toMillis());
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "topic-refresh");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        refresher = t;
        t.start();
    }

    /**
     * Waits until the first refresh of {@link #refreshInBackground} ended. Storing topics moves the store's links
     * stamp, which every kept page is keyed on ({@link PageCache}): pages rendered before it would all be stale.
     */
    void awaitFirstRefresh() throws InterruptedException {
        firstRefresh.await();
    }

    /** {@link #awaitFirstRefresh} within a time limit: true when the first refresh ended in time. */
    boolean awaitFirstRefresh(long nanos) throws InterruptedException {
        return firstRefresh.await(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Stops the background refresh and waits a bounded time, so the caller can close the store after this. */
    void close() {
        Thread t;
        synchronized (this) {
            t = refresher;
        }
        if (t == null) return;
        t.interrupt();
        try {
            t.join(StoryViews.CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void html(Context ctx, String body) {
        ctx.status(200).contentType("text/html; charset=utf-8").result(body);
    }
}
