package news.parallax.threads;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import news.parallax.model.Entity;
import org.jspecify.annotations.Nullable;

/**
 * What the linker compares of a story: its time span, its main subjects and where its articles lie in the
 * sentence-embedding space.
 *
 * @param subjects keys of the story's most-mentioned entities ({@link #subjectKeys}), most mentioned first
 * @param centroid unit-length mean of the member articles' embeddings; null when none is cached
 */
public record StoryProfile(String storyId, String title, Instant firstSeen, Instant lastSeen, int sourceCount,
        List<String> subjects, float @Nullable [] centroid) {

    /** Entities taken as a story's main subjects: the most mentioned; beyond these, names are passing mentions. */
    public static final int MAIN_SUBJECTS = 8;

    public StoryProfile {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (lastSeen.isBefore(firstSeen)) throw new IllegalArgumentException("story " + storyId + " ends before it begins");
        subjects = List.copyOf(subjects);
    }

    /**
     * Comparable keys of a story's main subjects, from its merged entities (most mentioned first): lower case,
     * accents and dots dropped; a person also by surname, since one story says "Donald Trump" where the next
     * says "Trump", and the claims stage merges variants within a story only.
     */
    public static List<String> subjectKeys(List<Entity> entities) {
        Set<String> out = new LinkedHashSet<>();
        for (Entity e : entities.subList(0, Math.min(MAIN_SUBJECTS, entities.size()))) {
            String key = normalise(e.name());
            if (key.isEmpty()) continue;
            out.add(key);
            if (e.type().equals("PERSON")) {
                int space = key.lastIndexOf(' ');
                if (space > 0) out.add(key.substring(space + 1));
            }
        }
        return new ArrayList<>(out);
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
