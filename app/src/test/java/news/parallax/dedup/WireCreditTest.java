package news.parallax.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireCreditTest {
    private static Article article(String text) {
        return new Article("a1", "Some Outlet", null, null, "Title", null, List.of(), text, "test", "en", Map.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WASHINGTON (Reuters) - The Senate voted on Thursday.|Reuters",
            "NEW YORK (AP) — Stocks rose.|AP",
            "Officials met on Monday, citing Reuters reporting from the capital.|Reuters",
            "Stocks rose on Monday.\\n\\n– Reuters|Reuters",
            "The minister spoke.\\n\\nbbc.com|BBC"})
    void findsTheCredit(String text, String wire) {
        assertThat(WireCredit.find(article(text.replace("\\n", "\n")))).contains(wire);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The senator said the bill would pass.",
            "Reuters was mentioned in the middle of a long paragraph that is not a dateline at all."})
    void noCreditWithoutALine(String text) {
        assertThat(WireCredit.find(article(text))).isEmpty();
    }
}
