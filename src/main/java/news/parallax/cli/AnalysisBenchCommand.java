package news.parallax.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryMembers;
import news.parallax.analysis.StoryView;
import news.parallax.cluster.Clustering.JoinReason;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Bench: story analysis time over the largest stored stories, analysis and page render time for a story of
 * {@code --size} articles (the largest stories' members pooled), and served story page time over loopback HTTP.
 */
@Command(name = "bench-analysis", mixinStandardHelpOptions = true,
        description = "Measure story analysis and story page times on a data folder (prints figures).")
public final class AnalysisBenchCommand implements Callable<Integer> {
    /** Runs standalone until Main registers the command. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new AnalysisBenchCommand()).execute(args));
    }

    @Mixin
    DataOption data;

    @Option(names = "--stories", defaultValue = "200", description = "Largest stories to analyse (default: ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--size", defaultValue = "200", description = "Articles of the pooled story (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--repeat", defaultValue = "10", description = "Timed repetitions for the pooled story (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        var registry = OutletRegistries.standard(data.dir());
        var analyzer = new DefaultStoryAnalyzer(registry);
        try (Store store = Services.store(data.dir())) {
            List<StoryRef> refs = store.stories(stories);
            if (refs.isEmpty()) {
                System.err.println("no stories in " + store.file() + "; run ingest first");
                return 1;
            }
            // Warm-up: load the NLP models and JIT the hot paths before timing.
            analyzer.analyze(store.story(refs.get(0).id()).orElseThrow());
            double[] ms = new double[refs.size()];
            int articles = 0, withSummary = 0, withLandscape = 0, multiOutlet = 0, blindspots = 0;
            for (int i = 0; i < refs.size(); i++) {
                StoryMembers m = store.story(refs.get(i).id()).orElseThrow();
                long t0 = System.nanoTime();
                StoryView v = analyzer.analyze(m);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                articles += m.articles().size();
                if (v.sourceCount() >= 2) {
                    multiOutlet++;
                    if (v.landscape().total() == v.sourceCount()) withLandscape++;
                    if (!v.summarySentences().isEmpty()) withSummary++;
                }
                if (v.blindspot() != null) blindspots++;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "analysed %d largest stories (%d articles): median %.1f ms, p95 %.1f ms, max %.1f ms per story%n",
                    refs.size(), articles, ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.round(ms.length * 0.95))], ms[ms.length - 1]);
            System.out.printf(Locale.ROOT, "multi-outlet stories: %d; with a landscape: %d; with a summary: %d; blindspots: %d%n",
                    multiOutlet, withLandscape, withSummary, blindspots);

            StoryMembers pooled = pool(store, refs, size);
            double[] analyse = new double[repeat];
            double[] render = new double[repeat];
            StoryView v = null;
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                v = analyzer.analyze(pooled);
                long t1 = System.nanoTime();
                String html = WebServer.renderStoryPage(v);
                long t2 = System.nanoTime();
                if (html.isEmpty()) throw new IllegalStateException("empty page");
                analyse[i] = (t1 - t0) / 1e6;
                render[i] = (t2 - t1) / 1e6;
            }
            double[] split = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                int sentences = 0;
                for (Article a : pooled.articles()) sentences += news.parallax.nlp.Sentences.split(a.text()).size();
                split[i] = (System.nanoTime() - t0) / 1e6;
                if (sentences == 0) throw new IllegalStateException("no sentences");
            }
            Arrays.sort(split);
            System.out.printf(Locale.ROOT, "  of which sentence splitting alone (OpenNLP): median %.1f ms%n", split[repeat / 2]);
            Arrays.sort(analyse);
            Arrays.sort(render);
            System.out.printf(Locale.ROOT, "pooled story of %d articles (%d sources): analysis median %.1f ms (min %.1f), page render median %.2f ms%n",
                    pooled.articles().size(), v.sourceCount(), analyse[repeat / 2], analyse[0], render[repeat / 2]);

            try (WebServer web = WebServer.start(store, analyzer, registry, "127.0.0.1", 0)) {
                HttpClient http = HttpClient.newHttpClient();
                String url = "http://127.0.0.1:" + web.port() + "/story/" + refs.get(0).id();
                long t0 = System.nanoTime();
                get(http, url);
                double cold = (System.nanoTime() - t0) / 1e6;
                double[] warm = new double[repeat];
                for (int i = 0; i < repeat; i++) {
                    long s = System.nanoTime();
                    get(http, url);
                    warm[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(warm);
                System.out.printf(Locale.ROOT, "served /story/%s (%d articles) over loopback HTTP: first request %.1f ms, later requests median %.2f ms%n",
                        refs.get(0).id(), refs.get(0).articleCount(), cold, warm[repeat / 2]);
            }
        }
        return 0;
    }

    private static void get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException(url + " answered " + r.statusCode());
    }

    /** Members of the largest stories pooled into one story of {@code size} articles. */
    private static StoryMembers pool(Store store, List<StoryRef> refs, int size) {
        List<Article> articles = new ArrayList<>();
        Map<String, String> copyOf = new LinkedHashMap<>();
        Map<String, JoinReason> reasons = new LinkedHashMap<>();
        for (StoryRef ref : refs) {
            StoryMembers m = store.story(ref.id()).orElseThrow();
            for (Article a : m.articles()) {
                if (articles.size() >= size) break;
                articles.add(a);
                if (m.copyOf().containsKey(a.id())) copyOf.put(a.id(), m.copyOf().get(a.id()));
                if (m.reasons().containsKey(a.id())) reasons.put(a.id(), m.reasons().get(a.id()));
            }
            if (articles.size() >= size) break;
        }
        StoryRef first = refs.get(0);
        StoryRef ref = new StoryRef("pooled", first.title(), articles.size(), articles.size(), first.firstSeen(), first.lastSeen(),
                articles.stream().map(Article::id).toList());
        return new StoryMembers(ref, articles, copyOf, reasons);
    }
}
