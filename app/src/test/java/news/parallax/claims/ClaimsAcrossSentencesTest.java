package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.model.Claim;
import org.junit.jupiter.api.Test;

/** Issue 18, item 4 and the page-level rules: one literal article each, one call, one assertion. */
class ClaimsAcrossSentencesTest {
    private static List<Claim> claims(String body) {
        Article a = new Article("a1", "Test Outlet", null, null, "", null, List.of(), body, "test", "en", Map.of());
        return new ClaimAnalyzer().analyze(List.of(a)).claims();
    }

    private static Claim figure(List<Claim> claims, String value) {
        return claims.stream().filter(c -> c.value().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + value + " in " + claims));
    }

    @Test
    void aPollKeepsItsNameThroughTheSentencesThatContinueIt() {
        List<Claim> found = claims("A new Quinnipiac poll released Friday shows Clinton ahead in Ohio. "
                + "Clinton had 45 percent of likely voters. Trump was at 40 percent.");
        assertThat(figure(found, "40").attributedTo()).isEqualTo("Quinnipiac poll");
    }

    @Test
    void aGenericSurveyIsTheNamedOne() {
        List<Claim> found = claims("A Gallup survey of 140 countries asked about giving.\n\n"
                + "The survey found that 44 percent of people helped a stranger in need.");
        assertThat(figure(found, "44").attributedTo()).isEqualTo("Gallup");
    }

    @Test
    void aProposalsFiguresGoToItsProposer() {
        List<Claim> found = claims("Under Trump's tax plan the top rate would fall to 25 percent.");
        assertThat(figure(found, "25").attributedTo()).isEqualTo("Trump");
    }

    @Test
    void aBareShareContinuesTheGroupOfTheShareBeforeIt() {
        List<Claim> found = claims("The survey found that 48 percent of likely Democratic voters backed Sanders. "
                + "Nine percent thought the replacement should be someone else.");
        // the group of the share before, with the answer this share gave (session 8: the answer is kept too)
        assertThat(figure(found, "9").thing())
                .isEqualTo("likely Democratic voters who thought the replacement should be someone else");
    }

    @Test
    void aRangeIsOneClaimWithItsHighEnd() {
        List<Claim> found = claims("Visas cost $800 to $2,200 each.");
        assertThat(figure(found, "800-2200").valueHigh()).isEqualTo("2200");
    }

    @Test
    void moneyKeepsItsCurrency() {
        List<Claim> found = claims("New Zealand pledged NZ$200 million to the fund.");
        assertThat(figure(found, "200000000").unit()).isEqualTo("NZD");
    }

    @Test
    void aSlideshowCountIsNoClaim() {
        assertThat(claims("Slideshow (20 Images)\n\nThe council met on Monday.")).isEmpty();
    }

    @Test
    void aListicleTeaserIsNoClaim() {
        assertThat(claims("4 Winners and 2 Losers From the Debate\n\nThe debate ran long.")).isEmpty();
    }

    @Test
    void percentagesAndPointsOfOneQuestionAreGroupedApart() {
        StoryClaims story = new ClaimAnalyzer().analyze(List.of(new Article("a1", "Test Outlet", null, null, "", null,
                List.of(), "Biden had 24 percent support in the poll, down 3 points from last month.", "test", "en",
                Map.of())));
        assertThat(story.groups()).extracting(g -> g.claims().get(0).kind()).contains("percent", "points");
    }

    @Test
    void twoOutletsFiguresForOneQuestionShareItAndTheirDisagreementShows() {
        Article a = new Article("a1", "Outlet A", null, null, "", null, List.of(),
                "A new poll shows Clinton leading Trump by 4 points in Ohio.", "test", "en", Map.of());
        Article b = new Article("b1", "Outlet B", null, null, "", null, List.of(),
                "Hillary Clinton leads Donald Trump by six percentage points in Ohio, according to a survey.", "test",
                "en", Map.of());
        List<ClaimGroup> groups = new ClaimAnalyzer().analyze(List.of(a, b)).groups();
        assertThat(groups).filteredOn(g -> g.claims().size() == 2).singleElement()
                .satisfies(g -> assertThat(g.disagree()).isTrue());
    }

    /** Seen on a live story page: a weekday that dated a report became the source of the figures after it. */
    @Test
    void aReportDatedByItsWeekdayLendsNoSourceToTheFiguresAfterIt() {
        List<Claim> found = claims("The mayor wants to cut 300 jobs, according to the Saturday report.\n\n"
                + "The city would save $12 million from the parks budget and $3 million from road repairs.");
        assertThat(found).extracting(Claim::attributedTo).doesNotContain("Saturday", "Saturday report");
        assertThat(figure(found, "3000000").attributedTo()).isNull();
    }

    @Test
    void aPollTableRowIsCreditedToThePollInItsClosingParenthesis() {
        List<Claim> found = claims("The race has tightened in the state.\n\nAB 41% CD 30% EF 9% OT 5% UN 15% (Oct. 2-4 Valley Herald)");
        assertThat(figure(found, "30").attributedTo()).isEqualTo("Valley Herald poll");
        assertThat(ClaimExtractor.tableSource("Prices rose 5% in May (Reuters)")).isNull();
    }

    @Test
    void aPollKeepsItsNameAcrossAFewSentencesOfContext() {
        List<Claim> found = claims("Smith leads the race, according to a new Marist poll.\n\n"
                + "The poll was taken before the debate. The debate was held in Denver. Jones spoke first.\n\n"
                + "Sixty percent of voters said the economy was the top issue.");
        assertThat(figure(found, "60").attributedTo()).isEqualTo("Marist poll");
    }
}
