package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.parallax.analysis.StoryView;
import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void aBarSegmentTooNarrowForItsTextShowsNoneButKeepsItsTitle() {
        StoryView.Landscape l = new StoryView.Landscape(12, 10, 7, 1);
        assertThat(Fmt.barText(l, "left")).isEqualTo("L 40%");
        assertThat(Fmt.barText(l, "unrated")).as("3%: 'Other 3%' would be clipped to 'Oth'").isEmpty();
        assertThat(Fmt.barTitle(l, "unrated")).isEqualTo("Other (sources without bias rating): 1 of 30 sources, 3%");
        assertThat(Fmt.barText(new StoryView.Landscape(0, 0, 0, 1), "unrated")).isEqualTo("Other 100%");
    }
}
