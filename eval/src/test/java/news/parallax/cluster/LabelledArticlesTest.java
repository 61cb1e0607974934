package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import news.parallax.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledArticlesTest {
    @TempDir
    Path dir;

    @Test
    void readsGoldFromStoryFieldsInStreamOrder() throws IOException {
        Path f = dir.resolve("s.jsonl");
        Files.writeString(f, """
                {"id":"b","source":"X","title":"T2","date":"2019-02-02","text":"two","story":"s1"}
                {"id":"a","source":"Y","title":"T1","date":"2019-02-01","text":"one","story":"s1"}
                {"id":"c","source":"Y","title":"T3","date":"","text":"three","story":"s2"}
                """);
        LabelledArticles data = LabelledArticles.read(f, null, false);
        assertThat(data.articles()).extracting(Article::id).containsExactly("c", "a", "b");
        assertThat(data.articles().get(1).published()).isEqualTo(Instant.parse("2019-02-01T00:00:00Z"));
        assertThat(data.gold()).containsEntry("a", "s1").containsEntry("c", "s2");
    }

    @Test
    void badLineIsNamedWithFileAndLine() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"story\":\"s\"}\n{not json\n");
        assertThatThrownBy(() -> LabelledArticles.read(f, null, false)).hasMessageContaining("bad.jsonl:2");
    }

    @Test
    void malformedLabelsLineIsNamed() throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "{\"id\":\"a\"}\n");
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, "# comment\na\ts1\nb s2\n");
        assertThatThrownBy(() -> LabelledArticles.read(f, labels, false)).hasMessageContaining("labels.tsv:3");
    }

    @Test
    void impossibleDatesAreUnknown() {
        assertThat(LabelledArticles.parseDate("2050-09-01")).isNull();
        assertThat(LabelledArticles.parseDate("4/12/19")).isEqualTo(Instant.parse("2019-04-12T00:00:00Z"));
    }
}
