package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributionFinderTest {

    /** Source of the first figure of the sentence, or "-" when none. */
    private static String sourceOfFirstFigure(String sentence) {
        TaggedSentence s = Tagger.tag(sentence);
        List<Quantity> q = new QuantityParser().parse(s);
        assertThat(q).as("figures in: " + sentence).isNotEmpty();
        Attribution a = AttributionFinder.pick(new AttributionFinder().cues(s), q.get(0).numberAt());
        return a == null ? "-" : a.source();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "According to South Korea's National Intelligence Service (NIS), 1,500 troops have reached Russia.|South Korea's National Intelligence Service",
            "Kyiv's military intelligence chief, Kyrlo Budanov, estimated that around 2,600 soldiers are expected.|Kyrlo Budanov",
            "North Korea has sent 3,000 troops to Russia, South Korean lawmakers said on Wednesday.|South Korean lawmakers",
            "Another 593 people were injured, China Daily reported.|China Daily",
            "\"We lost 20 jobs,\" said Veuger.|Veuger",
            "The announcement follows comments from Ukrainian President Volodymyr Zelensky, who indicated that up to 10,000 soldiers might soon be involved.|Volodymyr Zelensky",
            "Zelensky intensified these concerns, claiming that North Korea is preparing to send 10,000 soldiers.|Zelensky",
            "Sessions wanted to eliminate an estimated $4.2 billion by reining in a credit that illegal immigrants have claimed.|-",
            "The leader of a union representing 12,000 officers said Monday his group is joining.|-",
            "Retail giant Wal-Mart announced Tuesday that it will end coverage for 30,000 workers, citing the Affordable Care Act.|Wal-Mart",
    })
    void findsTheSourceCoveringTheFigure(String sentence, String source) {
        assertThat(sourceOfFirstFigure(sentence)).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NATO chief Mark Rutte|NATO chief|Mark Rutte",
            "US Defense Secretary Lloyd Austin|US Defense Secretary|Lloyd Austin",
            "South Korean lawmakers||South Korean lawmakers",
    })
    void splitsTitleFromName(String source, String title, String name) {
        String[] parts = AttributionFinder.splitTitle(source);
        assertThat(parts[0]).isEqualTo(title == null ? "" : title);
        assertThat(parts[1]).isEqualTo(name);
    }

    /** A weekday, a month or a date dates a report; it never names who gave the figure (seen live: "(Saturday, via ...)"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The city will spend $40 million on new buses, according to the Tuesday report.|-",
            "The city will spend $40 million on new buses, according to Friday's statement.|-",
            "The city will spend $40 million on new buses, according to the Tuesday report by the city auditor.|city auditor",
    })
    void aDayIsNeverTheSource(String sentence, String source) {
        assertThat(sourceOfFirstFigure(sentence)).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Saturday|true", "Tuesday night|true", "Feb. 15|true", "March 3|true", "on Sunday|true",
            "May|false", "Theresa May|false", "The Sun|false", "Monday Morning Consult|false", "New York Post|false",
    })
    void tellsDatesFromNames(String phrase, boolean date) {
        assertThat(AttributionFinder.onlyDates(phrase)).isEqualTo(date);
    }
}
