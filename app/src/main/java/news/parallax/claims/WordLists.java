package news.parallax.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads the claims stage's word lists (src/main/resources/claims/*.tsv; each names its source in its header). */
final class WordLists {
    private WordLists() {}

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
