package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import news.parallax.model.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityMergerTest {

    private static EntityMerger merged(String... sentences) {
        EntityMerger m = new EntityMerger();
        for (String s : sentences) NameSpotter.find(s).forEach(m::add);
        return m;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Zelensky|Zelenskyy",
            "Kyrylo Budanov|Kyrlo Budanov",
            "Blagoveshchensk|Vlagoveshensk",
    })
    void typosAndTransliterationsAreOneEntity(String a, String b) {
        EntityMerger m = merged("Officials met " + a + " on Monday.", "Officials met " + b + " on Tuesday.");
        assertThat(m.entities()).singleElement().satisfies(e -> assertThat(e.variants()).contains(a, b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jordan|Jordana",
            "Austin|Boston",
            "Kim|Kin",
    })
    void differentNamesStayApart(String a, String b) {
        EntityMerger m = merged("Officials met " + a + " on Monday.", "Officials met " + a + " again.",
                "Officials met " + b + " on Tuesday.", "Officials met " + b + " again.");
        assertThat(m.entities()).hasSize(2);
    }

    @Test
    void acronymInParenthesesJoinsTheFullName() {
        EntityMerger m = merged("South Korea's National Intelligence Service (NIS) said so.", "The NIS also reported it.");
        Entity nis = m.resolve("NIS");
        assertThat(nis).isNotNull();
        assertThat(nis.name()).isEqualTo("National Intelligence Service");
        assertThat(nis.type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void surnameJoinsTheFullNameAndTitleIsKept() {
        EntityMerger m = merged("Ukrainian President Volodymyr Zelensky spoke.", "Zelensky said more were coming.");
        Entity e = m.resolve("Zelensky");
        assertThat(e).isNotNull();
        assertThat(e.name()).isEqualTo("Volodymyr Zelensky");
        assertThat(e.titles()).containsExactly("Ukrainian President");
        assertThat(e.type()).isEqualTo("PERSON");
    }

    @Test
    void aDescriptionResolvesToTheOrganisationOfItsCountry() {
        EntityMerger m = merged("South Korea's National Intelligence Service (NIS) said so.", "The NIS also reported it.",
                "Ukraine's military intelligence agreed.");
        assertThat(m.resolve("South Korean spy agency")).extracting(Entity::name).isEqualTo("National Intelligence Service");
        assertThat(m.resolve("Ukraine's military intelligence")).isNull();
    }

    @Test
    void nationalityAdjectivesAreNotNames() {
        EntityMerger m = merged("North Korean troops arrived.", "North Korean soldiers trained.");
        assertThat(m.entities()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Follow USA TODAY on Twitter.|Follow USA",
            "Watch more on CNN Newsroom tonight.|CNN Newsroom",
            "According to Reuters the White House declined to comment.|Reuters the White House",
            "Under Trump's plan taxes would fall.|Under Trump",
    })
    void pageFurnitureAndOpenersAreNotPartOfNames(String sentence, String noise) {
        assertThat(NameSpotter.find(sentence)).extracting(NameSpotter.Mention::name).doesNotContain(noise);
    }
}
