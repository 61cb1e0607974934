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

    /** 100 stories: "trump" in 30 of them, "daca" and "dreamers" in 2 each. */
    private static final SubjectFrequencies NEWS = new SubjectFrequencies(100, java.util.Map.of("trump", 30, "gop", 20, "daca", 2, "dreamers", 2));

    @Test
    void aUbiquitousSubjectIsNotCountedAsShared() {
        ThreadLinker linker = new ThreadLinker(new ThreadSettings(14, 0.7, 2, 0.05, Double.POSITIVE_INFINITY, 14, 0.7), NEWS);
        StoryProfile a = story("a", "2019-02-01", "2019-02-02", List.of("trump", "gop", "budget"), 1, 0);
        StoryProfile b = story("b", "2019-02-03", "2019-02-04", List.of("trump", "gop", "wall"), 1, 0);
        assertThat(linker.score(a, b)).as("only trump and gop shared").isEmpty();
        assertThat(new ThreadLinker(new ThreadSettings(14, 0.7, 2), NEWS).score(a, b)).as("session 7's rule counts them").isPresent();
        StoryProfile c = story("c", "2019-02-03", "2019-02-04", List.of("trump", "budget", "daca"), 1, 0);
        StoryProfile d = story("d", "2019-02-05", "2019-02-06", List.of("budget", "daca"), 1, 0);
        assertThat(linker.score(c, d)).isPresent();
    }

    @Test
    void rareSharedSubjectsReachALongerGapAndALowerCosineButCommonOnesDoNot() {
        // rarity of daca and dreamers: ln(100/2) each, 7.8 together
        ThreadLinker linker = new ThreadLinker(new ThreadSettings(14, 0.9, 2, 0.5, 7, 35, 0.5), NEWS);
        StoryProfile a = story("a", "2019-01-01", "2019-01-02", List.of("daca", "dreamers"), 1, 0);
        StoryProfile later = story("b", "2019-01-28", "2019-01-29", List.of("daca", "dreamers"), 1, 1);
        assertThat(linker.score(a, later)).as("26 days, cosine 0.71, two rare subjects").isPresent();
        assertThat(linker.score(a, story("c", "2019-02-20", "2019-02-21", List.of("daca", "dreamers"), 1, 1))).as("beyond 35 days").isEmpty();
        StoryProfile common = story("d", "2019-01-01", "2019-01-02", List.of("trump", "gop"), 1, 0);
        assertThat(linker.score(common, story("e", "2019-01-28", "2019-01-29", List.of("trump", "gop"), 1, 0))).as("common subjects: 14 days").isEmpty();
        assertThat(linker.score(common, story("f", "2019-01-05", "2019-01-06", List.of("trump", "gop"), 1, 1))).as("common: cosine 0.9").isEmpty();
        assertThat(linker.window()).isEqualTo(java.time.Duration.ofDays(35));
    }

    @Test
    void asAFallbackTheRarityRuleOnlyLinksAStoryTheBaseRuleLeavesAlone() {
        // Base rule: 14 days, cosine 0.9; rarity rule: daca + dreamers (7.8) may pause 35 days at cosine 0.5.
        ThreadSettings everyPair = new ThreadSettings(14, 0.9, 2, 0.5, 7, 35, 0.5);
        ThreadLinker fallback = new ThreadLinker(everyPair.withRarityOnlyAsFallback(true), NEWS);
        StoryProfile later = story("z", "2019-02-10", "2019-02-11", List.of("daca", "dreamers", "trump"), 1, 0);
        StoryProfile sameDays = story("a", "2019-02-08", "2019-02-09", List.of("daca", "trump"), 1, 0.1f);
        StoryProfile rarerButLessAlike = story("b", "2019-02-08", "2019-02-09", List.of("daca", "dreamers"), 1, 0.4f);
        // Both pass (the first by the base rule, the second only by the rarity rule); the closer in meaning is taken.
        assertThat(new ThreadLinker(everyPair, NEWS).bestEarlier(later, List.of(sameDays, rarerButLessAlike)).orElseThrow().earlierId())
                .isEqualTo("a");
        assertThat(fallback.bestEarlier(later, List.of(sameDays, rarerButLessAlike)).orElseThrow().earlierId())
                .as("the base rule found an earlier story: the rarity rule is not asked").isEqualTo("a");
        StoryProfile longAgo = story("c", "2019-01-10", "2019-01-12", List.of("daca", "dreamers"), 1, 1);
        StoryProfile common = story("d", "2019-01-10", "2019-01-12", List.of("trump", "gop"), 1, 0);
        StoryProfile alone = story("y", "2019-02-01", "2019-02-02", List.of("daca", "dreamers", "trump", "gop"), 1, 0);
        assertThat(fallback.bestEarlier(alone, List.of(longAgo, common)).orElseThrow().earlierId())
                .as("no base-rule link (20 days): the rare pair is linked").isEqualTo("c");
        assertThat(fallback.score(common, alone)).as("common subjects only: still the base rule's 14 days").isEmpty();
        assertThat(new ThreadLinker(new ThreadSettings(14, 0.9, 2), NEWS).bestEarlier(alone, List.of(longAgo, common))).isEmpty();
    }

    @Test
    void subjectFrequenciesCountEachStoryOnce() {
        SubjectFrequencies f = SubjectFrequencies.of(List.of(story("a", "2019-01-01", "2019-01-01", List.of("daca", "trump"), 1, 0),
                story("b", "2019-01-01", "2019-01-01", List.of("trump"), 1, 0)));
        assertThat(f.share("trump")).isEqualTo(1.0);
        assertThat(f.share("daca")).isEqualTo(0.5);
        assertThat(f.rarity("daca")).isEqualTo(Math.log(2));
        assertThat(SubjectFrequencies.NONE.rarity("daca")).isZero();
    }

    @Test
    void headlineSubjectsAreTheRepeatedNamesWithoutTitleCaseFillerOrFirstWords() {
        List<String> subjects = StoryProfile.headlineSubjects(List.of("Democrats: House Votes To Block Trump's Emergency Declaration",
                "In the House, a vote against Trump's emergency", "Trump vows veto"));
        assertThat(subjects.subList(0, 2)).containsExactlyInAnyOrder("house", "trump");
        assertThat(subjects).contains("emergency").doesNotContain("to", "in", "democrats", "a", "the", "vows");
    }
}
