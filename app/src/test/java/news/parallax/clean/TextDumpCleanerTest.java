package news.parallax.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import news.parallax.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextDumpCleanerTest {
    private final TextDumpCleaner cleaner = new TextDumpCleaner();

    @Test
    void repeatedParagraphsKeepOneCopy() {
        String para = "The council approved the budget on Monday after a long debate about school funding and roads.";
        CleanedText out = cleaner.clean("City budget passes after debate\n" + para + "\n" + para + "\n");
        assertThat(out.paragraphs()).containsExactly(para);
    }

    @Test
    void titleRepeatedAndBreadcrumbAreDropped() {
        String title = "Storm closes schools across the northern county";
        String body = "Officials closed every school in the county on Tuesday as the storm brought heavy snow and wind.";
        CleanedText out = cleaner.clean("Home / Weather / " + title + "\n\n" + title + "\n\n" + title + "\n\n" + body);
        assertThat(out.title()).isEqualTo(title);
        assertThat(out.paragraphs()).containsExactly(body);
    }

    @Test
    void timestampLedTeaserListIsDropped() {
        String body = "The minister resigned on Friday after weeks of pressure over the handling of the rail contract.";
        String dump = body + "\nMore stories\n09:15\nA festival opened in the old town with music from three continents and food.\n"
                + "11:40\nThe football club signed a new striker for a record fee after a long negotiation.\n";
        assertThat(cleaner.clean(dump).paragraphs()).containsExactly(body);
    }

    @Test
    void tailCallsToActionAndLabelsAreDropped() {
        String body = "Rescuers pulled two climbers from the glacier on Sunday after a night in freezing temperatures.";
        String dump = "Climbers rescued from glacier\n" + body + "\nEnjoying our reporting? Get the app today\n"
                + "To post a comment, please sign in.\nMost read\nLatest\n";
        assertThat(cleaner.clean(dump).paragraphs()).containsExactly(body);
    }

    @Test
    void loneSentenceBetweenLabelsInTailIsChrome() {
        String body = "The court delayed the ruling until next month, citing the volume of new evidence from both sides.";
        String dump = "Court delays ruling on merger\n" + body + "\nReader poll\nNo results are shown for this poll yet.\nVote now\n";
        assertThat(cleaner.clean(dump).paragraphs()).containsExactly(body);
    }

    @Test
    void innerHeadingFollowedByBodySurvives() {
        String p1 = "The company reported record profits for the third quarter, beating analyst expectations by far.";
        String p2 = "Shares rose eight percent in early trading as investors welcomed the results and the new outlook.";
        CleanedText out = cleaner.clean("Record profits at the company\n" + p1 + "\nMarket reaction\n" + p2);
        assertThat(out.paragraphs()).containsExactly(p1, "Market reaction", p2);
    }

    @Test
    void metadataPrefixGluedToFirstParagraphIsCut() {
        String dump = "Bridge reopens after repairs\njdoe 12-Mar, 09:30 0 Local / Newsexample.com, The bridge reopened on "
                + "Monday after six months of repairs that cost the city four million dollars.";
        CleanedText out = cleaner.clean(dump);
        assertThat(out.paragraphs().get(0)).startsWith("The bridge reopened");
        assertThat(out.attribution()).isEqualTo("newsexample.com");
    }

    @Test
    void ordinaryOpeningWithClockTimeIsKept() {
        String p = "At 10:30, Police said the road would stay closed for the rest of the day while crews cleared debris.";
        assertThat(cleaner.clean("Road closed after crash\n" + p).paragraphs()).containsExactly(p);
    }

    static Stream<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.seeds())) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedsKeepTheArticleAndDropTheChrome(Path seed) throws IOException {
        CleanedText out = cleaner.clean(Files.readString(seed, StandardCharsets.UTF_8));
        List<String> paras = out.paragraphs();
        String text = String.join("\n", paras);
        assertThat(paras).hasSizeGreaterThanOrEqualTo(4);
        assertThat(new HashSet<>(paras)).as("no repeated paragraph").hasSameSizeAs(paras);
        if (!out.title().isEmpty()) assertThat(paras).doesNotContain(out.title());
        assertThat(text).doesNotContain("Powered by", "Download the app", "Read next", "Leave the first comment",
                "log in", "patron", "Main / News", "Next Story", "Send Push", "Key points from", "total sources",
                "View all news", "13:30", "Shoigu", "first joint air drills");
        assertThat(text).contains("North Korea");
    }

    @Test
    void creditLineNamesTheOutletAndLeavesTheBody() {
        String body = "South Korean intelligence has reported that North Korea has sent 3,000 troops to Russia to support the war.";
        CleanedText out = cleaner.clean("Main / News / Troops sent to Russia – Reuters\n\nTroops sent to Russia – Reuters\n\n"
                + body + "\n\nSource: Reuters\n\nSeoul said about 10,000 troops were promised in total by December this year.");
        assertThat(out.attribution()).isEqualTo("Reuters");
        assertThat(out.title()).isEqualTo("Troops sent to Russia");
        assertThat(out.paragraphs()).doesNotContain("Source: Reuters").contains(body);
    }

    @Test
    void datelineIsKeptAndAYearIsNeverGuessed() {
        String dump = "Bridge reopens after repairs\njdoe 19-Oct, 10:44 0 World / Videosbbc.com, The bridge reopened on "
                + "Monday after six months of repairs that cost the city four million dollars.";
        CleanedText out = cleaner.clean(dump);
        assertThat(out.attribution()).isEqualTo("bbc.com");
        assertThat(out.dateline()).isEqualTo("19-Oct, 10:44");
        assertThat(out.published()).isNull();
    }

    @Test
    void datelineWithYearGivesTheTime() {
        String dump = "Bridge reopens after repairs\njdoe 19 Oct 2024, 10:44 0 World / news.example.com, The bridge reopened on "
                + "Monday after six months of repairs that cost the city four million dollars.";
        assertThat(cleaner.clean(dump).published()).isEqualTo(java.time.Instant.parse("2024-10-19T10:44:00Z"));
    }

    @Test
    void aDashInsideAHeadlineIsNotACredit() {
        String body = "The bridge reopened on Monday after six months of repairs that cost the city four million dollars.";
        assertThat(cleaner.clean("Bridge reopens – Finally Open\n" + body).title()).isEqualTo("Bridge reopens – Finally Open");
    }
}
