package news.parallax.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterConfig;
import news.parallax.fetch.FetchConfig;
import news.parallax.fetch.LiveIngest;
import news.parallax.pipeline.IngestSummary;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read article files or folders (.txt, .html/.htm, .jsonl, optionally .gz) or article URLs, store and cluster them.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Mixin
    ClusterOptions clustering;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files or folders (read recursively), or http(s) article URLs.")
    List<String> inputs;

    @Option(names = "--allow-private", description = "Allow URLs on loopback, private and link-local addresses (refused by default).")
    boolean allowPrivate;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        ClusterConfig config = clustering.config();
        List<Path> paths = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (String in : inputs) {
            String lower = in.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) urls.add(in);
            else paths.add(Path.of(in));
        }
        try (Store store = Services.store(data)) {
            ConsoleProgress progress = new ConsoleProgress(System.err);
            if (!paths.isEmpty()) {
                IngestSummary s = Services.pipeline(store, config).ingest(paths, progress);
                progress.end();
                for (var p : s.problems()) System.err.println((p.problem().skipped() ? "skipped: " : "rejected: ") + p.message());
                System.out.printf("read %d, stored %d, duplicates %d, rejected %d, skipped %d; %d stories in %s (%.1f s)%n", s.read(),
                        s.stored(), s.duplicates(), s.refused().size(), s.skipped().size(), s.stories(), store.location(),
                        (System.nanoTime() - start) / 1e9);
                if (!s.problems().isEmpty()) System.out.println("by reason: " + byReason(s));
                if (s.otherFiles() > 0) System.out.println(s.otherFiles() + " other files in the folders are no input format (not read)");
            }
            if (!urls.isEmpty()) {
                try (LiveIngest live = LiveIngest.standard(store, FetchConfig.defaults().withAllowPrivate(allowPrivate), config)) {
                    LiveIngest.Pass pass = live.ingestUrls(urls, progress);
                    for (String e : pass.report().errors()) System.err.println("rejected: " + e);
                    System.out.println(pass.summary());
                }
                progress.end();
            }
            return 0;
        }
    }

    /** "2 field too long, 1 symlink loop (skipped)". */
    private static String byReason(IngestSummary s) {
        List<String> parts = new ArrayList<>();
        s.counts().forEach((problem, n) -> parts.add(n + " " + problem.label() + (problem.skipped() ? " (skipped)" : "")));
        return String.join(", ", parts);
    }
}
