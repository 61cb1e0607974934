package news.parallax.nlp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.parallax.claims.JsonlArticles;
import news.parallax.model.Article;

/** Sentences of the first corpus articles, split as the claims stage splits them; the test is skipped without the corpus. */
final class CorpusSentences {
    private static final Path CORPUS = Path.of("../shared/data/articles/allsides-articles.jsonl.gz");

    private CorpusSentences() {}

    static List<String> ofFirst(int articles) throws IOException {
        assumeTrue(Files.exists(CORPUS), "corpus absent: " + CORPUS.toAbsolutePath() + " (see ../shared/data/README)");
        List<String> out = new ArrayList<>();
        for (Article a : JsonlArticles.read(CORPUS, id -> true, articles)) {
            for (String p : a.paragraphs()) out.addAll(Sentences.split(p));
        }
        return out;
    }
}
