package news.parallax.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import news.parallax.clean.CleanedText;
import news.parallax.clean.TextDumpCleaner;
import news.parallax.extract.ExtractedPage;
import news.parallax.extract.ExtractionException;
import news.parallax.extract.HtmlExtractor;
import news.parallax.model.Article;
import news.parallax.model.Paragraphs;
import org.jspecify.annotations.Nullable;

/**
 * Reads one input file into {@link InputItem}s: text dumps through the {@link TextDumpCleaner}, saved
 * pages through an {@link HtmlExtractor}, JSONL records field by field. A sidecar {@code NAME.meta.json}
 * overrides what is inferred for a text or HTML file.
 *
 * <p>Errors never escape: every problem becomes a {@link InputItem.Rejected} naming the file (and line).
 * Thread-safe if the extractor is.
 */
public final class InputReader {
    /** Larger single documents are not articles (the largest real news pages are a few MB). */
    public static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    /** A JSONL line beyond this is rejected rather than parsed. */
    static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;
    /** Share of control characters above which a file is binary, not text. */
    static final double MAX_CONTROL_SHARE = 0.05;
    static final int MIN_BODY_CHARS = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HtmlExtractor htmlExtractor;
    private final TextDumpCleaner cleaner = new TextDumpCleaner();

    public InputReader(HtmlExtractor htmlExtractor) {
        this.htmlExtractor = htmlExtractor;
    }

    public void read(Path file, Consumer<InputItem> sink) {
        String location = file.toAbsolutePath().normalize().toString();
        var format = InputFormat.of(file);
        if (format.isEmpty()) {
            sink.accept(new InputItem.Rejected(location, "not an input format (expected .txt, .html, .htm, .jsonl, optionally .gz)"));
            return;
        }
        try {
            switch (format.get()) {
                case JSONL -> readJsonl(file, location, sink);
                case TEXT_DUMP -> sink.accept(readTextDump(file, location));
                case HTML -> sink.accept(readHtml(file, location));
            }
        } catch (EOFException e) {
            sink.accept(new InputItem.Rejected(location, "truncated gzip data"));
        } catch (ZipException e) {
            sink.accept(new InputItem.Rejected(location, "not valid gzip data (" + e.getMessage() + ")"));
        } catch (IOException e) {
            sink.accept(new InputItem.Rejected(location, "cannot read: " + e.getMessage()));
        }
    }

    private InputItem readTextDump(Path file, String location) throws IOException {
        byte[] bytes = readCapped(file);
        String problem = binaryOrEmpty(bytes);
        if (problem != null) return new InputItem.Rejected(location, problem);
        String text;
        try {
            text = strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            return new InputItem.Rejected(location, "invalid UTF-8 (" + e.getMessage() + ")");
        }
        CleanedText cleaned = cleaner.clean(text.startsWith("\uFEFF") ? text.substring(1) : text);
        Map<String, String> meta = sidecar(file);
        Map<String, String> extra = new HashMap<>();
        if (cleaned.attribution() != null) extra.put("attribution", cleaned.attribution());
        // The dump's credit line names its outlet, unless the sidecar does ("Source: Reuters", "bbc.com").
        if (cleaned.attribution() != null) meta.putIfAbsent("source", cleaned.attribution());
        if (cleaned.dateline() != null) extra.put("dateline", cleaned.dateline());
        return toArticle(location, meta, cleaned.title(), Paragraphs.join(cleaned.paragraphs()), List.of(), cleaned.published(), null, extra);
    }

    private InputItem readHtml(Path file, String location) throws IOException {
        byte[] bytes = readCapped(file);
        if (bytes.length == 0) return new InputItem.Rejected(location, "empty file");
        ExtractedPage page;
        try {
            page = htmlExtractor.extract(bytes, location, null);
        } catch (ExtractionException e) {
            return new InputItem.Rejected(location, e.getMessage().startsWith(location) ? e.getMessage().substring(location.length() + 2) : e.getMessage());
        }
        if (!page.isArticle()) return new InputItem.Rejected(location, "not an article: " + page.notArticleReason());
        Map<String, String> meta = sidecar(file);
        if (page.canonicalUrl() != null) meta.putIfAbsent("url", page.canonicalUrl());
        if (page.outlet() != null) meta.putIfAbsent("source", page.outlet());
        Instant published = page.published() == null ? null : page.published().toInstant();
        return toArticle(location, meta, page.title(), page.text(), page.authors(), published, page.language(), Map.of());
    }

