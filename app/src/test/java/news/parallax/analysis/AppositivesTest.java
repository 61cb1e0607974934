package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppositivesTest {
    private static final String FIRST = "Derek Chauvin was charged with the murder of George Floyd, a black man who died after being restrained by police.";

    @Test
    void aNameTheSummaryAlreadyGaveIsNotDescribedAgain() {
        assertThat(Appositives.dropKnown("Protests spread over the killing of George Floyd, a Minneapolis black man who died under an officer’s knee.", FIRST))
                .isEqualTo("Protests spread over the killing of George Floyd.");
        assertThat(Appositives.dropKnown("Chauvin, the former officer who knelt on his neck, faces a second charge.", FIRST))
                .isEqualTo("Chauvin faces a second charge.");
        List<StoryView.SummarySentence> summary = Appositives.describeOnce(List.of(
                new StoryView.SummarySentence(FIRST, List.of("a1"), List.of("AP")),
                new StoryView.SummarySentence("Crowds gathered for George Floyd, a father of five.", List.of("a2", "a3"), List.of("NPR", "CNN"))));
        assertThat(summary.get(0).text()).isEqualTo(FIRST);
        assertThat(summary.get(1).text()).isEqualTo("Crowds gathered for George Floyd.");
        assertThat(summary.get(1).articleIds()).containsExactly("a2", "a3");
    }

    @Test
    void everythingElseIsLeftAsWritten() {
        // A first mention, a clause after an introductory phrase or a weekday, a description that may go on past its
        // comma, and an attribution clause all stay.
        for (String s : List.of(
                "Protesters marched for Breonna Taylor, a medical worker shot by police in Louisville.",
                "In Minneapolis, the protests spread across the city.",
                "On Friday, the governor called in the National Guard.",
                "However, the mayor said the curfew would stay.",
                "The death of George Floyd, a 46-year-old man who died in Minneapolis, Minnesota, after an arrest, drew crowds.",
                "The officers were fired on Tuesday, Floyd, the family's lawyer said.")) {
            assertThat(Appositives.dropKnown(s, FIRST + " Minneapolis Friday However")).as(s).isEqualTo(s);
        }
    }
}
