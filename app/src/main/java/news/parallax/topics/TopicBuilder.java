package news.parallax.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.parallax.analysis.StoryView;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Store;

/**
 * Keeps the stored topics in step with the stored story views: reads the main names of each story whose view changed
 * since its names were read ({@link StoryNames}), then recomputes every topic from all stories' names
 * ({@link TopicFinder}) and replaces them in one transaction, keeping each surviving topic's slug. A pass that
 * changed no view changes nothing. Killed at any point, it leaves whole names and whole topics; the next update
 * reads what is left. One update at a time per store (callers serialise); reading topics is always safe.
 */
public final class TopicBuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicBuilder.class);
    /** Stories whose names are read and stored per transaction. */
    static final int BATCH_SIZE = 256;

    /** Where a story's stored view comes from (the pipeline decodes it). */
    @FunctionalInterface
    public interface ViewSource {
        /** The stored view of the story, current or stale; empty when it has none. */
        Optional<StoryView> view(String storyId);
    }

    /** What an update did: stories whose names were read, and the topics stored (-1 when they were left as they were). */
    public record Update(int storiesRead, int topics, long millis) {}

    private final Store store;
    private final TopicStore topics;
    private final TopicFinder finder;
    private final ViewSource views;
    private final int threads;

    public TopicBuilder(Store store, OutletRegistry registry, ViewSource views) {
        this(store, registry, views, Runtime.getRuntime().availableProcessors());
    }

    public TopicBuilder(Store store, OutletRegistry registry, ViewSource views, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.store = store;
        this.topics = new TopicStore(store);
        this.finder = new TopicFinder(new TopicNoise(registry.all()));
        this.views = views;
        this.threads = threads;
    }

    /** Reads the names of every story whose view changed, and recomputes the topics when any did (or a story went). */
    public Update update() {
        long start = System.nanoTime();
        int read = 0;
        int gone = topics.deleteGoneNames();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("topic-names-", 0).factory());
        try {
            List<TopicStore.StaleView> stale;
            Set<String> failed = new HashSet<>();
            while (!Thread.currentThread().isInterrupted()
                    && !(stale = topics.staleViews(BATCH_SIZE + failed.size()).stream().filter(s -> !failed.contains(s.storyId())).toList()).isEmpty()) {
                List<Future<Optional<StoryNames>>> futures = new ArrayList<>();
                for (TopicStore.StaleView s : stale) futures.add(pool.submit(() -> names(s, failed)));
                List<StoryNames> batch = new ArrayList<>();
                for (Future<Optional<StoryNames>> f : futures) get(f).ifPresent(batch::add);
                topics.putNames(batch);
                read += batch.size();
                if (batch.isEmpty()) break;
            }
        } finally {
            pool.shutdownNow();
        }
        if (read == 0 && gone == 0 && topics.count("") > 0 || Thread.currentThread().isInterrupted()) {
            return new Update(read, -1, (System.nanoTime() - start) / 1_000_000);
        }
        int stored = recompute();
        return new Update(read, stored, (System.nanoTime() - start) / 1_000_000);
    }

    private Optional<StoryNames> names(TopicStore.StaleView s, Set<String> failed) {
        try {
            return views.view(s.storyId()).map(v -> StoryNames.of(v, s.stamp()));
        } catch (RuntimeException e) {
            // One view that cannot be read must not stop the others; its story simply has no topics until it is rebuilt.
            synchronized (failed) {
                failed.add(s.storyId());
            }
            LOG.warn("cannot read the names of story {}: {}", s.storyId(), e.toString(), e);
            return Optional.empty();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading story names", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Recomputes every topic from the stored names and stores them; returns how many. */
    public int recompute() {
        List<TopicFinder.Found> found = finder.find(topics.allNames());
        Map<String, Set<String>> previous = topics.slugKeys();
        Slugs slugs = Slugs.assign(found, previous, topics.redirects());
        topics.replace(slugs.topics(), slugs.keys(), slugs.redirects());
        return slugs.topics().size();
    }

    /** Topics with their slugs: kept from the stored topic sharing most spellings, else made from the name. */
    record Slugs(List<Topic> topics, Map<String, Set<String>> keys, Map<String, String> redirects) {
        static Slugs assign(List<TopicFinder.Found> found, Map<String, Set<String>> previous, Map<String, String> oldRedirects) {
            Map<String, String> slugOfKey = new HashMap<>();
            previous.forEach((slug, keys) -> keys.forEach(k -> slugOfKey.merge(k, slug, (a, b) -> a.compareTo(b) <= 0 ? a : b)));
            Map<TopicFinder.Found, String> chosen = new LinkedHashMap<>();
            Set<String> taken = new HashSet<>();
            // Largest first, so a split leaves the old slug with the larger part.
            for (TopicFinder.Found f : found) {
                Map<String, Integer> votes = new HashMap<>();
                for (String k : f.keys()) {
                    String s = slugOfKey.get(k);
                    if (s != null && !taken.contains(s)) votes.merge(s, 1, Integer::sum);
                }
                String own = TopicKeys.slug(f.name());
                votes.entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(e -> e.getKey().equals(own)) // a tie goes to the slug of its own name
                                .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                        .ifPresent(e -> {
                            chosen.put(f, e.getKey());
                            taken.add(e.getKey());
                        });
            }
            List<Topic> out = new ArrayList<>();
            Map<String, Set<String>> keys = new HashMap<>();
            for (TopicFinder.Found f : found) {
                String slug = chosen.get(f);
                if (slug == null) {
                    String base = TopicKeys.slug(f.name());
                    slug = base;
                    for (int n = 2; taken.contains(slug); n++) slug = base + "-" + n;
                    taken.add(slug);
                }
                out.add(new Topic(slug, f.name(), f.kind(), f.variants(), f.storyIds()));
                keys.put(slug, f.keys());
            }
            // A slug whose topic is gone points to the topic that now holds most of its spellings; older redirects follow.
            Map<String, String> redirects = new HashMap<>();
            Map<String, String> liveSlugOfKey = new HashMap<>();
            keys.forEach((slug, ks) -> ks.forEach(k -> liveSlugOfKey.put(k, slug)));
            Map<String, String> movedTo = new HashMap<>();
            for (var e : previous.entrySet()) {
                if (taken.contains(e.getKey())) continue;
                Map<String, Integer> votes = new HashMap<>();
                for (String k : e.getValue()) {
                    String s = liveSlugOfKey.get(k);
                    if (s != null) votes.merge(s, 1, Integer::sum);
                }
                votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
                        .ifPresent(v -> movedTo.put(e.getKey(), v.getKey()));
            }
            redirects.putAll(movedTo);
            for (var e : oldRedirects.entrySet()) {
                if (taken.contains(e.getKey()) || redirects.containsKey(e.getKey())) continue;
                String to = taken.contains(e.getValue()) ? e.getValue() : movedTo.get(e.getValue());
                if (to != null) redirects.put(e.getKey(), to);
            }
            return new Slugs(out, keys, redirects);
        }
    }

    public TopicStore topics() {
        return topics;
    }
}
