package news.parallax.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.ClusterScores;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.LabelledArticles;
import news.parallax.cluster.MiniLmEmbedder;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.cluster.StoryClusterer;
import news.parallax.cluster.StoryClusterers;
import news.parallax.cluster.TfidfBaselineClusterer;
import news.parallax.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Scores story clustering against gold labels: B-cubed P/R/F1, pairwise F1, number of stories and
 * articles per second, for the product clusterer and the plain single-pass TF-IDF baseline in the
 * same run (issue 4).
 */
@Command(name = "eval-cluster", mixinStandardHelpOptions = true,
        description = "Score story clustering on a JSONL stream with a gold 'story' field (or a labels file), beside a TF-IDF baseline.")
public final class EvalClusterCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.jsonl[.gz]", description = "Articles: id, source, title, date, text (and story)")
    Path file;

    @picocli.CommandLine.Mixin
    ClusterOptions clustering;

    @Option(names = "--labels", paramLabel = "TSV", description = "Gold labels, id<TAB>story per line, instead of a 'story' field")
    Path labels;

    @Option(names = "--context", description = "Cluster every article of FILE, not only the labelled ones; score the labelled ones")
    boolean context;

    @Option(names = "--embeddings", paramLabel = "none|borderline|all", description = "Override when embeddings are computed")
    String embeddings;

    @Option(names = "--threshold", description = "Override the join threshold")
    Double threshold;

    @Option(names = "--subject-penalty", paramLabel = "RAISE", description = "Override the threshold raise for an article whose title subjects are not the story's (0: off)")
    Double subjectPenalty;

    @Option(names = "--rescue-margin", paramLabel = "LEAD", description = "Override the whole-body score lead a lone article needs to be rescued into a story (0: rescue off)")
    Double rescueMargin;

    @Option(names = "--saturation", paramLabel = "SHARE", description = "Override the share of the last week's articles above which a lead term weighs less (0: off)")
    Double saturation;

    @Option(names = "--recent-floor", negatable = true, description = "Override whether the embedding floor rises to the article's mean similarity with the last week's news")
    Boolean recentFloor;

    @Option(names = "--aged-growth", negatable = true, description = "Override whether late joins and merges meet the story's age raise")
    Boolean agedGrowth;

    @Option(names = "--dump", description = "Print the product's stories with gold labels and titles (labelled articles only)")
    boolean dump;

    @Option(names = "--ablation", description = "Also score the product with each part removed")
    boolean ablation;

    @Option(names = "--sweep", split = ",", paramLabel = "T,...", description = "Also score the product at these join thresholds")
    List<Double> sweep = List.of();

    @Option(names = "--baseline-thresholds", split = ",", paramLabel = "T,...",
            description = "Cosine thresholds the TF-IDF baseline is run at; its best is marked (default: ${DEFAULT-VALUE})")
    List<Double> baselineThresholds = List.of(0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5);

    @Option(names = "--no-baseline", description = "Skip the TF-IDF baseline (it is slow on a whole corpus with --context)")
    boolean noBaseline;

    @Option(names = "--arrival-delay", paramLabel = "HOURS",
            description = "Also score the product when each article arrives a random 0..HOURS after publication (seed 1), "
                    + "in arrival order, as live ingestion sees it; and its agreement with the publication-order result")
    Double arrivalDelay;

    /** Runs the command alone, without the launcher. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EvalClusterCommand()).execute(args));
    }

    /** Thresholds each ablation is re-run at, so a removed part is not judged at a threshold tuned for the whole. */
    private static final List<Double> ABLATION_THRESHOLDS = List.of(0.18, 0.22, 0.26, 0.30, 0.34, 0.38);

    /** Memoises embeddings by text: ablation runs embed the same titles and leads again. */
    private static final class CachingEmbedder implements news.parallax.cluster.Embedder {
        private final news.parallax.cluster.Embedder inner;
        private final java.util.Map<String, float[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

        CachingEmbedder(news.parallax.cluster.Embedder inner) {
            this.inner = inner;
        }

        @Override
        public float[] embed(String text) {
            return cache.computeIfAbsent(text, inner::embed);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
            if (!missing.isEmpty()) {
                List<float[]> got = inner.embedAll(missing);
                for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), got.get(i));
            }
            return texts.stream().map(cache::get).toList();
        }
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            System.err.println("eval-cluster: no such file: " + file);
            return 2;
        }
        if (labels != null && !Files.isRegularFile(labels)) {
            System.err.println("eval-cluster: no such labels file: " + labels);
            return 2;
        }
        LabelledArticles data = LabelledArticles.read(file, labels, !context);
        long labelled = data.articles().stream().filter(a -> data.gold().containsKey(a.id())).count();
        System.out.printf(Locale.ROOT, "%s: %d articles clustered, %d labelled in %d gold stories%n", file, data.articles().size(), labelled,
                data.gold().values().stream().distinct().count());
        ClusterConfig config = clustering.config();
        if (threshold != null) config = config.withJoinThreshold(threshold);
        if (subjectPenalty != null) config = config.withSubjectPenalty(subjectPenalty);
        if (rescueMargin != null) config = config.withRescue(rescueMargin > 0, rescueMargin);
        if (saturation != null || recentFloor != null)
            config = config.withSaturation(saturation != null ? saturation : config.saturatedShare(), recentFloor != null ? recentFloor : config.recentFloor());
        if (agedGrowth != null) config = config.withAgedGrowth(agedGrowth);
        if (embeddings != null) config = config.withEmbeddings(ClusterConfig.EmbeddingUse.valueOf(embeddings.toUpperCase(Locale.ROOT)));

        System.out.printf(Locale.ROOT, "%-44s %7s %7s %7s %7s %8s %10s%n", "clusterer", "B3-P", "B3-R", "B3-F1", "pair-F1", "stories", "articles/s");
        run("product " + describe(config), StoryClusterers.withConfig(config), data);
        if (dump) dump(StoryClusterers.withConfig(config).cluster(data.articles()), data);
        for (double t : sweep) run("product threshold=" + t, StoryClusterers.withConfig(config.withJoinThreshold(t)), data);
        if (arrivalDelay != null) arrivalOrder(config, data, arrivalDelay);
        if (ablation) {
            // Ablations reuse the product run's embeddings (same texts), so their articles/s is not comparable.
            CachingEmbedder cache = new CachingEmbedder(new MiniLmEmbedder());
            List<Object[]> parts = new ArrayList<>();
            parts.add(new Object[] {"embeddings only for borderline decisions", config.withEmbeddings(ClusterConfig.EmbeddingUse.BORDERLINE)});
            parts.add(new Object[] {"- embeddings", config.withWeights(config.textWeight(), config.entityWeight(), 0)});
            parts.add(new Object[] {"- names and numbers", config.withWeights(config.textWeight(), 0, config.embeddingWeight())});
            parts.add(new Object[] {"- TF-IDF words", config.withWeights(0, config.entityWeight(), config.embeddingWeight())});
            parts.add(new Object[] {"- title weight (1)", config.withTitleWeight(1)});
            parts.add(new Object[] {"- lead cut (whole text)", config.withLeadWords(100_000)});
            parts.add(new Object[] {"- time (no gap penalty, never closes)",
                    config.withTime(10_000, 0, 0, java.time.Duration.ofDays(100_000))});
            parts.add(new Object[] {"- merges", config.withMergeThreshold(2.0)});
            parts.add(new Object[] {"- late joins of lone articles", config.withLateJoins(false)});
            parts.add(new Object[] {"- title subjects", config.withSubjectPenalty(0)});
            parts.add(new Object[] {"- rescue of lone articles", config.withRescue(false, config.rescueMargin())});
            for (Object[] p : parts) {
                ClusterConfig c = (ClusterConfig) p[1];
                run("  " + p[0], new StandardStoryClusterer(c, c.usesEmbeddings() ? cache : null), data);
                ClusterScores best = null;
                double bestT = 0;
                for (double t : ABLATION_THRESHOLDS) {
                    ClusterConfig ct = c.withJoinThreshold(t);
                    ClusterScores s = ClusterScores.of(new StandardStoryClusterer(ct, ct.usesEmbeddings() ? cache : null).cluster(data.articles()), data.gold());
                    if (best == null || s.bcubedF1() > best.bcubedF1()) {
                        best = s;
                        bestT = t;
                    }
                }
                if (best == null) continue; // no thresholds to try
                System.out.printf(Locale.ROOT, "%-44s %7.4f %7.4f %7.4f %7.4f %8d%n", "    same, best threshold " + bestT, best.bcubedPrecision(),
                        best.bcubedRecall(), best.bcubedF1(), best.pairwiseF1(), best.predictedStories());
            }
        }
        if (noBaseline) return 0;
        double bestF = -1;
        String bestName = "";
        for (double t : baselineThresholds) {
            ClusterScores s = run("tfidf baseline threshold=" + t, new TfidfBaselineClusterer(t), data);
            if (s.bcubedF1() > bestF) {
                bestF = s.bcubedF1();
                bestName = "threshold=" + t;
            }
        }
        System.out.printf(Locale.ROOT, "best tfidf baseline: %s B3-F1 %.4f%n", bestName, bestF);
        return 0;
    }

    /**
     * Live ingestion clusters articles as they arrive, not in publication order: a feed item may be
     * fetched hours after it was published. Scores that order against the labels, and against the
     * publication-order stories (B-cubed of one clustering taken as the other's gold).
     */
    private static void arrivalOrder(ClusterConfig config, LabelledArticles data, double hours) {
        Random random = new Random(1);
        Map<String, Instant> arrival = new HashMap<>();
        Instant clock = Instant.EPOCH;
        for (Article a : data.articles()) {
            if (a.published() != null) clock = a.published();
            arrival.put(a.id(), clock.plusSeconds((long) (random.nextDouble() * hours * 3600)));
        }
        List<Article> arrived = new ArrayList<>(data.articles());
        arrived.sort(Comparator.comparing((Article a) -> arrival.get(a.id())).thenComparing(Article::id));
        StandardStoryClusterer clusterer = StoryClusterers.withConfig(config);
        Clustering inOrder = clusterer.cluster(data.articles());
        Clustering live = clusterer.cluster(arrived);
        Map<String, String> published = new HashMap<>();
        for (int i = 0; i < inOrder.groups().size(); i++) {
            for (String id : inOrder.groups().get(i).articleIds()) published.put(id, "story-" + i);
        }
        ClusterScores s = ClusterScores.of(live, data.gold());
        ClusterScores agreement = ClusterScores.of(live, published);
        System.out.printf(Locale.ROOT, "%-44s %7.4f %7.4f %7.4f %7.4f %8d%n", String.format(Locale.ROOT, "product, arrival order (delay 0-%.0f h)", hours),
                s.bcubedPrecision(), s.bcubedRecall(), s.bcubedF1(), s.pairwiseF1(), s.predictedStories());
        System.out.printf(Locale.ROOT, "    same stories as in publication order: B3-P %.4f B3-R %.4f B3-F1 %.4f%n",
                agreement.bcubedPrecision(), agreement.bcubedRecall(), agreement.bcubedF1());
    }

    private static void dump(Clustering c, LabelledArticles data) {
        java.util.Map<String, Article> byId = new java.util.HashMap<>();
        for (Article a : data.articles()) byId.put(a.id(), a);
        int n = 0;
        for (Clustering.Group g : c.groups()) {
            List<String> ids = g.articleIds().stream().filter(data.gold()::containsKey).toList();
            if (ids.isEmpty()) continue;
            System.out.println("== story " + (n++) + " (" + ids.size() + ")");
            for (String id : ids) {
                Article a = byId.get(id);
                if (a == null) continue; // a gold id the clustered articles lack: nothing to print
                var r = g.reasons().get(id);
                System.out.printf(Locale.ROOT, "  %-28s %s %.2f %s | %s%n", data.gold().get(id), a.published() == null ? "----------" : a.published().toString().substring(0, 10),
                        r == null ? 0 : r.similarity(), a.title().length() > 70 ? a.title().substring(0, 70) : a.title(), r == null ? "" : r.terms() + " " + r.entities());
            }
        }
    }

    private static String describe(ClusterConfig c) {
        return String.format(Locale.ROOT, "(t=%.2f, emb=%s)", c.joinThreshold(), c.embeddings().name().toLowerCase(Locale.ROOT));
    }

    private static ClusterScores run(String name, StoryClusterer clusterer, LabelledArticles data) {
        List<Article> articles = data.articles();
        long t0 = System.nanoTime();
        Clustering c = clusterer.cluster(articles);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ClusterScores s = ClusterScores.of(c, data.gold());
        System.out.printf(Locale.ROOT, "%-44s %7.4f %7.4f %7.4f %7.4f %8d %10.1f%n", name, s.bcubedPrecision(), s.bcubedRecall(), s.bcubedF1(),
                s.pairwiseF1(), s.predictedStories(), articles.size() / seconds);
        if (clusterer instanceof StandardStoryClusterer std && std.lastCounters() != null) {
            System.out.println("    " + std.lastCounters());
        }
        return s;
    }
}
