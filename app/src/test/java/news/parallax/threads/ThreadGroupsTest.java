package news.parallax.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadGroupsTest {
    private static Map<String, StoryProfile> profiles(String... ids) {
        Map<String, StoryProfile> out = new HashMap<>();
        int day = 1;
        for (String id : ids) {
            Instant t = Instant.parse("2019-02-01T00:00:00Z").plusSeconds(86_400L * day++);
            out.put(id, new StoryProfile(id, "Story " + id, t, t, day, List.of(), null));
        }
        return out;
    }

    private static ThreadLinker.Link link(String a, String b) {
        return new ThreadLinker.Link(a, b, 0.9);
    }

    @Test
    void linkedStoriesFormOneThreadInTimeOrderNamedAfterTheLargest() {
        List<StoryThread> t = ThreadGroups.group(List.of(link("a", "b"), link("b", "c")), profiles("a", "b", "c", "d"), Map.of());
        assertThat(t).hasSize(1);
        assertThat(t.get(0).storyIds()).containsExactly("a", "b", "c");
        assertThat(t.get(0).title()).isEqualTo("Story c");
    }

    @Test
    void aThreadKeepsItsIdWhenItGrowsAndWhenItsFirstStoryLeaves() {
        Map<String, StoryProfile> p = profiles("a", "b", "c", "d");
        String id = ThreadGroups.group(List.of(link("a", "b")), p, Map.of()).get(0).id();
        List<StoryThread> grown = ThreadGroups.group(List.of(link("a", "b"), link("b", "c")), p, Map.of("a", id, "b", id));
        assertThat(grown.get(0).id()).isEqualTo(id);
        List<StoryThread> shrunk = ThreadGroups.group(List.of(link("b", "c")), p, Map.of("a", id, "b", id, "c", id));
        assertThat(shrunk.get(0).id()).isEqualTo(id);
    }

    @Test
    void aSplitThreadKeepsItsIdOnTheLargerPartAndTheOtherGetsANewOne() {
        Map<String, StoryProfile> p = profiles("a", "b", "c", "d", "e");
        Map<String, String> before = Map.of("a", "t1", "b", "t1", "c", "t1", "d", "t1", "e", "t1");
        List<StoryThread> split = ThreadGroups.group(List.of(link("a", "b"), link("c", "d"), link("d", "e")), p, before);
        assertThat(split).extracting(StoryThread::id).containsExactly("t1", split.get(1).id());
        assertThat(split.get(0).storyIds()).containsExactly("c", "d", "e");
        assertThat(split.get(1).id()).isNotEqualTo("t1");
    }
}
