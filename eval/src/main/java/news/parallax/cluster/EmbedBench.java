package news.parallax.cluster;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import news.parallax.model.Article;

/**
 * Times {@link MiniLmEmbedder} against langchain4j's wrapper of the same model ({@link LangChainMiniLm})
 * on the texts the clusterer embeds (title and lead of the first articles of a corpus), and checks
 * that both give the same vectors. Behind {@code bench-embed}.
 */
public final class EmbedBench {
    private static final int BATCH = 250;

    private EmbedBench() {}

    /** Returns the largest difference of any vector component between the two embedders. */
    public static double run(Path corpus, int limit, PrintStream out) {
        List<Article> articles = LabelledArticles.readArticles(corpus);
        List<String> texts = new ArrayList<>();
        for (Article a : articles.subList(0, Math.min(limit, articles.size()))) texts.add(FeatureExtractor.embedText(a));
        Embedder reference = new LangChainMiniLm(), own = new MiniLmEmbedder();
        List<String> warm = texts.subList(0, Math.min(100, texts.size()));
        reference.embedAll(warm);
        own.embedAll(warm);
        // Interleaved batches (of the clusterer's size), alternating which goes first, so that both see
        // the same load from other processes on a shared machine.
        List<List<float[]>> got = List.of(new ArrayList<>(), new ArrayList<>());
        long[] wall = new long[2], cpu = new long[2];
        for (int from = 0, k = 0; from < texts.size(); from += BATCH, k++) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            for (int r = 0; r < 2; r++) {
                int w = (r + k) % 2;
                long t = System.nanoTime(), c = processCpuNanos();
                got.get(w).addAll((w == 0 ? reference : own).embedAll(batch));
                wall[w] += System.nanoTime() - t;
                cpu[w] += processCpuNanos() - c;
            }
        }
        for (int w = 0; w < 2; w++) {
            out.printf(Locale.ROOT, "%-12s %d texts in %.2f s: %.1f texts/s, %.2f cpu-ms/text%n", w == 0 ? "langchain4j" : "own",
                    texts.size(), wall[w] / 1e9, texts.size() / (wall[w] / 1e9), cpu[w] / 1e6 / texts.size());
        }
        double max = 0;
        int differing = 0;
        for (int i = 0; i < texts.size(); i++) {
            float[] a = got.get(0).get(i), b = got.get(1).get(i);
            double m = 0;
            for (int j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]));
            if (m > 0) differing++;
            max = Math.max(max, m);
        }
        out.printf(Locale.ROOT, "max |difference| of a component: %.3g; texts whose vectors differ at all: %d of %d%n", max, differing, texts.size());
        return max;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
