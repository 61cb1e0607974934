package news.parallax.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.extract.HtmlExtractors;
import news.parallax.extract.eval.ExtractionEvaluation;
import news.parallax.extract.eval.ExtractionEvaluation.Candidate;
import news.parallax.extract.eval.ExtractionEvaluation.PageResult;
import news.parallax.extract.eval.FundusPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval-extract DIR}: scores the extractor and two Java peers on a Fundus-style labelled page set. */
@Command(name = "eval-extract", mixinStandardHelpOptions = true,
        description = "Score article extraction (body shingle F1, title, date, authors, pages/s) against labelled pages, "
                + "with boilerpipe and Readability4J side by side.")
public final class EvalExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Fundus-style folder: <country>/<Publisher>.json beside <Publisher>_<date>.html.gz")
    Path dir;

    @Option(names = "--no-peers", description = "Score only Parallax's extractor.")
    boolean noPeers;

    @Option(names = "--worst", description = "Also list the N pages with the lowest body F1 for Parallax.", defaultValue = "0")
    int worst;

    @Option(names = "--misses", description = "Also list Parallax's title, date and author misses: expected vs extracted.")
    boolean misses;

    @Option(names = "--warmup", description = "Untimed passes over all pages before the timed one (JIT warm-up).", defaultValue = "1")
    int warmup;

    /** Runs the command on its own, before or without {@code Main}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EvalExtractCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("eval-extract: not a directory: " + dir);
            return 2;
        }
        List<FundusPage> pages = FundusPage.load(dir);
        if (pages.isEmpty()) {
            System.err.println("eval-extract: no labelled pages under " + dir);
            return 2;
        }
        Map<FundusPage, byte[]> html = ExtractionEvaluation.readAll(pages);
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(ExtractionEvaluation.parallax(HtmlExtractors.standard()));
        if (!noPeers) {
            candidates.add(ExtractionEvaluation.boilerpipe());
            candidates.add(ExtractionEvaluation.readability4j());
        }
        List<ExtractionEvaluation.Summary> rows = new ArrayList<>();
        List<PageResult> ours = null;
        for (Candidate c : candidates) {
            for (int i = 0; i < warmup; i++) ExtractionEvaluation.run(c, pages, html);
            List<PageResult> results = ExtractionEvaluation.run(c, pages, html);
            if (ours == null) ours = results;
            rows.add(ExtractionEvaluation.summarize(c.name(), "english", results, FundusPage::english));
            rows.add(ExtractionEvaluation.summarize(c.name(), "all", results, p -> true));
        }
        System.out.println(pages.size() + " pages (" + pages.stream().filter(FundusPage::english).count()
                + " English) from " + dir + "; single thread; speed is pages per CPU-second of the"
                + " extracting thread, excluding reading and gunzip");
        System.out.print(ExtractionEvaluation.table(rows));
        if (worst > 0 && ours != null) {
            System.out.println();
            ours.stream().sorted((a, b) -> Double.compare(a.body().f1(), b.body().f1())).limit(worst).forEach(r ->
                    System.out.printf("%.3f P=%.3f R=%.3f title=%s date=%s authors=%s %s%n", r.body().f1(), r.body().precision(),
                            r.body().recall(), r.titleOk(), r.dateOk(), r.authorsOk(), r.page().file()));
        }
        if (misses && ours != null) {
            System.out.println();
            for (PageResult r : ours) {
                String name = r.page().file().getFileName().toString();
                if (Boolean.FALSE.equals(r.titleOk())) System.out.println("title   " + name + "\n  want: " + r.page().expectedTitle() + "\n  got:  " + r.output().title());
                if (Boolean.FALSE.equals(r.dateOk())) System.out.println("date    " + name + "\n  want: " + r.page().expectedDate() + "\n  got:  " + r.output().published());
                if (Boolean.FALSE.equals(r.authorsOk())) System.out.println("authors " + name + "\n  want: " + r.page().expectedAuthors() + "\n  got:  " + r.output().authors());
            }
        }
        return 0;
    }
}
