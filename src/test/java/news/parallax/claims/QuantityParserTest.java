package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityParserTest {
    private final QuantityParser parser = new QuantityParser();

    private List<Quantity> parse(String sentence) {
        return parser.parse(Tagger.tag(sentence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "North Korea sent 1,500 special forces to Russia.|1500|forces|exact",
            "The shipment may amount to eight million rounds of artillery.|8000000|rounds|exact",
            "Officials said 1.5 million people fled.|1500000|people|exact",
            "Up to 10,000 additional soldiers are preparing for deployment.|10000|soldiers|up to",
            "Nearly 11,000 North Korean troops are training.|11000|troops|nearly",
            "Over 11,000 North Korean troops have been deployed.|11000|troops|more than",
            "Around 2,600 soldiers are expected in Kursk.|2600|soldiers|about",
            "They were 10 to 15 votes shy of the majority.|10-15|votes|range",
            "The cost would top $123 billion.|123000000000|dollars|exact",
            "Thousands of protesters gathered.|thousands|protesters|vague",
            "Russian assaults killed tens of thousands of civilians.|tens of thousands|civilians|vague",
            "More than two dozen systems were compromised.|24|systems|more than",
    })
    void findsFigureNounAndQualifier(String sentence, String value, String thing, String bound) {
        assertThat(parse(sentence)).singleElement().satisfies(q -> {
            assertThat(q.value()).isEqualTo(value);
            assertThat(q.thing()).isEqualTo(thing);
            assertThat(q.bound()).isEqualTo(bound);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "He has until May 3 to decide.",
            "The bill was signed in 2012 by the governor.",
            "Republicans are contemplating 2016 campaigns for the presidency.",
            "Approval fell to 32 percent last week.",
            "He could serve five years in prison.",
            "The epicenter was eight miles east of the town.",
            "The 17-page playbook walks members through talking points.",
            "Her 6-year-old son stood on the dog.",
            "House Bill 757 passed on Wednesday.",
            "The Gang of Eight wrote the bill.",
            "Take one last question at a news conference.",
            "The connection is about 200 times faster than today.",
            "The quake struck at 7:45 a.m. local time.",
            "The two men had also visited Chechnya.",
    })
    void ignoresNumbersThatAreNotCounts(String sentence) {
        assertThat(parse(sentence)).isEmpty();
    }

    @Test
    void aFigureWithoutItsNounTakesTheCoordinatedOne() {
        List<Quantity> found = parse("The cost runs to tens of millions and even billions of dollars.");
        assertThat(found).extracting(Quantity::value).containsExactly("tens of millions", "billions");
        assertThat(found).extracting(Quantity::thing).containsOnly("dollars");
    }

    @Test
    void aProjectedTotalInheritsTheCountedNoun() {
        List<Quantity> found = parse("1,500 North Korean troops have reached Russia, and the total could rise to 12,000.");
        assertThat(found).extracting(Quantity::value).containsExactly("1500", "12000");
        assertThat(found.get(1).thing()).isEqualTo("troops");
    }

    @Test
    void disagreementAllowsRounding() {
        Quantity a = parse("About 1,500 troops arrived.").get(0);
        Quantity b = parse("Some 1,520 troops arrived.").get(0);
        Quantity c = parse("Some 3,000 troops arrived.").get(0);
        assertThat(a.disagreesWith(b)).isFalse();
        assertThat(a.disagreesWith(c)).isTrue();
    }
}
