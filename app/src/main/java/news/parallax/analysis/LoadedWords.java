package news.parallax.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import news.parallax.nlp.Tokens;
import org.jspecify.annotations.Nullable;

/**
 * The loaded and subjective words of {@value #RESOURCE}, a list written for Parallax under the project's licence
 * ("dictator", "slams", "shocking", "bombshell"). A summary sentence holding one scores lower, so a neutral sentence
 * saying the same thing is chosen instead. Immutable and thread-safe.
 */
public final class LoadedWords {
    static final String RESOURCE = "/analysis/loaded-words.txt";

    /** Each entry as words; a word ending in "*" matches any ending. */
    private static final List<String[]> ENTRIES = load();

    private LoadedWords() {}

    /** The first loaded word or phrase of {@code sentence} as the list writes it, or null when it has none. */
    public static @Nullable String find(String sentence) {
        List<String> words = Tokens.normalized(sentence);
        for (String[] entry : ENTRIES) {
            for (int i = 0; i + entry.length <= words.size(); i++) {
                boolean all = true;
                for (int k = 0; k < entry.length && all; k++) all = matches(entry[k], words.get(i + k));
                if (all) return String.join(" ", entry);
            }
        }
        return null;
    }

    public static boolean isLoaded(String sentence) {
        return find(sentence) != null;
    }

    private static boolean matches(String pattern, String word) {
        return pattern.endsWith("*") ? word.startsWith(pattern.substring(0, pattern.length() - 1)) : word.equals(pattern);
    }

    private static List<String[]> load() {
        try (InputStream in = LoadedWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            List<String[]> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String l = line.strip().toLowerCase(Locale.ROOT);
                if (l.isEmpty() || l.startsWith("#")) continue;
                out.add(l.split("\\s+"));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
