package news.parallax.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import news.parallax.pipeline.Pipelines;
import news.parallax.store.Store;
import news.parallax.threads.StoryProfile;
import news.parallax.threads.StoryThread;
import news.parallax.threads.StoryThreads;
import news.parallax.threads.ThreadEvaluation;
import news.parallax.threads.ThreadLinker;
import news.parallax.threads.ThreadSettings;
import news.parallax.threads.ThreadStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores story threads on hand-labelled story pairs (issue 14): the share of saga pairs linked into one thread and
 * the share of separate or unrelated pairs wrongly linked, for the tuning and the untouched part of the labels.
 */
@Command(name = "eval-threads", mixinStandardHelpOptions = true,
        description = "Score story threads against labelled story pairs (saga / separate / unrelated), tuning and untouched parts apart.")
final class EvalThreadsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "Labelled pairs: A<TAB>B<TAB>saga|separate|unrelated (see eval/src/test/resources/threads/README.md)")
    Path labels;

    @Option(names = "--min-similarity", paramLabel = "COS", description = "Override the least centroid cosine (default: the product's)")
    Double minSimilarity;

    @Option(names = "--max-gap-days", paramLabel = "DAYS", description = "Override the longest gap between one story's end and the next one's start")
    Double maxGapDays;

    @Option(names = "--min-shared-subjects", paramLabel = "N", description = "Override how many main subjects both stories must name")
    Integer minShared;

    @Option(names = "--ubiquitous-share", paramLabel = "SHARE", description = "Override the share of stories above which a subject does not count")
    Double ubiquitous;

    @Option(names = "--specific", split = ",", paramLabel = "RARITY,DAYS,COS", description = "Override the rarity rule: shared subjects of at least this summed rarity may pause DAYS and reach cosine COS")
    List<Double> specific;

    @Option(names = "--rarity-fallback", description = "Apply the rarity rule (--specific, --ubiquitous-share) only to a story that continues"
            + " no earlier story under the base rule")
    boolean rarityFallback;

    @Option(names = "--without-rarity", description = "Session 7's rule: every subject counts, one gap and one cosine (the other settings as given)")
    boolean sessionSeven;

    @Option(names = "--sweep", split = ",", paramLabel = "COS,...", description = "Also score these least cosines (the other settings as given), on the tuning part only")
    List<Double> sweep = List.of();

    @Option(names = "--explain", description = "Also list the tuning part's saga pairs (and the untouched part's with --untouched) with"
            + " what the linker saw: days between them, shared subjects, centroid cosine, and whether they ended in one thread")
    boolean explain;

    @Option(names = "--untouched", description = "Also print the untouched part's scores for the settings given (not for the sweep): once tuning is done")
    boolean untouched;

    @Override
    public Integer call() throws IOException {
        List<ThreadEvaluation.LabelledPair> pairs;
        try {
            pairs = ThreadEvaluation.read(labels);
        } catch (IllegalArgumentException e) {
            System.err.println("eval-threads: " + e.getMessage());
            return 2;
        }
        ThreadSettings settings = ThreadSettings.DEFAULTS;
        if (minSimilarity != null) settings = settings.withMinSimilarity(minSimilarity);
        if (maxGapDays != null) settings = settings.withMaxGapDays(maxGapDays);
        if (minShared != null) settings = settings.withMinSharedSubjects(minShared);
        if (ubiquitous != null) settings = settings.withUbiquitousShare(ubiquitous);
        if (specific != null) {
            if (specific.size() != 3) {
                System.err.println("eval-threads: --specific takes RARITY,DAYS,COS, got " + specific);
                return 2;
            }
            settings = settings.withSpecific(specific.get(0), specific.get(1), specific.get(2));
        }
        if (rarityFallback) settings = settings.withRarityOnlyAsFallback(true);
        if (sessionSeven) settings = new ThreadSettings(settings.maxGapDays(), settings.minSimilarity(), settings.minSharedSubjects());
        try (Store store = Services.store(data)) {
            // Profiles are brought up to date first (a no-op when the pipeline already did), then threads are
            // computed in memory for each setting: the stored threads are not changed.
            Pipelines.updateThreads(store, ThreadSettings.DEFAULTS, new ConsoleProgress(System.err));
            Collection<StoryProfile> profiles = new ThreadStore(store).profiles(null).values();
            System.out.printf("%s: %d labelled pairs; %d story profiles in %s%n", labels, pairs.size(), profiles.size(), store.location());
            List<ThreadSettings> runs = new ArrayList<>();
            runs.add(settings);
            for (double s : sweep) runs.add(settings.withMinSimilarity(s));
            for (int r = 0; r < runs.size(); r++) {
                ThreadSettings run = runs.get(r);
                boolean showUntouched = untouched && r == 0;
                long start = System.nanoTime();
                List<StoryThread> threads = StoryThreads.compute(profiles, run);
                long millis = (System.nanoTime() - start) / 1_000_000;
                Map<ThreadEvaluation.Part, ThreadEvaluation.Score> scores = ThreadEvaluation.score(pairs, threads, ref -> storyOf(store, ref));
                int threaded = threads.stream().mapToInt(t -> t.storyIds().size()).sum();
                System.out.printf(Locale.ROOT, "%nmin similarity %.2f, max gap %.1f days, min shared subjects %d, ubiquitous above %.3f,"
                        + " specific from rarity %.1f: gap %.1f days, similarity %.2f%s: %d threads holding %d stories (%d ms)%n",
                        run.minSimilarity(), run.maxGapDays(), run.minSharedSubjects(), run.ubiquitousShare(), run.minSpecificWeight(),
                        run.specificGapDays(), run.specificMinSimilarity(), run.rarityOnlyAsFallback() ? " (only as a fallback)" : "",
                        threads.size(), threaded, millis);
                // The untouched part is printed only when asked, and never for a sweep: no setting is chosen by looking at it.
                for (var e : scores.entrySet()) {
                    if (e.getKey() == ThreadEvaluation.Part.TUNING || showUntouched) print(e.getKey(), e.getValue());
                }
                if (explain && r == 0) explain(pairs, profiles, threads, run, store, showUntouched);
            }
            return 0;
        }
    }

    /** Each saga pair as the linker saw it: why a pair was missed is in its gap, subjects or cosine. */
    private static void explain(List<ThreadEvaluation.LabelledPair> pairs, Collection<StoryProfile> profiles, List<StoryThread> threads,
            ThreadSettings run, Store store, boolean untouched) {
        Map<String, StoryProfile> byId = new java.util.HashMap<>();
        for (StoryProfile p : profiles) byId.put(p.storyId(), p);
        news.parallax.threads.SubjectFrequencies frequencies = news.parallax.threads.SubjectFrequencies.of(profiles);
        Map<String, String> threadOf = new java.util.HashMap<>();
        for (StoryThread t : threads) for (String s : t.storyIds()) threadOf.put(s, t.id());
        for (ThreadEvaluation.LabelledPair p : pairs) {
            ThreadEvaluation.Part part = ThreadEvaluation.part(p);
            if (p.label() != ThreadEvaluation.Label.SAGA || part == ThreadEvaluation.Part.UNTOUCHED && !untouched) continue;
            String a = storyOf(store, p.a()).orElse(null);
            String b = storyOf(store, p.b()).orElse(null);
            StoryProfile pa = a == null ? null : byId.get(a);
            StoryProfile pb = b == null ? null : byId.get(b);
            if (pa == null || pb == null || Objects.equals(a, b)) {
                System.out.printf("  %s line %d: %s%n", part.name().toLowerCase(Locale.ROOT), p.line(), a != null && a.equals(b) ? "one story" : "no profile");
                continue;
            }
            StoryProfile earlier = ThreadLinker.before(pa, pb) ? pa : pb;
            StoryProfile later = earlier == pa ? pb : pa;
            System.out.println(new ThreadLinker(run, frequencies).explain(earlier, later).line(part.name().toLowerCase(Locale.ROOT) + " line " + p.line(),
                    threadOf.get(a) != null && threadOf.get(a).equals(threadOf.get(b))));
        }
    }

    private static void print(ThreadEvaluation.Part part, ThreadEvaluation.Score s) {
        System.out.printf(Locale.ROOT, "  %-9s saga linked %3d/%-3d (recall %s)  wrongly linked %3d/%-3d (%s; separate %d/%d, unrelated %d/%d)"
                        + "  [same story %d, not found %d]%n",
                part.name().toLowerCase(Locale.ROOT), s.sagaLinked(), s.saga(), pct(s.recall()), s.separateLinked() + s.unrelatedLinked(),
                s.separate() + s.unrelated(), pct(s.wrongLinks()), s.separateLinked(), s.separate(), s.unrelatedLinked(), s.unrelated(),
                s.sameStory(), s.unresolved());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /**
     * A story id (or the story that took it over); {@code article:ID}, the story now holding that article; or
     * {@code articles:ID,ID,...}, the story holding most of them (the first listed breaks a tie): a labelled story
     * the clusterer split is scored through its largest part.
     */
    static Optional<String> storyOf(Store store, String ref) {
        if (ref.startsWith("articles:")) {
            List<String> ids = List.of(ref.substring("articles:".length()).split(","));
            Map<String, String> membership = store.storyMembership(ids);
            Map<String, Integer> votes = new java.util.LinkedHashMap<>();
            for (String id : ids) {
                String story = membership.get(id);
                if (story != null) votes.merge(story, 1, Integer::sum);
            }
            return votes.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).map(Map.Entry::getKey);
        }
        if (ref.startsWith("article:")) {
            String article = ref.substring("article:".length());
            return Optional.ofNullable(store.storyMembership(List.of(article)).get(article));
        }
        if (store.storyRef(ref).isPresent()) return Optional.of(ref);
        return store.storyRedirect(ref);
    }
}
