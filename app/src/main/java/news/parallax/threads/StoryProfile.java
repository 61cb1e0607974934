package news.parallax.threads;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the linker compares of a story: its time span, its main subjects and where its articles lie in the
 * sentence-embedding space.
 *
 * @param subjects names its headlines give it ({@link #headlineSubjects}), most frequent first
 * @param centroid unit-length mean of the member articles' embeddings; null when none is cached
 */
public record StoryProfile(String storyId, String title, Instant firstSeen, Instant lastSeen, int sourceCount,
        List<String> subjects, float @Nullable [] centroid) {

    /** Headline names kept as a story's main subjects: the most frequent; beyond these, names are passing mentions. */
    public static final int MAIN_SUBJECTS = 8;

    public StoryProfile {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (lastSeen.isBefore(firstSeen)) throw new IllegalArgumentException("story " + storyId + " ends before it begins");
        subjects = List.copyOf(subjects);
    }

    /** Headline words that are capitalised only because headlines are written in title case. */
    private static final Set<String> TITLE_CASE_WORDS = Set.of("a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to",
            "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "its", "it", "his", "her", "their", "new", "after",
            "over", "into", "about", "says", "say", "said", "will", "not", "no", "up", "out", "more", "how", "why", "what", "who",
            "this", "that", "than", "could", "would", "should", "can", "has", "have", "had", "amid", "against", "report", "news");

    /**
     * Subject keys from headlines, for a story whose view (and so its merged entities) is not stored yet: the
     * capitalised words after each headline's first, title-case filler dropped, most frequent first.
     */
    public static List<String> headlineSubjects(List<String> headlines) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String h : headlines) {
            String[] words = h.split("[^\\p{L}\\p{N}'.-]+");
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 1; i < words.length; i++) {
                String w = words[i];
                if (w.length() < 2 || !Character.isUpperCase(w.charAt(0))) continue;
                String key = normalise(w.replaceAll("'s$", ""));
                if (key.isEmpty() || TITLE_CASE_WORDS.contains(key) || !seen.add(key)) continue;
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAIN_SUBJECTS).map(java.util.Map.Entry::getKey).toList();
    }

    static String normalise(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The unit-length mean of {@code vectors} (null for none): one point standing for the whole story. */
    public static float @Nullable [] centroid(List<float[]> vectors) {
        if (vectors.isEmpty()) return null;
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            if (v.length != sum.length) throw new IllegalArgumentException("embeddings of different lengths: " + v.length + ", " + sum.length);
            for (int i = 0; i < v.length; i++) sum[i] += v[i];
        }
        double norm = 0;
        for (float x : sum) norm += x * x;
        if (norm == 0) return null;
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < sum.length; i++) sum[i] *= scale;
        return sum;
    }
}
