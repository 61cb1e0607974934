package news.parallax.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dankito.readability4j.Readability4J;
import news.parallax.extract.eval.FundusPage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Single-threaded throughput of Parallax's extractor against Readability4J on the English pages of the
 * Fundus development set (read from {@code ../shared/data}; the benchmark refuses to run without it).
 * Each invocation extracts every page once, so the score is page sets per second.
 *
 * <p>Run: {@code mvn -q -o -DskipTests package && java -cp "eval/target/test-classes:$EVAL_CP"
 * news.parallax.extract.ExtractionBenchmark} ({@code EVAL_CP} as in README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 10)
public class ExtractionBenchmark {
    static final Path DATA = Path.of("../shared/data/extraction-dev/fundus");

    List<byte[]> pages;
    List<String> decoded;
    List<String> urls;
    final HtmlExtractor extractor = HtmlExtractors.standard();

    @Setup(Level.Trial)
    public void load() throws IOException {
        if (!Files.isDirectory(DATA)) throw new IllegalStateException("benchmark data missing: " + DATA.toAbsolutePath());
        pages = new ArrayList<>();
        decoded = new ArrayList<>();
        urls = new ArrayList<>();
        for (FundusPage p : FundusPage.load(DATA)) {
            if (!p.english()) continue;
            byte[] html = p.html();
            pages.add(html);
            decoded.add(new String(html, StandardCharsets.UTF_8));
            urls.add(p.url());
        }
    }

    /** Parallax: bytes in (charset detection included), article out. */
    @Benchmark
    public void parallax(Blackhole bh) {
        for (int i = 0; i < pages.size(); i++) {
            try {
                bh.consume(extractor.extract(pages.get(i), urls.get(i), null));
            } catch (ExtractionException e) {
                bh.consume(e);
            }
        }
    }

    /** Readability4J: given the page already decoded, as it takes a string. */
    @Benchmark
    public void readability4j(Blackhole bh) {
        for (int i = 0; i < decoded.size(); i++) {
            bh.consume(new Readability4J(urls.get(i), decoded.get(i)).parse().getTextContent());
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ExtractionBenchmark.class.getName()).build()).run();
    }
}
