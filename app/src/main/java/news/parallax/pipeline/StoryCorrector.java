package news.parallax.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.StoryMembers;
import news.parallax.cluster.Clustering;
import news.parallax.editor.Correction;
import news.parallax.editor.Corrections;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import news.parallax.store.StoryRedirect;
import org.jspecify.annotations.Nullable;

/**
 * Makes an editor's correction now (issue 14): checks it against the stored stories, records it
 * ({@link Corrections}: later re-clustering and live passes replay it, see {@link StoryCorrections}), rewrites the
 * stories it changes under their permanent ids ({@link PermanentIds}: a merged-away id redirects to the survivor,
 * reports follow) and builds their views. Only the stories involved are read and written. Bad input (an unknown
 * story or article, an article not in the story) is refused with an {@link IllegalArgumentException} naming it,
 * before anything is stored.
 */
public final class StoryCorrector {
    private final Store store;
    private final OutletRegistry registry;
    private final @Nullable StoredViews views;
    private final Corrections corrections;

    /** @param views builds the changed stories' views at once; null leaves them to the next rebuild */
    public StoryCorrector(Store store, OutletRegistry registry, @Nullable StoredViews views) {
        this.store = store;
        this.registry = registry;
        this.views = views;
        this.corrections = new Corrections(store);
    }

    /** With the bundled registry for headlines and counts (as {@link Pipeline#standard}), building views with {@code analyzer}. */
    public static StoryCorrector standard(Store store, news.parallax.analysis.StoryAnalyzer analyzer) {
        return new StoryCorrector(store, news.parallax.outlets.OutletRegistries.bundled(), new StoredViews(store, analyzer));
    }

    /** The correction as stored, the stories it left (by id) and the ids that now redirect. */
    public record Result(Correction correction, List<String> storyIds, List<StoryRedirect> redirects) {}

    /** Moves {@code articleIds} out of story {@code storyId} into a new story. */
    public Result split(String storyId, List<String> articleIds, String editor, String note) {
        StoryMembers story = requireStory(storyId);
        List<String> moving = distinct(articleIds);
        for (String id : moving) {
            if (!story.ref().articleIds().contains(id)) throw new IllegalArgumentException("article " + id + " is not in story " + storyId);
        }
        if (moving.size() >= story.ref().articleIds().size()) {
            throw new IllegalArgumentException("a split must leave at least one article in story " + storyId + " (it has "
                    + story.ref().articleIds().size() + ")");
        }
        Correction c = new Correction(0, Correction.Kind.SPLIT, editor, Instant.now(), storyId, null, moving, List.of(), note);
        return make(c, List.of(story));
    }

    /** Merges story {@code otherId} with story {@code storyId}; the survivor's id follows the permalink rules. */
    public Result merge(String storyId, String otherId, String editor, String note) {
        StoryMembers a = requireStory(storyId);
        StoryMembers b = requireStory(otherId);
        if (a.ref().id().equals(b.ref().id())) throw new IllegalArgumentException("cannot merge story " + storyId + " with itself");
        Correction c = new Correction(0, Correction.Kind.MERGE, editor, Instant.now(), storyId, otherId, a.ref().articleIds(),
                b.ref().articleIds(), note);
        return make(c, List.of(a, b));
    }

    /** Moves {@code articleIds} (from whatever stories hold them) into story {@code targetId}. */
    public Result move(List<String> articleIds, String targetId, String editor, String note) {
        StoryMembers target = requireStory(targetId);
        List<String> moving = distinct(articleIds);
        if (moving.isEmpty()) throw new IllegalArgumentException("name at least one article to move");
        Map<String, String> holder = store.storyMembership(moving);
        Map<String, StoryMembers> sources = new LinkedHashMap<>();
        for (String id : moving) {
            String from = holder.get(id);
            if (from == null) {
                throw new IllegalArgumentException(store.article(id).isPresent() ? "article " + id + " is in no story yet"
                        : "no article " + id + " in " + store.location());
            }
            if (from.equals(target.ref().id())) throw new IllegalArgumentException("article " + id + " is already in story " + targetId);
            sources.computeIfAbsent(from, this::requireStory);
        }
        String from = holder.get(moving.get(0));
        Correction c = new Correction(0, Correction.Kind.MOVE, editor, Instant.now(), from, targetId, moving, target.ref().articleIds(), note);
        List<StoryMembers> involved = new ArrayList<>(sources.values());
        involved.add(target);
        return make(c, involved);
    }

    private Result make(Correction draft, List<StoryMembers> involved) {
        List<Clustering.Group> groups = new ArrayList<>();
        Map<String, Article> byId = new HashMap<>();
        Map<String, String> before = new HashMap<>();
        Set<String> involvedIds = new LinkedHashSet<>();
        for (StoryMembers s : involved) {
            groups.add(new Clustering.Group(s.ref().articleIds(), s.reasons(), s.copyOf()));
            for (Article a : s.articles()) {
                byId.put(a.id(), a);
                before.put(a.id(), s.ref().id());
            }
            involvedIds.add(s.ref().id());
        }
        List<Clustering.Group> corrected = StoryCorrections.apply(groups, List.of(draft));
        List<StoredStory> built = StoryBuilder.build(new Clustering(corrected), byId, registry);
        PermanentIds.Kept kept = PermanentIds.assign(built, before, id -> !involvedIds.contains(id) && store.storyRef(id).isPresent());
        Correction stored = corrections.add(draft);
        try {
            store.updateStories(kept.stories(), kept.redirects());
        } catch (RuntimeException e) {
            // Not replayed later either: the stories and the record of corrections stay as they were.
            corrections.remove(stored.id());
            throw e;
        }
        List<String> ids = kept.stories().stream().map(s -> s.ref().id()).toList();
        if (views != null) views.build(ids);
        return new Result(stored, ids, kept.redirects());
    }

    /** The live story: a redirected id is refused naming the story that took it over, so nobody corrects the wrong one. */
    private StoryMembers requireStory(String id) {
        return store.story(id).orElseThrow(() -> new IllegalArgumentException(store.storyRedirect(id)
                .map(to -> "story " + id + " is now story " + to + ": correct that one")
                .orElse("no story " + id + " in " + store.location())));
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
