package news.parallax.threads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import news.parallax.internal.Hashes;

/**
 * Scores threads against hand-labelled story pairs (see {@code eval/src/test/resources/threads/README.md}).
 *
 * <p>A labels file is UTF-8 text, one pair a line: {@code A<TAB>B<TAB>label[<TAB>note]}, where A and B are story ids
 * or {@code article:ID} (the story holding that article) and the label is {@code saga} (one continues the other),
 * {@code separate} (related, but its own story) or {@code unrelated}; {@code #} starts a comment line. Each pair
 * falls in the tuning or the untouched part by a fixed rule on its two references ({@link #part}), so no one picks
 * which pairs a threshold is tuned on.
 */
public final class ThreadEvaluation {
    private ThreadEvaluation() {}

    public enum Label { SAGA, SEPARATE, UNRELATED }

    public enum Part { TUNING, UNTOUCHED }

    /** One labelled pair as written, with its line number for messages. */
    public record LabelledPair(String a, String b, Label label, int line) {}

    /** Reads a labels file; a malformed line is an error naming the file and line. */
    public static List<LabelledPair> read(Path file) throws IOException {
        List<LabelledPair> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length < 3 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected A<TAB>B<TAB>label, got: " + shorten(line));
            }
            Label label;
            try {
                label = Label.valueOf(f[2].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": label must be saga, separate or unrelated, got: "
                        + shorten(f[2]));
            }
            out.add(new LabelledPair(f[0].strip(), f[1].strip(), label, i + 1));
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** The fixed split: the first byte of SHA-256 of the two references in sorted order, even for tuning. */
    public static Part part(LabelledPair p) {
        String key = p.a().compareTo(p.b()) <= 0 ? p.a() + "|" + p.b() : p.b() + "|" + p.a();
        return Integer.parseInt(Hashes.sha256Hex(key, 1), 16) % 2 == 0 ? Part.TUNING : Part.UNTOUCHED;
    }

    /**
     * The figures of one part.
     *
     * @param sagaLinked      saga pairs whose two stories are in one thread
     * @param separateLinked  separate pairs wrongly in one thread
     * @param unrelatedLinked unrelated pairs wrongly in one thread
     * @param sameStory       pairs whose two references are one story (the clusterer merged them): not scored
     * @param unresolved      pairs naming a story or article the store does not hold: not scored
     */
    public record Score(int saga, int sagaLinked, int separate, int separateLinked, int unrelated, int unrelatedLinked,
            int sameStory, int unresolved) {
        public double recall() {
            return saga == 0 ? Double.NaN : (double) sagaLinked / saga;
        }

        /** Share of the pairs that are not one saga (separate and unrelated) that were linked anyway. */
        public double wrongLinks() {
            int n = separate + unrelated;
            return n == 0 ? Double.NaN : (double) (separateLinked + unrelatedLinked) / n;
        }

        public double unrelatedWrong() {
            return unrelated == 0 ? Double.NaN : (double) unrelatedLinked / unrelated;
        }

        public double separateWrong() {
            return separate == 0 ? Double.NaN : (double) separateLinked / separate;
        }
    }

    /**
     * Scores {@code pairs} against {@code threads}.
     *
     * @param storyOf a reference (story id or {@code article:ID}) to the story id now holding it; empty when unknown
     */
    public static Map<Part, Score> score(List<LabelledPair> pairs, List<StoryThread> threads, Function<String, Optional<String>> storyOf) {
        Map<String, String> threadOf = new HashMap<>();
        for (StoryThread t : threads) for (String s : t.storyIds()) threadOf.put(s, t.id());
        Map<Part, int[]> n = new HashMap<>();
        for (Part p : Part.values()) n.put(p, new int[8]);
        for (LabelledPair p : pairs) {
            int[] c = n.computeIfAbsent(part(p), k -> new int[8]);
            Optional<String> a = storyOf.apply(p.a());
            Optional<String> b = storyOf.apply(p.b());
            if (a.isEmpty() || b.isEmpty()) {
                c[7]++;
                continue;
            }
            if (a.get().equals(b.get())) {
                c[6]++;
                continue;
            }
            String ta = threadOf.get(a.get());
            boolean linked = ta != null && ta.equals(threadOf.get(b.get()));
            int k = switch (p.label()) {
                case SAGA -> 0;
                case SEPARATE -> 2;
                case UNRELATED -> 4;
            };
            c[k]++;
            if (linked) c[k + 1]++;
        }
        Map<Part, Score> out = new java.util.EnumMap<>(Part.class);
        for (var e : n.entrySet()) {
            int[] c = e.getValue();
            out.put(e.getKey(), new Score(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
        }
        return out;
    }
}
