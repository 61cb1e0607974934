package news.parallax.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import news.parallax.claims.FigureEvaluation;
import news.parallax.claims.FigureLearning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the learned figure decision (issue 18) and measures it by leave-one-set-out cross-validation. */
@Command(name = "claims-train", mixinStandardHelpOptions = true,
        description = "Learned keep/drop of claim figures: --cv scores each labelled set with a model trained on the "
                + "others (next to the rules alone); --out writes the model trained on all sets.")
public final class ClaimsTrainCommand implements Callable<Integer> {
    private static final String DIR = "eval/src/test/resources/claims/";

    @Option(names = "--sets", split = ",", description = "labelled sets in the issue-18 format (default: the eight "
            + "2016 sets A, final, C-H)")
    List<Path> sets = new ArrayList<>(List.of(Path.of(DIR + "fresh2016.jsonl"), Path.of(DIR + "fresh2016-final.jsonl"),
            Path.of(DIR + "fresh2016-c.jsonl"), Path.of(DIR + "fresh2016-d.jsonl"), Path.of(DIR + "fresh2016-e.jsonl"),
            Path.of(DIR + "fresh2016-f.jsonl"), Path.of(DIR + "fresh2016-g.jsonl"), Path.of(DIR + "fresh2016-h.jsonl")));

    @Option(names = "--articles", description = "AllSides JSONL(.gz) (default: ${DEFAULT-VALUE})",
            defaultValue = "../shared/data/articles/allsides-articles.jsonl.gz")
    Path articles;

    @Option(names = "--loose", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also weigh figures the rules leave unread (LooseFigures); --no-loose: only drop the rules' own")
    boolean loose;

    @Option(names = "--cv", description = "leave-one-set-out: per set and pooled, rules against learned")
    boolean cv;

    @Option(names = "--things", description = "with --cv: measure the learned choice of the counted thing instead "
            + "(the rules' figures all kept, each renamed to a noun of its sentence when the model is sure enough)")
    boolean things;

    @Option(names = "--out", description = "write the model trained on all sets to this file")
    Path out;

    @Option(names = "--dump", description = "write every candidate (set, article, rules/loose, positive, kind, value, "
            + "thing, sentence) to this TSV file")
    Path dump;

    @Override
    public Integer call() throws Exception {
        if (!cv && out == null && dump == null) {
            System.err.println("claims-train: give --cv, --out FILE or --dump FILE");
            return 2;
        }
        if (dump != null) Files.write(dump, FigureLearning.dump(sets, articles, loose), StandardCharsets.UTF_8);
        if (cv) {
            List<String> log = new ArrayList<>();
            List<FigureLearning.Fold> folds = things ? FigureLearning.crossValidateThings(sets, articles, log)
                    : FigureLearning.crossValidate(sets, articles, loose, log);
            log.forEach(System.out::println);
            System.out.println("set | labels | rules: predicted, P / R / F, attribution | learned: predicted, P / R / F, "
                    + "attribution | settings chosen without the set (passes, L2, threshold)");
            int[] r = new int[4];
            int[] l = new int[4];
            for (FigureLearning.Fold f : folds) {
                System.out.println(f.set() + " | " + f.rules().all().labelled() + " | " + row(f.rules()) + " | "
                        + row(f.learned()) + " | " + String.format(Locale.ROOT, "%d, %.0e, %.2f", f.settings().epochs(), f.settings().l2(),
                        f.settings().threshold()));
                add(r, f.rules());
                add(l, f.learned());
            }
            System.out.println("pooled | " + r[0] + " | " + pooled(r) + " | " + pooled(l) + " |");
        }
        if (out != null) {
            Files.writeString(out, FigureLearning.trainAll(sets, articles, loose), StandardCharsets.UTF_8);
            System.out.println("model written to " + out);
        }
        return 0;
    }

    private static String row(FigureEvaluation.Scores s) {
        FigureEvaluation.Counts c = s.all();
        return String.format(Locale.ROOT, "%d, %.3f / %.3f / %.3f, %.3f", c.predicted(), c.precision(), c.recall(),
                f(c.precision(), c.recall()), s.attribution());
    }

    private static void add(int[] sum, FigureEvaluation.Scores s) {
        sum[0] += s.all().labelled();
        sum[1] += s.all().predicted();
        sum[2] += s.all().matchedLabels();
        sum[3] += s.attributionRight();
    }

    private static String pooled(int[] c) {
        double p = (double) c[2] / c[1];
        double r = (double) c[2] / c[0];
        return String.format(Locale.ROOT, "%d, %.3f / %.3f / %.3f, %.3f", c[1], p, r, f(p, r), (double) c[3] / c[2]);
    }

    private static double f(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
