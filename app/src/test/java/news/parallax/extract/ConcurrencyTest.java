package news.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared extractor gives the same answers from many threads at once as from one. */
class ConcurrencyTest {
    @Test
    void sharedExtractorIsThreadSafe() throws Exception {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String de = "Der Stadtrat hat am Dienstag beschlossen, das Straßenbahnnetz um " + i + " Kilometer zu erweitern, sagte die Sprecherin.";
            String body = i % 2 == 0 ? Pages.article(Pages.P1 + " " + i, Pages.P2, Pages.P3) : Pages.article(de, de + " Nochmals.", de + " Zum dritten Mal.");
            pages.add(Pages.utf8(Pages.page("<title>Page " + i + "</title>", Pages.nav() + body)));
        }
        HtmlExtractor extractor = HtmlExtractors.standard();
        List<ExtractedPage> sequential = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) sequential.add(extractor.extract(pages.get(i), "p" + i, null));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractedPage>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < pages.size(); i++) {
                    int k = i;
                    futures.add(pool.submit(() -> extractor.extract(pages.get(k), "p" + k, null)));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                assertThat(futures.get(f).get()).isEqualTo(sequential.get(f % pages.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
