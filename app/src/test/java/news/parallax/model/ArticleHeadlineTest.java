package news.parallax.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleHeadlineTest {
    private static Article article(String title, String text) {
        return new Article("a1", "Outlet", null, null, title, null, List.of(), text, "dump.txt", "en", Map.of());
    }

    @Test
    void aTitledArticleShowsItsTitle() {
        assertThat(article("Harbour wall fails", "Storm Hilda breached the wall.").headline()).isEqualTo("Harbour wall fails");
    }

    @Test
    void anUntitledArticleShowsItsOpeningWordsMarkedAsSuch() {
        Article a = article("  ", "South Korean media, citing the intelligence service,\nreported on Thursday that the north has sent more troops.");
        assertThat(a.headline()).isEqualTo("(no headline) South Korean media, citing the intelligence service, reported on Thursday that the …");
        assertThat(article("", "Short note only.").headline()).isEqualTo("(no headline) Short note only.");
        assertThat(article("", "  ").headline()).isEqualTo("(no headline)");
    }
}
