package news.parallax.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        String from = sources.keySet().iterator().next(); // the story of the first article moved
        Correction c = new Correction(0, Correction.Kind.MOVE, editor, Instant.now(), from, targetId, moving, target.ref().articleIds(), note);
        List<StoryMembers> involved = new ArrayList<>(sources.values());
        involved.add(target);
        return make(c, involved);
    }

    /**
     * Undoes correction {@code id}: it is no longer replayed, and the stories it made are put back now as far as the
     * articles it named allow: a split's articles rejoin the story they left (the story now holding that story's id),
     * a merge's second story is split out again, a move's articles go back to the story they left (or form a story of
     * their own when it is gone). Articles that arrived since stay where they are; the next re-clustering decides
     * freely where no other correction says otherwise.
     *
     * @throws IllegalArgumentException naming the correction when there is none or it was already undone
     */
    public UndoResult undo(long id, String editor) {
        Corrections.Entry entry = corrections.find(id).orElseThrow(() -> new IllegalArgumentException("no correction #" + id + " in " + store.location()));
        if (entry.undone()) {
            throw new IllegalArgumentException("correction #" + id + " was already undone by " + entry.undoneBy() + " at " + entry.undoneAt());
        }
        Correction c = entry.correction();
        Correction inverse = inverse(c, editor);
        if (!corrections.markUndone(id, editor, Instant.now())) throw new IllegalArgumentException("correction #" + id + " was already undone");
        if (inverse == null) return new UndoResult(entry.correction(), List.of(), List.of());
        try {
            Map<String, String> holder = store.storyMembership(new ArrayList<>(StoryCorrections.named(List.of(inverse))));
            List<StoryMembers> involved = new ArrayList<>();
            for (String story : new LinkedHashSet<>(holder.values())) store.story(story).ifPresent(involved::add);
            if (involved.isEmpty()) return new UndoResult(c, List.of(), List.of());
            Written w = write(inverse, involved);
            return new UndoResult(c, w.ids(), w.redirects());
        } catch (RuntimeException e) {
            corrections.unmarkUndone(id);
            throw e;
        }
    }

    /** What an undo did: the correction undone, the stories it rewrote (by id) and the ids that now redirect. */
    public record UndoResult(Correction undone, List<String> storyIds, List<StoryRedirect> redirects) {}

    /** The correction that puts back what {@code c} changed, as it applies to the stories now; null when nothing is left to change. */
    private @Nullable Correction inverse(Correction c, String editor) {
        Instant now = Instant.now();
        String note = "undo #" + c.id();
        switch (c.kind()) {
            case SPLIT -> {
                // Rejoin the story now holding the split story's id (its larger part kept it), or most of its other members.
                Optional<StoryMembers> rest = liveStory(c.storyId());
                if (rest.isEmpty()) return null;
                List<String> others = rest.get().ref().articleIds().stream().filter(a -> !c.articles().contains(a)).toList();
                if (others.isEmpty()) return null;
                return new Correction(0, Correction.Kind.MERGE, editor, now, c.storyId(), rest.get().ref().id(), c.articles(), others, note);
            }
            case MERGE -> {
                // The second story's members of then leave again, if the merged story holds others too.
                Map<String, String> holder = store.storyMembership(c.targetArticles());
                List<String> present = c.targetArticles().stream().filter(holder::containsKey).toList();
                if (present.isEmpty()) return null;
                String from = Objects.requireNonNull(holder.get(present.get(0)), "story of a present article");
                return new Correction(0, Correction.Kind.SPLIT, editor, now, from, null, present, List.of(), note);
            }
            case MOVE -> {
                Optional<StoryMembers> source = liveStory(c.storyId());
                List<String> others = source.map(s -> s.ref().articleIds().stream().filter(a -> !c.articles().contains(a)).toList()).orElse(List.of());
                if (others.isEmpty()) return new Correction(0, Correction.Kind.SPLIT, editor, now, c.storyId(), null, c.articles(), List.of(), note);
                return new Correction(0, Correction.Kind.MOVE, editor, now, c.storyId(), source.get().ref().id(), c.articles(), others, note);
            }
        }
        return null;
    }

    /** The story with this id now, or the one that took the id over. */
    private Optional<StoryMembers> liveStory(String id) {
        Optional<StoryMembers> s = store.story(id);
        return s.isPresent() ? s : store.storyRedirect(id).flatMap(store::story);
    }

    private record Written(List<String> ids, List<StoryRedirect> redirects) {}

    private Result make(Correction draft, List<StoryMembers> involved) {
        Correction[] stored = new Correction[1];
        Written w = write(draft, involved, () -> stored[0] = corrections.add(draft), () -> corrections.remove(stored[0].id()));
        return new Result(stored[0], w.ids(), w.redirects());
    }

    private Written write(Correction draft, List<StoryMembers> involved) {
        return write(draft, involved, () -> {}, () -> {});
    }

    /** Applies {@code draft} to the involved stories and saves them; {@code record} runs before the save, {@code undoRecord} if it fails. */
    private Written write(Correction draft, List<StoryMembers> involved, Runnable record, Runnable undoRecord) {
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
        record.run();
        try {
            store.updateStories(kept.stories(), kept.redirects());
        } catch (RuntimeException e) {
            // Not replayed later either: the stories and the record of corrections stay as they were.
            undoRecord.run();
            throw e;
        }
        List<String> ids = kept.stories().stream().map(s -> s.ref().id()).toList();
        if (views != null) views.build(ids);
        return new Written(ids, kept.redirects());
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
