package news.parallax.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LightStemmerTest {
    @ParameterizedTest
    @CsvSource({"suspends,suspended", "suspending,suspend", "treaties,treaty", "announced,announce", "announcing,announces",
            "stopped,stop", "troops,troop"})
    void inflectionsMeet(String a, String b) {
        assertThat(LightStemmer.stem(a)).isEqualTo(LightStemmer.stem(b));
    }

    @ParameterizedTest
    @CsvSource({"nation,national", "news,new"})
    void distinctWordsStayApart(String a, String b) {
        assertThat(LightStemmer.stem(a)).isNotEqualTo(LightStemmer.stem(b));
    }
}
