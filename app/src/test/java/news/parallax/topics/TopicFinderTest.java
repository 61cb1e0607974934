package news.parallax.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import news.parallax.outlets.OutletRegistries;
import org.junit.jupiter.api.Test;

/** Topics from hand-made story names: each merge rule and each kind of noise, one at a time. */
class TopicFinderTest {
    private static final TopicFinder FINDER = new TopicFinder(new TopicNoise(OutletRegistries.bundled().all()));

    private static StoryNames.Name name(String name, String type, String... variants) {
        List<String> v = new ArrayList<>(List.of(variants));
        if (!v.contains(name)) v.add(name);
        return new StoryNames.Name(name, type, v, 4, 1, false, 0);
    }

    private static StoryNames story(String id, StoryNames.Name... names) {
        return new StoryNames(id, "stamp", 1, List.of(names));
    }

    /** {@code n} stories, each naming {@code name}. */
    private static List<StoryNames> stories(String prefix, int n, StoryNames.Name name) {
        List<StoryNames> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(story(prefix + i, name));
        return out;
    }

    private static List<TopicFinder.Found> find(List<StoryNames> stories) {
        return FINDER.find(stories);
    }

    private static TopicFinder.Found only(List<TopicFinder.Found> found, String name) {
        return found.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no topic " + name + " in " + found.stream().map(TopicFinder.Found::name).toList()));
    }

    @Test
    void aNameNeedsThreeStories() {
        assertThat(find(stories("s", 2, name("Kyrylo Budanov", "PERSON")))).isEmpty();
        assertThat(find(stories("s", 3, name("Kyrylo Budanov", "PERSON")))).extracting(TopicFinder.Found::name).containsExactly("Kyrylo Budanov");
    }