    private InputItem toArticle(String location, Map<String, String> meta, String title, String body, List<String> authors,
                                @Nullable Instant published, @Nullable String language, Map<String, String> extra) {
        if (body.strip().length() < MIN_BODY_CHARS) {
            return new InputItem.Rejected(location, "no article text found (" + body.strip().length() + " characters of body)");
        }
        String url = blankToNull(meta.remove("url"));
        String domain = Domains.ofUrl(url);
        Map<String, String> fields = new HashMap<>(extra);
        String t = meta.containsKey("title") ? meta.remove("title") : title;
        String outlet = meta.containsKey("source") ? meta.remove("source") : domain != null ? domain : "";
        Instant when = meta.containsKey("date") ? Dates.parse(meta.remove("date")) : published;
        List<String> by = meta.containsKey("authors") ? splitAuthors(meta.remove("authors")) : authors;
        String id = meta.containsKey("id") ? meta.remove("id") : ArticleIds.derive(url != null ? url : body);
        String lang = meta.containsKey("language") ? meta.remove("language") : language;
        fields.putAll(meta);
        return new InputItem.Read(new Article(id, outlet, domain, url, t.strip(), when, by, body, location, lang, fields));
    }

    private void readJsonl(Path file, String location, Consumer<InputItem> sink) throws IOException {
        try (InputStream raw = open(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            int lineNo = 0;
            int records = 0;
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (CharacterCodingException e) {
                    sink.accept(new InputItem.Rejected(location + ":" + (lineNo + 1), "invalid UTF-8; rest of file skipped"));
                    return;
                }
                if (line == null) break;
                lineNo++;
                if (line.isBlank()) continue;
                String where = location + ":" + lineNo;
                if (line.length() > MAX_RECORD_CHARS) {
                    sink.accept(new InputItem.Rejected(where, "record longer than " + MAX_RECORD_CHARS + " characters"));
                    continue;
                }
                sink.accept(record(line, where));
                records++;
            }
            if (records == 0) sink.accept(new InputItem.Rejected(location, "empty file"));
        }
    }

    private InputItem record(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new InputItem.Rejected(where, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) return new InputItem.Rejected(where, "not a JSON object");
        Map<String, String> fields = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) continue;
            fields.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
        }
        String text = fields.remove("text");
        if (text == null || text.isBlank()) return new InputItem.Rejected(where, "record has no text");
        JsonNode authors = node.get("authors");
        if (authors != null && authors.isArray()) {
            List<String> list = new ArrayList<>();
            authors.forEach(a -> list.add(a.asText()));
            fields.put("authors", String.join(", ", list));
        }
        if (fields.getOrDefault("id", "").isBlank()) fields.put("id", ArticleIds.derive(fields.getOrDefault("url", text)));
        return toArticle(where, fields, fields.getOrDefault("title", ""), normalizeBody(text), List.of(), null, null, Map.of());
    }

    /** Records hold plain text; single newlines there separate paragraphs as blank lines do. */
    static String normalizeBody(String text) {
        List<String> paras = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n")) {
            String p = line.strip();
            if (!p.isEmpty()) paras.add(p.replaceAll("\\s+", " "));
        }
        return Paragraphs.join(paras);
    }

    private static List<String> splitAuthors(@Nullable String value) {
        if (value == null || value.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String a : value.split("\\s*(,|;|\\band\\b)\\s*")) if (!a.isBlank()) out.add(a.strip());
        return out;
    }

    private Map<String, String> sidecar(Path file) {
        String name = file.getFileName().toString();
        String base = name.replaceFirst("(?i)(\\.txt|\\.html?)(\\.gz)?$", "");
        Path meta = file.resolveSibling(base + ".meta.json");
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(meta)) return out;
        try {
            JsonNode node = JSON.readTree(meta.toFile());
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            });
        } catch (IOException e) {
            // A broken sidecar must not lose the article; its fields are simply not applied.
            out.put("sidecarError", meta + ": " + e.getMessage());
        }
        return out;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return InputFormat.isGzip(file) ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    /** Reads at most {@link #MAX_DOCUMENT_BYTES} (after decompression); larger inputs are an error. */
    private static byte[] readCapped(Path file) throws IOException {
        if (!InputFormat.isGzip(file) && Files.size(file) > MAX_DOCUMENT_BYTES) {
            throw new IOException("file too large (" + Files.size(file) / (1024 * 1024) + " MB; limit "
                    + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB)");
        }
        try (InputStream in = open(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > MAX_DOCUMENT_BYTES) {
                    throw new IOException("content too large (over " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB uncompressed)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    static @Nullable String binaryOrEmpty(byte[] bytes) {
        if (bytes.length == 0) return "empty file";
        int sample = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) return "binary data (NUL bytes), not text";
            if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
        }
        return control > MAX_CONTROL_SHARE * sample ? "binary data, not text" : null;
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return d.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
