package news.parallax.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import news.parallax.ingest.ArticleIds;
import news.parallax.store.StoredStory;
import news.parallax.store.StoryRedirect;

/**
 * Permalinks (issue 19): gives newly built stories the ids of the stored stories they continue, so a story
 * keeps its id for life, and says where the ids that end point to.
 *
 * <p>Each new story is paired with the stored stories it shares articles with; pairs are taken largest
 * overlap first, each new story and each stored id at most once. So a story that gained an older first article
 * keeps its id (it shares all its old articles with it); of two merged stories the survivor keeps the id of the
 * one it shares most articles with, and the other id redirects to it; of the parts of a split, the one holding
 * most of the old articles keeps the id. A stored id that no new story takes redirects to the new story holding
 * most of its articles. A new story continuing none is named after its first article, as before, unless that
 * name is taken, when a counter is added. Pure function; deterministic for the same input.
 */
final class PermanentIds {
    /** Attempts at a free name before giving up: each collision needs a stored story already holding the name. */
    private static final int MAX_NAME_ATTEMPTS = 1_000;

    private PermanentIds() {}

    /** The stories under their kept ids, and the redirects of the stored ids that end. */
    record Kept(List<StoredStory> stories, List<StoryRedirect> redirects) {}

    /** One stored story's share of one new story. */
    private record Overlap(int story, String storedId, int shared, int firstShared) {}

    /**
     * @param built        the stories as built, named after their first article
     * @param storedStoryOf article id to the stored story holding it: every member of every stored story this
     *                     change replaces (all stories for a full re-cluster)
     * @param nameTaken    whether an id names a stored story outside this change (always false for a full re-cluster)
     */
    static Kept assign(List<StoredStory> built, Map<String, String> storedStoryOf, Predicate<String> nameTaken) {
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            Map<String, int[]> shared = new LinkedHashMap<>(); // stored id -> {count, position of the first shared member}
            List<String> members = built.get(i).articleIds();
            for (int p = 0; p < members.size(); p++) {
                String stored = storedStoryOf.get(members.get(p));
                if (stored == null) continue;
                int position = p;
                shared.computeIfAbsent(stored, k -> new int[] {0, position})[0]++;
            }
            for (var e : shared.entrySet()) overlaps.add(new Overlap(i, e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        // Largest share first; on a tie, the stored story whose articles come earliest in the new one (the older
        // story), then the older new story, then by id: the same pairs whatever order the groups came in.
        Comparator<Overlap> order = Comparator.comparingInt((Overlap o) -> -o.shared()).thenComparingInt(Overlap::firstShared)
                .thenComparing(o -> firstSeen(built.get(o.story())))
                .thenComparing(o -> built.get(o.story()).articleIds().get(0))
                .thenComparing(Overlap::storedId);
        overlaps.sort(order);

        String[] ids = new String[built.size()];
        Set<String> used = new HashSet<>();
        for (Overlap o : overlaps) {
            if (ids[o.story()] != null || used.contains(o.storedId())) continue;
            ids[o.story()] = o.storedId();
            used.add(o.storedId());
        }
        Set<String> ending = new HashSet<>(storedStoryOf.values());
        ending.removeAll(used);
        Set<String> taken = new HashSet<>(used);
        taken.addAll(ending);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) ids[i] = freeName(built.get(i), taken, nameTaken);
            taken.add(ids[i]);
        }

        // An ending id goes to the new story holding most of its articles: its first pair in the same order.
        Map<String, String> redirects = new HashMap<>();
        for (Overlap o : overlaps) {
            if (ending.contains(o.storedId())) redirects.putIfAbsent(o.storedId(), ids[o.story()]);
        }
        List<StoredStory> stories = new ArrayList<>(built.size());
        for (int i = 0; i < ids.length; i++) {
            StoredStory s = built.get(i);
            stories.add(s.ref().id().equals(ids[i]) ? s : s.withId(ids[i]));
        }
        List<StoryRedirect> out = redirects.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new StoryRedirect(e.getKey(), e.getValue())).toList();
        return new Kept(stories, out);
    }

    private static Instant firstSeen(StoredStory s) {
        return s.ref().firstSeen() == null ? Instant.MAX : s.ref().firstSeen();
    }

    /** The story's name from its first article ({@link StoryBuilder}), or that name with a counter when it is taken. */
    private static String freeName(StoredStory story, Set<String> taken, Predicate<String> nameTaken) {
        String name = story.ref().id();
        String first = story.articleIds().get(0);
        for (int n = 1; n <= MAX_NAME_ATTEMPTS; n++) {
            if (!taken.contains(name) && !nameTaken.test(name)) return name;
            name = ArticleIds.derive("story:" + first + "#" + n).substring(0, 12);
        }
        throw new IllegalStateException("no free story id for the story of article " + first + " after " + MAX_NAME_ATTEMPTS + " attempts");
    }
}
