package news.parallax.threads;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * How many profiled stories name each subject: what tells a subject every other story names ("trump") from a rare one
 * ("daca", "pantaleo"). Immutable and thread-safe.
 *
 * @param stories   the stories counted
 * @param counts    stories naming each subject
 */
public record SubjectFrequencies(int stories, Map<String, Integer> counts) {
    /** No statistics: every subject is rare and none is ubiquitous (the rarity rules then only see the subjects' count). */
    public static final SubjectFrequencies NONE = new SubjectFrequencies(0, Map.of());

    public SubjectFrequencies {
        if (stories < 0) throw new IllegalArgumentException("stories must be 0 or more, got " + stories);
        counts = Map.copyOf(counts);
    }

    public static SubjectFrequencies of(Collection<StoryProfile> profiles) {
        Map<String, Integer> counts = new HashMap<>();
        for (StoryProfile p : profiles) for (String s : new HashSet<>(p.subjects())) counts.merge(s, 1, Integer::sum);
        return new SubjectFrequencies(profiles.size(), counts);
    }

    /** The share of stories naming {@code subject}. */
    public double share(String subject) {
        return stories == 0 ? 0 : counts.getOrDefault(subject, 0) / (double) stories;
    }

    /** How rare {@code subject} is: ln(stories / stories naming it), at least one naming it; 0 without statistics. */
    public double rarity(String subject) {
        return stories == 0 ? 0 : Math.log(stories / (double) Math.max(1, counts.getOrDefault(subject, 0)));
    }
}
