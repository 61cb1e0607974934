package news.parallax.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {
    @Test
    void wordsPhrasesOrAndExclusionsBecomeOneTree() {
        SearchQuery q = SearchQuery.parse("climate \"carbon tax\" OR levy -london");
        assertThat(q.groups()).hasSize(2);
        assertThat(q.groups().get(1)).extracting(SearchQuery.Term::tokens)
                .containsExactly(List.of("carbon", "tax"), List.of("levy"));
        assertThat(q.exclusions()).extracting(SearchQuery.Term::tokens).containsExactly(List.of("london"));
        assertThat(q.text()).isEqualTo("climate \"carbon tax\" OR levy -london");
    }

    @Test
    void rendersToFts5AndTsqueryWithEveryTokenQuotedOrBare() {
        SearchQuery q = SearchQuery.parse("Climate \"carbon tax\" OR levy -\"New York\" -london");
        assertThat(q.toFts5()).isEqualTo("(\"climate\" AND (\"carbon tax\" OR \"levy\")) NOT (\"new york\" OR \"london\")");
        assertThat(q.toTsquery()).isEqualTo("(climate & ((carbon <-> tax) | levy)) & !((new <-> york) | london)");
    }

    @Test
    void userOperatorsAndQuotesNeverReachTheDatabaseSyntax() {
        // FTS5's NEAR/column filters/prefix stars and to_tsquery's & | ! : * all arrive as plain tokens.
        SearchQuery q = SearchQuery.parse("NEAR(a b) title:x star* a&b|c !d 'e' don't covid-19 or and");
        assertThat(q.toFts5()).doesNotContain(":", "*", "(a", "'", "&", "|", "!");
        assertThat(q.toTsquery()).doesNotContain(":", "*", "'", "!");
        assertThat(q.text()).isEqualTo("\"near a\" b \"title x\" star \"a b c\" d e \"don t\" \"covid 19\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"unbalanced", "a \"b c", "-only", "-a -\"b c\"", "OR", "a OR", "OR a", "a OR OR b",
            "a OR -b", "- a", "!!! ???", "\"\""})
    void malformedQueriesAreRejectedWithAMessage(String text) {
        assertThatThrownBy(() -> SearchQuery.parse(text)).isInstanceOf(SearchSyntaxException.class).hasMessageNotContaining("null")
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void functionWordsAreDroppedUnlessTheyAreAllThereIsOrInAPhrase() {
        assertThat(SearchQuery.parse("The vote on the wall OR fence -the").text()).isEqualTo("vote wall OR fence");
        assertThat(SearchQuery.parse("vote wall OR the").text()).isEqualTo("vote wall");
        assertThat(SearchQuery.parse("\"the vote\" of").text()).isEqualTo("\"the vote\"");
        assertThat(SearchQuery.parse("The Who").text()).isEqualTo("the who");
    }

    @Test
    void overlongQueriesAndTooManyTermsAreRejected() {
        assertThatThrownBy(() -> SearchQuery.parse("a".repeat(SearchQuery.MAX_LENGTH + 1))).hasMessageContaining("too long");
        assertThatThrownBy(() -> SearchQuery.parse("w ".repeat(SearchQuery.MAX_TERMS + 1))).hasMessageContaining("terms");
    }

    @Test
    void filtersNameTheBadValue() {
        assertThatThrownBy(() -> SearchFilters.day("--from", "2020-13-01")).hasMessageContaining("--from").hasMessageContaining("2020-13-01");
        assertThatThrownBy(() -> SearchFilters.side("middle")).hasMessageContaining("middle");
        assertThatThrownBy(() -> new SearchFilters(java.time.LocalDate.of(2020, 2, 1), java.time.LocalDate.of(2020, 1, 1), null, null, false, 5))
                .isInstanceOf(SearchSyntaxException.class);
        assertThatThrownBy(() -> new SearchFilters(null, null, null, null, false, 0)).hasMessageContaining("limit");
    }
}
