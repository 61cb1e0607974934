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
}
