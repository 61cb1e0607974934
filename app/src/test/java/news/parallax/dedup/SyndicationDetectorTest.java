package news.parallax.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import org.junit.jupiter.api.Test;

class SyndicationDetectorTest {
    private static final Instant T0 = Instant.parse("2019-02-01T00:00:00Z");

    private static final String WIRE_P1 = "The United States suspended its obligations under the Intermediate-Range Nuclear Forces Treaty on "
            + "Friday, accusing Russia of violating the Cold War pact for years and starting a six-month countdown to withdrawal.";
    private static final String WIRE_P2 = "Secretary of State Mike Pompeo told reporters at the State Department that Moscow had been in "
            + "material breach of the treaty and that the administration had given Russia ample time to return to compliance.";
    private static final String WIRE_P3 = "Russian officials denied any violation and said Washington was looking for a pretext to leave the "
            + "agreement, which bans land-based missiles with ranges between 500 and 5,500 kilometres.";
    private static final String WIRE_P4 = "European allies voiced concern that the collapse of the treaty could start a new arms race on the "
            + "continent, while NATO said it stood fully behind the American position on the missile dispute.";

    private static Article article(String id, String outlet, String text) {
        return new Article(id, outlet, null, null, "Title " + id, T0, List.of(), text, "test", "en", Map.of());
    }

    @Test
    void lightlyEditedRepostIsACopyOfTheOriginal() {
        SyndicationDetector d = new SyndicationDetector(Duration.ofDays(5));
        String wire = String.join("\n\n", WIRE_P1, WIRE_P2, WIRE_P3, WIRE_P4);
        assertThat(d.add(article("orig", "Reuters", wire), T0)).isEmpty();
        String edited = wire.replace("on Friday", "late on Friday").replace("European allies", "Allies in Europe");
        var match = d.add(article("copy", "Daily Paper", edited), T0.plusSeconds(3600));
        assertThat(match).map(CopyMatch::originalId).contains("orig");
    }

    @Test
    void copyOfACopyPointsAtTheFirstOriginal() {
        SyndicationDetector d = new SyndicationDetector(Duration.ofDays(5));
        String wire = String.join("\n\n", WIRE_P1, WIRE_P2, WIRE_P3, WIRE_P4);
        d.add(article("orig", "Reuters", wire), T0);
        d.add(article("copy1", "Paper A", wire), T0);
        assertThat(d.add(article("copy2", "Paper B", wire), T0)).map(CopyMatch::originalId).contains("orig");
    }

    @Test
    void reusingMostParagraphsUnderANewIntroIsACopy() {
        SyndicationDetector d = new SyndicationDetector(Duration.ofDays(5));
        d.add(article("orig", "Reuters", String.join("\n\n", WIRE_P1, WIRE_P2, WIRE_P3, WIRE_P4)), T0);
        String intro = "Our correspondent in Brussels adds that the decision had been expected for weeks by diplomats.";
        var match = d.add(article("rewrite", "Paper", String.join("\n\n", intro, WIRE_P1, WIRE_P2, WIRE_P4)), T0);
        assertThat(match).isPresent();
        assertThat(match.get().originalId()).isEqualTo("orig");
    }

    @Test
    void independentReportOnTheSameEventIsNotACopy() {
        SyndicationDetector d = new SyndicationDetector(Duration.ofDays(5));
        d.add(article("orig", "Reuters", String.join("\n\n", WIRE_P1, WIRE_P2, WIRE_P3, WIRE_P4)), T0);
        String own = "Washington is walking away from a landmark arms control deal with Moscow, the administration announced, "
                + "ending three decades in which the two powers kept intermediate missiles out of Europe.\n\n"
                + "Critics in Congress warned that leaving without a replacement would leave allies exposed and called for "
                + "hearings, while supporters said Russia had long since made the pact meaningless by deploying a banned cruise missile.";
        assertThat(d.add(article("own", "Other Paper", own), T0)).isEmpty();
    }

    @Test
    void articlesOutsideTheWindowAreForgotten() {
        SyndicationDetector d = new SyndicationDetector(Duration.ofDays(2));
        String wire = String.join("\n\n", WIRE_P1, WIRE_P2, WIRE_P3, WIRE_P4);
        d.add(article("orig", "Reuters", wire), T0);
        assertThat(d.add(article("late", "Paper", wire), T0.plus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void paragraphsSharedWithinOneOutletAreItsTemplateNotACopy() {
        SyndicationDetector d = new SyndicationDetector(Duration.ofDays(5));
        d.add(article("first", "Newsletter", String.join("\n\n", WIRE_P1, WIRE_P2, WIRE_P3, WIRE_P4)), T0);
        String intro = "Today's edition looks at a different question entirely, the budget talks, and what the two sides want.";
        assertThat(d.add(article("second", "Newsletter", String.join("\n\n", intro, WIRE_P2, WIRE_P3, WIRE_P4)), T0)).isEmpty();
    }

    @Test
    void shortParagraphInsideALongOneIsNotTheSameParagraph() {
        SyndicationDetector d = new SyndicationDetector(Duration.ofDays(5));
        d.add(article("blurb", "Paper A", String.join("\n\n", WIRE_P1, WIRE_P2)), T0);
        String wall = String.join(" ", WIRE_P1, WIRE_P2, WIRE_P3, WIRE_P4, WIRE_P3, WIRE_P4);
        var match = d.add(article("wall", "Paper B", wall), T0);
        assertThat(match.filter(m -> m.method() == CopyMatch.Method.PARAGRAPHS)).isEmpty();
    }
}
