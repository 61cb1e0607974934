package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import org.junit.jupiter.api.Test;

class ClaimRenderingTest {

    private static StoryClaims story(String text) {
        Article a = new Article("a<1>", "Outlet", null, null, "", Instant.parse("2024-10-20T00:00:00Z"), List.of(),
                text, "test", "en", Map.of());
        Article b = new Article("b1", "Other", null, null, "", Instant.parse("2024-10-21T00:00:00Z"), List.of(),
                "Officials said 3,000 troops were sent.", "test", "en", Map.of());
        return new ClaimAnalyzer().analyze(List.of(a, b));
    }

    @Test
    void textTableListsFiguresWithSources() {
        String table = ClaimTable.render(story("The agency said 1,500 troops were sent."));
        assertThat(table).contains("troops — reported  [SOURCES DISAGREE]").contains("1500 troops").contains("3000 troops")
                .contains("agency");
    }

    @Test
    void emptyStoryRendersAMessage() {
        StoryClaims empty = new ClaimAnalyzer().analyze(List.of());
        assertThat(ClaimTable.render(empty)).isEqualTo("No claims found.\n");
    }
}
