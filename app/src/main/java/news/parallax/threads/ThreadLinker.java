package news.parallax.threads;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one story continues another and picks each story's best earlier story. Pure and thread-safe.
 *
 * <p>A story continues an earlier one when it begins no earlier than that one did and within
 * {@link ThreadSettings#maxGapDays} of its last article, both name enough of the same main subjects, and their
 * articles are close in meaning (cosine of the centroids). A story without cached embeddings is never linked:
 * subjects alone ("Trump", "Congress") join unrelated stories. Subjects that a large share of all stories name
 * ({@link ThreadSettings#ubiquitousShare}) are not counted as shared; when the shared subjects are rare enough
 * ({@link ThreadSettings#minSpecificWeight}), the pair may pause longer and be less alike (a saga that stops for
 * three weeks and resumes with the same rare names is still one saga). With {@link ThreadSettings#rarityOnlyAsFallback()}
 * the rarity rules are asked only for a story the base rule links to no earlier story.
 */
public final class ThreadLinker {
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final ThreadSettings settings;
    private final SubjectFrequencies frequencies;

    public ThreadLinker(ThreadSettings settings) {
        this(settings, SubjectFrequencies.NONE);
    }

    /** @param frequencies how many stories name each subject, over all profiled stories */
    public ThreadLinker(ThreadSettings settings, SubjectFrequencies frequencies) {
        this.settings = settings;
        this.frequencies = frequencies;
    }

    public ThreadSettings settings() {
        return settings;
    }

    /** One story's link to the earlier story it continues. */
    public record Link(String earlierId, String laterId, double score) {}

    /** Whether {@code earlier} comes first in a thread: begins sooner, or at the same time with the smaller id. */
    public static boolean before(StoryProfile earlier, StoryProfile later) {
        int c = earlier.firstSeen().compareTo(later.firstSeen());
        return c < 0 || (c == 0 && earlier.storyId().compareTo(later.storyId()) < 0);
    }

    /** Which rules a pair is judged by. */
    private enum Rule {
        /** The base rule and, for rare shared subjects, the rarity rules. */
        ALL,
        /** The base rule alone: every subject counts, one gap, one cosine. */
        BASE,
        /** The rarity rules alone: only a pair whose shared subjects are specific. */
        SPECIFIC
    }

    /** The similarity when {@code later} continues {@code earlier}; empty when it does not. */
    public Optional<Double> score(StoryProfile earlier, StoryProfile later) {
        if (!settings.rarityOnlyAsFallback()) return score(earlier, later, Rule.ALL);
        Optional<Double> base = score(earlier, later, Rule.BASE);
        return base.isPresent() ? base : score(earlier, later, Rule.SPECIFIC);
    }

    private Optional<Double> score(StoryProfile earlier, StoryProfile later, Rule rule) {
        if (!before(earlier, later)) return Optional.empty();
        double gapDays = (later.firstSeen().getEpochSecond() - earlier.lastSeen().getEpochSecond()) / SECONDS_PER_DAY;
        if (gapDays > settings.longestGapDays()) return Optional.empty();
        int shared = 0;
        double weight = 0;
        Set<String> earlierSubjects = new HashSet<>(earlier.subjects());
        for (String s : later.subjects()) {
            if (!earlierSubjects.contains(s) || rule != Rule.BASE && frequencies.share(s) > settings.ubiquitousShare()) continue;
            shared++;
            if (rule != Rule.BASE) weight += frequencies.rarity(s);
        }
        if (shared < settings.minSharedSubjects()) return Optional.empty();
        boolean specific = rule != Rule.BASE && weight >= settings.minSpecificWeight();
        if (rule == Rule.SPECIFIC && !specific) return Optional.empty();
        if (gapDays > (specific ? settings.specificGapDays() : settings.maxGapDays())) return Optional.empty();
        float[] a = earlier.centroid();
        float[] b = later.centroid();
        if (a == null || b == null || a.length != b.length) return Optional.empty();
        double cos = 0;
        for (int i = 0; i < a.length; i++) cos += a[i] * b[i];
        return cos >= (specific ? settings.specificMinSimilarity() : settings.minSimilarity()) ? Optional.of(cos) : Optional.empty();
    }

    /** What the linker sees of two stories: for reading why a pair was or was not linked. */
    public record Explanation(StoryProfile earlier, StoryProfile later, double gapDays, List<String> shared, double cosine, double weight) {
        public String line(String label, boolean oneThread) {
            return String.format(java.util.Locale.ROOT, "  %s: %s  gap %.1f d, shared %s (rarity %.1f), cos %.3f%n    %s %s | %s%n    %s %s | %s",
                    label, oneThread ? "ONE THREAD" : "apart", gapDays, shared, weight, cosine, earlier.firstSeen().toString().substring(0, 10),
                    earlier.title(), earlier.subjects(), later.firstSeen().toString().substring(0, 10), later.title(), later.subjects());
        }
    }

    public Explanation explain(StoryProfile earlier, StoryProfile later) {
        double gapDays = (later.firstSeen().getEpochSecond() - earlier.lastSeen().getEpochSecond()) / SECONDS_PER_DAY;
        List<String> shared = new java.util.ArrayList<>(earlier.subjects());
        shared.retainAll(Set.copyOf(later.subjects()));
        float[] a = earlier.centroid();
        float[] b = later.centroid();
        double cos = Double.NaN;
        if (a != null && b != null && a.length == b.length) {
            cos = 0;
            for (int i = 0; i < a.length; i++) cos += a[i] * b[i];
        }
        double weight = 0;
        for (String s : shared) if (frequencies.share(s) <= settings.ubiquitousShare()) weight += frequencies.rarity(s);
        return new Explanation(earlier, later, gapDays, shared, cos, weight);
    }

    /** How many main subjects the two stories share. */
    static int shared(StoryProfile a, StoryProfile b) {
        Set<String> s = new HashSet<>(a.subjects());
        int n = 0;
        for (String k : b.subjects()) if (s.contains(k)) n++;
        return n;
    }

    /**
     * The earlier story {@code later} continues best among {@code candidates}; empty when it continues none. With
     * {@link ThreadSettings#rarityOnlyAsFallback()}, the rarity rules are asked only when the base rule finds none.
     */
    public Optional<Link> bestEarlier(StoryProfile later, Collection<StoryProfile> candidates) {
        if (!settings.rarityOnlyAsFallback()) return bestEarlier(later, candidates, Rule.ALL);
        Optional<Link> base = bestEarlier(later, candidates, Rule.BASE);
        return base.isPresent() ? base : bestEarlier(later, candidates, Rule.SPECIFIC);
    }

    private Optional<Link> bestEarlier(StoryProfile later, Collection<StoryProfile> candidates, Rule rule) {
        Link best = null;
        for (StoryProfile c : candidates) {
            Optional<Double> s = score(c, later, rule);
            if (s.isEmpty()) continue;
            if (best == null || s.get() > best.score() || (s.get() == best.score() && c.storyId().compareTo(best.earlierId()) < 0)) {
                best = new Link(c.storyId(), later.storyId(), s.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /** How far back a story's earlier candidates may begin: they must end within the gap before it begins. */
    public Duration window() {
        return Duration.ofSeconds((long) Math.ceil(settings.longestGapDays() * SECONDS_PER_DAY));
    }
}
