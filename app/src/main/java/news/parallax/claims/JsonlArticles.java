package news.parallax.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import news.parallax.internal.Json;
import news.parallax.model.Article;

/**
 * Articles of an AllSides-style JSONL(.gz) file (one record a line: id, source, url, title, date, authors, text, bias,
 * topic), as {@code claims FILE} reads them and the claims evaluations score them. Every article is taken as English.
 */
public final class JsonlArticles {
    private JsonlArticles() {}

    /** The first {@code limit} articles whose id {@code wanted} accepts, in file order; records without an id are skipped. */
    public static List<Article> read(Path jsonl, Predicate<String> wanted, int limit) throws IOException {
        List<Article> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(jsonl);
             InputStream in = jsonl.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String l;
            int line = 0;
            while ((l = r.readLine()) != null && out.size() < limit) {
                line++;
                if (l.isBlank()) continue;
                JsonNode n;
                try {
                    n = Json.mapper().readTree(l);
                } catch (IOException e) {
                    throw new IOException("bad JSON at " + jsonl + ":" + line, e);
                }
                String id = n.path("id").asText("");
                if (id.isEmpty() || !wanted.test(id)) continue;
                out.add(article(n, id, jsonl + ":" + line));
            }
        }
        return out;
    }

    private static Article article(JsonNode n, String id, String location) {
        String date = n.path("date").asText("");
        Instant published = null;
        if (date.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            published = LocalDate.parse(date.substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String url = n.path("url").asText("");
        Map<String, String> extra = new HashMap<>();
        for (String k : List.of("bias", "topic")) if (n.hasNonNull(k)) extra.put(k, n.get(k).asText());
        String authors = n.path("authors").asText("");
        return new Article(id, n.path("source").asText("unknown"), null, url.isEmpty() ? null : url,
                n.path("title").asText(""), published, authors.isBlank() ? List.of() : List.of(authors.split(",\\s*")),
                n.path("text").asText(""), location, "en", extra);
    }
}
