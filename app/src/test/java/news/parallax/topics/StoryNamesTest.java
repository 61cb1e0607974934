package news.parallax.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.parallax.analysis.StoryView;
import news.parallax.model.Entity;
import org.junit.jupiter.api.Test;

/** What a story's texts say about its names: alias statements, acronyms spelt out, and which outlets write a name. */
class StoryNamesTest {
    private static StoryView.ArticleView article(String id, String outlet, String title, String text) {
        return new StoryView.ArticleView(id, outlet, "center", title, null, null, "loc", text, null, null);
    }

    private static StoryNames names(List<Entity> entities, StoryView.ArticleView... articles) {
        StoryView view = new StoryView("s1", "Health law vote", "", articles.length, articles.length, new StoryView.Landscape(0, 0, 0, 0),
                Map.of(), List.of(articles), List.of(), entities, null, null);
        return StoryNames.of(view, "stamp");
    }

    @Test
    void aTextSayingTwoNamesAreOneIsKeptAsAnAlias() {
        List<Entity> entities = List.of(new Entity("Affordable Care Act", "OTHER", List.of("Affordable Care Act")),
                new Entity("Obamacare", "OTHER", List.of("Obamacare")), new Entity("Iran", "LOCATION", List.of("Iran")),
                new Entity("JCPOA", "OTHER", List.of("JCPOA")));
        StoryNames n = names(entities,
                article("a", "Reuters", "Vote on health law", "Republicans voted to repeal the Affordable Care Act, commonly known as Obamacare, on Friday."),
                article("b", "CNN", "Vote", "The Affordable Care Act (Obamacare) was upheld. The Iran nuclear deal, known as the JCPOA, was not. The deal with Iran,"
                        + " known as the JCPOA, held."));
        assertThat(n.aliases()).containsExactly(new StoryNames.Alias("Affordable Care Act", "Obamacare"));
    }

    @Test
    void anAcronymSpeltOutInLowerCaseAndTheOutletsWritingANameAreCounted() {
        List<Entity> entities = List.of(new Entity("GDP", "ORGANIZATION", List.of("GDP")), new Entity("FBI", "ORGANIZATION", List.of("FBI")));
        StoryNames n = names(entities,
                article("a", "Reuters", "GDP and the FBI", "GDP, the gross domestic product, grew. The FBI said so. GDP grew again."),
                article("b", "CNN", "The FBI", "The Federal Bureau of Investigation, the FBI, said the gross domestic product fell."));
        StoryNames.Name gdp = n.names().stream().filter(x -> x.name().equals("GDP")).findFirst().orElseThrow();
        StoryNames.Name fbi = n.names().stream().filter(x -> x.name().equals("FBI")).findFirst().orElseThrow();
        assertThat(gdp.cues().lowerExpansion()).isEqualTo(2);
        assertThat(gdp.cues().upperExpansion()).isZero();
        assertThat(fbi.cues().upperExpansion()).isEqualTo(1);
        assertThat(fbi.cues().lowerExpansion()).isZero();
        assertThat(gdp.outlets()).isEqualTo(Map.of("Reuters", 2));
        assertThat(fbi.outlets()).isEqualTo(Map.of("Reuters", 1, "CNN", 1));
    }

    @Test
    void mentionsInBylinesPlugsAndAfterToldAreCreditsAndSentencesAboutTheEventAreNot() {
        List<Entity> entities = List.of(new Entity("POLITICO Playbook", "ORGANIZATION", List.of("POLITICO Playbook")),
                new Entity("Timothy Stanley", "PERSON", List.of("Timothy Stanley")),
                new Entity("Gara LaMarche", "PERSON", List.of("Gara LaMarche")), new Entity("TheDCNF", "ORGANIZATION", List.of("TheDCNF")));
        StoryNames n = names(entities,
                article("a", "Politico", "POLITICO Playbook, TheDCNF, Timothy Stanley, Gara LaMarche", "Timothy Stanley\nDemocracy Alliance President Gara LaMarche said the donors would meet."
                        + "\nPOLITICO Playbook newsletter Sign up today to receive the #1-rated newsletter in politics"
                        + "\nA neighbor told TheDCNF that LaMarche left. Gara LaMarche, the president of the DA, told donors to wait."
                        + "\nTimothy Stanley is a historian and columnist for Britain's Daily Telegraph."));
        Map<String, Integer> credit = new java.util.HashMap<>();
        Map<String, Integer> text = new java.util.HashMap<>();
        for (StoryNames.Name x : n.names()) {
            credit.put(x.name(), x.cues().credit());
            text.put(x.name(), x.cues().text());
        }
        assertThat(credit).containsEntry("POLITICO Playbook", 1).containsEntry("Timothy Stanley", 2).containsEntry("TheDCNF", 1)
                .containsEntry("Gara LaMarche", 0);
        assertThat(text).containsEntry("Gara LaMarche", 2).containsEntry("Timothy Stanley", 2);
    }

    @Test
    void aCreditLineIsALabelAPlugOrAWritersNoteNotASentence() {
        assertThat(credit("By Jane Doe")).isTrue();
        assertThat(credit("Listen for free every weekday on Apple Podcasts, Google Podcasts, Spotify or wherever you get your podcasts.")).isTrue();
        assertThat(credit("Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy")).isTrue();
        assertThat(credit("Reporting by Jeff Mason; Editing by Peter Cooney")).isTrue();
        assertThat(credit("European Union parliamentarians have voted to postpone a vote that criticises India's Citizenship Amendment Act (CAA).")).isFalse();
        assertThat(credit("The photo, taken in 2015 at a rally in Iowa, shows the senator and several donors speaking with Gara LaMarche about"
                + " the alliance's plans for the next election and its budget for the year.")).as("a long sentence about a photo").isFalse();
        assertThat(credit("Kyrylo Budanov said on Monday.")).isFalse();
    }

    @Test
    void speakerLabelsTheOutletsOwnPeopleAndInlineTagsAreCredits() {
        String text = "JUAN GONZÁLEZ: We turn now to the internet.\nWe are joined by NPR correspondent Mara Liasson and by Ajit Pai.";
        List<String> words = TopicKeys.words(text);
        boolean[] credit = CreditLines.creditWords(text, words.size());
        assertThat(CreditLines.credit(words, credit, words.indexOf("JUAN"))).isTrue();
        assertThat(CreditLines.credit(words, credit, words.indexOf("Mara"))).isTrue();
        assertThat(CreditLines.credit(words, credit, words.indexOf("Ajit"))).isFalse();
        assertThat(TopicNoise.gluedTag("Trump Donald John TrumpFederal")).isTrue();
        assertThat(TopicNoise.gluedTag("WikiLeaks")).isFalse();
        assertThat(TopicNoise.gluedTag("Donald Trump")).isFalse();
    }

    private static boolean credit(String line) {
        return CreditLines.creditLine(line, TopicKeys.words(line));
    }
}
