package news.parallax.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Slugs survive a recomputation that renames a topic, and a merged topic's slug redirects to the survivor. */
class TopicBuilderSlugsTest {
    private static TopicFinder.Found found(String name, Set<String> keys, int stories) {
        List<String> ids = java.util.stream.IntStream.range(0, stories).mapToObj(i -> name + i).toList();
        return new TopicFinder.Found(name, "person", List.of(name), keys, ids);
    }

    @Test
    void aRenamedTopicKeepsItsSlug() {
        var first = TopicBuilder.Slugs.assign(List.of(found("FBI", Set.of("fbi"), 5)), Map.of(), Map.of());
        assertThat(first.topics().get(0).slug()).isEqualTo("fbi");
        // Later the full name outnumbers the acronym and names the topic: the slug stays.
        var later = TopicBuilder.Slugs.assign(List.of(found("Federal Bureau of Investigation", Set.of("fbi", "federal bureau of investigation"), 9)),
                first.keys(), first.redirects());
        assertThat(later.topics().get(0).slug()).isEqualTo("fbi");
    }

    @Test
    void aMergedTopicsSlugRedirectsAndTwoTopicsNeverShareOne() {
        var first = TopicBuilder.Slugs.assign(List.of(found("Kyrylo Budanov", Set.of("kyrylo budanov"), 5),
                found("Kyrylo Budanow", Set.of("kyrylo budanow"), 3)), Map.of(), Map.of());
        assertThat(first.topics()).extracting(Topic::slug).containsExactly("kyrylo-budanov", "kyrylo-budanow");
        var merged = TopicBuilder.Slugs.assign(List.of(found("Kyrylo Budanov", Set.of("kyrylo budanov", "kyrylo budanow"), 8)),
                first.keys(), first.redirects());
        assertThat(merged.topics()).extracting(Topic::slug).containsExactly("kyrylo-budanov");
        assertThat(merged.redirects()).containsEntry("kyrylo-budanow", "kyrylo-budanov");
        var twins = TopicBuilder.Slugs.assign(List.of(found("Georgia", Set.of("georgia"), 5), found("Georgia!", Set.of("georgia!"), 3)),
                Map.of(), Map.of());
        assertThat(twins.topics()).extracting(Topic::slug).containsExactly("georgia", "georgia-2");
    }
}
