package news.parallax.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorySentencesTest {
    @Test
    void boundaryAfterANumberIsRestored() {
        assertThat(StorySentences.repair("The council approved it by a vote of 7 to 2. Officials said the money covers buses."))
                .containsExactly("The council approved it by a vote of 7 to 2.", "Officials said the money covers buses.");
    }

    @Test
    void shortHalvesStayTogether() {
        assertThat(StorySentences.repair("He finished at No. 2. Then left.")).hasSize(1);
    }
}
