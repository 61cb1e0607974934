package news.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.parallax.ingest.ArticleIds;
import news.parallax.model.StoryRef;
import news.parallax.store.StoredStory;
import news.parallax.store.StoryRedirect;
import org.junit.jupiter.api.Test;

/** Which stored id each re-clustered story keeps, and where ended ids point. */
class PermanentIdsTest {
    /** A story as {@link StoryBuilder} names it: after its first article. */
    private static StoredStory built(String... articles) {
        String id = ArticleIds.derive("story:" + articles[0]).substring(0, 12);
        return new StoredStory(new StoryRef(id, "t", articles.length, articles.length, null, null, List.of(articles)), Map.of(), Map.of());
    }

    private static Map<String, String> stored(Map<String, List<String>> stories) {
        Map<String, String> out = new HashMap<>();
        stories.forEach((id, articles) -> articles.forEach(a -> out.put(a, id)));
        return out;
    }

    private static List<String> ids(PermanentIds.Kept kept) {
        return kept.stories().stream().map(s -> s.ref().id()).toList();
    }

    @Test
    void aStoryWhoseFirstArticleChangedKeepsItsId() {
        PermanentIds.Kept kept = PermanentIds.assign(List.of(built("older", "a1", "a2")), stored(Map.of("S1", List.of("a1", "a2"))), id -> false);
        assertThat(ids(kept)).containsExactly("S1");
        assertThat(kept.redirects()).isEmpty();
    }

    @Test
    void mergedStoriesKeepTheIdOfTheLargerShareAndTheOtherRedirects() {
        PermanentIds.Kept kept = PermanentIds.assign(List.of(built("b1", "a1", "a2", "a3")),
                stored(Map.of("A", List.of("a1", "a2", "a3"), "B", List.of("b1"))), id -> false);
        assertThat(ids(kept)).containsExactly("A");
        assertThat(kept.redirects()).containsExactly(new StoryRedirect("B", "A"));
    }

    @Test
    void onATieTheOlderStoryKeepsItsId() {
        PermanentIds.Kept kept = PermanentIds.assign(List.of(built("b1", "a1", "a2", "b2")),
                stored(Map.of("A", List.of("a1", "a2"), "B", List.of("b1", "b2"))), id -> false);
        assertThat(ids(kept)).containsExactly("B");
        assertThat(kept.redirects()).containsExactly(new StoryRedirect("A", "B"));
    }

    @Test
    void theLargerPartOfASplitKeepsTheIdAndTheOtherIsNamedAfterItsFirstArticle() {
        StoredStory small = built("a1", "a2");
        PermanentIds.Kept kept = PermanentIds.assign(List.of(small, built("a3", "a4", "a5")),
                stored(Map.of("A", List.of("a1", "a2", "a3", "a4", "a5"))), id -> false);
        assertThat(ids(kept)).containsExactly(small.ref().id(), "A");
        assertThat(kept.redirects()).isEmpty();
    }

    @Test
    void aNameTakenByAnotherStoryGetsACounter() {
        StoredStory fresh = built("n1");
        String name = fresh.ref().id();
        // The stored story named after n1's article kept its name when n1 left it, and is not part of this change.
        PermanentIds.Kept kept = PermanentIds.assign(List.of(fresh), Map.of(), name::equals);
        assertThat(ids(kept)).doesNotContain(name).allMatch(id -> id.length() == 12);
        assertThat(ids(kept).get(0)).isEqualTo(ArticleIds.derive("story:n1#1").substring(0, 12));
    }

    @Test
    void theSameGroupsInAnotherOrderGetTheSameIds() {
        Map<String, String> before = stored(Map.of("A", List.of("a1", "a2"), "B", List.of("b1", "b2"), "C", List.of("c1")));
        List<StoredStory> groups = List.of(built("a1", "b1"), built("a2", "b2", "c1"));
        PermanentIds.Kept one = PermanentIds.assign(groups, before, id -> false);
        PermanentIds.Kept other = PermanentIds.assign(List.of(groups.get(1), groups.get(0)), before, id -> false);
        assertThat(other.stories()).containsExactlyInAnyOrderElementsOf(one.stories());
        assertThat(other.redirects()).isEqualTo(one.redirects());
        assertThat(one.redirects()).hasSize(1);
    }
}
