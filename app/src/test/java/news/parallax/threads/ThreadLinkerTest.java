package news.parallax.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadLinkerTest {
    private static final ThreadLinker LINKER = new ThreadLinker(new ThreadSettings(7, 0.7, 1));

    private static StoryProfile story(String id, String first, String last, List<String> subjects, float... v) {
        return new StoryProfile(id, "Story " + id, Instant.parse(first + "T00:00:00Z"), Instant.parse(last + "T00:00:00Z"), 3, subjects,
                StoryProfile.centroid(List.of(v)));
    }

    @Test
    void aStoryBeginningDaysAfterAnotherEndsOnTheSameSubjectContinuesIt() {
        StoryProfile declaration = story("a", "2019-02-15", "2019-02-18", List.of("emergency", "trump"), 1, 0.2f);
        StoryProfile vote = story("b", "2019-02-22", "2019-02-27", List.of("emergency", "house"), 1, 0.4f);
        assertThat(LINKER.score(declaration, vote)).isPresent();
        // Never backwards: the later story is not continued by the earlier one.
        assertThat(LINKER.score(vote, declaration)).isEmpty();
    }

    @Test
    void aGapLongerThanTheSettingBreaksTheLink() {
        StoryProfile a = story("a", "2019-02-01", "2019-02-02", List.of("emergency"), 1, 0);
        StoryProfile b = story("b", "2019-02-10", "2019-02-11", List.of("emergency"), 1, 0);
        assertThat(LINKER.score(a, b)).isEmpty();
        assertThat(new ThreadLinker(new ThreadSettings(8, 0.7, 1)).score(a, b)).isPresent();
    }

    @Test
    void noSharedSubjectOrALowCosineBreaksTheLink() {
        StoryProfile a = story("a", "2019-02-01", "2019-02-02", List.of("emergency"), 1, 0);
        assertThat(LINKER.score(a, story("b", "2019-02-03", "2019-02-04", List.of("oscars"), 1, 0))).isEmpty();
        assertThat(LINKER.score(a, story("c", "2019-02-03", "2019-02-04", List.of("emergency"), 0, 1))).isEmpty();
    }

    @Test
    void aStoryWithoutEmbeddingsIsNeverLinked() {
        StoryProfile a = story("a", "2019-02-01", "2019-02-02", List.of("emergency"), 1, 0);
        StoryProfile b = new StoryProfile("b", "B", Instant.parse("2019-02-03T00:00:00Z"), Instant.parse("2019-02-03T00:00:00Z"), 1,
                List.of("emergency"), null);
        assertThat(LINKER.score(a, b)).isEmpty();
    }

    @Test
    void theBestEarlierStoryIsTheClosestInMeaning() {
        StoryProfile later = story("z", "2019-02-10", "2019-02-11", List.of("emergency"), 1, 0);
        StoryProfile near = story("a", "2019-02-08", "2019-02-09", List.of("emergency"), 1, 0.1f);
        StoryProfile far = story("b", "2019-02-08", "2019-02-09", List.of("emergency"), 1, 0.5f);
        assertThat(LINKER.bestEarlier(later, List.of(far, near, later)).orElseThrow().earlierId()).isEqualTo("a");
    }

    @Test
    void headlineSubjectsAreTheRepeatedNamesWithoutTitleCaseFillerOrFirstWords() {
        List<String> subjects = StoryProfile.headlineSubjects(List.of("Democrats: House Votes To Block Trump's Emergency Declaration",
                "In the House, a vote against Trump's emergency", "Trump vows veto"));
        assertThat(subjects.subList(0, 2)).containsExactlyInAnyOrder("house", "trump");
        assertThat(subjects).contains("emergency").doesNotContain("to", "in", "democrats", "a", "the", "vows");
    }
}
