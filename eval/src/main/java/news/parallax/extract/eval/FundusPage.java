package news.parallax.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.List;
import java.util.Objects;

import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * One labelled page of the Fundus extraction set: {@code <country>/<Publisher>_<date>.html.gz} beside
 * {@code <Publisher>.json}, whose {@code V1}, {@code V2}, ... entries label the publisher's pages in
 * date order, and {@code meta.info}, which gives each page's URL.
 *
 * @param expectedBody summary paragraphs, then each section's headline and paragraphs, blank-line separated
 * @param expectedDate {@code publishing_date} as written, null when the set has none
 */
public record FundusPage(
        Path file, String country, String url, String expectedTitle, List<String> expectedAuthors,
        @Nullable String expectedDate, String expectedBody) {

    /** Country folders whose pages are in English. */
    public static final Set<String> ENGLISH_COUNTRIES = Set.of("us", "uk", "ca", "au", "ind", "za");

    public boolean english() {
        return ENGLISH_COUNTRIES.contains(country);
    }

    /** The publisher's label file name ({@code Publisher.json}): the key of the tune/holdout split. */
    public String publisherLabel() {
        String name = file.getFileName().toString();
        return name.replaceFirst("_\\d{4}_\\d{2}_\\d{2}\\.html\\.gz$", "") + ".json";
    }

    public byte[] html() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every labelled page under {@code root}, sorted by path. */
    public static List<FundusPage> load(Path root) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<FundusPage> out = new ArrayList<>();
        List<Path> labels;
        try (Stream<Path> s = Files.walk(root)) {
            labels = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path label : labels) {
            String publisher = label.getFileName().toString().replaceFirst("\\.json$", "");
            Path dir = Objects.requireNonNull(label.getParent(), () -> "label file without a folder: " + label);
            List<Path> pages;
            try (Stream<Path> s = Files.list(dir)) {
                pages = s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(publisher + "_") && n.endsWith(".html.gz")
                            && n.substring(publisher.length() + 1).matches("\\d{4}_\\d{2}_\\d{2}\\.html\\.gz");
                }).sorted().toList();
            }
            JsonNode versions = json.readTree(label.toFile());
            JsonNode metaInfo = Files.exists(dir.resolve("meta.info")) ? json.readTree(dir.resolve("meta.info").toFile()) : null;
            List<String> keys = new ArrayList<>();
            versions.fieldNames().forEachRemaining(keys::add);
            keys.sort(FundusPage::compareVersions);
            if (keys.size() != pages.size()) {
                throw new IOException(label + ": " + keys.size() + " labelled versions but " + pages.size() + " pages");
            }
            for (int i = 0; i < pages.size(); i++) {
                JsonNode v = versions.get(keys.get(i));
                Path page = pages.get(i);
                String url = metaInfo != null && metaInfo.has(page.getFileName().toString())
                        ? metaInfo.get(page.getFileName().toString()).path("url").asText("") : "";
                List<String> authors = new ArrayList<>();
                v.path("authors").forEach(a -> authors.add(a.asText()));
                JsonNode date = v.get("publishing_date");
                out.add(new FundusPage(page, dir.getFileName().toString(), url, v.path("title").asText(""), authors,
                        date == null || date.isNull() ? null : date.asText(), body(v.path("body"))));
            }
        }
        return out;
    }

    /** Orders "V1", "V1_1", "V2", "V10" numerically part by part. */
    static int compareVersions(String a, String b) {
        String[] pa = a.replaceAll("[^0-9_]", "").split("_");
        String[] pb = b.replaceAll("[^0-9_]", "").split("_");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            int x = i < pa.length && !pa[i].isEmpty() ? Integer.parseInt(pa[i]) : -1;
            int y = i < pb.length && !pb[i].isEmpty() ? Integer.parseInt(pb[i]) : -1;
            if (x != y) return Integer.compare(x, y);
        }
        return a.compareTo(b);
    }

    private static String body(JsonNode body) {
        List<String> paras = new ArrayList<>();
        body.path("summary").forEach(p -> paras.add(p.asText()));
        for (JsonNode section : body.path("sections")) {
            section.path("headline").forEach(p -> paras.add(p.asText()));
            section.path("paragraphs").forEach(p -> paras.add(p.asText()));
        }
        return String.join("\n\n", paras);
    }

}
