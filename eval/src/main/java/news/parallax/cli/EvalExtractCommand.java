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
import news.parallax.extract.eval.SegmentPage;
import news.parallax.extract.eval.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval-extract DIR...}: scores the extractor and two Java peers on labelled page sets, Fundus-style
 * folders (body shingle F1, title, date, authors) and trafilatura's segment set (its own scoring).
 */
@Command(name = "eval-extract", mixinStandardHelpOptions = true,
        description = "Score article extraction against labelled pages, with boilerpipe and Readability4J side by side: "
                + "Fundus folders (body shingle F1, title, date, authors, pages/s) and trafilatura's segment set "
                + "(precision, recall, accuracy, F1 as trafilatura scores itself, beside the published figures).")
public final class EvalExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Fundus-style folder (<country>/<Publisher>.json beside "
            + "<Publisher>_<date>.html.gz) or segment-set folder (evaldata.json beside pages/FILE.gz); several may be given")
    List<Path> dirs;

    @Option(names = "--part", description = "Which part of each set to score: tune, holdout (untouched: first SHA-256 byte "
            + "of the file name mod 3 == 0; Fundus: of Publisher.json) or all, which also prints each part beside the other "
            + "from the same run (default: ${DEFAULT-VALUE}).", defaultValue = "tune")
    String part;

    @Option(names = "--no-peers", description = "Score only Parallax's extractor.")
    boolean noPeers;

    @Option(names = "--worst", description = "Also list the N pages with the lowest body F1 for Parallax.", defaultValue = "0")
    int worst;

    @Option(names = "--misses", description = "Also list Parallax's misses: title, date and author (expected vs extracted) on Fundus folders; text segments missed and boilerplate segments kept on the segment set.")
    boolean misses;

    @Option(names = "--warmup", description = "Untimed passes of every extractor over all pages before any timed pass (JIT "
            + "warm-up; all extractors warm up first, so the parser they share is as warm for the first one timed as for the last).",
            defaultValue = "1")
    int warmup;

    /** Runs the command on its own, before or without {@code Main}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EvalExtractCommand()).execute(args));
    }

    @Option(names = "--peer-logging", description = "Let Readability4J write its error log (it prints the whole element, often "
            + "kilobytes of HTML, for every relative URL it cannot resolve) to stderr during the timed runs; off by default, as "
            + "writing it is the harness's cost, not the extractor's (it still builds the message).")
    boolean peerLogging;

    /** Readability4J's logger: its error log of unresolvable relative URLs writes whole elements' HTML per link. */
    static final String READABILITY4J_LOGGER = "net.dankito.readability4j";

    @Override
    public Integer call() throws Exception {
        if (!peerLogging && org.slf4j.LoggerFactory.getLogger(READABILITY4J_LOGGER) instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        Split.Part which;
        try {
            which = Split.Part.valueOf(part.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("eval-extract: --part must be tune, holdout or all, not: " + part);
            return 2;
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                System.err.println("eval-extract: not a directory: " + dir);
                return 2;
            }
        }
        int rc = 0;
        for (Path dir : dirs) {
            int r = SegmentPage.isSegmentSet(dir) ? segments(dir, which) : fundus(dir, which);
            rc = Math.max(rc, r);
            System.out.println();
        }
        return rc;
    }

    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(ExtractionEvaluation.parallax(HtmlExtractors.standard()));
        if (!noPeers) {
            candidates.add(ExtractionEvaluation.boilerpipe());
            candidates.add(ExtractionEvaluation.readability4j());
        }
        return candidates;
    }

    private int segments(Path dir, Split.Part which) throws Exception {
        List<SegmentPage> pages = SegmentPage.load(dir).stream().filter(p -> which.includes(p.file())).toList();
        if (pages.isEmpty()) {
            System.err.println("eval-extract: no labelled pages under " + dir + " in part " + which.label());
            return 2;
        }
        Map<SegmentPage, byte[]> html = new java.util.LinkedHashMap<>();
        for (SegmentPage p : pages) html.put(p, p.html());
        List<ExtractionEvaluation.SegmentSummary> rows = new ArrayList<>();
        List<ExtractionEvaluation.SegmentResult> ours = null;
        List<Candidate> candidates = candidates();
        for (int i = 0; i < warmup; i++) {
            for (Candidate c : candidates) ExtractionEvaluation.runSegments(c, pages, html);
        }
        for (Candidate c : candidates) {
            List<ExtractionEvaluation.SegmentResult> results = ExtractionEvaluation.runSegments(c, pages, html);
            if (ours == null) ours = results;
            if (which == Split.Part.ALL) {
                // One run, each part beside the other: the gap between them says whether rules generalise.
                for (Split.Part p : List.of(Split.Part.TUNE, Split.Part.HOLDOUT)) {
                    rows.add(ExtractionEvaluation.summarizeSegments(c.name(), p.label(),
                            results.stream().filter(r -> p.includes(r.page().file())).toList()));
                }
            }
            rows.add(ExtractionEvaluation.summarizeSegments(c.name(), which.label(), results));
        }
        int with = 0, without = 0;
        for (SegmentPage p : pages) {
            with += p.with().size();
            without += p.without().size();
        }
        System.out.println(pages.size() + " pages (" + with + " text and " + without + " boilerplate segments) from " + dir
                + ", part " + which.label() + "; scored as trafilatura scores itself; single thread; speed is pages per"
                + " CPU-second of the extracting thread, excluding reading, gunzip and the peers' decoding");
        System.out.print(ExtractionEvaluation.segmentTable(rows, ExtractionEvaluation.publishedResults(dir.resolve("README.md"))));
        printSpeedRatio(rows.stream().map(r -> java.util.Map.entry(r.candidate(), r.pagesPerSecond())).toList());
        if (worst > 0 && ours != null) {
            System.out.println();
            ours.stream().filter(r -> r.score().falseNegatives() + r.score().falsePositives() > 0)
                    .sorted((a, b) -> Integer.compare(b.score().falseNegatives() + b.score().falsePositives(),
                            a.score().falseNegatives() + a.score().falsePositives()))
                    .limit(worst).forEach(r -> System.out.printf("FN=%d FP=%d chars=%d %s %s%n", r.score().falseNegatives(),
                            r.score().falsePositives(), r.output().body().length(), r.page().file(), r.page().url()));
        }
        if (misses && ours != null) {
            System.out.println();
            for (ExtractionEvaluation.SegmentResult r : ours) {
                String text = r.output().body().replaceAll("(?U)\\s+", " ");
                for (String s : r.page().with()) {
                    if (!text.contains(s.replaceAll("(?U)\\s+", " ").trim())) System.out.println("missed  " + r.page().file() + " chars=" + text.length() + ": " + s);
                }
                for (String s : r.page().without()) {
                    int at = text.indexOf(s.replaceAll("(?U)\\s+", " ").trim());
                    if (at >= 0) System.out.println("kept    " + r.page().file() + " at " + (100 * at / text.length()) + "%: " + s);
                }
            }
        }
        return 0;
    }

    private static void printSpeedRatio(List<Map.Entry<String, Double>> speeds) {
        double ours = 0, readability = 0;
        for (Map.Entry<String, Double> s : speeds) {
            if (s.getKey().equals("parallax")) ours = s.getValue();
            if (s.getKey().equals("readability4j")) readability = s.getValue();
        }
        if (ours > 0 && readability > 0) {
            System.out.printf(java.util.Locale.ROOT, "speed: parallax %.1f pages/cpu-s, %.2fx Readability4J in this run%n",
                    ours, ours / readability);
        }
    }

    private int fundus(Path dir, Split.Part which) throws Exception {
        List<FundusPage> pages = FundusPage.load(dir).stream().filter(p -> which.includes(p.publisherLabel())).toList();
        if (pages.isEmpty()) {
            System.err.println("eval-extract: no labelled pages under " + dir + " in part " + which.label());
            return 2;
        }
        Map<FundusPage, byte[]> html = ExtractionEvaluation.readAll(pages);
        List<Candidate> candidates = candidates();
        List<ExtractionEvaluation.Summary> rows = new ArrayList<>();
        List<PageResult> ours = null;
        for (int i = 0; i < warmup; i++) {
            for (Candidate c : candidates) ExtractionEvaluation.run(c, pages, html);
        }
        for (Candidate c : candidates) {
            List<PageResult> results = ExtractionEvaluation.run(c, pages, html);
            if (ours == null) ours = results;
            if (which == Split.Part.ALL) {
                for (Split.Part p : List.of(Split.Part.TUNE, Split.Part.HOLDOUT)) {
                    rows.add(ExtractionEvaluation.summarize(c.name(), p.label() + "/en", results,
                            page -> page.english() && p.includes(page.publisherLabel())));
                    rows.add(ExtractionEvaluation.summarize(c.name(), p.label() + "/all", results, page -> p.includes(page.publisherLabel())));
                }
            }
            rows.add(ExtractionEvaluation.summarize(c.name(), "english", results, FundusPage::english));
            rows.add(ExtractionEvaluation.summarize(c.name(), "all", results, p -> true));
        }
        System.out.println(pages.size() + " pages (" + pages.stream().filter(FundusPage::english).count()
                + " English) from " + dir + ", part " + which.label() + "; single thread; speed is pages per CPU-second of the"
                + " extracting thread, excluding reading and gunzip");
        System.out.print(ExtractionEvaluation.table(rows));
        printSpeedRatio(rows.stream().filter(r -> r.subset().equals("all"))
                .map(r -> java.util.Map.entry(r.candidate(), r.pagesPerSecond())).toList());
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
