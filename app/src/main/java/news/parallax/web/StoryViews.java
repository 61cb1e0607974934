package news.parallax.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.model.StoryMembers;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.model.StoryRef;
import news.parallax.pipeline.StoredViews;
import news.parallax.store.Store;
import news.parallax.store.StoredView;
import org.jspecify.annotations.Nullable;

/**
 * Story views and feed overviews for the web layer, read from the views stored when stories change
 * ({@link StoredViews}, issue 19): a request never analyses a story.
 *
 * <p>A story whose stored view is stale (its story changed since, and whoever changed it did not rebuild the view)
 * is shown with that previous view; one without a stored view (a store made by an older version) with its
 * {@linkplain StoredViews#pending pending view}: listing, landscape and articles, no summary, key points or
 * claims. Either way the request queues the story for a background rebuild, which a server also runs over every
 * stale story when it starts ({@link #warmInBackground}). A web node of a shared deployment does neither: its
 * clusterer builds the views after each pass ({@link WebServer.ViewBuilding}). Decoded views are kept in memory per
 * stored version. Thread-safe.
 */
final class StoryViews {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoryViews.class);
    /** Decoded story views kept in memory; an evicted one is read and decoded again (no analysis). */
    static final int MAX_VIEWS = 256;
    /** How long {@link #close} waits for a rebuild to finish the story it is analysing. */
    static final long CLOSE_WAIT_MILLIS = 10_000;
    /** Feed overviews of stories without a current stored view, computed from the registry; cheap, so many. */
    static final int MAX_OVERVIEWS = 20_000;
    /** Stories a blindspot feed scans, largest first: one-sided coverage of a one-article story is no signal. */
    static final int BLINDSPOT_SCAN_LIMIT = 2_000;

    /** Largest stories whose stored views are decoded into memory when the server starts, after the rebuild. */
    static final int WARM_STORIES = 50;

    private final Store store;
    private final StoryAnalyzer analyzer;
    private final StoredViews stored;
    private final Map<String, Decoded> views = lru(MAX_VIEWS);
    private final Map<String, StoryOverview> overviews = lru(MAX_OVERVIEWS);
    /** Stories a request found stale or missing: rebuilt before the rest. */
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private @Nullable Thread rebuilder;
    /** Whether this server rebuilds stale views; false on a web node whose clusterer does (WebServer.ViewBuilding). */
    private final boolean rebuilds;

    /** A decoded stored view and the stamps it was stored under. */
    private record Decoded(String stamp, String version, StoryView view) {}

    StoryViews(Store store, StoryAnalyzer analyzer, boolean rebuilds) {
        this.rebuilds = rebuilds;
        this.store = store;
        this.analyzer = analyzer;
        // One core fewer than the machine has: the background rebuild leaves one to the requests.
        this.stored = new StoredViews(store, analyzer, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    /** The story's stored view (current or previous), else its pending view; empty when no story has this id. */
    Optional<StoryView> view(String id) {
        return stamped(id).map(Stamped::view);
    }

    /**
     * A view and what it was made from ({@link #source}): what a cache of rendered pages keys on.
     *
     * @param source the stored view's stamp and version, or the pending view's story stamp; null when not known
     *               (a story saved before stamps), so not cacheable
     */
    record Stamped(StoryView view, @Nullable String source) {}

    /** What the page of a story with these stamps is made from (see {@link Stamped#source}). */
    static @Nullable String source(StoredView.Stamps s) {
        if (s.hasView()) return "view " + s.viewStamp() + " " + s.viewVersion();
        return s.storyStamp() == null ? null : "pending " + s.storyStamp();
    }

    /** As {@link #view}, with what the view was made from. */
    Optional<Stamped> stamped(String id) {
        Optional<StoredView.Stamps> stamps = store.viewStamps(id);
        if (stamps.isEmpty()) return Optional.empty();
        StoredView.Stamps s = stamps.get();
        if (!s.current(stored.version())) requestRebuild(id);
        if (s.hasView()) {
            synchronized (views) {
                Decoded d = views.get(id);
                if (d != null && d.stamp().equals(s.viewStamp()) && d.version().equals(s.viewVersion())) {
                    return Optional.of(new Stamped(d.view(), source(s)));
                }
            }
            Optional<StoredView> row = store.storedView(id);
            if (row.isPresent()) {
                Decoded d = new Decoded(row.get().stamp(), row.get().version(), StoredViews.decode(row.get().view()));
                synchronized (views) {
                    views.put(id, d);
                }
                // The row read may be newer than the stamps read just before: label the view with its own.
                return Optional.of(new Stamped(d.view(), source(new StoredView.Stamps(id, s.storyStamp(), d.stamp(), d.version()))));
            }
        }
        return store.story(id).map(m -> new Stamped(stored.pending(m), source(new StoredView.Stamps(id, s.storyStamp(), null, null))));
    }

    /** Fills the articles' texts of a view as JSON, which stored views leave out ({@link StoredViews#fillTexts}). */
    void fillTexts(String id, com.fasterxml.jackson.databind.node.ObjectNode view) {
        stored.fillTexts(id, view);
    }

    /** The stored view of story {@code id} as stored (gzip'd JSON), current or not; read, never decoded. */
    Optional<StoredView> storedRow(String id) {
        return store.storedView(id);
    }

    /** The version stored views must carry to be current. */
    String version() {
        return stored.version();
    }

    /**
     * Starts the background rebuild of every missing or stale stored view, largest stories first, then decodes the
     * {@code count} largest stories' views into memory; returns its thread, which ends when nothing is left (a
     * request that finds a stale view starts another). A failure stops the rebuild only: pages keep showing
     * previous or pending views.
     */
    Thread warmInBackground(int count) {
        return startRebuild(count);
    }

    /** Queues story {@code id} for the background rebuild (its view is stale or missing). */
    void requestRebuild(String id) {
        if (!rebuilds) return;
        requested.add(id);
        startRebuild(0);
    }

    /**
     * Stops the background rebuild, whichever request or start-up began it, and waits a bounded time for the
     * story in progress, so the caller can close the store after this (the rebuild found it closed otherwise).
     */
    void close() {
        Thread running;
        synchronized (this) {
            running = rebuilder;
        }
        if (running == null) return;
        running.interrupt();
        try {
            running.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Thread startRebuild(int warm) {
        Thread running = rebuilder;
        if (running != null && running.isAlive()) return running;
        Thread t = new Thread(() -> rebuild(warm), "story-view-rebuild");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        rebuilder = t;
        t.start();
        return t;
    }

    private void rebuild(int warm) {
        try {
            while (rebuilds && !Thread.currentThread().isInterrupted()) {
                List<String> urgent = new ArrayList<>(requested);
                requested.removeAll(urgent);
                if (!urgent.isEmpty()) {
                    stored.build(urgent);
                    continue;
                }
                if (stored.buildStaleRound() > 0) continue;
                synchronized (this) {
                    // A request that queued a story after the drain above saw this thread alive: take it too.
                    if (requested.isEmpty()) {
                        rebuilder = null;
                        break;
                    }
                }
            }
            for (StoryRef ref : store.stories(warm)) {
                if (Thread.currentThread().isInterrupted()) return;
                view(ref.id());
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                rebuilder = null;
            }
            LOG.warn("story view rebuild stopped (pages show previous or pending views): {}", e.toString(), e);
        }
    }

    StoryOverview overview(StoryRef ref) {
        StoryOverview o = stored.overviews(List.of(ref)).get(ref.id());
        return o != null ? o : computedOverview(ref);
    }

    /** The landscape of a story without a current stored view, from the registry (no text is read), memoised per membership. */
    private StoryOverview computedOverview(StoryRef ref) {
        String key = ref.id() + "@" + ref.articleIds().hashCode() + ":" + ref.articleIds().size();
        synchronized (overviews) {
            StoryOverview o = overviews.get(key);
            if (o != null) return o;
        }
        StoryOverview o = store.story(ref.id()).map(this::overviewOf)
                .orElse(new StoryOverview(ref, new StoryView.Landscape(0, 0, 0, 0), null));
        synchronized (overviews) {
            overviews.put(key, o);
        }
        return o;
    }

    private StoryOverview overviewOf(StoryMembers members) {
        var d = DefaultStoryAnalyzer.of(analyzer);
        if (d.isPresent()) return d.get().overview(members);
        StoryView v = stored.pending(members);
        return new StoryOverview(members.ref(), v.landscape(), v.blindspot());
    }

    private List<StoryOverview> overviews(List<StoryRef> refs) {
        Map<String, StoryOverview> found = stored.overviews(refs);
        List<StoryOverview> out = new ArrayList<>(refs.size());
        for (StoryRef ref : refs) {
            StoryOverview o = found.get(ref.id());
            out.add(o != null ? o : computedOverview(ref));
        }
        return out;
    }

    /** One page of the story feed: {@code limit} stories after the first {@code offset}, largest first. */
    List<StoryOverview> feed(int offset, int limit) {
        return overviews(store.stories(offset, limit));
    }

    /** Blindspots for {@code side} ("left", "right") or for either side when null, largest stories first. */
    List<StoryOverview> blindspots(@Nullable String side, int offset, int limit) {
        int skipped = 0;
        List<StoryRef> scanned = new ArrayList<>();
        for (StoryRef ref : store.stories(BLINDSPOT_SCAN_LIMIT)) {
            if (ref.sourceCount() < 2) break;
            scanned.add(ref);
        }
        List<StoryOverview> out = new ArrayList<>();
        for (StoryOverview o : overviews(scanned)) {
            if (o.blindspot() == null || side != null && !o.blindspot().side().equals(side)) continue;
            if (skipped++ < offset) continue;
            out.add(o);
            if (out.size() >= limit) break;
        }
        return out;
    }
}
