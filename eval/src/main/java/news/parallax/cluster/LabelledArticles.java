package news.parallax.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * An article stream with gold story labels, for evaluating clusterers: a JSONL file (optionally
 * gzipped) of records with {@code id}, {@code source}, {@code title}, {@code date}, {@code text}
 * and either a {@code story} field or a separate labels file ({@code id<TAB>story} lines, {@code #}
 * comments). Articles come sorted as the pipeline passes them: by date, then id.
 *
 * @param articles articles in stream order
 * @param gold     story label per labelled article id
 */
public record LabelledArticles(List<Article> articles, Map<String, String> gold) {
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2})");
    /** Dates outside this range are typos in the data ("0001-11", "2050-09") and are treated as unknown. */
    private static final int MIN_YEAR = 1990, MAX_YEAR = 2035;

    public LabelledArticles {
        articles = List.copyOf(articles);
        gold = Map.copyOf(gold);
    }

    /** Undated articles first (as SQL sorts NULL first), then by date, then by id. */
    public static final Comparator<Article> STREAM_ORDER = Comparator
            .comparing(Article::published, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Article::id);

    /**
     * Reads {@code jsonl}; with {@code labels}, gold comes from that file, else from each record's
     * {@code story} field. {@code onlyLabelled} keeps just the articles that have a label.
     */
    public static LabelledArticles read(Path jsonl, @Nullable Path labels, boolean onlyLabelled) {
        Map<String, String> gold = labels == null ? new LinkedHashMap<>() : readLabels(labels);
        List<Article> out = new ArrayList<>();
        readRecords(jsonl, gold, labels == null, onlyLabelled, out);
        if (gold.isEmpty()) throw new IllegalArgumentException(jsonl + ": no gold labels (no 'story' field and no labels file)");
        out.sort(STREAM_ORDER);
        return new LabelledArticles(out, gold);
    }

    /** Reads an unlabelled corpus in stream order (same record format, no gold needed). */
    public static List<Article> readArticles(Path jsonl) {
        List<Article> out = new ArrayList<>();
        readRecords(jsonl, new LinkedHashMap<>(), false, false, out);
        out.sort(STREAM_ORDER);
        return List.copyOf(out);
    }

    /** Reads {@code id<TAB>story} lines. */
    public static Map<String, String> readLabels(Path labels) {
        Map<String, String> gold = new LinkedHashMap<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 2) throw new IllegalArgumentException(labels + ":" + n + ": expected id<TAB>story, got: " + line);
                gold.put(f[0].strip(), f[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels " + labels, e);
        }
        return gold;
    }

    /** A raw text dump (first non-blank line the title, the rest the body) as an undated article named after the file. */
    public static Article fromTextDump(Path file) {
        try {
            String raw = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            String[] lines = raw.strip().split("\n", 2);
            String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
            return new Article(name, "seed", null, null, lines[0].strip(), null, List.of(), lines.length > 1 ? lines[1].strip() : "",
                    file.toString(), "en", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void readRecords(Path jsonl, Map<String, String> gold, boolean goldFromRecords, boolean onlyLabelled, List<Article> out) {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = open(jsonl)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode o;
                try {
                    o = json.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(jsonl + ":" + n + ": not a JSON object: " + e.getMessage(), e);
                }
                String id = text(o, "id");
                if (id == null || id.isBlank()) throw new IllegalArgumentException(jsonl + ":" + n + ": record without an id");
                if (goldFromRecords && o.hasNonNull("story")) gold.put(id, o.get("story").asText());
                if (onlyLabelled && !gold.containsKey(id)) continue;
                Map<String, String> extra = new HashMap<>();
                for (String k : List.of("bias", "topic")) if (o.hasNonNull(k)) extra.put(k, o.get(k).asText());
                out.add(new Article(id, orEmpty(text(o, "source")), null, text(o, "url"), orEmpty(text(o, "title")).strip(),
                        parseDate(text(o, "date")), List.of(), orEmpty(text(o, "text")), jsonl + ":" + n, "en", extra));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl, e);
        }
    }

    static @Nullable Instant parseDate(@Nullable String s) {
        if (s == null || s.isBlank()) return null;
        LocalDate d = null;
        try {
            d = LocalDate.parse(s.strip().substring(0, Math.min(10, s.strip().length())));
        } catch (DateTimeParseException e) {
            Matcher m = US_DATE.matcher(s.strip());
            if (m.matches()) {
                try {
                    d = LocalDate.of(2000 + Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                } catch (java.time.DateTimeException ignored) {
                    d = null;
                }
            }
        }
        if (d == null || d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) return null;
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static BufferedReader open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        if (p.toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static @Nullable String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
