package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a figure's counted thing is named (issue 18, session 9): money and rates, changes, leads, spans. */
class FigureNamingTest {
    private final QuantityParser parser = new QuantityParser();

    private List<Quantity> parse(String sentence) {
        return parser.parse(Tagger.tag(sentence));
    }

    private Quantity only(String sentence, String kind) {
        List<Quantity> found = parse(sentence).stream().filter(q -> q.kind().equals(kind)).toList();
        assertThat(found).as(sentence).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // an amount per unit of a traded good is its price
            "Copper changed hands at $5,100 per tonne on Friday.|5100|USD/tonne|price",
            "Diesel sold for about $3 a gallon in the valley.|3|USD/gallon|price",
            // "annually" is one word: what the money goes to follows it
            "The program sends roughly $2 billion annually to the state's school budget.|2000000000|USD/year|budget",
            // what people make or earn is income
            "The credit goes to families making less than $75,000 per year.|75000|USD/year|income",
            "A worker with a degree earns $9,200 more per year than one without.|9200|USD/year|income",
    })
    void namesMoneyRates(String sentence, String value, String unit, String word) {
        Quantity q = only(sentence, "rate");
        assertThat(q.value()).isEqualTo(value);
        assertThat(q.unit()).isEqualTo(unit);
        assertThat(q.phrase()).contains(word);
    }

    @Test
    void moneySomeoneRaisesIsMoneyRaised() {
        Quantity q = only("Whenever we raise thousands of dollars for the shelter, nobody notices.", "money");
        assertThat(q.phrase()).contains("money raised");
    }

    @Test
    void incomeGapsBetweenGroupsAreIncome() {
        List<Quantity> money = parse("The median renter earns $21,000 less than the median owner, who earns "
                + "nearly $9,000 more than the median landlord.").stream().filter(q -> q.kind().equals("money")).toList();
        assertThat(money).extracting(Quantity::value).containsExactly("21000", "9000");
        assertThat(money).allSatisfy(q -> assertThat(q.question()).isEqualTo("income"));
    }

    @Test
    void theToFigureOfAChangeSharesTheFromFiguresSubject() {
        List<Quantity> shares = parse("Inflation slid from a painful 3.2 percent at the start of the spring to "
                + "2.1 percent in the autumn.");
        assertThat(shares).extracting(Quantity::value).containsExactly("3.2", "2.1");
        assertThat(shares).allSatisfy(q -> assertThat(q.phrase()).isEqualTo("Inflation"));
        assertThat(shares.get(0).question()).isEqualTo(shares.get(1).question());
    }

    @Test
    void aDeficitIsNamedAsTheOtherSidesLeadAndAsADeficit() {
        Quantity behind = only("Polls showed Hale running 12 points behind Moreno across the state.", "points");
        assertThat(behind.phrase()).contains("Moreno's lead").contains("deficit");
        Quantity ahead = only("In the spring polls Moreno ran 7 points ahead of Hale.", "points");
        assertThat(ahead.phrase()).contains("lead").doesNotContain("deficit");
    }

    @Test
    void aCandidatePolledAtAShareHasThatSupport() {
        Quantity q = only("Senator Ada Moreno, a late entrant from the west, polled as high as 31 percent last winter.",
                "percent");
        assertThat(q.phrase()).endsWith("Ada Moreno's support in polls");
        Quantity pronoun = only("Moreno unsettled the party bosses when she polled above 18 percent in March.", "percent");
        assertThat(pronoun.phrase()).startsWith("Moreno's support");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a span opening its sentence names the clause it opens
            "For six years the council has refused to publish its accounts.|6|council",
            // "N years of X": what lasted follows "of"
            "The town endured three years of water shortages.|3|shortages",
            // "the first time in N years": how long since the clause's subject was so
            "Wages in the region fell for the first time in nine years.|9|Wages",
            // the tagger reads "drive" after "a 40-minute" as a verb
            "The clinic is about a 40-minute drive from the village.|40|drive",
            // "over the last N years" gives the span of an ongoing state (set C's rule), named by what it follows
            "The county's steady decline over the last 12 years worries planners.|12|decline",
    })
    void namesWhatLasted(String sentence, String value, String word) {
        Quantity q = only(sentence, "duration");
        assertThat(q.value()).isEqualTo(value);
        assertThat(q.phrase()).contains(word);
    }

    @Test
    void decadesAndCenturiesAreYears() {
        Quantity q = only("The dispute over the river has run for nearly four decades.", "duration");
        assertThat(q.value()).isEqualTo("40");
        assertThat(q.unit()).isEqualTo("years");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "With barely three weeks to go before the vote, the campaign changed course.",
            "Critics praised “12 Days: A Winter Story,” the studio's new film.",
    })
    void countdownsAndTitlesAreNoDurations(String sentence) {
        assertThat(parse(sentence)).noneMatch(q -> q.kind().equals("duration"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The amendment passed the assembly 61 to 38 on Tuesday.|61|38|votes",
            "The council approved the budget by a 9-0 vote.|9|0|votes",
            "Democrats control the chamber 51-49.|51|49|seats",
            "The court issued a 6-3 ruling on the map.|6|3|justices",
            // "a vote of" opens a tally (the guide's vote tallies), a zero side included
            "The assembly rejected the nominee by a vote of 58 to 42.|58|42|votes",
            "The resolution passed on Monday by a vote of 393-0.|393|0|votes",
    })
    void readsTalliesAsTwoCounts(String sentence, String winners, String losers, String what) {
        List<Quantity> counts = parse(sentence).stream().filter(q -> q.kind().equals("count")).toList();
        assertThat(counts).extracting(Quantity::value).containsExactly(winners, losers);
        assertThat(counts).allSatisfy(q -> assertThat(q.phrase()).startsWith(what));
    }

    @Test
    void aScoreOrAChangeIsNoTally() {
        assertThat(parse("The price fell from 12 to 8 in a week.")).noneMatch(q -> q.phrase().startsWith("votes"));
        assertThat(parse("The visitors won 3-1 on Sunday.")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // windows written as counts (the guide, sets E and F): the part and the window, each a count of one noun
            "The mayor's party has now won five out of the six last local elections.|5|6|elections",
            "The club has fared better in away games, winning 9 of the last 11.|9|11|games",
            "The show beat its rival three out of the last seven weeks.|3|7|weeks",
    })
    void readsWindowsAsTwoCounts(String sentence, String part, String whole, String noun) {
        List<Quantity> counts = parse(sentence).stream().filter(q -> q.kind().equals("count")).toList();
        assertThat(counts).extracting(Quantity::value).containsExactly(part, whole);
        assertThat(counts).allSatisfy(q -> assertThat(q.phrase()).startsWith(noun));
    }

    @Test
    void aPartOfAPlainWholeIsNoWindow() {
        // "two of the three men" is read as before: no window without "out of" or a position word
        assertThat(parse("Two of the three men were released.")).noneMatch(q -> q.phrase().endsWith("in all"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the guide's N-year low: how long since something was last this low, high or bad
            "Copper prices slid to their lowest level in nine years.|9|low",
            "It was the worst flood to strike the valley in 40 years.|40|bad",
    })
    void aSuperlativeInNYearsIsTheTimeSince(String sentence, String value, String word) {
        Quantity q = only(sentence, "duration");
        assertThat(q.value()).isEqualTo(value);
        assertThat(q.phrase()).startsWith("time since last this " + word);
    }
}
