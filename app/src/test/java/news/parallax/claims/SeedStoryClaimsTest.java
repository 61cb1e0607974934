package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import news.parallax.model.Claim;
import news.parallax.model.Claim.Stance;
import news.parallax.model.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance on the seed story (issue 6): figures with their sources, denials, failures to confirm, names. */
class SeedStoryClaimsTest {
    private static StoryClaims story;

    @BeforeAll
    static void analyse() throws Exception {
        assumeTrue(SeedStory.present(), "seed story not found at " + SeedStory.DIR.toAbsolutePath() + "; skipped");
        story = new ClaimAnalyzer().analyze(SeedStory.articles());
    }

    private static List<Claim> figures(String value) {
        return story.claims().stream().filter(c -> c.value().equals(value) && c.question().equals("troops"))
                .toList();
    }

    @Test
    void fifteenHundredTroopsAreAttributedToTheNationalIntelligenceService() {
        assertThat(figures("1500")).extracting(Claim::attributedTo).contains("National Intelligence Service");
    }

    @Test
    void tenThousandSoldiersAreAttributedToZelensky() {
        assertThat(figures("10000")).extracting(Claim::attributedTo).contains("Volodymyr Zelensky");
    }

    @Test
    void twentySixHundredGoToKurskByNovemberFirstPerBudanov() {
        assertThat(figures("2600")).anySatisfy(c -> {
            assertThat(c.attributedTo()).isEqualTo("Kyrylo Budanov");
            assertThat(c.when()).isEqualTo("by 2024-11-01");
            assertThat(c.role()).isEqualTo("deployed to Kursk");
            assertThat(c.stance()).isEqualTo(Stance.ESTIMATED);
        });
    }

    @Test
    void threeThousandAreAttributedToSouthKoreanLawmakersViaReuters() {
        assertThat(figures("3000")).anySatisfy(c -> {
            assertThat(c.attributedTo()).isEqualTo("South Korean lawmakers");
            assertThat(c.via()).isEqualTo("Reuters");
        });
    }

    @Test
    void elevenAndTwelveThousandAppearWithTheirSources() {
        assertThat(figures("11000")).extracting(Claim::attributedTo).contains("Kyrylo Budanov", "National Intelligence Service");
        assertThat(figures("12000")).extracting(Claim::attributedTo).contains("National Intelligence Service");
    }

    @Test
    void denialsAppearAsDenied() {
        List<Claim> denied = story.claims().stream().filter(c -> c.stance() == Stance.DENIED).toList();
        assertThat(denied).extracting(Claim::attributedTo)
                .contains("Moscow and Pyongyang", "North Korea and Russia");
        assertThat(denied).anySatisfy(c -> assertThat(c.value()).contains("troop deployments"));
    }

    @Test
    void pentagonAndNatoCannotConfirm() {
        List<Claim> unconfirmed = story.claims().stream().filter(c -> c.stance() == Stance.UNCONFIRMED).toList();
        assertThat(unconfirmed).extracting(Claim::attributedTo).contains("Pentagon", "Lloyd Austin", "Mark Rutte");
        Entity rutte = entity("Mark Rutte");
        assertThat(rutte.titles()).contains("NATO chief");
        assertThat(entity("Lloyd Austin").titles()).contains("US Defense Secretary");
    }

    @Test
    void kremlinDismissalIsDisputed() {
        assertThat(story.claims()).anySatisfy(c -> {
            assertThat(c.stance()).isEqualTo(Stance.DISPUTED);
            assertThat(c.attributedTo()).isEqualTo("Kremlin");
        });
    }

    @Test
    void nameVariantsAreMerged() {
        assertThat(entity("Volodymyr Zelensky").variants()).contains("Volodymyr Zelenskyy", "Zelenskyy");
        assertThat(entity("Kyrylo Budanov").variants()).contains("Kyrlo Budanov");
        assertThat(entity("Blagoveshchensk").variants()).contains("Vlagoveshensk");
        assertThat(entity("National Intelligence Service").variants()).contains("NIS");
        assertThat(entity("Kyrylo Budanov").type()).isEqualTo("PERSON");
        assertThat(entity("National Intelligence Service").type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void troopFiguresThatDisagreeAreFlaggedWithTheDenialsBesideThem() {
        ClaimGroup reported = group("troops", "reported");
        assertThat(reported.disagree()).isTrue();
        assertThat(reported.values()).extracting(ClaimGroup.ValueReport::value).contains("1500", "3000");
        assertThat(reported.counterClaims()).extracting(Claim::stance).contains(Stance.DENIED, Stance.UNCONFIRMED);
        assertThat(group("troops", "expected").disagree()).isTrue();
        assertThat(group("troops", "deployed to Kursk").disagree()).isFalse();
    }

    private static ClaimGroup group(String thing, String role) {
        return story.groups().stream().filter(g -> g.thing().equals(thing) && g.role().equals(role)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + thing + "/" + role + " in " + story.groups()));
    }

    private static Entity entity(String name) {
        return story.entities().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + name + " in " + story.entities()));
    }
}
