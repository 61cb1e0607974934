package news.parallax.fetch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ExpectationTest {
    private static Expectation.Fields fields(Map<String, Object> entry0, Map<String, Object> feed, @Nullable String encoding) {
        return new Expectation.Fields() {
            @Override
            public Optional<Object> value(int index, String key) {
                return Optional.ofNullable(index < 0 ? feed.get(key) : index == 0 ? entry0.get(key) : null);
            }

            @Override
            public @Nullable String encoding() {
                return encoding;
            }
        };
    }

    @Test
    void bozoIsNotScoredAndFieldsAreCompared() {
        Expectation e = Expectation.parse("not bozo and entries[0]['link'] == u'http://example.com/'").orElseThrow();
        assertThat(e.category()).isEqualTo(Expectation.Category.LINK);
        assertThat(e.test(fields(Map.of("link", "http://example.com/"), Map.of(), null))).isTrue();
        assertThat(e.test(fields(Map.of("link", "http://example.com/other"), Map.of(), null))).isFalse();
        assertThat(e.test(fields(Map.of(), Map.of(), null))).isFalse();
    }

    @Test
    void titlesAreComparedAsTextAndEscapesDecoded() {
        Expectation e = Expectation.parse("feed['title'] == u'<b>Caf\\xe9</b> &amp; co'").orElseThrow();
        assertThat(e.test(fields(Map.of(), Map.of("title", "Caf\u00e9 & co"), null))).isTrue();
        // The literal value also matches (Atom type="text" keeps brackets); a different text does not.
        assertThat(e.test(fields(Map.of(), Map.of("title", "<b>Caf\u00e9</b> &amp; co"), null))).isTrue();
        assertThat(e.test(fields(Map.of(), Map.of("title", "Cafe & co"), null))).isFalse();
    }

    @Test
    void datesCompareTheFirstSixFieldsOfTheTuple() {
        Expectation e = Expectation.parse("entries[0]['published_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)").orElseThrow();
        assertThat(e.test(fields(Map.of("published_parsed", List.of(2003L, 12L, 31L, 10L, 14L, 55L)), Map.of(), null))).isTrue();
        assertThat(e.test(fields(Map.of("published_parsed", List.of(2003L, 12L, 31L, 10L, 14L, 56L)), Map.of(), null))).isFalse();
    }

    @Test
    void encodingsCompareByCharsetNotSpelling() {
        Expectation e = Expectation.parse("not bozo and encoding == 'utf-16le'").orElseThrow();
        assertThat(e.test(fields(Map.of(), Map.of(), "UTF-16LE"))).isTrue();
        assertThat(e.test(fields(Map.of(), Map.of(), "UTF-8"))).isFalse();
    }

    @Test
    void unsupportedExpressionsAreNotScored() {
        assertThat(Expectation.parse("bozo")).isEmpty();
        assertThat(Expectation.parse("len(entries) == 2")).isEmpty();
        assertThat(Expectation.parse("entries[0]['links'][0]['href'] == 'x'")).isEmpty();
        assertThat(Expectation.parse("feed['updated_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)")).isEmpty();
    }
}
