package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.parallax.claims.ClaimGroup;
import news.parallax.claims.StoryClaims;
import news.parallax.model.Claim;
import news.parallax.model.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigurePanelTest {
    /** Articles a1..a6, each from its own outlet. */
    private static final Map<String, FigurePanel.Source> OUTLETS = new HashMap<>();

    static {
        String[] names = {"Reuters", "BBC", "Fox News", "CNN", "NPR", "Washington Times"};
        String[] sides = {"center", "left", "right", "left", "left", "right"};
        for (int i = 0; i < names.length; i++) {
            OUTLETS.put("a" + (i + 1), new FigurePanel.Source(new StoryView.OutletRef(names[i], sides[i]), Instant.parse("2019-02-2" + i + "T00:00:00Z")));
        }
    }

    private static Claim claim(String value, String thing, String kind, String article) {
        return new Claim(value, thing, Claim.Stance.ASSERTED, null, List.of(article),
                "Officials said on Thursday that " + value + " " + thing + " had been deployed in the region.", "exact", "reported",
                null, null, null, kind, kind.equals("money") ? "USD" : kind.equals("percent") ? "percent" : "", thing);
    }

    private static List<StoryView.FigureQuestion> panel(ClaimGroup... groups) {
        List<Claim> all = new ArrayList<>();
        for (ClaimGroup g : groups) all.addAll(g.claims());
        return FigurePanel.build(new StoryClaims(all, List.of(), List.of(groups)), OUTLETS);
    }

    private static ClaimGroup group(String thing, Claim... claims) {
        return new ClaimGroup(thing, "reported", List.of(claims), List.of(), List.of(), true);
    }

    @ParameterizedTest
    @CsvSource({"troops,true", "North Korean soldiers,true", "Americans,true", "people,true", "mail-in ballots,true",
            "Chairman Kim,false", "Amber Guyger,false", "Congressman Adam Schiff,false", "summit,false", "prison sentence,false",
            "Christchurch mosques killed,false", "plurality of Americans,false", "ISIS Caliphate,false", "takeaways,false",
            "basis,false", "-elected House member,false"})
    void aQuestionIsAboutSomethingAReaderCounts(String thing, boolean counted) {
        assertThat(FigurePanel.countedThing(thing)).as(thing).isEqualTo(counted);
    }

    @Test
    void aNameIsNeverTheCountedThing() {
        // Found on the Hanoi summit's story: "How many Chairman Kim? 2 Chairman Kim (The Hill, Washington Times)".
        assertThat(panel(group("Chairman Kim", claim("2", "Chairman Kim", "count", "a1"), claim("3", "Chairman Kim", "count", "a2")))).isEmpty();
    }

    @Test
    void figuresTwoOutletsGiveDifferentlyAreAsked() {
        List<StoryView.FigureQuestion> q = panel(group("troops", claim("1500", "troops", "count", "a1"), claim("3000", "troops", "count", "a2")));
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.question()).isEqualTo("How many troops were deployed?");
            assertThat(x.answers()).extracting(StoryView.FigureAnswer::value).containsExactly("1,500 troops", "3,000 troops");
        });
    }

    @Test
    void anArticlesBreakdownIsNotAnAnswer() {
        // A poll's crosstab: one article gives four counts of "Republicans"; the question rests on the other two.
        List<StoryView.FigureQuestion> q = panel(group("Republicans", claim("44", "Republicans", "count", "a1"),
                claim("41", "Republicans", "count", "a1"), claim("46", "Republicans", "count", "a1"), claim("33", "Republicans", "count", "a1"),
                claim("12", "Republicans", "count", "a2"), claim("14", "Republicans", "count", "a3")));
        assertThat(q).singleElement().satisfies(x -> assertThat(x.answers()).extracting(StoryView.FigureAnswer::value)
                .containsExactly("12 Republicans", "14 Republicans"));
    }

    @Test
    void aCountWithAFractionIsAPollShareMisreadAndIsLeftOut() {
        assertThat(panel(group("Democrats", claim("40.1", "Democrats", "count", "a1"), claim("33.9", "Democrats", "count", "a2")))).isEmpty();
    }

    @Test
    void aSmallCountEveryOutletAgreesOnIsADetail() {
        assertThat(panel(group("brothers", claim("2", "brothers", "count", "a1"), claim("2", "brothers", "count", "a2")))).isEmpty();
        assertThat(panel(group("witnesses", claim("500", "witnesses", "count", "a1"), claim("500", "witnesses", "count", "a2")))).hasSize(1);
    }

    @Test
    void moneyAndSharesAreAskedAsPeopleAskThem() {
        assertThat(FigurePanel.asked("money", "dollars in aid", "reported")).map(FigurePanel.Asked::question).contains("How much money in aid?");
        assertThat(FigurePanel.asked("money", "dollars (administration)", "administration")).map(FigurePanel.Asked::question).contains("How much money?");
        assertThat(FigurePanel.asked("percent", "new cases", "reported")).map(FigurePanel.Asked::question).contains("What share of new cases?");
        assertThat(FigurePanel.asked("percent", "growth", "reported")).map(FigurePanel.Asked::question).contains("How much growth?");
        assertThat(FigurePanel.asked("percent", "positivity rate", "reported")).map(FigurePanel.Asked::question).contains("What positivity rate?");
        assertThat(FigurePanel.asked("money", "dollars in money", "reported")).map(FigurePanel.Asked::question).contains("How much money?");
        assertThat(FigurePanel.asked("percent", "impeachment", "reported")).isEmpty();
        List<StoryView.FigureQuestion> q = panel(group("dollars for the wall", claim("5700000000", "dollars for the wall", "money", "a1"),
                claim("1375000000", "dollars for the wall", "money", "a2")));
        assertThat(q).singleElement().satisfies(x -> assertThat(x.answers()).extracting(StoryView.FigureAnswer::value)
                .containsExactly("$5.7 billion", "$1.375 billion"));
    }

    @Test
    void kindsOtherThanCountsMoneyAndSharesStayInTheTable() {
        // "0.67 fraction" was the two-thirds majority needed to override a veto.
        assertThat(panel(group("fraction", claim("0.6667", "fraction", "fraction", "a1"), claim("0.6667", "fraction", "fraction", "a2")))).isEmpty();
    }

    @Test
    void groupsThatReadAsOneQuestionAreOne() {
        ClaimGroup reported = group("Republicans", claim("12", "Republicans", "count", "a1"), claim("14", "Republicans", "count", "a2"));
        ClaimGroup other = new ClaimGroup("Republicans", "administration", List.of(claim("20", "Republicans", "count", "a3"),
                claim("12", "Republicans", "count", "a4")), List.of(), List.of(), true);
        List<StoryView.FigureQuestion> q = panel(reported, other);
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.question()).isEqualTo("How many Republicans were deployed?");
            assertThat(x.answers()).extracting(StoryView.FigureAnswer::value).containsExactly("12 Republicans", "14 Republicans", "20 Republicans");
        });
    }

    private static Claim said(String value, String thing, String article, String sentence) {
        return new Claim(value, thing, Claim.Stance.ASSERTED, null, List.of(article), sentence, "exact", "reported", null, null, null, "count", "", thing);
    }

    @Test
    void figuresOfWhatBefellTheCountedThingsAreSeparateQuestions() {
        // Found on the George Floyd story: "How many officers? 3 officers, 4 officers, at least 13 officers" were the
        // officers charged, fired and injured, three questions with nothing in dispute.
        List<StoryView.FigureQuestion> q = panel(group("officers",
                said("3", "other officers", "a1", "Prosecutors said three other officers were charged with aiding and abetting murder."),
                said("4", "officers", "a2", "The county attorney said 4 officers have been charged in the death on Wednesday."),
                said("4", "officers", "a3", "The mayor said four officers were fired on Tuesday after the video spread."),
                said("13", "officers", "a4", "In Philadelphia, at least 13 officers were injured when the protest turned violent."),
                said("13", "officers", "a5", "Police said at least 13 officers were injured in Philadelphia on Saturday night."),
                said("6", "officers", "a6", "News accounts show he was one of six officers who fired their weapons in 2006.")),
                group("people",
                        said("4400", "people", "a1", "Police arrested at least 4,400 people in connection with the protests last week."),
                        said("8000", "people", "a2", "And nearly 8,000 people nationwide have been arrested, according to a count by the AP."),
                        said("7", "people", "a3", "When the demonstrations erupted downtown, seven people were shot.")));
        assertThat(q).extracting(StoryView.FigureQuestion::question)
                .containsExactlyInAnyOrder("How many officers were charged?", "How many officers were injured?", "How many people were arrested?");
        assertThat(q).filteredOn(x -> x.question().contains("arrested")).singleElement()
                .satisfies(x -> assertThat(x.answers()).extracting(StoryView.FigureAnswer::value).containsExactly("4,400 people", "8,000 people"));
    }

    @Test
    void anExpectedCountIsAskedWithItsSentencesVerb() {
        // Found on the New Hampshire primary story: "How many delegates were expected?" for delegates that "will be
        // awarded" (any modal in a figure's clause makes the claims stage call it expected).
        List<StoryView.FigureQuestion> q = panel(new ClaimGroup("delegates", "expected", List.of(
                said("4000", "delegates", "a1", "Nearly 4,000 delegates will be awarded over the next few months, officials said."),
                said("3979", "delegates", "a2", "In all 3,979 delegates will be awarded at the convention, the party said."),
                said("3000", "troops", "a3", "Officials said 3,000 troops were sent and thousands more could follow.")), List.of(), List.of(), true));
        assertThat(q).extracting(StoryView.FigureQuestion::question).containsExactly("How many delegates will be awarded?");
    }

    @Test
    void aShareOfAPersonIsAskedAsTheirs() {
        // Found on the New Hampshire primary story: "What share of Sanders?" for his share of the vote.
        List<Claim> shares = List.of(claim("25.7", "Sanders", "percent", "a1"), claim("26", "Sanders", "percent", "a2"),
                claim("3", "Sanders", "count", "a3"));
        ClaimGroup share = new ClaimGroup("Sanders", "reported", shares.subList(0, 2), List.of(), List.of(), true);
        ClaimGroup count = new ClaimGroup("Sanders", "reported", shares.subList(2, 3), List.of(), List.of(), true);
        List<Claim> ofDemocrats = List.of(claim("62", "Democrats", "percent", "a4"), claim("47", "Democrats", "percent", "a5"));
        ClaimGroup democrats = new ClaimGroup("Democrats", "reported", ofDemocrats, List.of(), List.of(), true);
        var sanders = new Entity("Bernie Sanders", "PERSON", List.of("Sanders", "Bernie Sanders"), List.of("Sen."));
        var saidByDemocrats = new Entity("House Democrats", "PERSON", List.of("House Democrats", "Democrats"), List.of());
        List<Claim> all = new ArrayList<>(shares);
        all.addAll(ofDemocrats);
        List<StoryView.FigureQuestion> q = FigurePanel.build(
                new StoryClaims(all, List.of(sanders, saidByDemocrats), List.of(share, count, democrats)), OUTLETS);
        assertThat(q).extracting(StoryView.FigureQuestion::question).containsExactly("What share for Sanders?");
    }

    @Test
    void aShareOfAPopulationWithoutItsQuestionIsNotAsked() {
        // Found on the top stories: "What share of Americans? 77% (Reason) / 63% (Pew, via The Hill)" were two polls'
        // answers to two questions (a ban, trust in the FBI), and "How much support?" gathered support for three things.
        for (String thing : List.of("Americans", "voters", "likely voters", "people", "black adults", "Democrats", "Cuban immigrants")) {
            assertThat(FigurePanel.asked("percent", thing, "reported")).as(thing).isEmpty();
        }
        assertThat(FigurePanel.asked("percent", "support", "reported")).isEmpty();
        assertThat(FigurePanel.asked("percent", "rate", "reported")).isEmpty();
        assertThat(FigurePanel.asked("percent", "highest rate", "reported")).isEmpty();
        assertThat(FigurePanel.question("dollars", "training")).isEqualTo("How much money for training?");
        assertThat(FigurePanel.asked("percent", "precincts", "reported")).map(FigurePanel.Asked::question).contains("What share of precincts?");
    }

    @Test
    void onlyANameIsAPersonWhoseShareIsAsked() {
        // An entity "Many People" typed a person gave the surname "people": "What share for people?".
        List<Claim> shares = List.of(claim("82", "people", "percent", "a1"), claim("33", "people", "percent", "a2"),
                claim("100", "ISIS Caliphate", "percent", "a3"), claim("100", "ISIS Caliphate", "percent", "a4"));
        ClaimGroup people = new ClaimGroup("people", "reported", shares.subList(0, 2), List.of(), List.of(), true);
        ClaimGroup isis = new ClaimGroup("ISIS Caliphate", "reported", shares.subList(2, 4), List.of(), List.of(), true);
        var many = new Entity("Many People", "PERSON", List.of("Many People"), List.of());
        var caliphate = new Entity("ISIS Caliphate", "PERSON", List.of("ISIS Caliphate"), List.of());
        List<StoryView.FigureQuestion> q = FigurePanel.build(new StoryClaims(shares, List.of(many, caliphate), List.of(people, isis)), OUTLETS);
        assertThat(q).extracting(StoryView.FigureQuestion::question).doesNotContain("What share for people?", "What share for ISIS Caliphate?");
    }

    @Test
    void aFigureIsCreditedToASourceOrToNoOne() {
        assertThat(FigureSource.shown("However Ipsos")).contains("Ipsos");
        assertThat(FigureSource.shown("CNN's")).contains("CNN");
        assertThat(FigureSource.shown("exit polls")).contains("exit polls");
        assertThat(FigureSource.shown("officials")).contains("officials");
        assertThat(FigureSource.shown("Pew Research Center")).contains("Pew Research Center");
        for (String notASource : List.of("for example", "June", "where a national poll out", "count", "statements", "new states",
                "Sizable majorities", "Nearly all of those U.S. adults", " ",
                "D-N.Y", "U.N. Replay More Videos", "What Julie Swetnick")) {
            assertThat(FigureSource.shown(notASource)).as(notASource).isEmpty();
        }
    }

    @Test
    void aBareSumOrShareAsksNothing() {
        // "How much money? $25,000, $20 million, $100 billion" gathered bail, a settlement and a stimulus.
        assertThat(panel(group("dollars", claim("25000", "dollars", "money", "a1"), claim("20000000", "dollars", "money", "a2")))).isEmpty();
    }

    @Test
    void theVerbOfACountIsReadAroundItsPhrase() {
        assertThat(FigurePredicate.of("Seven people died in the crash on Monday.", "people")).map(FigurePredicate.Verb::phrase).contains("died");
        assertThat(FigurePredicate.of("Around 1,000 people killed by police each year.", "people")).map(FigurePredicate.Verb::phrase).contains("were killed");
        assertThat(FigurePredicate.of("USA Today showed that 32 officers convicted of misconduct kept their jobs.", "officers convicted"))
                .map(FigurePredicate.Verb::phrase).contains("were convicted");
        assertThat(FigurePredicate.of("Six officers who fired their weapons were cleared.", "officers")).isEmpty();
        assertThat(FigurePredicate.of("California and 15 other states sued President Trump on Monday.", "other states")).isEmpty();
        assertThat(FigurePredicate.of("More than 100 people arrested.", "people")).map(FigurePredicate.Verb::phrase).contains("were arrested");
        assertThat(FigurePredicate.of("Two people familiar with the talks said it was over.", "people")).isEmpty();
        // An intransitive -ed verb followed by a preposition is not a reduced passive: no "were appeared".
        assertThat(FigurePredicate.of("Eighteen members appeared before the committee.", "members")).map(FigurePredicate.Verb::phrase).contains("appeared");
        assertThat(FigurePredicate.of("Some 40 incidents occurred in the city.", "incidents")).map(FigurePredicate.Verb::phrase).contains("occurred");
        assertThat(FigurePredicate.of("Democrats need four Republicans to support their push.", "Republicans")).isEmpty();
        assertThat(FigurePredicate.of("Nearly two dozen people worked for him in the Senate office.", "people")).map(FigurePredicate.Verb::phrase).contains("worked");
        // A verb of expecting or ordering asks about what it governs, not about the things being expected.
        assertThat(FigurePredicate.of("About 30 delegates were expected to be awarded on Tuesday.", "delegates"))
                .map(FigurePredicate.Verb::phrase).contains("were expected to be awarded");
        assertThat(FigurePredicate.of("Some 5,000 residents were ordered to leave their homes.", "residents"))
                .map(FigurePredicate.Verb::phrase).contains("were ordered to leave");
        assertThat(FigurePredicate.of("The 12 officers scheduled to testify did not appear.", "officers"))
                .map(FigurePredicate.Verb::phrase).contains("were scheduled to testify");
        assertThat(FigurePredicate.of("Four officers were told the news on Friday.", "officers")).isEmpty();
        assertThat(FigurePredicate.of("Nine people were sent to the hospital.", "people")).map(FigurePredicate.Verb::phrase).contains("were sent");
        assertThat(FigurePredicate.of("Protests in dozens of cities ranged from vigils to riots.", "cities")).isEmpty();
        assertThat(FigurePredicate.of("Still, 26 Democrats aren’t on board with the bill.", "Democrats")).isEmpty();
        assertThat(FigurePredicate.of("Nearly 4,000 delegates will be awarded in all.", "delegates")).map(FigurePredicate.Verb::phrase)
                .contains("will be awarded");
        assertThat(FigurePredicate.of("Tens of thousands of people in the streets, many without masks.", "people")).isEmpty();
    }
}
