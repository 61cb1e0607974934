package news.parallax.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import news.parallax.claims.ClaimAnalyzer;
import news.parallax.claims.ClaimEvaluation;
import news.parallax.claims.JsonlArticles;
import news.parallax.claims.FigureEvaluation;
import news.parallax.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures claim extraction: precision and recall against the hand labels, and throughput. */
@Command(name = "claims-eval", mixinStandardHelpOptions = true,
        description = "Precision/recall of quantity claims against hand labels; --bench N also measures articles/s.")
public final class ClaimsEvalCommand implements Callable<Integer> {
    @Option(names = "--gold", description = "labels (default: ${DEFAULT-VALUE})",
            defaultValue = "eval/src/test/resources/claims/gold.jsonl")
    Path gold;

    @Option(names = "--articles", description = "AllSides JSONL(.gz) (default: ${DEFAULT-VALUE})",
            defaultValue = "../shared/data/articles/allsides-articles.jsonl.gz")
    Path articles;

    @Option(names = "--labels", description = "labels in the issue-18 format (every kind of figure; the older "
            + "format is read too): prints value+thing precision/recall overall and per kind, attribution, stance "
            + "and grouping instead of the --gold scores")
    Path labels;

    @Option(names = "--kinds", split = ",", description = "with --labels: score only predictions of these kinds "
            + "(count,money for the older sets, which label only those)")
    java.util.Set<String> kinds;

    @Option(names = "--headlines", description = "with --labels: score the headline too (default: body only)")
    boolean headlines;

    @Option(names = "--verbose", description = "list misses, wrong sources and false alarms")
    boolean verbose;

    @Option(names = "--bench", description = "also extract claims from the first N articles and print articles/s",
            defaultValue = "0")
    int bench;

    @Option(names = "--threads", description = "threads for --bench (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int threads;

    /** Runs the command without the launcher ({@code java -cp ... news.parallax.cli.ClaimsEvalCommand}). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ClaimsEvalCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (labels != null) return scoreLabels();
        if (!gold.toFile().isFile()) {
            System.err.println("claims-eval: labels not found: " + gold);
            return 2;
        }
        if (!articles.toFile().isFile()) {
            System.err.println("claims-eval: articles not found: " + articles);
            return 2;
        }
        List<String> report = new ArrayList<>();
        ClaimEvaluation.Scores scores = ClaimEvaluation.run(gold, articles, report);
        if (verbose) report.forEach(System.out::println);
        System.out.println(scores);
        if (bench > 0) bench();
        return 0;
    }

    private int scoreLabels() throws Exception {
        if (!labels.toFile().isFile()) {
            System.err.println("claims-eval: labels not found: " + labels);
            return 2;
        }
        if (!articles.toFile().isFile()) {
            System.err.println("claims-eval: articles not found: " + articles);
            return 2;
        }
        List<String> report = new ArrayList<>();
        FigureEvaluation.Scores scores = FigureEvaluation.run(labels, articles, kinds, headlines, report);
        if (verbose) report.forEach(System.out::println);
        System.out.println(labels + (kinds == null ? "" : " (predictions of kinds " + kinds + ")") + ":");
        System.out.println(scores);
        if (bench > 0) bench();
        return 0;
    }

    private void bench() throws Exception {
        List<Article> sample = JsonlArticles.read(articles, id -> true, bench);
        ClaimAnalyzer analyzer = new ClaimAnalyzer();
        // warm-up: load models and JIT on a tenth of the sample
        for (Article a : sample.subList(0, Math.max(1, sample.size() / 10))) analyzer.analyze(List.of(a));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger claims = new AtomicInteger();
        long chars = sample.stream().mapToLong(a -> a.text().length()).sum();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        for (Article a : sample) {
            futures.add(pool.submit(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                claims.addAndGet(analyzer.analyze(List.of(a)).claims().size());
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
            }));
        }
        for (Future<?> f : futures) f.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        double cpuSeconds = cpuNanos.get() / 1e9;
        // The machine is shared: wall-clock throughput depends on the load; CPU time per article does not.
        System.out.printf("bench: %d articles (%.1f MB of text) on %d threads in %.1f s wall: %.0f articles/s; "
                        + "%.1f CPU-s: %.0f articles per CPU-second (x%d cores = %.0f articles/s if uncontended); %d claims%n",
                sample.size(), chars / 1e6, threads, seconds, sample.size() / seconds, cpuSeconds,
                sample.size() / cpuSeconds, threads, threads * sample.size() / cpuSeconds, claims.get());
    }
}
