package news.parallax.claims;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * Trains and measures the learned figure decision (issue 18, {@link FigureModel}) on the labelled sets.
 *
 * <p>One analysis pass records every candidate the extractor weighs (the rules' figures and, when loose, {@link
 * LooseFigures}) with its features; a candidate is positive when it matches a label of its article as the scorer
 * ({@link FigureEvaluation#matches}) would match it. Logistic regression by AdaGrad over the candidates, in a fixed
 * order, gives the same weights on every run. Leave-one-set-out: for each set, the model is trained on all the other
 * sets, its threshold chosen by an inner leave-one-set-out over those sets alone, and the held-out set is then scored
 * by the real extractor with that model in place, next to the rules alone.
 */
public final class FigureLearning {
    private static final double RATE = 0.1;
    private static final long SEED = 18;
    /** Passes over the training candidates and L2 penalties tried; the inner leave-one-set-out picks one of each. */
    private static final int[] EPOCHS = {1, 2, 3, 5, 10};
    private static final double[] L2 = {1e-3, 1e-2, 3e-2};

    /** Training settings and the keep threshold, as chosen on training sets only. */
    public record Settings(int epochs, double l2, double threshold, double innerF1) {}

    /** One candidate: its set, its article, its features, how the scorer would read it, and whether it is a label. */
    record Example(String set, String article, List<String> features, FigureEvaluation.Predicted predicted,
                   boolean positive, List<Alternative> alternatives) {}

    /** Another noun of the sentence as the candidate's counted thing, with how the scorer would read it. */
    record Alternative(List<String> features, FigureEvaluation.Predicted predicted, boolean positive) {}

    /** A labelled set: its name, labels and articles. */
    record LabelledSet(String name, Map<String, List<FigureEvaluation.Label>> labels, List<Article> articles) {}

    /** Per held-out set: the rules' scores, the learned scores, and the threshold chosen without the set. */
    public record Fold(String set, FigureEvaluation.Scores rules, FigureEvaluation.Scores learned, Settings settings) {}

    private FigureLearning() {}

    /** Reads the sets and their articles. */
    static List<LabelledSet> read(List<Path> sets, Path articles) throws IOException {
        List<LabelledSet> out = new ArrayList<>();
        for (Path p : sets) {
            Map<String, List<FigureEvaluation.Label>> labels = FigureEvaluation.readLabels(p);
            List<Article> found = JsonlArticles.read(articles, labels::containsKey, labels.size());
            String name = p.getFileName().toString().replaceFirst("\\.jsonl$", "");
            out.add(new LabelledSet(name, labels, found));
        }
        return out;
    }

    /** Every candidate of every set, in text order, labelled from the gold. */
    static List<Example> record(List<LabelledSet> sets, boolean loose) {
        List<Example> out = new ArrayList<>();
        for (LabelledSet set : sets) {
            for (Article a : set.articles()) {
                List<FigureEvaluation.Label> labels = set.labels().getOrDefault(a.id(), List.of());
                Recorder rec = new Recorder(loose, c -> {
                    FigureEvaluation.Predicted p = predicted(c);
                    boolean positive = labels.stream().anyMatch(l -> FigureEvaluation.matches(l, p));
                    List<Alternative> alternatives = new ArrayList<>();
                    for (int k : ThingFeatures.alternatives(c.sentence(), c.quantity())) {
                        List<String> f = ThingFeatures.of(c.sentence(), c.quantity(), k);
                        if (f.contains("T:inRule=true")) continue;
                        FigureEvaluation.Predicted r = predicted(c.sentence(),
                                FigureModel.renamed(c.sentence(), c.quantity(), k));
                        alternatives.add(new Alternative(f, r, labels.stream().anyMatch(l -> FigureEvaluation.matches(l, r))));
                    }
                    out.add(new Example(set.name(), a.id(), FigureFeatures.of(c), p, positive, alternatives));
                });
                new ClaimAnalyzer(rec).analyze(List.of(a.withTitle("")));
            }
        }
        return out;
    }

    /** How the scorer reads a candidate kept as a claim (the source is left out: value and thing are scored here). */
    private static FigureEvaluation.Predicted predicted(FigureCandidate c) {
        return predicted(c.sentence(), c.quantity());
    }

    private static FigureEvaluation.Predicted predicted(TaggedSentence s, Quantity q) {
        double[] v = FigureEvaluation.parseValue(q.value());
        return new FigureEvaluation.Predicted(q.kind(), v[0], v[1], q.phrase(), q.question(), q.question(), q.unit(),
                null, "", s.text());
    }

    /** A decision that keeps every candidate and hands each to a consumer (one article at a time, one thread). */
    private static final class Recorder implements FigureDecision {
        private final boolean loose;
        private final Consumer<FigureCandidate> sink;

        Recorder(boolean loose, Consumer<FigureCandidate> sink) {
            this.loose = loose;
            this.sink = sink;
        }

        @Override
        public List<Quantity> extras(TaggedSentence s, List<Quantity> ruled, @Nullable Quantity lastCount) {
            return loose ? LooseFigures.find(s, ruled, lastCount) : List.of();
        }

        @Override
        public boolean keep(FigureCandidate c) {
            sink.accept(c);
            return true;
        }
    }

    /** Logistic regression by AdaGrad with an L2 penalty, in a fixed shuffled order. */
    static FigureModel train(List<Example> examples, Settings settings, boolean loose) {
        return new FigureModel(weights(examples.stream().map(Example::features).toList(),
                examples.stream().map(Example::positive).toList(), settings), settings.threshold(), loose);
    }

    /** Weights of a logistic regression of {@code positive} on {@code features}. */
    static Map<String, Double> weights(List<List<String>> features, List<Boolean> positive, Settings settings) {
        Map<String, Integer> index = new HashMap<>();
        List<int[]> rows = new ArrayList<>();
        for (List<String> fs : features) {
            int[] r = new int[fs.size()];
            for (int k = 0; k < r.length; k++) r[k] = index.computeIfAbsent(fs.get(k), x -> index.size());
            rows.add(r);
        }
        double[] w = new double[index.size()];
        double[] g2 = new double[index.size()];
        Integer[] order = new Integer[rows.size()];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            java.util.Collections.shuffle(java.util.Arrays.asList(order), random);
            for (int k : order) {
                int[] r = rows.get(k);
                double z = 0;
                for (int f : r) z += w[f];
                double p = 1 / (1 + Math.exp(-z));
                double err = p - (positive.get(k) ? 1 : 0);
                for (int f : r) {
                    double g = err + settings.l2() * w[f];
                    g2[f] += g * g;
                    w[f] -= RATE * g / Math.sqrt(g2[f] + 1e-8);
                }
            }
        }
        Map<String, Double> weights = new HashMap<>();
        for (var e : index.entrySet()) {
            if (Math.abs(w[e.getValue()]) >= 1e-4) weights.put(e.getKey(), w[e.getValue()]);
        }
        return weights;
    }

    /** Settings of the thing choice, fixed beforehand (not tuned): few passes, a firm penalty. */
    private static final Settings THING_SETTINGS = new Settings(3, 1e-2, 0, 0);

    /** The thing chooser's weights, trained on every alternative of {@code examples}. */
    static Map<String, Double> thingWeights(List<Example> examples) {
        List<List<String>> f = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (Example e : examples) {
            for (Alternative a : e.alternatives()) {
                f.add(a.features());
                y.add(a.positive());
            }
        }
        return weights(f, y, THING_SETTINGS);
    }

    /** The rules' figures, each renamed to its best alternative when that reaches {@code t}, scored. */
    static int[] scoreRenamed(List<LabelledSet> sets, List<Example> examples, FigureModel ranker, double t) {
        Map<String, List<FigureEvaluation.Predicted>> kept = new LinkedHashMap<>();
        for (Example e : examples) {
            if (!e.features().contains("src=R")) continue;
            FigureEvaluation.Predicted p = e.predicted();
            double best = t;
            for (Alternative a : e.alternatives()) {
                double q = ranker.probability(a.features());
                if (q >= best) {
                    best = q;
                    p = a.predicted();
                }
            }
            kept.computeIfAbsent(e.article(), x -> new ArrayList<>()).add(p);
        }
        int[] c = new int[3];
        for (LabelledSet set : sets) {
            for (var e : set.labels().entrySet()) {
                List<FigureEvaluation.Predicted> ps = FigureEvaluation.dedupe(kept.getOrDefault(e.getKey(), List.of()));
                c[0] += e.getValue().size();
                c[1] += ps.size();
                for (int m : FigureEvaluation.assign(e.getValue(), ps)) if (m >= 0) c[2]++;
            }
        }
        return c;
    }

    /** The thing threshold that maximises pooled F1 over {@code sets} by an inner leave-one-set-out; 2 (never) if none helps. */
    static double chooseThingThreshold(List<LabelledSet> sets, List<Example> examples, List<String> log) {
        double best = 2;
        double bestF = -1;
        for (double t : new double[] {2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            int[] total = new int[3];
            for (LabelledSet held : sets) {
                List<Example> train = examples.stream().filter(e -> !e.set().equals(held.name())
                        && sets.stream().anyMatch(s -> s.name().equals(e.set()))).toList();
                List<Example> test = examples.stream().filter(e -> e.set().equals(held.name())).toList();
                FigureModel ranker = new FigureModel(thingWeights(train), 0, false, t);
                int[] c = scoreRenamed(List.of(held), test, ranker, t);
                for (int k = 0; k < 3; k++) total[k] += c[k];
            }
            double f = f1(total);
            log.add(String.format(Locale.ROOT, "  inner thing threshold %.1f: F1 %.3f", t, f));
            if (f > bestF + 1e-9) {
                bestF = f;
                best = t;
            }
        }
        return best;
    }

    /** Leave-one-set-out of the thing choice alone (the rules' figures all kept). */
    static List<Fold> crossValidateThings(List<LabelledSet> sets, List<String> log) {
        List<Example> examples = record(sets, false);
        List<Fold> out = new ArrayList<>();
        for (LabelledSet held : sets) {
            List<LabelledSet> others = sets.stream().filter(s -> s != held).toList();
            log.add("without " + held.name() + ":");
            double t = chooseThingThreshold(others, examples, log);
            List<Example> train = examples.stream().filter(e -> !e.set().equals(held.name())).toList();
            FigureModel model = new FigureModel(thingWeights(train), 0, false, t);
            FigureEvaluation.Scores rules = new FigureEvaluation().evaluate(held.labels(), held.articles(), null, false);
            FigureEvaluation.Scores learned = new FigureEvaluation(new ClaimAnalyzer(model))
                    .evaluate(held.labels(), held.articles(), null, false);
            out.add(new Fold(held.name(), rules, learned, new Settings(0, 0, t, 0)));
        }
        return out;
    }

    /** Runs the thing choice's cross-validation from files; for the command. */
    public static List<Fold> crossValidateThings(List<Path> sets, Path articles, List<String> log) throws IOException {
        return crossValidateThings(read(sets, articles), log);
    }

    /** Labelled, predicted and matched counts when the candidates with probability at least {@code t} are kept. */
    static int[] score(List<LabelledSet> sets, List<Example> examples, double[] probability, double t) {
        Map<String, List<FigureEvaluation.Predicted>> kept = new LinkedHashMap<>();
        for (int k = 0; k < examples.size(); k++) {
            if (probability[k] >= t) kept.computeIfAbsent(examples.get(k).article(), x -> new ArrayList<>())
                    .add(examples.get(k).predicted());
        }
        int labelled = 0;
        int predicted = 0;
        int matched = 0;
        for (LabelledSet set : sets) {
            for (var e : set.labels().entrySet()) {
                List<FigureEvaluation.Predicted> ps = FigureEvaluation.dedupe(kept.getOrDefault(e.getKey(), List.of()));
                labelled += e.getValue().size();
                predicted += ps.size();
                for (int m : FigureEvaluation.assign(e.getValue(), ps)) if (m >= 0) matched++;
            }
        }
        return new int[] {labelled, predicted, matched};
    }

    static double f1(int[] c) {
        double p = c[1] == 0 ? 1 : (double) c[2] / c[1];
        double r = c[0] == 0 ? 1 : (double) c[2] / c[0];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * The settings (passes, penalty, threshold) that maximise pooled F1 over {@code sets} when each set's candidates are
     * scored by a model trained on the other sets of {@code sets} only (an inner leave-one-set-out).
     */
    static Settings choose(List<LabelledSet> sets, List<Example> examples, boolean loose) {
        List<Example> mine = new ArrayList<>();
        for (Example e : examples) if (sets.stream().anyMatch(s -> s.name().equals(e.set()))) mine.add(e);
        Settings best = new Settings(EPOCHS[0], L2[0], 0.5, -1);
        for (int epochs : EPOCHS) {
            for (double l2 : L2) {
                double[] probability = new double[mine.size()];
                for (LabelledSet held : sets) {
                    List<Example> train = mine.stream().filter(e -> !e.set().equals(held.name())).toList();
                    FigureModel m = train(train, new Settings(epochs, l2, 0.5, 0), loose);
                    for (int k = 0; k < mine.size(); k++) {
                        if (mine.get(k).set().equals(held.name())) probability[k] = m.probability(mine.get(k).features());
                    }
                }
                for (int step = 5; step <= 95; step++) {
                    double t = step / 100.0;
                    double f = f1(score(sets, mine, probability, t));
                    if (f > best.innerF1() + 1e-9) best = new Settings(epochs, l2, t, f);
                }
            }
        }
        return best;
    }

    /** Leave-one-set-out: each set scored by the rules and by a model that never saw it. */
    static List<Fold> crossValidate(List<LabelledSet> sets, boolean loose, List<String> log) {
        List<Example> examples = record(sets, loose);
        log.add(String.format(Locale.ROOT, "%d candidates, %d positive", examples.size(),
                examples.stream().filter(Example::positive).count()));
        double[] all = new double[examples.size()];
        double[] perfect = new double[examples.size()];
        double[] ruled = new double[examples.size()];
        for (int k = 0; k < all.length; k++) {
            all[k] = 1;
            perfect[k] = examples.get(k).positive() ? 1 : 0;
            ruled[k] = examples.get(k).features().contains("src=R") ? 1 : 0;
        }
        for (var e : Map.of("rules' figures", ruled, "every candidate", all, "every positive candidate", perfect)
                .entrySet()) {
            int[] c = score(sets, examples, e.getValue(), 0.5);
            log.add(String.format(Locale.ROOT, "kept %s: predicted %d, matched %d of %d labels, F1 %.3f", e.getKey(),
                    c[1], c[2], c[0], f1(c)));
        }
        List<Fold> out = new ArrayList<>();
        for (LabelledSet held : sets) {
            List<LabelledSet> others = sets.stream().filter(s -> s != held).toList();
            Settings settings = choose(others, examples, loose);
            List<Example> train = examples.stream().filter(e -> !e.set().equals(held.name())).toList();
            FigureModel model = train(train, settings, loose);
            FigureEvaluation.Scores rules = new FigureEvaluation().evaluate(held.labels(), held.articles(), null, false);
            FigureEvaluation.Scores learned = new FigureEvaluation(new ClaimAnalyzer(model))
                    .evaluate(held.labels(), held.articles(), null, false);
            out.add(new Fold(held.name(), rules, learned, settings));
        }
        return out;
    }

    /** The model trained on every set, its threshold chosen by leave-one-set-out over all of them. */
    static FigureModel trainAll(List<LabelledSet> sets, boolean loose) {
        List<Example> examples = record(sets, loose);
        return train(examples, choose(sets, examples, loose), loose);
    }

    /** Every candidate as a line: set, article, rules or loose, positive, kind, value, thing, sentence. */
    public static List<String> dump(List<Path> sets, Path articles, boolean loose) throws IOException {
        List<String> out = new ArrayList<>();
        for (Example e : record(read(sets, articles), loose)) {
            FigureEvaluation.Predicted p = e.predicted();
            out.add(String.join("\t", e.set(), e.article(), e.features().contains("src=R") ? "rules" : "loose",
                    e.positive() ? "1" : "0", p.kind(), QuantityParser.format(p.value()), p.thing(), p.sentence()));
        }
        return out;
    }

    /** Runs the cross-validation from files; for the command. */
    public static List<Fold> crossValidate(List<Path> sets, Path articles, boolean loose, List<String> log)
            throws IOException {
        return crossValidate(read(sets, articles), loose, log);
    }

    /** Trains on every set from files and returns the model file's text; for the command. */
    public static String trainAll(List<Path> sets, Path articles, boolean loose) throws IOException {
        return trainAll(read(sets, articles), loose).write();
    }
}
