package news.parallax.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShinglesTest {
    @Test
    void identicalTextsScoreOne() {
        Shingles.Score s = Shingles.score("The council voted on Tuesday to expand the tram.", "the council voted on tuesday, to expand the TRAM");
        assertThat(s.f1()).isEqualTo(1.0);
    }

    @Test
    void extraBoilerplateLowersPrecisionOnly() {
        String body = "one two three four five six seven eight";
        Shingles.Score s = Shingles.score(body + " share this on social media now please", body);
        assertThat(s.recall()).isEqualTo(1.0);
        // 5 expected shingles; 12 extracted, of which 5 match.
        assertThat(s.precision()).isCloseTo(5.0 / 12, within(1e-9));
    }

    @Test
    void missingTextLowersRecallOnly() {
        Shingles.Score s = Shingles.score("one two three four five", "one two three four five six seven eight nine");
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isCloseTo(2.0 / 6, within(1e-9));
    }

    @Test
    void emptyExtractionScoresZeroAgainstARealBody() {
        assertThat(Shingles.score("", "one two three four five").f1()).isZero();
        assertThat(Shingles.score("", "").f1()).isEqualTo(1.0);
    }

    @Test
    void cjkCharactersAreWords() {
        assertThat(Shingles.words("東京で地震 test")).containsExactly("東", "京", "で", "地", "震", "test");
    }
}