    @Test
    void trumpDonaldTrumpAndPresidentTrumpAreOneTopicNamedInFull() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("a", 5, name("Donald Trump", "PERSON", "Trump")));
        all.addAll(stories("b", 3, name("Trump", "PERSON")));
        all.addAll(stories("c", 2, name("President-elect Donald Trump", "PERSON")));
        all.addAll(stories("d", 2, name("Donald J. Trump", "PERSON")));
        all.addAll(stories("e", 2, name("Mr Trump", "PERSON")));
        all.add(story("f0", name("Ivanka Trump", "PERSON")));
        TopicFinder.Found trump = only(find(all), "Donald Trump");
        assertThat(trump.storyIds()).hasSize(14);
        assertThat(trump.kind()).isEqualTo("person");
        assertThat(find(all)).hasSize(1);
    }

    @Test
    void usAndUnitedStatesAreOneTopic() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("a", 2, name("U.S", "OTHER")));
        all.addAll(stories("b", 2, name("United States", "LOCATION")));
        all.addAll(stories("c", 1, name("US", "LOCATION")));
        List<TopicFinder.Found> found = find(all);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).storyIds()).hasSize(5);
        assertThat(found.get(0).name()).isEqualTo("United States");
        assertThat(found.get(0).variants()).contains("U.S.", "United States");
        assertThat(found.get(0).kind()).isEqualTo("place");
    }

    @Test
    void anAcronymJoinsTheOneNameWithItsInitials() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("a", 2, name("FBI", "ORGANIZATION")));
        all.addAll(stories("b", 2, name("Federal Bureau of Investigation", "ORGANIZATION")));
        assertThat(only(find(all), "Federal Bureau of Investigation").storyIds()).hasSize(4);
    }

    @Test
    void aRareTransliterationJoinsTheCommonSpelling() {
        List<StoryNames> all = new ArrayList<>(stories("a", 6, name("Volodymyr Zelensky", "PERSON")));
        all.addAll(stories("b", 2, name("Volodymyr Zelenskyy", "PERSON")));
        assertThat(only(find(all), "Volodymyr Zelensky").storyIds()).hasSize(8);
    }

    @Test
    void anAmbiguousSurnameJoinsNobodyAndIsNoTopic() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("h", 4, name("Hillary Clinton", "PERSON")));
        all.addAll(stories("b", 3, name("Bill Clinton", "PERSON")));
        all.addAll(stories("c", 5, name("Clinton", "PERSON")));
        List<TopicFinder.Found> found = find(all);
        assertThat(found).extracting(TopicFinder.Found::name).containsExactlyInAnyOrder("Hillary Clinton", "Bill Clinton");
        assertThat(only(found, "Hillary Clinton").storyIds()).hasSize(4);
    }

    @Test
    void aPlaceIsNotASurname() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("w", 9, name("Washington", "LOCATION")));
        all.addAll(stories("g", 3, name("George Washington", "PERSON")));
        assertThat(only(find(all), "Washington").storyIds()).hasSize(9);
        assertThat(only(find(all), "George Washington").storyIds()).hasSize(3);
    }

    @Test
    void weekdaysMonthsAndPageFurnitureNeverBecomeTopics() {
        for (String noise : List.of("Monday", "Tuesday Night", "October", "Getty Images", "Replay More Videos", "Hide Caption",
                "Follow USA", "CNN Newsroom", "Subscribe Now", "Department", "Media")) {
            assertThat(find(stories("s", 5, name(noise, "OTHER")))).as(noise).isEmpty();
        }
    }

    @Test
    void aNameClippedAtAFunctionWordIsNoTopic() {
        assertThat(find(stories("a", 3, name("of Agriculture", "ORGANIZATION")))).isEmpty();
        assertThat(find(stories("b", 3, name("of Staff Jane Roe", "PERSON")))).isEmpty();
        assertThat(find(stories("c", 3, name("Secretary of", "PERSON")))).isEmpty();
        // A function word inside a name is no clip.
        assertThat(find(stories("d", 3, name("Bureau of Land Management", "ORGANIZATION")))).extracting(TopicFinder.Found::name)
                .containsExactly("Bureau of Land Management");
    }

    @Test
    void aJobTitleWithoutAPersonsNameIsNoTopicButAnOfficeIs() {
        assertThat(find(stories("a", 3, name("NASA Director", "PERSON")))).isEmpty();
        assertThat(find(stories("b", 3, name("Amazon CEO", "PERSON")))).isEmpty();
        assertThat(find(stories("c", 3, name("House Minority Leader", "PERSON")))).isEmpty();
        assertThat(find(stories("d", 3, name("Pentagon Inspector General", "PERSON")))).isEmpty();
        assertThat(find(stories("e", 3, name("French Ambassador", "PERSON")))).isEmpty();
        assertThat(find(stories("h", 3, name("Ambassador", "PERSON")))).isEmpty();
        assertThat(find(stories("f", 3, name("Office of the Director", "ORGANIZATION")))).extracting(TopicFinder.Found::name)
                .containsExactly("Office of the Director");
        // "General" alone may end a company's name.
        assertThat(find(stories("g", 3, name("Dollar General", "ORGANIZATION")))).extracting(TopicFinder.Found::name)
                .containsExactly("Dollar General");
    }

    @Test
    void aPersonsNameCutAtTheApostropheOfAnIrishSurnameIsNoTopic() {
        assertThat(find(stories("a", 3, name("Sean O", "PERSON")))).isEmpty();
        // Not a person: a part of a programme keeps its letter.
        assertThat(find(stories("b", 3, name("Part D", "OTHER")))).extracting(TopicFinder.Found::name).containsExactly("Part D");
        assertThat(find(stories("c", 3, name("Plan O", "OTHER")))).extracting(TopicFinder.Found::name).containsExactly("Plan O");
    }

    @Test
    void aShareOfAGroupAndAPodcastPlugAreNoTopics() {
        assertThat(find(stories("a", 3, name("Half of Voters", "OTHER")))).isEmpty();
        assertThat(find(stories("b", 3, name("Majority of Britons", "OTHER")))).isEmpty();
        assertThat(find(stories("c", 3, name("Google Podcasts", "ORGANIZATION")))).isEmpty();
    }

    @Test
    void anOutletNamedAsACreditIsNoTopicButOneInItsHeadlinesIs() {
        List<StoryNames> credits = new ArrayList<>();
        for (String outlet : List.of("Associated Press", "Reuters", "CNN", "Fox News", "New York Times")) {
            credits.addAll(stories(outlet, 5, name(outlet, "ORGANIZATION")));
        }
        assertThat(find(credits)).isEmpty();
        List<StoryNames> subject = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subject.add(story("fox" + i, new StoryNames.Name("Fox News", "ORGANIZATION", List.of("Fox News"), 5, 2, true, 0)));
        }
        assertThat(find(subject)).extracting(TopicFinder.Found::name).containsExactly("Fox News");
    }

    @Test
    void aCommonWordCapitalisedAtSentenceStartsIsNoTopic() {
        List<StoryNames> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) all.add(story("o" + i, new StoryNames.Name("Officials", "OTHER", List.of("Officials"), 3, 1, false, 6)));
        assertThat(find(all)).isEmpty();
        List<StoryNames> groups = new ArrayList<>(stories("a", 4, name("Americans", "OTHER")));
        assertThat(find(groups)).isEmpty();
    }

    @Test
    void theSameNamesGiveTheSameTopicsInAnyOrder() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("a", 5, name("Donald Trump", "PERSON", "Trump")));
        all.addAll(stories("b", 3, name("Trump", "PERSON")));
        all.addAll(stories("c", 3, name("U.S", "OTHER")));
        all.addAll(stories("d", 3, name("United States", "LOCATION")));
        List<StoryNames> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(find(shuffled)).isEqualTo(find(all));
    }

    private static StoryNames.Name withCues(String name, String type, StoryNames.Cues cues, java.util.Map<String, Integer> outlets) {
        return new StoryNames.Name(name, type, List.of(name), cues.text(), 1, false, 0, cues, outlets);
    }

    private static StoryNames.Cues cues(int text, int said, int lowerExpansion, int upperExpansion) {
        return new StoryNames.Cues(text, 0, 0, said, text, lowerExpansion, upperExpansion);
    }

    @Test
    void namesTheTextsSayAreOneMergeWhenTwoStoriesSaySo() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("o", 6, name("Obamacare", "LOCATION")));
        all.addAll(stories("a", 4, name("Affordable Care Act", "ORGANIZATION")));
        List<StoryNames.Alias> said = List.of(new StoryNames.Alias("Affordable Care Act", "Obamacare"));
        all.add(new StoryNames("k1", "stamp", 1, List.of(name("Obamacare", "OTHER")), said));
        assertThat(find(all)).as("one story saying so is not enough").hasSize(2);
        all.add(new StoryNames("k2", "stamp", 1, List.of(name("Affordable Care Act", "OTHER")), said));
        TopicFinder.Found aca = only(find(all), "Obamacare");
        assertThat(aca.storyIds()).hasSize(12);
        assertThat(aca.variants()).contains("Affordable Care Act");
        assertThat(aca.kind()).as("a law, by its other spelling's last word").isEqualTo("other");
        // People are never merged by it: "Trump's adviser, known as ..." is not Trump.
        List<StoryNames> people = new ArrayList<>(stories("t", 4, name("Donald Trump", "PERSON")));
        people.addAll(stories("b", 4, name("Steve Bannon", "PERSON")));
        List<StoryNames.Alias> wrong = List.of(new StoryNames.Alias("Donald Trump", "Steve Bannon"));
        people.add(new StoryNames("w1", "stamp", 1, List.of(), wrong));
        people.add(new StoryNames("w2", "stamp", 1, List.of(), wrong));
        assertThat(find(people)).hasSize(2);
    }

    @Test
    void namesRunTogetherAndDescriptionsOfAPartysPeopleAreNoTopics() {
        List<StoryNames> all = new ArrayList<>();
        all.addAll(stories("d", 5, name("Democrats", "ORGANIZATION")));
        all.addAll(stories("s", 13, name("Bernie Sanders", "PERSON", "Sanders")));
        all.addAll(stories("t", 2, name("Sanders", "PERSON")));
        all.addAll(stories("h", 9, name("House", "ORGANIZATION")));
        all.addAll(stories("x", 4, name("Democrats Sanders", "PERSON")));
        all.addAll(stories("m", 4, name("Moderate Democrats", "PERSON")));
        all.addAll(stories("w", 4, name("House Democrats", "PERSON")));
        assertThat(find(all)).extracting(TopicFinder.Found::name).contains("Democrats", "Bernie Sanders", "House Democrats")
                .doesNotContain("Democrats Sanders", "Moderate Democrats");
    }

    private static StoryNames.Cues credits(int text, int credit) {
        return new StoryNames.Cues(text, 0, 0, 0, text, 0, 0, credit);
    }

    @Test
    void aNameWrittenInCreditPositionsIsFurnitureButASubjectOnlyOneOutletReportsIsATopic() {
        List<StoryNames> all = new ArrayList<>();
        String[] outlets = {"Politico", "CNN", "Fox News", "NPR", "Reuters"};
        for (int i = 0; i < 5; i++) {
            // Politico's newsletter plug, nearly every mention in a "Sign up" line.
            all.add(story("p" + i, withCues("Politico Playbook", "ORGANIZATION", credits(10, 9), java.util.Map.of("Politico", 10))));
            // A donor-network head only Politico covers, named in its sentences.
            all.add(story("g" + i, withCues("Gara LaMarche", "PERSON", credits(10, 1), java.util.Map.of("Politico", 10))));
            // A byline two outlets print: mostly on lines of its own.
            all.add(story("t" + i, withCues("Timothy Stanley", "PERSON", credits(10, 6), java.util.Map.of("CNN", 9, "Fox News", 1))));
            all.add(story("k" + i, withCues("Karen McDougal", "PERSON", credits(10, 0), java.util.Map.of(outlets[i], 10))));
        }
        assertThat(find(all)).extracting(TopicFinder.Found::name).containsExactlyInAnyOrder("Karen McDougal", "Gara LaMarche");
        // In a store fed by one outlet every name is that outlet's: only the credit positions tell.
        List<StoryNames> one = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            one.add(story("q" + i, withCues("Karen McDougal", "PERSON", credits(10, 3), java.util.Map.of("CNN", 10))));
            one.add(story("c" + i, withCues("Monitor Stories", "ORGANIZATION", credits(10, 10), java.util.Map.of("CNN", 10))));
        }
        assertThat(find(one)).extracting(TopicFinder.Found::name).containsExactly("Karen McDougal");
    }

    @Test
    void anOrganisationNamedAThousandTimesThatNeverSpeaksIsAThing() {
        List<StoryNames> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(story("c" + i, withCues("COVID", "ORGANIZATION", cues(300, 0, 0, 0), java.util.Map.of())));
            all.add(story("f" + i, withCues("FBI", "ORGANIZATION", cues(300, 6, 0, 0), java.util.Map.of())));
        }
        List<TopicFinder.Found> found = find(all);
        assertThat(only(found, "COVID").kind()).isEqualTo("other");
        assertThat(only(found, "FBI").kind()).isEqualTo("organization");
    }

    @Test
    void slugsAreReadableAndStable() {
        assertThat(TopicKeys.slug("Donald J. Trump")).isEqualTo("donald-j-trump");
        assertThat(TopicKeys.slug("U.S.")).isEqualTo("us");
        assertThat(TopicKeys.slug("Andrés Manuel López Obrador")).isEqualTo("andres-manuel-lopez-obrador");
        assertThat(TopicKeys.slug("<script>")).isEqualTo("script");
    }
}
