package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
            "The 17-page playbook walks members through talking points.",
            "Her 6-year-old son stood on the dog.",
            "House Bill 757 passed on Wednesday.",
            "The Gang of Eight wrote the bill.",
            "Take one last question at a news conference.",
            "The quake struck at 7:45 a.m. local time.",
            "The two men had also visited Chechnya.",
            "Six days later, the talks resumed.",
            "The bill passed three years ago.",
            "Two people familiar with the talks described the offer.",
            "The top five picks were all guards.",
            "Leaders of the G-7 met in Biarritz.",
            "He bought an AR-15 rifle.",
            "The S&P 500 closed higher.",
            "The two sides met again.",
            "The hearing lasted until 5 p.m. on Tuesday.",
    })
    void ignoresNumbersThatAreNotClaims(String sentence) {
        assertThat(parse(sentence)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Approval fell to 32 percent last week.|percent|32|percent",
            "Biden had 24% support among likely caucusgoers.|percent|24|percent",
            "Biden is down 3 percentage points.|points|3|points",
            "He trails by 5 points in the latest poll.|points|5|points",
            "New Zealand pledged NZ$200 million to the fund.|money|200000000|NZD",
            "The deal is worth 200 million euros.|money|200000000|EUR",
            "The economy grew at a 2.6 percent annualized rate.|rate|2.6|percent/year",
            "Workers earn an average $11.81 an hour.|rate|11.81|USD/hour",
            "He could serve five years in prison.|duration|5|years",
            "A 22-month investigation followed.|duration|22|months",
            "The epicenter was eight miles east of the town.|distance|8|miles",
            "The truck carried 40 tons of grain.|weight|40|tons",
            "The fire burned 5,000 acres.|measure|5000|acres",
            "Sales quadrupled last year.|multiple|4|times",
            "The connection is about 200 times faster than today.|multiple|200|times",
            "Two-thirds of voters approve.|fraction|0.6667|''",
            "One in five Americans is uninsured.|fraction|0.2|''",
            "Visas cost $800 to $2,200 each.|money|800-2200|USD",
    })
    void findsEveryKindWithItsUnit(String sentence, String kind, String value, String unit) {
        assertThat(parse(sentence)).singleElement().satisfies(q -> {
            assertThat(q.kind()).isEqualTo(kind);
            assertThat(q.value()).isEqualTo(value);
            assertThat(q.unit()).isEqualTo(unit);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Weekly jobless claims rose by 12,000 last week.|Weekly jobless claims",
            "At least 89 people killed in the quake were buried.|people killed",
            "The wall would cost $5.7 billion.|dollars (cost of wall)", // issue 18: what the money is, was "dollars (wall)"
            "Congress approved $1.4 billion for border barriers.|dollars for border barriers",
            "Unemployment fell to 3.8 percent.|Unemployment",
    })
    void describesWhatIsCounted(String sentence, String phrase) {
        assertThat(parse(sentence)).singleElement().extracting(Quantity::phrase).isEqualTo(phrase);
    }

    @Test
    void aConversionInBracketsIsOneClaim() {
        assertThat(parse("The storm moved 110 km (70 miles) inland.")).extracting(Quantity::value).containsExactly("110");
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // bare shares of a results story or a polling table: whose vote share or support, and where
            "And look at the margins: 46 percent in Arizona, 47 percent in Mississippi.|46|vote share in Arizona",
            "On Tuesday, Donald Trump won 46 percent in Arizona.|46|Donald Trump's vote share in Arizona",
            "The poll has Trump at 31.8 percent, Cruz 24.8 percent.|24.8|Cruz's support",
            // leads in points: a deficit is the other side's lead
            "New polls show Mrs. Clinton leading Mr. Trump by one percentage point in Pennsylvania.|1|Clinton's lead over Mr. Trump in Pennsylvania",
            "Rubio is lagging behind Trump in Florida by as much as 16 points in recent polls.|16|Trump's lead over Rubio in Florida (Rubio's deficit)",
            "The polls have margins of error of plus or minus three percentage points.|3|margin of error",
            // amounts named by the words around them
            "In 1997, the House fined him $300,000.|300000|dollars (fine)",
            "Volunteer groups were given small grants of less than $2,000 for projects.|2000|dollars (small grants for projects)",
            "Many sold the courses that cost nearly $35,000.|35000|dollars (cost of courses)",
            "Millions of dollars are spent on TV commercials.|millions|dollars (spending on TV commercials)",
            // a part of a counted whole counts the whole's noun
            "She has six of the eight superdelegates in her corner.|6|superdelegates",
            "She has six of the eight superdelegates in her corner.|8|superdelegates",
            "Clinton started the 90-minute debate pumped up.|90|debate",
    })
    void readsWhatAFigureIsFromTheWordsAroundIt(String sentence, String value, String phrase) {
        assertThat(parser.parse(Tagger.tag(sentence), new QuantityParser.Story(false, true), null))
                .filteredOn(q -> q.value().equals(value)).first().extracting(Quantity::phrase).isEqualTo(phrase);
    }

    @Test
    void anEllipticalCountContinuesTheNounJustCounted() {
        Quantity before = parse("Trump has won 739 delegates.").get(0);
        assertThat(parser.parse(Tagger.tag("Ted Cruz has 406."), QuantityParser.Story.NONE, before))
                .singleElement().satisfies(q -> {
                    assertThat(q.value()).isEqualTo("406");
                    assertThat(q.thing()).isEqualTo("delegates");
                });
        assertThat(parse("Ted Cruz has 406.")).isEmpty();
    }

    @Test
    void aBracketedCountCountsTheNounBeforeTheBracket() {
        assertThat(parse("Money is spent on TV commercials (over 60,000) in Iowa.")).filteredOn(q -> q.value().equals("60000"))
                .singleElement().extracting(Quantity::phrase).isEqualTo("TV commercials");
    }

    @Test
    void aNumberWordCutByTheTokenizerIsOneFigure() {
        assertThat(parse("Thirty-six percent choose Mr. Sanders.")).singleElement().extracting(Quantity::value).isEqualTo("36");
    }

    @Test
    void tensOfThousandsOfIsOneFigure() {
        assertThat(parse("There is no hope for the tens of thousands of Syrians trapped inside.")).singleElement()
                .extracting(Quantity::value).isEqualTo("tens of thousands");
    }

    @Test
    void aListOfStandingsContinuesTheCountBeforeIt() {
        assertThat(new QuantityParser().parse(Tagger.tag("After Tuesday, Lopez has 512 delegates, Brown has 300, Chen 122, and Ortiz 41.")))
                .extracting(Quantity::value, Quantity::thing)
                .containsExactly(tuple("512", "delegates"), tuple("300", "delegates"), tuple("122", "delegates"),
                        tuple("41", "delegates"));
        // a number after a name with no standing before it is still part of the name
        assertThat(new QuantityParser().parse(Tagger.tag("Lawmakers debated House Bill 757, and Senate Bill 12."))).isEmpty();
    }

    @Test
    void aListOfLeadsAfterAnAppositionHasTheOpeningNameAsSubject() {
        assertThat(new QuantityParser().parse(Tagger.tag("Mrs. Alvarez, the state treasurer, trailed Mr. Price by 5 points, "
                + "trailed Mr. Olsen by 2 points, and led Mr. Dunn by 9 points.")))
                .extracting(Quantity::value, Quantity::question)
                .containsExactly(tuple("5", "price lead over alvarez"), tuple("2", "olsen lead over alvarez"),
                        tuple("9", "alvarez lead over dunn"));
        // a plan's points are no margin, even beside a verb of leading
        assertThat(new QuantityParser().parse(Tagger.tag("She led the party with her 12-point platform.")))
                .extracting(Quantity::kind).doesNotContain("points");
    }

    @Test
    void aHyphenatedCountModifyingANounCountsIt() {
        assertThat(new QuantityParser().parse(Tagger.tag("The 19-nation bloc sent a 45-truck convoy and a 310-page report.")))
                .extracting(Quantity::value, Quantity::thing)
                .containsExactly(tuple("19", "nations"), tuple("45", "trucks"), tuple("310", "pages"));
        // kinds and measures are no counts: a four-star general, a 10-point plan, a 3-mile walk, a $100-million buy
        assertThat(new QuantityParser().parse(Tagger.tag("The 4-star general backed a 10-point plan.")))
                .extracting(Quantity::kind).doesNotContain("count");
    }

    @Test
    void zeroAndOneAreCountsWhereTheFigureIsThePoint() {
        assertThat(new QuantityParser().parse(Tagger.tag("Not a single Senate Democrat backed the plan.")))
                .extracting(Quantity::value, Quantity::thingLemma).containsExactly(tuple("0", "democrat"));
        assertThat(new QuantityParser().parse(Tagger.tag("Only one mayor signed the letter.")))
                .extracting(Quantity::value, Quantity::thing).containsExactly(tuple("1", "mayor"));
        assertThat(new QuantityParser().parse(Tagger.tag("One firefighter died in the blaze.")))
                .extracting(Quantity::value, Quantity::thing).containsExactly(tuple("1", "firefighter"));
        // "one of the men", or a single thing that is not the point, is no count
        assertThat(new QuantityParser().parse(Tagger.tag("One of the firefighters spoke to reporters."))).isEmpty();
        assertThat(new QuantityParser().parse(Tagger.tag("One neighbor said the street was quiet."))).isEmpty();
    }

    @Test
    void aLengthWrittenWithAIsADurationOnlyAfterAWordOfLength() {
        assertThat(parse("The mayor has faced questions for nearly a year over the contract."))
                .extracting(Quantity::kind, Quantity::value, Quantity::unit, Quantity::bound)
                .containsExactly(tuple("duration", "1", "years", "nearly"));
        assertThat(parse("The senators talked for more than an hour and a half behind closed doors."))
                .extracting(Quantity::value, Quantity::unit, Quantity::bound)
                .containsExactly(tuple("1.5", "hours", "more than"));
        assertThat(parse("Engineers spent a decade building the bridge."))
                .extracting(Quantity::value, Quantity::unit).containsExactly(tuple("10", "years"));
        // placing in time, a period of a rate, or no word of length: no claim
        assertThat(parse("A year ago the council met twice a week.")).isEmpty();
        assertThat(parse("The clinic opened just a day after the storm.")).isEmpty();
        assertThat(parse("It rains a day in spring.")).isEmpty();
        assertThat(parse("The new mayor takes office in under a month.")).isEmpty();
        assertThat(parse("In under a decade, she went from clerk to chief executive."))
                .extracting(Quantity::kind, Quantity::value).containsExactly(tuple("duration", "10"));
    }

    @Test
    void aLengthNamesWhatLastedOnBothSidesOfIt() {
        // the subject and the "by" phrase both name the span, so either outlet's wording finds it
        assertThat(parse("The coach has been haunted for nearly a year by rumours of a move."))
                .singleElement().satisfies(q -> assertThat(q.phrase()).contains("coach").contains("rumours"));
    }

    @Test
    void aTollWithoutItsNounCountsPeople() {
        assertThat(parse("The blast left 17 dead."))
                .extracting(Quantity::value, Quantity::phrase).containsExactly(tuple("17", "people dead"));
        assertThat(parse("The crash injured at least nine, officials said."))
                .extracting(Quantity::value, Quantity::bound, Quantity::phrase)
                .containsExactly(tuple("9", "at least", "people injured"));
        // a figure whose clause goes on is not a toll ("killed 3 birds" names its own noun)
        assertThat(parse("The storm killed 3 cows in the valley."))
                .extracting(Quantity::thing).containsExactly("cows");
    }

    @Test
    void aShareWrittenAsARatioIsAFraction() {
        assertThat(parse("Roughly 7-in-10 Ohio nurses backed the strike."))
                .extracting(Quantity::kind, Quantity::value, Quantity::bound, Quantity::thingLemma)
                .containsExactly(tuple("fraction", "0.7", "about", "nurse"));
        assertThat(parse("The mayor won three in 10 of those renters."))
                .extracting(Quantity::kind, Quantity::value, Quantity::thingLemma)
                .containsExactly(tuple("fraction", "0.3", "renter"));
    }

    @Test
    void moneyIsNamedByWhatItIsWorthGivenOrChangedIn() {
        assertThat(parse("The union has given $4 million to Ms. Reyes and $2 million to Mr. Ortiz."))
                .extracting(Quantity::value, Quantity::question)
                .containsExactly(tuple("4000000", "donation"), tuple("2000000", "donation"));
        assertThat(parse("The heir says he is worth more than $3 billion."))
                .extracting(Quantity::question).containsExactly("net worth");
        assertThat(parse("Median wages are down about $900 since the merger."))
                .singleElement().satisfies(q -> assertThat(q.phrase()).contains("Median wages"));
        assertThat(parse("The levy would bring $4.1 billion in annual state revenue."))
                .singleElement().satisfies(q -> assertThat(q.phrase()).contains("annual state revenue"));
    }

    @Test
    void aShareGivenAtAnAnnualPaceIsAYearlyRate() {
        assertThat(parse("Exports have grown at a 3.1 percent annual pace."))
                .extracting(Quantity::kind, Quantity::unit).containsExactly(tuple("rate", "percent/year"));
    }

    @Test
    void countsOfPlacesWhereSomethingHoldsAndHyphenatedPeopleAreCounts() {
        assertThat(parse("Surveys show the senator ahead in all four counties."))
                .extracting(Quantity::value, Quantity::thing).containsExactly(tuple("4", "counties"));
        assertThat(parse("The charity built a 40,000-person donor list."))
                .extracting(Quantity::value, Quantity::thing).containsExactly(tuple("40000", "people"));
        assertThat(parse("She begins a five-day, 12-city book tour in Texas."))
                .filteredOn(q -> q.kind().equals("duration"))
                .singleElement().satisfies(q -> assertThat(q.question()).isEqualTo("book tour"));
    }

    @Test
    void aBareCountAfterANameInAListOfStandingsContinuesTheCountBeforeIt() {
        assertThat(parse("Ortega has 212 seats, Lind has 98 and Moreau only 41."))
                .extracting(Quantity::value, Quantity::thing)
                .containsExactly(tuple("212", "seats"), tuple("98", "seats"), tuple("41", "seats"));
    }
}
