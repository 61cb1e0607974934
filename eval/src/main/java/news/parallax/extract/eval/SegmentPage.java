package news.parallax.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One page of trafilatura's evaluation set: {@code evaldata.json} maps each URL to the page's
 * {@code file} (archived as {@code pages/FILE.gz}), the segments a good extraction contains
 * ({@code with}) and the boilerplate segments it must not contain ({@code without}).
 */
public record SegmentPage(String url, String file, Path path, List<String> with, List<String> without) {
    /** The label file of a segment set folder. */
    public static final String LABELS = "evaldata.json";

    /** True when {@code dir} holds a segment set rather than Fundus folders. */
    public static boolean isSegmentSet(Path dir) {
        return Files.isRegularFile(dir.resolve(LABELS));
    }

    public byte[] html() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Every page of the set whose archived file exists, sorted by file name. */
    public static List<SegmentPage> load(Path dir) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir.resolve(LABELS).toFile());
        List<SegmentPage> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            String file = v.path("file").asText("");
            if (file.isEmpty()) throw new IOException(dir.resolve(LABELS) + ": entry " + e.getKey() + " has no file");
            Path path = dir.resolve("pages").resolve(file + ".gz");
            if (!Files.isRegularFile(path)) throw new IOException(dir.resolve(LABELS) + ": page missing: " + path);
            out.add(new SegmentPage(e.getKey(), file, path, strings(v.path("with")), strings(v.path("without"))));
        }
        out.sort(Comparator.comparing(SegmentPage::file));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }
}
