package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.model.Claim;
import org.junit.jupiter.api.Test;

/** A figure sent to a region keeps the region's whole name in its role: "the Middle East" is not "East". */
class RegionRoleTest {
    private static Article article(String id, String body) {
        return new Article(id, "Test Outlet", null, null, "", null, List.of(), body, "test", "en", Map.of());
    }

    @Test
    void regionNamesAreReadWhole() {
        Set<String> regions = ClaimExtractor.regions(List.of(article("r1",
                "Tension rose across the Middle East region. The South China Sea region saw patrols. "
                        + "In Kursk region the fighting went on.")));
        assertThat(regions).contains("Middle East", "South China Sea", "Kursk").doesNotContain("East", "In Kursk");
    }

    @Test
    void aFigureDeployedToTheMiddleEastIsNotDeployedToEast() {
        List<Claim> claims = new ClaimAnalyzer().analyze(List.of(article("r2",
                "Allies worry about stability in the Middle East region. "
                        + "The Pentagon said 3,000 troops were deployed to the Middle East on Friday."))).claims();
        Claim troops = claims.stream().filter(c -> c.value().equals("3000")).findFirst().orElseThrow();
        assertThat(troops.role()).isEqualTo("deployed to Middle East");
    }

    @Test
    void anotherRegionEndingInTheSameWordIsNoMatch() {
        // only "East region" is named; "the Middle East" is another place and gives no region role
        List<Claim> claims = new ClaimAnalyzer().analyze(List.of(article("r3",
                "Fighting spread in the East region of the country. "
                        + "The Pentagon said 3,000 troops were deployed to the Middle East on Friday."))).claims();
        Claim troops = claims.stream().filter(c -> c.value().equals("3000")).findFirst().orElseThrow();
        assertThat(troops.role()).doesNotStartWith("deployed to");
    }
}
