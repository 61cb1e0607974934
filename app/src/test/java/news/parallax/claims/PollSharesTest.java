package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Poll and election shares named as a reader counts them (issue 18): whose support, among whom. */
class PollSharesTest {
    private static final QuantityParser.Story POLL_STORY = new QuantityParser.Story(true, false);

    private static List<Quantity> parse(String sentence) {
        return new QuantityParser().parse(Tagger.tag(sentence), POLL_STORY, null);
    }

    @Test
    void aShareThatBacksASideIsThatSidesSupportAmongTheGroupNamed() {
        assertThat(parse("Among independent voters, 29% back Trump, 23% back Clinton, and 16% back Johnson."))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("29", "Trump's support among independent voters"),
                        tuple("23", "Clinton's support among independent voters"),
                        tuple("16", "Johnson's support among independent voters"));
    }

    @Test
    void aPairOfSharesGoesToTheTwoSidesInOrder() {
        assertThat(parse("Trump leads McMullin by 38% to 32%, with Clinton at 13%."))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("38", "Trump's support"), tuple("32", "McMullin's support"),
                        tuple("13", "Clinton's support"));
        // a trailing side still comes first, and "43-to-45" is cut by the tokenizer into "43-", "to", "-45"
        assertThat(parse("A Fox News poll shows Trump trailing Clinton 43-to-45 percent."))
                .extracting(Quantity::value, Quantity::question)
                .containsExactly(tuple("43", "trump support"), tuple("45", "clinton support"));
        // the other side may follow the pair: "a lead over Trump"
        assertThat(parse("A poll shows Clinton with a 47-to-43 percent lead over Trump."))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("47", "Clinton's support"), tuple("43", "Trump's support"));
    }

    @Test
    void aBareShareOfASampleCountsThoseWhoGaveTheAnswer() {
        assertThat(parse("The survey found 58 percent said they see it as a means of protection."))
                .extracting(Quantity::phrase).containsExactly("those who said they see it as a means of protection");
        // a share with its own group keeps it
        assertThat(parse("In the poll, 62 percent of Americans think the Libertarian should debate."))
                .extracting(Quantity::thing).containsExactly("Americans");
    }

    @Test
    void aRangeWithoutTwoSidesStaysOneRange() {
        assertThat(parse("Between 30 and 40 percent of voters are undecided, the poll found."))
                .singleElement().satisfies(q -> assertThat(q.high()).isEqualTo(40.0));
    }

    @Test
    void aTitledSideIsOneSideAndAPollsStandingsAreSupport() {
        // "Mrs. Jones" is one side (not "Mrs. Jones" and "Jones"); "margin" does not make a poll's shares a vote share
        assertThat(parse("The Marist poll, which showed Mrs. Jones leading Mr. Smith by a 52 percent to 40 percent margin, "
                + "was taken last week."))
                .extracting(Quantity::value, Quantity::question)
                .containsExactly(tuple("52", "jones support"), tuple("40", "smith support"));
    }

    @Test
    void aPairWithOneNamedSideGivesTheOtherToItsRival() {
        assertThat(parse("A new survey has Smith trailing, 55 to 38 percent."))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("55", "Smith's rival's support"), tuple("38", "Smith's support"));
        assertThat(parse("A state poll shows Jones ahead in Iowa, 47 to 41 percent."))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("47", "Jones's support"), tuple("41", "Jones's rival's support"));
    }

    @Test
    void aPollTableRunIntoTheTextGivesEachInitialsItsSupport() {
        assertThat(parse("AB 41% CD 30% EF 9% OT 5% UN 15% (Oct. 2-4 State University)"))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("41", "AB's support"), tuple("30", "CD's support"), tuple("9", "EF's support"),
                        tuple("5", "other candidates' support"), tuple("15", "undecided voters"));
    }

    @Test
    void aFavourabilitySplitViewsItsPersonFavourablyThenUnfavourably() {
        assertThat(parse("The Ohio governor had a 44 percent/38 percent favorable/unfavorable split."))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("44", "voters with a favorable view of Ohio governor"),
                        tuple("38", "voters with an unfavorable view of Ohio governor"));
        assertThat(parse("Among Republicans, he had a 70 percent/21 percent split, compared to Mr. Lee's 65 percent/30 percent split."))
                .extracting(Quantity::value, Quantity::phrase)
                .containsExactly(tuple("70", "Republicans with a favorable view of him"),
                        tuple("21", "Republicans with an unfavorable view of him"),
                        tuple("65", "Republicans with a favorable view of Mr. Lee"),
                        tuple("30", "Republicans with an unfavorable view of Mr. Lee"));
    }

    @Test
    void aShareFollowedByItsAnswerIsTheShareOfThoseWhoAnsweredSoNamedByTheSample() {
        // the noun before the comma is not whose share it is
        assertThat(parse("Despite the primaries, 58 percent said Mrs. Ortiz would win the runoff."))
                .singleElement().satisfies(q -> assertThat(q.phrase()).isEqualTo("those who said Mrs. Ortiz would win the runoff"));
        assertThat(PollShares.sampleNoun("The poll of 800 likely voters found that voters, unlike adults, ..."))
                .isEqualTo("voters");
        assertThat(PollShares.sampleNoun("No sample is named here.")).isNull();
    }
}
