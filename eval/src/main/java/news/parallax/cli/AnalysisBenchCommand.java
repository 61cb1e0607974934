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
import java.util.Objects;
import java.util.concurrent.Callable;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.model.StoryMembers;
import news.parallax.analysis.StoryView;
import news.parallax.model.JoinReason;
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

    /** Rank of the story requested cold: past the web server's warm-up set. */
    private static final int COLD_STORY_RANK = 60;

    @Mixin
    DataOption data;

    @Option(names = "--stories", defaultValue = "200", description = "Largest stories to analyse (default: ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--size", defaultValue = "200", description = "Articles of the pooled story (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--all-landscapes", description = "Also compute the landscape of every story with two or more sources.")
    boolean allLandscapes;

    @Option(names = "--repeat", defaultValue = "10", description = "Timed repetitions for the pooled story (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        var registry = OutletRegistries.standard(data.dir());
        var analyzer = new DefaultStoryAnalyzer(registry);
        try (Store store = Services.store(data)) {
            List<StoryRef> refs = store.stories(stories);
            if (refs.isEmpty()) {
                System.err.println("no stories in " + store.location() + "; run ingest first");
                return 1;
            }
            // Warm-up: load the NLP models and JIT the hot paths before timing.
            analyzer.analyze(store.story(refs.get(0).id()).orElseThrow());
            double[] ms = new double[refs.size()];
            int articles = 0, withSummary = 0, withLandscape = 0, multiOutlet = 0, blindspots = 0;
            int threeSided = 0, threeSidedWithKeyPoints = 0, keyPointsFromOtherSide = 0;
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
                var l = v.landscape();
                if (l.left() >= 2 && l.center() >= 2 && l.right() >= 2) {
                    threeSided++;
                    Map<String, String> sideOf = new java.util.HashMap<>();
                    v.articles().forEach(a -> sideOf.put(a.id(), a.bias()));
                    boolean all = true;
                    for (String side : List.of("left", "center", "right")) {
                        List<StoryView.SummarySentence> points = v.keyPointSentences().getOrDefault(side, List.of());
                        if (points.isEmpty()) all = false;
                        for (StoryView.SummarySentence p : points) {
                            for (String id : p.articleIds()) if (!side.equals(sideOf.get(id))) keyPointsFromOtherSide++;
                        }
                    }
                    if (all) threeSidedWithKeyPoints++;
                }
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "analysed %d largest stories (%d articles): median %.1f ms, p95 %.1f ms, max %.1f ms per story%n",
                    refs.size(), articles, ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.round(ms.length * 0.95))], ms[ms.length - 1]);
            System.out.printf(Locale.ROOT, "multi-outlet stories: %d; with a landscape: %d; with a summary: %d; blindspots: %d%n",
                    multiOutlet, withLandscape, withSummary, blindspots);
            System.out.printf(Locale.ROOT, "stories with >= 2 sources on every side: %d; with key points for all three sides: %d;"
                    + " key-point article links to another side: %d%n", threeSided, threeSidedWithKeyPoints, keyPointsFromOtherSide);
            if (allLandscapes) {
                long t0 = System.nanoTime();
                int multi = 0, rated = 0, oneSided = 0;
                for (StoryRef ref : store.stories(0)) {
                    if (ref.sourceCount() < 2) continue;
                    multi++;
                    var o = analyzer.overview(store.story(ref.id()).orElseThrow());
                    if (o.landscape().rated() > 0) rated++;
                    if (o.blindspot() != null) oneSided++;
                }
                System.out.printf(Locale.ROOT, "all stories with >= 2 sources: %d; landscape with at least one rated source: %d (%.2f%%);"
                        + " blindspots: %d; %.1f s%n", multi, rated, 100.0 * rated / Math.max(1, multi), oneSided,
                        (System.nanoTime() - t0) / 1e9);
            }

            StoryMembers pooled = pool(store, refs, size);
            double[] analyse = new double[repeat];
            double[] analyseCpu = new double[repeat];
            double[] render = new double[repeat];
            StoryView v = null;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < repeat; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                v = analyzer.analyze(pooled);
                long t1 = System.nanoTime();
                analyseCpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                String html = WebServer.renderStoryPage(v);
                long t2 = System.nanoTime();
                if (html.isEmpty()) throw new IllegalStateException("empty page");
                analyse[i] = (t1 - t0) / 1e6;
                render[i] = (t2 - t1) / 1e6;
            }
            double[] split = new double[repeat];
            double[] splitCpu = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                int sentences = 0;
                for (Article a : pooled.articles()) sentences += news.parallax.nlp.Sentences.split(a.text()).size();
                split[i] = (System.nanoTime() - t0) / 1e6;
                splitCpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                if (sentences == 0) throw new IllegalStateException("no sentences");
            }
            Arrays.sort(split);
            Arrays.sort(splitCpu);
            System.out.printf(Locale.ROOT, "  for scale: OpenNLP sentence splitting of the full texts: median %.1f ms wall, %.1f ms CPU%n",
                    split[repeat / 2], splitCpu[repeat / 2]);
            Arrays.sort(analyse);
            Arrays.sort(analyseCpu);
            Arrays.sort(render);
            System.out.printf(Locale.ROOT, "pooled story of %d articles (%d sources): analysis median %.1f ms wall (min %.1f), %.1f ms CPU;"
                    + " page render median %.2f ms%n", pooled.articles().size(), Objects.requireNonNull(v, "no repeat ran").sourceCount(), analyse[repeat / 2], analyse[0],
                    analyseCpu[repeat / 2], render[repeat / 2]);

            // A story outside the server's warm-up set, so the first request analyses it.
            List<StoryRef> more = store.stories(COLD_STORY_RANK + 2);
            StoryRef cold = more.get(more.size() - 1);
            StoryRef firstCold = more.get(more.size() - 2);
            try (WebServer web = WebServer.start(store, analyzer, registry, "127.0.0.1", 0)) {
                HttpClient http = HttpClient.newHttpClient();
                long w0 = System.nanoTime();
                boolean warmed = web.awaitWarmup(java.time.Duration.ofMinutes(5));
                System.out.printf(Locale.ROOT, "server warm-up (%s largest stories analysed in the background): %s in %.1f s%n",
                        "50", warmed ? "done" : "not finished", (System.nanoTime() - w0) / 1e9);
                // The client's first request pays for its own start-up; keep that out of the figures.
                get(http, "http://127.0.0.1:" + web.port() + "/api/stories?limit=1");
                // One story page before timing, so the page code itself is loaded and compiled.
                get(http, "http://127.0.0.1:" + web.port() + "/story/" + firstCold.id());
                String coldUrl = "http://127.0.0.1:" + web.port() + "/story/" + cold.id();
                long t0 = System.nanoTime();
                get(http, coldUrl);
                double first = (System.nanoTime() - t0) / 1e6;
                String bigUrl = "http://127.0.0.1:" + web.port() + "/story/" + refs.get(0).id();
                double[] warm = new double[repeat];
                for (int i = 0; i < repeat; i++) {
                    long s = System.nanoTime();
                    get(http, bigUrl);
                    warm[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(warm);
                System.out.printf(Locale.ROOT, "served over loopback HTTP: /story/%s (%d articles, not warmed) first request %.1f ms;"
                        + " /story/%s (%d articles, warmed) median %.2f ms%n", cold.id(), cold.articleCount(), first,
                        refs.get(0).id(), refs.get(0).articleCount(), warm[repeat / 2]);
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
