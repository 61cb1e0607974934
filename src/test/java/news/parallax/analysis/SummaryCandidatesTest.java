package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryCandidatesTest {
    @Test
    void statementIsKeptWithoutItsBullet() {
        assertThat(SummaryCandidates.accept("• South Korea's spy agency said 1,500 special forces had arrived in Russia by ship."))
                .contains("South Korea's spy agency said 1,500 special forces had arrived in Russia by ship.");
    }

    @Test
    void chromeAndFragmentsAreRejected() {
        assertThat(SummaryCandidates.accept("Sign up for our newsletter to get the latest world news every morning.")).isEmpty();
        assertThat(SummaryCandidates.accept("Click on bars to see headlines")).isEmpty();
        assertThat(SummaryCandidates.accept("North Korea Sends Troops To Support Russia In Ukraine War Amid Tensions.")).isEmpty();
        assertThat(SummaryCandidates.accept("Tags: , , , , , , ,")).isEmpty();
    }

    @Test
    void wordBoundariesKeepOrdinaryWords() {
        // "subscribers" is not the "subscribe" call to action.
        assertThat(SummaryCandidates.accept("The streaming service lost two million subscribers in the first quarter of the year.")).isPresent();
    }

    @Test
    void scrapedLabelIsDropped() {
        assertThat(SummaryCandidates.accept("Details: Seoul reported that Pyongyang has promised to provide about 10,000 troops."))
                .contains("Seoul reported that Pyongyang has promised to provide about 10,000 troops.");
    }

    @Test
    void fragmentsCutAtAnAbbreviationAreRejected() {
        assertThat(SummaryCandidates.accept("If Supreme Court nominee Brett Kavanaugh is confirmed, Roe v.")).isEmpty();
        assertThat(SummaryCandidates.accept("Ford said she is certain that Supreme Court nominee Judge Brett M.")).isEmpty();
    }

    @Test
    void captionsAreRejectedAndDatelinesDropped() {
        assertThat(SummaryCandidates.accept("Supreme Court nominee Judge Brett Kavanaugh at his Senate Judiciary Committee"
                + " confirmation hearing, September 4, 2018.")).isEmpty();
        assertThat(SummaryCandidates.accept("WASHINGTON (Reuters) - Senators delayed the committee vote on the nomination by a week."))
                .contains("Senators delayed the committee vote on the nomination by a week.");
    }

    @Test
    void pieceOfALongerQuoteIsRejected() {
        assertThat(SummaryCandidates.accept("“And Congress has made it as clear as it can that it does not want the president to act.")).isEmpty();
        assertThat(SummaryCandidates.accept("“We will act,” the governor said on Monday after the storm hit the coast.")).isPresent();
    }
}
