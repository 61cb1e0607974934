package news.parallax.analysis;

import static news.parallax.analysis.Fixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.model.Bias;
import news.parallax.outlets.DefaultOutletRegistry;
import news.parallax.outlets.Outlet;
import org.junit.jupiter.api.Test;

class TimelineBuilderTest {
    private static final DefaultOutletRegistry REGISTRY = new DefaultOutletRegistry(List.of(
            new Outlet("l.example", "L", List.of(), Bias.LEFT, null, null, null, List.of()),
            new Outlet("r.example", "R", List.of(), Bias.RIGHT, null, null, null, List.of())));

    private static StoryView.Timeline timeline(List<Article> articles) {
        return new DefaultStoryAnalyzer(REGISTRY).analyze(Fixtures.story(articles, Map.of())).timeline();
    }

    @Test
    void storyOverTenDaysIsCountedPerDayAndSide() {
        var t = timeline(List.of(
                article("a", "L", "l.example", "One", "2024-01-01T18:00:00Z", "Text."),
                article("b", "R", "r.example", "Two", "2024-01-01T20:00:00Z", "Text."),
                article("c", "L", "l.example", "Three", "2024-01-10T08:00:00Z", "Text.")));
        assertThat(t.bucket()).isEqualTo("day");
        assertThat(t.buckets()).hasSize(10);
        assertThat(t.buckets().get(0).left()).isEqualTo(1);
        assertThat(t.buckets().get(0).right()).isEqualTo(1);
        assertThat(t.buckets().get(9).left()).isEqualTo(1);
        assertThat(t.firstReport().articleId()).isEqualTo("a");
        assertThat(t.firstReport().side()).isEqualTo("left");
    }

    @Test
    void storyOverMonthsIsCountedPerWeek() {
        var t = timeline(List.of(
                article("a", "L", "l.example", "One", "2024-01-01T00:00:00Z", "Text."),
                article("b", "R", "r.example", "Two", "2024-05-01T00:00:00Z", "Text.")));
        assertThat(t.bucket()).isEqualTo("week");
        assertThat(t.buckets().stream().mapToInt(b -> b.left() + b.right()).sum()).isEqualTo(2);
    }

    @Test
    void undatedArticlesAreCountedApart() {
        Article undated = new Article("u", "R", "r.example", null, "Undated", null, List.of(), "Text.", "fixture:u", "en", Map.of());
        var t = timeline(List.of(article("a", "L", "l.example", "One", "2024-01-01T00:00:00Z", "Text."), undated));
        assertThat(t.undated()).isEqualTo(1);
        assertThat(t.bucket()).isEqualTo("hour");
    }
}
