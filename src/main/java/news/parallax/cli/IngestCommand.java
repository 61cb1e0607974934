package news.parallax.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import news.parallax.pipeline.IngestSummary;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read article files or folders (.txt, .html/.htm, .jsonl, optionally .gz), store and cluster them.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (read recursively).")
    List<Path> paths;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        try (Store store = Services.store(data.dir())) {
            ConsoleProgress progress = new ConsoleProgress(System.err);
            IngestSummary s = Services.pipeline(store).ingest(paths, progress);
            progress.end();
            for (String r : s.rejected()) System.err.println("rejected: " + r);
            System.out.printf("read %d, stored %d, duplicates %d, rejected %d; %d stories in %s (%.1f s)%n", s.read(), s.stored(),
                    s.duplicates(), s.rejected().size(), s.stories(), store.file(), (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
