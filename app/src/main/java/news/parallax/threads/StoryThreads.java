package news.parallax.threads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The thread stage: after stories are saved and their views stored, profiles the stories whose stamp changed,
 * re-links them (and the later stories whose best earlier story may have changed with them) and rewrites the
 * threads the links form. A live pass that changed a few stories profiles and links only those and their
 * neighbours in time; the first run over a store links every story. Threads with the same stories keep their rows.
 * Not thread-safe: one update at a time per store (the pipeline's single writer).
 */
public final class StoryThreads {
    /** Profiles per transaction while a first run profiles the whole store. */
    static final int PROFILE_BATCH = 256;
    /** Above this many (changed, stored) pairs to check, every story in the window is re-linked: cheaper than checking. */
    static final long FULL_RELINK_PAIRS = 2_000_000;

    private final ThreadStore store;
    private final ThreadLinker linker;

    public StoryThreads(ThreadStore store, ThreadSettings settings) {
        this.store = store;
        this.linker = new ThreadLinker(settings);
    }

    /** What one update did. */
    public record Update(int profiled, int relinked, int threads, int threadedStories, long millis) {}

    public Update update(ProfileSource source) {
        long start = System.nanoTime();
        List<String> orphans = store.dropGone();
        Map<String, String> stale = store.staleProfiles();
        List<StoryProfile> changed = new ArrayList<>();
        List<ThreadStore.Stamped> batch = new ArrayList<>();
        for (var e : stale.entrySet()) {
            Optional<StoryProfile> p = source.profile(e.getKey());
            if (p.isEmpty()) continue;
            changed.add(p.get());
            batch.add(new ThreadStore.Stamped(p.get(), e.getValue()));
            if (batch.size() >= PROFILE_BATCH) {
                store.putProfiles(batch);
                batch.clear();
            }
        }
        store.putProfiles(batch);
        if (changed.isEmpty() && orphans.isEmpty()) {
            ThreadStore.Counts n = store.counts();
            return new Update(0, 0, n.threads(), n.stories(), elapsed(start));
        }
        // The profiles that can take part: from the earliest start a changed story could link back to.
        Instant from = changed.stream().map(StoryProfile::firstSeen).min(Comparator.naturalOrder()).map(t -> t.minus(linker.window()))
                .orElse(null);
        Map<String, StoryProfile> all = store.profiles(orphans.isEmpty() ? from : null);
        Set<String> relink = relinkSet(changed, orphans, all);
        // How rare each subject is, over every profiled story (not the window), so a live pass and a rebuild agree.
        ThreadLinker scored = new ThreadLinker(linker.settings(), store.subjectFrequencies());
        List<ThreadLinker.Link> links = link(scored, relink, all.values());
        // Threads come from every stored link, kept and new: reading them all costs far less than profiling.
        Map<String, ThreadLinker.Link> byLater = new HashMap<>();
        for (ThreadLinker.Link l : store.links()) byLater.put(l.laterId(), l);
        for (String id : relink) byLater.remove(id);
        for (ThreadLinker.Link l : links) byLater.put(l.laterId(), l);
        // Stories of older threads outside the window: read by id, only those.
        Map<String, StoryProfile> linked = new HashMap<>(all);
        Set<String> missing = new LinkedHashSet<>();
        for (ThreadLinker.Link l : byLater.values()) {
            if (!linked.containsKey(l.earlierId())) missing.add(l.earlierId());
            if (!linked.containsKey(l.laterId())) missing.add(l.laterId());
        }
        if (!missing.isEmpty()) linked.putAll(store.profilesOf(missing));
        List<StoryThread> threads = ThreadGroups.group(byLater.values(), linked, store.threadOfEachStory());
        store.saveLinksAndThreads(relink, links, threads);
        int stories = threads.stream().mapToInt(t -> t.storyIds().size()).sum();
        return new Update(changed.size(), relink.size(), threads.size(), stories, elapsed(start));
    }

    /** The changed stories, those whose earlier story went, and the later stories a changed one may now precede. */
    private Set<String> relinkSet(List<StoryProfile> changed, List<String> orphans, Map<String, StoryProfile> all) {
        Set<String> out = new LinkedHashSet<>();
        for (StoryProfile c : changed) out.add(c.storyId());
        for (String o : orphans) if (all.containsKey(o)) out.add(o);
        if (changed.isEmpty()) return out;
        if ((long) changed.size() * all.size() > FULL_RELINK_PAIRS) {
            out.addAll(all.keySet());
            return out;
        }
        List<StoryProfile> sorted = new ArrayList<>(changed);
        for (StoryProfile p : all.values()) {
            if (out.contains(p.storyId())) continue;
            for (StoryProfile c : sorted) {
                if (ThreadLinker.before(c, p) && !p.firstSeen().isAfter(c.lastSeen().plus(linker.window()))) {
                    out.add(p.storyId());
                    break;
                }
            }
        }
        return out;
    }

    /** Each story's best earlier story among {@code candidates}. */
    static List<ThreadLinker.Link> link(ThreadLinker linker, Collection<String> storyIds, Collection<StoryProfile> candidates) {
        Map<String, StoryProfile> byId = new HashMap<>();
        for (StoryProfile p : candidates) byId.put(p.storyId(), p);
        // Sorted by first seen: a story's candidates begin no later than it does, so the scan stops there.
        List<StoryProfile> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(StoryProfile::firstSeen).thenComparing(StoryProfile::storyId));
        long[] firsts = sorted.stream().mapToLong(p -> p.firstSeen().getEpochSecond()).toArray();
        List<ThreadLinker.Link> out = new ArrayList<>();
        for (String id : storyIds) {
            StoryProfile later = byId.get(id);
            if (later == null) continue;
            int end = upperBound(firsts, later.firstSeen().getEpochSecond());
            long earliestEnd = later.firstSeen().minus(linker.window()).getEpochSecond();
            List<StoryProfile> near = new ArrayList<>();
            for (int i = 0; i < end; i++) {
                if (sorted.get(i).lastSeen().getEpochSecond() >= earliestEnd) near.add(sorted.get(i));
            }
            linker.bestEarlier(later, near).ifPresent(out::add);
        }
        return out;
    }

    private static int upperBound(long[] a, long key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Threads of {@code profiles} under {@code settings}, computed in memory without touching the store: what
     * {@code eval-threads} scores alternative settings with. Ids are fresh.
     */
    public static List<StoryThread> compute(Collection<StoryProfile> profiles, ThreadSettings settings) {
        Map<String, StoryProfile> byId = new HashMap<>();
        for (StoryProfile p : profiles) byId.put(p.storyId(), p);
        return ThreadGroups.group(link(new ThreadLinker(settings, SubjectFrequencies.of(profiles)), byId.keySet(), profiles), byId, Map.of());
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
