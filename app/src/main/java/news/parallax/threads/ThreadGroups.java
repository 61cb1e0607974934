package news.parallax.threads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import news.parallax.internal.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * Turns links into threads: each connected group of two or more linked stories is one thread. Ids are kept: a
 * group takes the id of the stored thread it shares most stories with (each id once, largest groups first), so a
 * thread that grows, loses a story or merges with a smaller one keeps its address; a new group is named after its
 * first story.
 */
final class ThreadGroups {
    private ThreadGroups() {}

    static List<StoryThread> group(Collection<ThreadLinker.Link> links, Map<String, StoryProfile> profiles,
            Map<String, String> previousThreadOf) {
        Map<String, String> parent = new HashMap<>();
        for (ThreadLinker.Link l : links) {
            if (!profiles.containsKey(l.earlierId()) || !profiles.containsKey(l.laterId())) continue;
            union(parent, l.earlierId(), l.laterId());
        }
        Map<String, List<StoryProfile>> groups = new HashMap<>();
        for (String id : parent.keySet()) groups.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(profiles.get(id));
        Comparator<StoryProfile> order = (a, b) -> ThreadLinker.before(a, b) ? -1 : a.storyId().equals(b.storyId()) ? 0 : 1;
        List<List<StoryProfile>> sorted = new ArrayList<>();
        for (List<StoryProfile> g : groups.values()) {
            g.sort(order);
            sorted.add(g);
        }
        sorted.sort(Comparator.comparingInt((List<StoryProfile> g) -> -g.size()).thenComparing(g -> g.get(0).firstSeen())
                .thenComparing(g -> g.get(0).storyId()));
        // Kept ids first, for every group, so a new group's fresh id never takes one a later group would keep.
        Set<String> taken = new HashSet<>();
        @Nullable String[] ids = new String[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            String kept = keptId(sorted.get(i), previousThreadOf, taken);
            ids[i] = kept;
            if (kept != null) taken.add(kept);
        }
        Set<String> previous = new HashSet<>(previousThreadOf.values());
        List<StoryThread> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            List<StoryProfile> g = sorted.get(i);
            String id = ids[i];
            if (id == null) {
                String seed = "thread:" + g.get(0).storyId();
                id = Hashes.sha256Hex(seed, 6);
                for (int n = 2; taken.contains(id) || previous.contains(id); n++) id = Hashes.sha256Hex(seed + ":" + n, 6);
                taken.add(id);
            }
            StoryProfile head = g.stream().max(Comparator.comparingInt(StoryProfile::sourceCount)
                    .thenComparing(StoryProfile::lastSeen)).orElseThrow();
            var first = g.stream().map(StoryProfile::firstSeen).min(Comparator.naturalOrder()).orElseThrow();
            var last = g.stream().map(StoryProfile::lastSeen).max(Comparator.naturalOrder()).orElseThrow();
            out.add(new StoryThread(id, head.title(), g.stream().map(StoryProfile::storyId).toList(), first, last));
        }
        return out;
    }

    /** The stored thread id most of the group's stories had, not yet taken; null when none. */
    private static @Nullable String keptId(List<StoryProfile> g, Map<String, String> previousThreadOf, Set<String> taken) {
        Map<String, Integer> votes = new HashMap<>();
        for (StoryProfile p : g) {
            String t = previousThreadOf.get(p.storyId());
            if (t != null && !taken.contains(t)) votes.merge(t, 1, Integer::sum);
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static String find(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        String root = x;
        for (String up = up(parent, root); !up.equals(root); up = up(parent, root)) root = up;
        for (String next = up(parent, x); !next.equals(root); next = up(parent, x)) {
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    /** The parent of {@code x}, which {@link #find} has put in the forest (so it has one). */
    private static String up(Map<String, String> parent, String x) {
        return Objects.requireNonNull(parent.get(x), () -> "no parent for " + x);
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
    }
}
