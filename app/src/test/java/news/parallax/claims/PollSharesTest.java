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
}
