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
}
