package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleSubjectsTest {
    private static List<String> subjects(String title, String lead) {
        TermStats stats = new TermStats();
        int[] ids = new FeatureExtractor(stats, ClusterConfig.defaults(), new RecentNews(OnlineStoryClusterer.RECENT_SPAN)).titleSubjects(title, lead);
        return Arrays.stream(ids).mapToObj(stats::display).sorted().toList();
    }

    @Test
    void aTitleCaseTitleNamesWhatItsLeadWritesAsNames() {
        assertThat(subjects("Tarrant To Testify About Marwick Before Ports Committee On Tuesday",
                "Deputy Minister Owen Tarrant will answer questions on Tuesday about the harbour contracts that Ilse Marwick "
                        + "described to the Senate Ports Committee last week."))
                .as("'Testify' and 'Before' are not names in the lead; a weekday is never a subject")
                .containsExactly("Committee", "Marwick", "Tarrant");
    }

    @Test
    void aRunOfNamesStandsForItsLastWord() {
        // "Ilse" alone would tie this title to any story about another Ilse.
        assertThat(subjects("Former commissioner Ilse Marwick asks judge for leniency",
                "Lawyers for Ilse Marwick asked Judge Ana Ruiz on Monday to spare their client prison."))
                .as("'judge' is lower case in the title: the lead's capital is a courtesy title there")
                .containsExactly("Marwick");
        assertThat(subjects("Tarrant, Marwick and Calder: where the affair stands",
                "The affair now reaches from Owen Tarrant to Ilse Marwick and the port of Calder."))
                .as("commas end a run").containsExactly("Calder", "Marwick", "Tarrant");
    }

    @Test
    void aNameAfterAnAbbreviationIsNotASentenceStart() {
        // "Mr." ends with a period, yet "Tarrant" after it is mid-sentence and so a name.
        assertThat(subjects("Tarrant Should Serve No Time, Prosecutors Say",
                "Prosecutors said on Tuesday that Mr. Tarrant had helped them. Prosecutors asked for no prison time."))
                .containsExactly("Tarrant");
    }
}
