package news.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of mutated pages (seeded, so failures reproduce) and checks the contract: a page
 * with its invariants, or an {@link ExtractionException} naming the location; nothing else escapes.
 */
class FuzzTest {
    static final long SEED = 20_240_503L;
    static final int MUTANTS = 2_000;

    static final List<String> SEEDS = List.of(
            Pages.page("<title>Tram | Example News</title><meta property=\"og:title\" content=\"Council approves tram extension\">"
                    + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council approves tram extension\","
                    + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"}],\"datePublished\":\"2024-05-03T10:00:00+02:00\"}</script>",
                    Pages.nav() + Pages.article(Pages.P1, Pages.P2, Pages.P3, Pages.P4)
                            + "<aside class=\"related\"><a href=\"/a\">Other story one about something</a></aside>"),
            Pages.page("<title>Politics</title>", "<main><ul>" + "<li><h2><a href=\"/x\">A headline that links to another story</a></h2></li>".repeat(20) + "</ul></main>"),
            Pages.page("<meta charset=\"windows-1251\">", "<div class=\"text\"><p>Городской совет проголосовал за расширение трамвайной сети.</p></div>"),
            "<html><body><table><tr><td>" + Pages.P1 + "<br><br>" + Pages.P2 + "</td></tr></table><!-- comment --><script>var x = '<p>';</script>");

    @Test
    void mutatedPagesNeverEscapeTheContract() {
        Random random = new Random(SEED);
        HtmlExtractor extractor = HtmlExtractors.standard();
        int articles = 0;
        int errors = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutate(SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8), random);
            String location = "mutant-" + i + ".html";
            try {
                ExtractedPage p = extractor.extract(mutant, location, random.nextInt(10) == 0 ? "text/html; charset=Shift_JIS" : null);
                assertThat(p.location()).isEqualTo(location);
                assertThat(p.title()).isNotNull();
                if (p.isArticle()) {
                    assertThat(p.notArticleReason()).isNull();
                    assertThat(p.paragraphs()).isNotEmpty().allSatisfy(par -> assertThat(par).isNotBlank());
                    articles++;
                } else {
                    assertThat(p.notArticleReason()).isNotBlank();
                }
            } catch (ExtractionException e) {
                assertThat(e.getMessage()).startsWith(location + ": ");
                errors++;
            }
        }
        // The mutations must leave many pages readable, or the test checks nothing but the error path.
        assertThat(articles).isGreaterThan(MUTANTS / 10);
        assertThat(errors).isLessThan(MUTANTS);
    }

    static byte[] mutate(byte[] page, Random random) {
        List<Byte> bytes = new ArrayList<>(page.length);
        for (byte b : page) bytes.add(b);
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(7)) {
                case 0 -> bytes.set(at, (byte) random.nextInt(256)); // flip a byte
                case 1 -> bytes.subList(at, Math.min(bytes.size(), at + random.nextInt(200))).clear(); // delete a run
                case 2 -> { // duplicate a run
                    int len = Math.min(bytes.size() - at, random.nextInt(300));
                    bytes.addAll(at, new ArrayList<>(bytes.subList(at, at + len)));
                }
                case 3 -> bytes.subList(at, bytes.size()).clear(); // truncate
                case 4 -> insert(bytes, at, List.of("<div>", "</p>", "<table>", "<!--", "<script>", "]]>", "<p", "\"", "&#x", "<svg><math>")
                        .get(random.nextInt(10)));
                case 5 -> insert(bytes, at, "<div>".repeat(random.nextInt(2_000)));
                default -> bytes.add(at, (byte) 0); // a NUL byte
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) out[i] = bytes.get(i);
        return out;
    }

    private static void insert(List<Byte> bytes, int at, String s) {
        List<Byte> add = new ArrayList<>();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) add.add(b);
        bytes.addAll(at, add);
    }
}
