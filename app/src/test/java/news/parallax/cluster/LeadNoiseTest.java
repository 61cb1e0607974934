package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadNoiseTest {

    @Test
    void removesNameHoverCardWithOtherStoriesHeadlines() {
        String text = "President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial Warren goes local in race "
                + "to build 2020 movement 2020 Democrats make play for veterans' votes MORE says he thrives on conflict.";
        String out = LeadNoise.strip(text);
        assertThat(out).isEqualTo("President Trump Donald John Trump says he thrives on conflict.");
    }

    @Test
    void removesImageToggleAndRepeatedCredit() {
        String text = "Title here  Enlarge this image toggle caption Susan Walsh/AP Susan Walsh/AP  Enough ballots were in question.";
        assertThat(LeadNoise.strip(text)).doesNotContain("toggle", "Walsh").contains("Title here").endsWith("Enough ballots were in question.");
    }

    @Test
    void keepsProseWithCamelCaseNamesAndCapitalisedMore() {
        String text = "Senate leader Mitch McConnell met Betsy DeVos on Tuesday about loans and grants for schools. ONE MORE thing.";
        assertThat(LeadNoise.strip(text)).isEqualTo(text);
        String sentence = "Officials at YouTube said on Monday. They will say MORE later.";
        assertThat(LeadNoise.strip(sentence)).isEqualTo(sentence);
    }

    @Test
    void leavesTextWithoutFurnitureUntouched() {
        assertThat(LeadNoise.strip("")).isEmpty();
        String plain = "Wisconsin Republicans passed a bill on Wednesday to weaken the incoming Democratic governor.";
        assertThat(LeadNoise.strip(plain)).isSameAs(plain);
    }
}
