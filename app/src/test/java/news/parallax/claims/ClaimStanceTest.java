package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.model.Claim;
import news.parallax.model.Claim.Stance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimStanceTest {

    private static List<Claim> claims(String text) {
        Article a = new Article("a1", "Test", null, null, "", Instant.parse("2024-10-20T00:00:00Z"), List.of(), text,
                "test", "en", Map.of());
        return new ClaimAnalyzer().analyze(List.of(a)).claims();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The agency said 1,500 troops have arrived in Russia.|ASSERTED",
            "Budanov estimated that 2,600 soldiers will be deployed.|ESTIMATED",
            "North Korea has reportedly sent 1,500 troops.|HEDGED",
            "The total could rise to 12,000 troops.|HEDGED",
    })
    void figureStance(String text, Stance stance) {
        assertThat(claims(text)).filteredOn(c -> !c.bound().equals("assertion")).first()
                .extracting(Claim::stance).isEqualTo(stance);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Both Moscow and Pyongyang have consistently denied any arms deals between them.|DENIED|Moscow and Pyongyang",
            "The Kremlin has dismissed as fake news South Korea's claim that Russia was sending troops.|DISPUTED|Kremlin",
            "NATO chief Mark Rutte added that there is currently no evidence to support claims of troop involvement.|UNCONFIRMED|Mark Rutte",
            "US Defense Secretary Lloyd Austin stated that he could not confirm the reports of troop movements.|UNCONFIRMED|Lloyd Austin",
    })
    void denialsDisputesAndFailuresToConfirm(String text, Stance stance, String source) {
        assertThat(claims(text)).filteredOn(c -> c.stance() == stance).first()
                .extracting(Claim::attributedTo).isEqualTo(source);
    }

    @org.junit.jupiter.api.Test
    void twoSourcesGivingDifferentFiguresForOneQuestionAreBothDisputed() {
        List<Claim> figures = claims("Police said 5,000 protesters marched on Saturday, while organizers said "
                + "50,000 protesters marched.").stream().filter(c -> !c.bound().equals("assertion")).toList();
        assertThat(figures).extracting(Claim::value).containsExactlyInAnyOrder("5000", "50000");
        assertThat(figures).extracting(Claim::stance).containsOnly(Stance.DISPUTED);
    }

    @org.junit.jupiter.api.Test
    void oneSourceGivingABeforeAndAnAfterIsNoDispute() {
        assertThat(claims("The ministry said 5,000 protesters marched on Saturday and 50,000 protesters marched on Sunday."))
                .filteredOn(c -> !c.bound().equals("assertion")).extracting(Claim::stance).containsOnly(Stance.ASSERTED);
    }
}
