package news.parallax.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import news.parallax.cluster.Clustering;
import news.parallax.model.JoinReason;
import news.parallax.editor.Correction;

/**
 * Editors' corrections as constraints on clustering (issue 14): after the clusterer has grouped the articles, the
 * corrections are replayed on its groups in the order they were made, so a re-clustering ({@code ingest}) or a live
 * pass gives the stories the editors left. Each correction is replayed by what it named:
 * <ul>
 * <li>a <b>split</b> takes its articles out of whatever groups hold them now and makes them one group;</li>
 * <li>a <b>move</b> takes its articles into the group that now holds most of the target story's members of then;</li>
 * <li>a <b>merge</b> joins the group holding most of one story's members of then with the group holding most of
 *     the other's, and brings in any of those members the clusterer put elsewhere.</li>
 * </ul>
 * Articles that arrived later stay where the clusterer put them, so a corrected story keeps growing. Only groups
 * holding an article a correction names can change ({@link #named}). An article a correction placed loses its join
 * reason (no score placed it), and copy links between articles that end in different groups are dropped. Pure
 * function; deterministic for the same input.
 */
final class StoryCorrections {
    private StoryCorrections() {}

    /** Every article any of {@code corrections} names: only groups holding one can be changed by them. */
    static Set<String> named(Collection<Correction> corrections) {
        Set<String> out = new HashSet<>();
        for (Correction c : corrections) {
            out.addAll(c.articles());
            out.addAll(c.targetArticles());
        }
        return out;
    }

    /** {@code groups} with {@code corrections} replayed in order; groups no correction touches are returned as they were. */
    static List<Clustering.Group> apply(List<Clustering.Group> groups, List<Correction> corrections) {
        if (corrections.isEmpty()) return groups;
        Set<String> named = named(corrections);
        List<Clustering.Group> out = new ArrayList<>();
        List<Clustering.Group> touched = new ArrayList<>();
        for (Clustering.Group g : groups) {
            if (g.articleIds().stream().anyMatch(named::contains)) touched.add(g);
            else out.add(g);
        }
        if (touched.isEmpty()) return groups;
        Partition p = new Partition(touched);
        for (Correction c : corrections) p.replay(c);
        out.addAll(p.groups());
        return out;
    }

    /** The touched groups as mutable sets, with each article's group. */
    private static final class Partition {
        final List<Set<String>> members = new ArrayList<>();
        final Map<String, Integer> groupOf = new HashMap<>();
        final Map<String, JoinReason> reasons = new HashMap<>();
        final Map<String, String> copyOf = new HashMap<>();
        final Set<String> placed = new HashSet<>();

        Partition(List<Clustering.Group> groups) {
            for (Clustering.Group g : groups) {
                int index = members.size();
                members.add(new LinkedHashSet<>(g.articleIds()));
                for (String id : g.articleIds()) groupOf.put(id, index);
                reasons.putAll(g.reasons());
                copyOf.putAll(g.copyOf());
            }
        }

        void replay(Correction c) {
            switch (c.kind()) {
                case SPLIT -> {
                    List<String> present = present(c.articles());
                    if (!present.isEmpty()) moveInto(present, newGroup());
                }
                case MOVE -> {
                    List<String> present = present(c.articles());
                    Set<String> target = new LinkedHashSet<>(c.targetArticles());
                    target.removeAll(c.articles());
                    int into = plurality(target);
                    if (into >= 0 && !present.isEmpty()) moveInto(present, into);
                }
                case MERGE -> {
                    int a = plurality(c.articles());
                    int b = plurality(c.targetArticles());
                    if (a < 0 || b < 0) return;
                    if (a != b) moveInto(new ArrayList<>(members.get(b)), a, false);
                    List<String> strays = new ArrayList<>();
                    for (String id : present(c.articles())) if (!Objects.equals(groupOf.get(id), a)) strays.add(id);
                    for (String id : present(c.targetArticles())) if (!Objects.equals(groupOf.get(id), a)) strays.add(id);
                    moveInto(strays, a);
                }
            }
        }

        private List<String> present(List<String> ids) {
            return ids.stream().filter(groupOf::containsKey).distinct().toList();
        }

        private int newGroup() {
            members.add(new LinkedHashSet<>());
            return members.size() - 1;
        }

        /** The group holding most of {@code ids} (on a tie, the one holding the earliest listed); -1 when none is present. */
        private int plurality(Collection<String> ids) {
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (String id : ids) {
                Integer g = groupOf.get(id);
                if (g != null) counts.merge(g, 1, Integer::sum);
            }
            int best = -1;
            int bestCount = 0;
            for (var e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }

        private void moveInto(List<String> ids, int into) {
            moveInto(ids, into, true);
        }

        /** Moves articles into a group; {@code placedByEditor} marks them as placed by the correction, not by a score. */
        private void moveInto(List<String> ids, int into, boolean placedByEditor) {
            for (String id : ids) {
                Integer from = groupOf.get(id);
                if (from != null && from == into) continue;
                if (from != null) members.get(from).remove(id);
                members.get(into).add(id);
                groupOf.put(id, into);
                if (placedByEditor) placed.add(id);
            }
        }

        List<Clustering.Group> groups() {
            List<Clustering.Group> out = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Set<String> ids = members.get(i);
                if (ids.isEmpty()) continue;
                Map<String, JoinReason> r = new HashMap<>();
                Map<String, String> copies = new HashMap<>();
                for (String id : ids) {
                    JoinReason reason = reasons.get(id);
                    if (reason != null && !placed.contains(id)) r.put(id, reason);
                    String original = copyOf.get(id);
                    if (original != null && ids.contains(original)) copies.put(id, original);
                }
                out.add(new Clustering.Group(new ArrayList<>(ids), r, copies));
            }
            return out;
        }
    }
}
