package news.parallax.extract;

import static news.parallax.extract.Pages.P1;
import static news.parallax.extract.Pages.P2;
import static news.parallax.extract.Pages.P3;
import static news.parallax.extract.Pages.P4;
import static news.parallax.extract.Pages.nav;
import static news.parallax.extract.Pages.page;
import static news.parallax.extract.Pages.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned block classifier: its model file, and what it adds to a body the rules chose. */
class BlockClassifierTest {

    private static BlockClassifier parse(String text) throws IOException {
        return BlockClassifier.parse(new BufferedReader(new StringReader(text)));
    }

    private static String allWeights(double w) {
        StringBuilder b = new StringBuilder();
        for (String n : BlockFeatures.NAMES) b.append(n).append(' ').append(w).append('\n');
        return b.toString();
    }

    @Test
    void shippedModelWeighsEveryFeature() {
        assertThat(BlockClassifier.standard()).as("the model in " + BlockClassifier.RESOURCE + " is switched on").isNotNull();
    }

    @Test
    void modelFileNamesItsMistakes() {
        assertThatThrownBy(() -> parse(allWeights(0))).hasMessageContaining("no threshold");
        assertThatThrownBy(() -> parse("threshold 0.5\n" + allWeights(0).replace("bias 0.0\n", "")))
                .hasMessageContaining("no weight for feature bias");
        assertThatThrownBy(() -> parse("threshold 0.5\n" + allWeights(0) + "publisher_name 1\n")).hasMessageContaining("publisher_name");
        assertThatThrownBy(() -> parse("threshold 0.5\nbias x\n")).hasMessageContaining("bias x");
    }

    @Test
    void probabilityFollowsTheWeights() throws IOException {
        BlockClassifier zero = parse("threshold 0.5\n" + allWeights(0));
        double[] x = new double[BlockFeatures.NAMES.size()];
        x[0] = 1;
        assertThat(zero.probability(x)).isEqualTo(0.5);
        assertThat(zero.isContent(x)).isTrue();
        BlockClassifier negative = parse("threshold 0.5\n" + allWeights(-1));
        assertThat(negative.isContent(x)).isFalse();
    }

    /**
     * A lead paragraph printed in the page header among links, away from the body's container, is one the rules
     * leave out; the classifier adds it, in page order, and leaves the link rail and the cookie notice out.
     */
    @Test
    void leadParagraphOutsideTheContainerIsAdded() throws Exception {
        String lead = "The tram line will reach the northern suburbs by 2029, the council decided after a debate that lasted"
                + " well into the night, and the first trains could run a year earlier.";
        String body = nav() + "<div class=\"page\"><header class=\"article-header\"><div class=\"crumbs\"><a href=\"/\">News</a> "
                + "<a href=\"/local\">Local news and politics</a> <a href=\"/local/transport\">Transport</a></div>"
                + "<h1>Council approves tram extension</h1><div class=\"intro\"><p>" + lead + "</p></div>"
                + "<div class=\"links\"><a href=\"/x\">Read the council's full report on the tram</a> <a href=\"/y\">Listen to our"
                + " transport podcast episode</a> <a href=\"/z\">Sign up for local alerts by email today</a></div></header>"
                + "<div class=\"layout\"><div class=\"col\"><div class=\"article-body\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
                + "</p><p>" + P4 + "</p></div></div>"
                + "<div class=\"rail\"><h3>Most read</h3><ul><li><a href=\"/a\">Mayor opens the new bridge over the river today</a></li>"
                + "<li><a href=\"/b\">Bus drivers strike for a second day in the city</a></li>"
                + "<li><a href=\"/c\">School meals to become free for every pupil next year</a></li></ul></div></div>"
                + "<div class=\"cookie-consent\"><p>We use cookies to improve your experience on this website, to measure"
                + " the audience and to show you personalised advertising.</p></div></div>";
        List<Integer> candidates = new ArrayList<>();
        List<String> candidateTexts = new ArrayList<>();
        ExtractedPage p = new DefaultHtmlExtractor().extract(utf8(page("", body)), "https://news.example.org/2024/05/03/tram", null,
                (blocks, features, c) -> {
                    candidates.addAll(c);
                    for (int i : c) candidateTexts.add(blocks.get(i).text());
                });
        assertThat(candidateTexts).as("the rules alone leave the lead out").contains(lead);
        assertThat(p.text()).startsWith(lead).contains(P1).contains(P4);
        assertThat(p.text()).doesNotContain("Mayor opens").doesNotContain("cookies");
    }
}
