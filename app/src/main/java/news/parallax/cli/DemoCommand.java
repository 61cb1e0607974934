package news.parallax.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterConfig;
import news.parallax.pipeline.IngestSummary;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest the seed articles (../shared/seeds, else a bundled sample) and serve the web UI.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    ServerOptions server;

    @Mixin
    ClusterOptions clustering;

    @Option(names = "--no-serve", description = "Ingest only, then exit.")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        ClusterConfig config = clustering.config(); // a bad setting fails before the store opens
        Path input = Path.of("..", "shared", "seeds");
        if (!Files.isDirectory(input)) input = SampleCorpus.writeTo(data.dir().resolve("sample"));
        try (Store store = Services.store(data)) {
            IngestSummary s = Services.pipeline(store, config).ingest(List.of(input), news.parallax.pipeline.ProgressListener.NONE);
            System.out.printf("demo: ingested %s: read %d, stored %d, duplicates %d, rejected %d; %d stories%n", input, s.read(),
                    s.stored(), s.duplicates(), s.rejected().size(), s.stories());
        }
        return noServe ? 0 : ServeCommand.serve(data, server);
    }
}
