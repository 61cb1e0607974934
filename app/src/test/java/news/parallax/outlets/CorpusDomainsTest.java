package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import news.parallax.ingest.InputItem;
import news.parallax.ingest.InputReader;
import news.parallax.model.Article;
import news.parallax.pipeline.Pipelines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: an ingested article's domain is its outlet's registry key wherever the registry knows the outlet by URL.
 * The one allowed difference is an outlet the registry keys below its registrable domain (a subdomain such as
 * abcnews.go.com, or a path such as pri.org/programs/globalpost): the article's domain is then the registrable
 * domain the key lies in.
 */
class CorpusDomainsTest {
    private static final Path CORPUS = Path.of("../shared/data/articles/allsides-articles.jsonl.gz");

    @Test
    void everyArticleDomainIsItsOutletsRegistryKey() {
        Assumptions.assumeTrue(Files.exists(CORPUS), "corpus absent at " + CORPUS.toAbsolutePath() + "; skipping");
        DefaultOutletRegistry registry = OutletRegistries.bundled();
        List<Article> articles = new ArrayList<>();
        new InputReader(Pipelines.standardHtmlExtractor()).read(CORPUS, item -> {
            if (item instanceof InputItem.Read r) articles.add(r.article());
        });
        int known = 0, equal = 0;
        Map<String, Integer> keyedBelow = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Article a : articles) {
            if (a.url() == null) continue;
            Optional<Outlet> o = registry.findByDomain(a.url());
            if (o.isEmpty()) continue;
            known++;
            String key = o.get().domain();
            if (key.equals(a.domain())) {
                equal++;
            } else if (a.domain() != null && (key.endsWith("." + a.domain()) || key.startsWith(a.domain() + "/"))) {
                keyedBelow.merge(key + " in " + a.domain(), 1, Integer::sum);
            } else {
                mismatches.add(a.url() + ": domain " + a.domain() + ", registry key " + key);
            }
        }
        System.out.printf("CorpusDomainsTest: %d articles, %d with an outlet the registry knows by URL, %d domain = key, "
                + "%d keyed below their registrable domain %s%n", articles.size(), known, equal, known - equal - mismatches.size(), keyedBelow);
        assertThat(known).isGreaterThan(articles.size() / 2);
        assertThat(mismatches).isEmpty();
    }
}
