package news.parallax.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;

/**
 * Story views and feed overviews for the web layer, memoised per story version.
 *
 * <p>A story page analyses its story once; later requests reuse the view until the story's membership changes
 * (the key holds the member ids, so re-clustering invalidates it). Feeds need only landscapes, which
 * {@link DefaultStoryAnalyzer#overview} computes without reading text. Thread-safe.
 */
final class StoryViews {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoryViews.class);
    /** Story pages kept analysed; a page view of an evicted story analyses it again. */
    static final int MAX_VIEWS = 256;
    /** Feed overviews kept; cheap, so many. */
    static final int MAX_OVERVIEWS = 20_000;
    /** Stories a blindspot feed scans, largest first: one-sided coverage of a one-article story is no signal. */
    static final int BLINDSPOT_SCAN_LIMIT = 2_000;

    /** Largest stories analysed in the background when the server starts, so their first page view is a cache hit. */
    static final int WARM_STORIES = 50;

    private final Store store;
    private final StoryAnalyzer analyzer;
    private final Map<String, StoryView> views = lru(MAX_VIEWS);
    private final Map<String, StoryOverview> overviews = lru(MAX_OVERVIEWS);

    StoryViews(Store store, StoryAnalyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    private static String key(StoryRef ref) {
        return ref.id() + "@" + ref.articleIds().hashCode() + ":" + ref.articleIds().size();
    }

    Optional<StoryView> view(String id) {
        Optional<StoryRef> ref = store.storyRef(id);
        if (ref.isEmpty()) return Optional.empty();
        String key = key(ref.get());
        synchronized (views) {
            StoryView v = views.get(key);
            if (v != null) return Optional.of(v);
        }
        Optional<StoryView> v = store.story(id).map(analyzer::analyze);
        v.ifPresent(view -> {
            synchronized (views) {
                views.put(key, view);
            }
        });
        return v;
    }

    /**
     * Analyses the {@code count} largest stories, then computes the blindspot feed's landscapes, on a low-priority
     * daemon thread. A failure stops the warm-up only:
     * pages then analyse on request as usual.
     */
    Thread warmInBackground(int count) {
        Thread t = new Thread(() -> {
            try {
                for (StoryRef ref : store.stories(count)) {
                    if (Thread.currentThread().isInterrupted()) return;
                    view(ref.id());
                }
                // Then the landscapes the blindspot feed scans, so its first request does not compute them all.
                for (StoryRef ref : store.stories(BLINDSPOT_SCAN_LIMIT)) {
                    if (Thread.currentThread().isInterrupted() || ref.sourceCount() < 2) return;
                    overview(ref);
                }
            } catch (RuntimeException e) {
                LOG.warn("story page warm-up stopped: {}", e.toString(), e);
            }
        }, "story-view-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    StoryOverview overview(StoryRef ref) {
        String key = key(ref);
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

    private StoryOverview overviewOf(news.parallax.analysis.StoryMembers members) {
        var d = DefaultStoryAnalyzer.of(analyzer);
        if (d.isPresent()) return d.get().overview(members);
        StoryView v = analyzer.analyze(members);
        return new StoryOverview(members.ref(), v.landscape(), v.blindspot());
    }

    /** One page of the story feed: {@code limit} stories after the first {@code offset}, largest first. */
    List<StoryOverview> feed(int offset, int limit) {
        List<StoryOverview> out = new ArrayList<>();
        for (StoryRef ref : store.stories(offset, limit)) out.add(overview(ref));
        return out;
    }

    /** Blindspots for {@code side} ("left", "right") or for either side when null, largest stories first. */
    List<StoryOverview> blindspots(@org.jspecify.annotations.Nullable String side, int offset, int limit) {
        List<StoryOverview> out = new ArrayList<>();
        int skipped = 0;
        for (StoryRef ref : store.stories(BLINDSPOT_SCAN_LIMIT)) {
            if (ref.sourceCount() < 2) break;
            StoryOverview o = overview(ref);
            if (o.blindspot() == null || side != null && !o.blindspot().side().equals(side)) continue;
            if (skipped++ < offset) continue;
            out.add(o);
            if (out.size() >= limit) break;
        }
        return out;
    }
}
