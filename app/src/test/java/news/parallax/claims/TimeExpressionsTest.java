package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeExpressionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Troops were moved between Oct. 8 and 13.|2024-10-18|2024-10-08/2024-10-13",
            "They will join the fight by November 1.|2024-10-19|by 2024-11-01",
            "Deployment should be complete by December.|2024-10-23|by 2024-12",
            "On 18 October, Budanov confirmed the figure.|2024-10-23|2024-10-18",
            "Lawmakers said on Wednesday that more were expected.|2024-10-24|2024-10-23",
            "The vote is due by January 15.|2024-12-20|by 2025-01-15",
            "The pact was signed in June.|2024-10-23|2024-06",
    })
    void resolvesAgainstTheArticleDate(String sentence, String articleDate, String resolved) {
        assertThat(TimeExpressions.find(sentence, LocalDate.parse(articleDate)))
                .first().extracting(TimeMention::resolved).isEqualTo(resolved);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "They will join the fight by November 1.|by November 1",
            "Troops were moved between Oct. 8 and 13.|between Oct. 8 and 13",
    })
    void keepsTheTextWhenTheArticleIsUndated(String sentence, String text) {
        assertThat(TimeExpressions.find(sentence, null)).first().satisfies(t -> {
            assertThat(t.text()).isEqualTo(text);
            assertThat(t.resolved()).isEqualTo(text);
        });
    }
}
