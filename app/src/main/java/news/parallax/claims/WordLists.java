package news.parallax.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads the claims stage's word lists (src/main/resources/claims/*.tsv; each names its source in its header). */
final class WordLists {
    private WordLists() {}

    /** Entries of a one-entry-a-line list, stripped and lower case; "#" lines are comments. */
    static Set<String> set(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : lines(name)) out.add(line.strip().toLowerCase(java.util.Locale.ROOT));
        return Set.copyOf(out);
    }

    /** A two-column list (key, long value) as a map; "#" lines are comments. */
    static Map<String, Long> numbers(String name) {
        Map<String, Long> out = new HashMap<>();
        for (String[] row : tsv(name).values()) out.put(row[0].toLowerCase(java.util.Locale.ROOT), Long.parseLong(row[1]));
        return Map.copyOf(out);
    }

    /** A two-column list (key, value) as a map; "#" lines are comments. */
    static Map<String, String> pairs(String name) {
        Map<String, String> out = new HashMap<>();
        for (String[] row : tsv(name).values()) out.put(row[0].toLowerCase(java.util.Locale.ROOT), row[1]);
        return Map.copyOf(out);
    }

    private static java.util.List<String> lines(String name) {
        String resource = "/claims/" + name;
        java.util.List<String> out = new java.util.ArrayList<>();
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("word list missing from the classpath: " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
        return out;
    }

    /** Rows of a tab-separated list keyed by their first column, lower case; "#" lines are comments. */
    static Map<String, String[]> tsv(String name) {
        String resource = "/claims/" + name;
        Map<String, String[]> out = new HashMap<>();
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("word list missing from the classpath: " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                out.put(cols[0].toLowerCase(java.util.Locale.ROOT), cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
        return Map.copyOf(out);
    }
}
