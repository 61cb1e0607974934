package news.parallax.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import news.parallax.cluster.EmbedBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Times the sentence embedder against langchain4j's wrapper of the same model and compares their vectors. */
@Command(name = "bench-embed", mixinStandardHelpOptions = true,
        description = "Time the MiniLM embedder on a corpus's titles and leads against langchain4j's wrapper and compare the vectors")
public final class BenchEmbedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORPUS", description = "Articles as JSON lines (.jsonl or .jsonl.gz)")
    Path corpus;

    @Option(names = "--limit", description = "Texts to embed, from the start of the corpus (default: ${DEFAULT-VALUE})")
    int limit = 3000;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(corpus)) {
            System.err.println("bench-embed: no such file: " + corpus);
            return 2;
        }
        if (limit < 1) {
            System.err.println("bench-embed: --limit must be 1 or more");
            return 2;
        }
        // Same vectors is the point of the product's own runner: any difference fails the command.
        return EmbedBench.run(corpus, limit, System.out) <= 1e-5 ? 0 : 1;
    }
}
