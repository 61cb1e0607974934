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
    void aPresentTenseActionAfterANameIsAPhotoCaption() {
        assertThat(SummaryCandidates.accept("Democratic presidential candidate Senator Jane Doe appears at an election night rally"
                + " in Des Moines, Iowa.")).isEmpty();
        assertThat(SummaryCandidates.accept("Governor Tom Ellis gestures as he speaks to reporters outside the statehouse in Albany.")).isEmpty();
        // Reports in the past tense, and present-tense words quoted, stay.
        assertThat(SummaryCandidates.accept("Senator Jane Doe appeared at an election night rally in Des Moines on Monday.")).isPresent();
        assertThat(SummaryCandidates.accept("The mayor said the city \"stands with the families\" and will pay for the funerals.")).isPresent();
        assertThat(SummaryCandidates.accept("Ellis speaks for most of the state's farmers, who want the tariffs lifted by spring.")).isPresent();
        assertThat(SummaryCandidates.accept("Governor Ellis appears to believe that the tariffs will be lifted by spring.")).isPresent();
        assertThat(SummaryCandidates.accept("On Capitol Hill, Ellis is seen as keeping a light touch on policy for the coming budget fight.")).isPresent();
    }

    @Test
    void pieceOfALongerQuoteIsRejected() {
        assertThat(SummaryCandidates.accept("“And Congress has made it as clear as it can that it does not want the president to act.")).isEmpty();
        assertThat(SummaryCandidates.accept("“We will act,” the governor said on Monday after the storm hit the coast.")).isPresent();
    }

    @Test
    void questionsAndInterviewLinesAreNotStatements() {
        // Both were key points of real stories (Feb and Mar 2019): a reporter's shouted question and an interviewer's turn.
        assertThat(SummaryCandidates.accept("\"Mr. president, do you think Robert Mueller acted honorably?\"")).isEmpty();
        assertThat(SummaryCandidates.accept("How much information does Barr have to release about the Mueller report, and what can Congress do about it?")).isEmpty();
        assertThat(SummaryCandidates.accept("Let’s start with what you spoke about on the panel: the steps the US and North Korea could take.")).isEmpty();
        assertThat(SummaryCandidates.accept("Q: What did the two leaders agree on when they met in Hanoi last week?")).isEmpty();
        assertThat(SummaryCandidates.accept("TAPPER: The president walked away from the table in Hanoi without a deal.")).isEmpty();
        assertThat(SummaryCandidates.accept("Support for impeachment rose sharply, according to our impeachment polling tracker.")).isEmpty();
    }

    @Test
    void aSpeakersOwnWordsMaySayYouAndTheUsIsTheCountry() {
        assertThat(SummaryCandidates.accept("“Sometimes you have to walk,” Trump told reporters at a news conference in Hanoi on Thursday.")).isPresent();
        assertThat(SummaryCandidates.accept("The US and North Korea gave differing accounts of why the summit in Hanoi ended early.")).isPresent();
        assertThat(SummaryCandidates.accept("The memorial honours the soldiers of the county who died in World War I and later wars.")).isPresent();
    }

    @Test
    void newsroomDatelinesAndPlayerLabelsAreStripped() {
        assertThat(SummaryCandidates.accept("SEOUL/HANOI (Reuters) - South Korea will work with the United States and North Korea to help them reach a deal."))
                .contains("South Korea will work with the United States and North Korea to help them reach a deal.");
        assertThat(SummaryCandidates.accept("Washington (CNN) Special counsel Robert Mueller did not find that the campaign conspired with Russia, Barr said."))
                .contains("Special counsel Robert Mueller did not find that the campaign conspired with Russia, Barr said.");
        assertThat(SummaryCandidates.accept("CLOSE Senate Majority Leader Mitch McConnell says the president will sign the funding bill."))
                .contains("Senate Majority Leader Mitch McConnell says the president will sign the funding bill.");
        // A senator's state in brackets is no dateline.
        assertThat(SummaryCandidates.accept("Mitch McConnell (Ky.) said the Senate would vote on the resolution next week."))
                .contains("Mitch McConnell (Ky.) said the Senate would vote on the resolution next week.");
    }

    @Test
    void aWirePhotoCaptionDatedByWeekdayIsACaption() {
        assertThat(SummaryCandidates.accept("Botham Jean's son Brandt Jean delivers his impact statement to former Dallas Police Officer Amber Guyger following her sentencing for murder, Wednesday, Oct. 2, 2019, in Dallas.")).isEmpty();
        assertThat(SummaryCandidates.accept("Guyger was sentenced on Wednesday to ten years in prison by the jury that convicted her.")).isPresent();
    }

    @Test
    void aSentenceClosingABracketItDidNotOpenIsHalfASentence() {
        assertThat(SummaryCandidates.accept("Cuomo mandated that all residents wear masks, but only when “you cannot keep your distance.”)")).isEmpty();
    }

    @Test
    void aSentenceEndingOnAHyphenatedTitleIsHalfASentence() {
        assertThat(SummaryCandidates.accept("Parnas and Fruman are also accused of plotting with Republican ex-Rep.")).isEmpty();
    }
}
