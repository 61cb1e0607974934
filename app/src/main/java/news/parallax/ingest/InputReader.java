package news.parallax.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import news.parallax.model.Dates;
import news.parallax.model.Domains;
import news.parallax.model.Paragraphs;
import org.jspecify.annotations.Nullable;

/**
 * Reads one input file into {@link InputItem}s: text dumps through the {@link TextDumpCleaner}, saved
 * pages through an {@link HtmlExtractor}, JSONL records field by field. A sidecar {@code NAME.meta.json}
 * overrides what is inferred for a text or HTML file.
 *
 * <p>Every limit of {@link InputLimits} is enforced while reading, never after: files and decompressed
 * data are counted as they stream, a JSONL line is held only up to {@link InputLimits#MAX_LINE_BYTES}
 * (the rest of a longer line is read and dropped), JSON nesting is capped in the parser, and each field
 * is checked against its cap. Special files (FIFOs, devices, sockets) are never opened.
 *
 * <p>Errors never escape: every problem becomes a {@link InputItem.Rejected} naming the file (and line),
 * with the reason and the limit passed; a bad line costs only that line, a corrupt stream the rest of
 * its file. Control characters (NUL and other C0 codes but tab and newlines) and lone surrogates are
 * removed from every field. Thread-safe if the extractor is.
 */
public final class InputReader {
    /** Share of control characters above which a file is binary, not text. */
    static final double MAX_CONTROL_SHARE = 0.05;
    /** Bytes of a text dump sampled for the binary check. */
    private static final int BINARY_SAMPLE_BYTES = 64 * 1024;
    static final int MIN_BODY_CHARS = 80;
    private static final int GZIP_BUFFER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(InputLimits.MAX_JSON_DEPTH).build())
            .build());

    private final HtmlExtractor htmlExtractor;
    private final TextDumpCleaner cleaner = new TextDumpCleaner();

    public InputReader(HtmlExtractor htmlExtractor) {
        this.htmlExtractor = htmlExtractor;
    }

    public void read(Path file, Consumer<InputItem> sink) {
        String location = file.toAbsolutePath().normalize().toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            sink.accept(new InputItem.Rejected(location, "cannot read: " + FileErrors.reason(e), FileErrors.problem(e)));
            return;
        }
        if (attrs.isDirectory()) {
            sink.accept(new InputItem.Rejected(location, "a folder, not a file", Problem.NOT_INPUT_FORMAT));
            return;
        }
        if (!attrs.isRegularFile()) {
            // Opening a FIFO would block until a writer comes; a device may never end.
            sink.accept(new InputItem.Rejected(location, "not a regular file (" + FileErrors.specialKind(file) + "); skipped unopened",
                    Problem.SPECIAL_FILE));
            return;
        }
        var format = InputFormat.of(file);
        if (format.isEmpty()) {
            sink.accept(new InputItem.Rejected(location, "not an input format (expected .txt, .html, .htm, .jsonl, optionally .gz)",
                    Problem.NOT_INPUT_FORMAT));
            return;
        }
        try {
            switch (format.get()) {
                case JSONL -> readJsonl(file, location, sink);
                case TEXT_DUMP -> sink.accept(readTextDump(file, location, attrs.size(), sink));
                case HTML -> sink.accept(readHtml(file, location, attrs.size(), sink));
            }
        } catch (IOException e) {
            sink.accept(rejection(location, e, null));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a pathological document in a later stage must cost this file only.
            sink.accept(new InputItem.Rejected(location, "could not be read (" + e + ")", Problem.OTHER));
        }
    }

    /** The rejection for an I/O failure; {@code afterLine} says how far a JSONL file was read. */
    private static InputItem.Rejected rejection(String location, IOException e, @Nullable Long afterLine) {
        String rest = afterLine == null ? "" : afterLine == 0 ? " in line 1; file skipped"
                : " after line " + afterLine + "; rest of file skipped";
        if (e instanceof InputLimitException limit) return new InputItem.Rejected(location, limit.getMessage() + rest, limit.problem());
        if (e instanceof EOFException) return new InputItem.Rejected(location, "truncated gzip data" + rest, Problem.CORRUPT_GZIP);
        if (e instanceof ZipException) {
            return new InputItem.Rejected(location, "not valid gzip data (" + e.getMessage() + ")" + rest, Problem.CORRUPT_GZIP);
        }
        return new InputItem.Rejected(location, "cannot read: " + FileErrors.reason(e) + rest, FileErrors.problem(e));
    }

    private InputItem readTextDump(Path file, String location, long size, Consumer<InputItem> sink) throws IOException {
        byte[] bytes = readDocument(file, size);
        InputItem.Rejected binary = binaryOrEmpty(location, bytes);
        if (binary != null) return binary;
        String text;
        try {
            text = strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            return new InputItem.Rejected(location, "invalid UTF-8 (" + e.getMessage() + ")", Problem.INVALID_UTF8);
        }
        CleanedText cleaned = cleaner.clean(text.startsWith("\uFEFF") ? text.substring(1) : text);
        Map<String, String> meta = sidecar(file, sink);
        Map<String, String> extra = new HashMap<>();
        if (cleaned.attribution() != null) extra.put("attribution", cleaned.attribution());
        // The dump's credit line names its outlet, unless the sidecar does ("Source: Reuters", "bbc.com").
        if (cleaned.attribution() != null) meta.putIfAbsent("source", cleaned.attribution());
        if (cleaned.dateline() != null) extra.put("dateline", cleaned.dateline());
        return toArticle(location, meta, cleaned.title(), Paragraphs.join(cleaned.paragraphs()), List.of(), cleaned.published(), null, extra);
    }

    private InputItem readHtml(Path file, String location, long size, Consumer<InputItem> sink) throws IOException {
        byte[] bytes = readDocument(file, size);
        if (bytes.length == 0) return new InputItem.Rejected(location, "empty file", Problem.EMPTY);
        ExtractedPage page;
        try {
            page = htmlExtractor.extract(bytes, location, null);
        } catch (ExtractionException e) {
            String m = e.getMessage();
            return new InputItem.Rejected(location, m.startsWith(location) ? m.substring(location.length() + 2) : m, Problem.NOT_ARTICLE);
        }
        if (!page.isArticle()) return new InputItem.Rejected(location, "not an article: " + page.notArticleReason(), Problem.NOT_ARTICLE);
        Map<String, String> meta = sidecar(file, sink);
        if (page.canonicalUrl() != null) meta.putIfAbsent("url", page.canonicalUrl());
        if (page.outlet() != null) meta.putIfAbsent("source", page.outlet());
        Instant published = page.published() == null ? null : page.published().toInstant();
        return toArticle(location, meta, page.title(), page.text(), page.authors(), published, page.language(), Map.of());
    }

    /** Extra field keeping a record's date that lay in the future when it was read. */
    static final String STATED_DATE = "statedDate";

    private InputItem toArticle(String location, Map<String, String> meta, String title, String body, List<String> authors,
                                @Nullable Instant published, @Nullable String language, Map<String, String> extra) {
        body = clean(body);
        if (body.strip().length() < MIN_BODY_CHARS) {
            return new InputItem.Rejected(location, "no article text found (" + body.strip().length() + " characters of body)", Problem.NO_TEXT);
        }
        Map<String, String> m = new HashMap<>();
        meta.forEach((k, v) -> m.put(clean(k), clean(v)));
        String url = blankToNull(m.remove("url"));
        String t = clean(m.containsKey("title") ? m.remove("title") : title);
        String outlet = m.remove("source");
        Instant when = m.containsKey("date") ? Dates.recordDate(m.remove("date")) : published;
        // A date ahead of the reading is a publisher's slip, not a publication time (the corpus has "2050-09-30" for an
        // article about 2050): kept as the record stated it, but the article goes undated rather than newest forever.
        String statedDate = null;
        if (when != null && when.isAfter(Instant.now().plus(Dates.MAX_FUTURE))) {
            statedDate = when.toString();
            when = null;
        }
        String metaAuthors = m.remove("authors");
        String authorsValue = metaAuthors != null ? metaAuthors : String.join(", ", authors);
        String id = m.remove("id");
        String lang = m.containsKey("language") ? m.remove("language") : language;
        Map<String, String> fields = new HashMap<>();
        extra.forEach((k, v) -> fields.put(k, clean(v)));
        fields.putAll(m);
        if (statedDate != null) fields.put(STATED_DATE, statedDate);
        String tooLong = firstTooLong(t, id, authorsValue, url, outlet, body, lang, fields);
        if (tooLong != null) return new InputItem.Rejected(location, tooLong, Problem.FIELD_TOO_LONG);
        String domain = Domains.ofUrl(url);
        if (outlet == null) outlet = domain != null ? domain : "";
        if (id == null || id.isBlank()) id = ArticleIds.derive(url != null ? url : body);
        List<String> by = metaAuthors != null ? splitAuthors(metaAuthors) : authors.stream().map(InputReader::clean).toList();
        return new InputItem.Read(new Article(id, outlet, domain, url, t.strip(), when, by, body, location, lang, fields));
    }

    /** The first field over its cap, as a message with the cap and the field's length; null when all fit. */
    private static @Nullable String firstTooLong(String title, @Nullable String id, String authors, @Nullable String url,
                                                 @Nullable String source, String text, @Nullable String language,
                                                 Map<String, String> others) {
        String m = tooLong("title", title, InputLimits.MAX_TITLE_CHARS);
        if (m == null) m = tooLong("id", id, InputLimits.MAX_ID_CHARS);
        if (m == null) m = tooLong("authors", authors, InputLimits.MAX_AUTHORS_CHARS);
        if (m == null) m = tooLong("url", url, InputLimits.MAX_URL_CHARS);
        if (m == null) m = tooLong("source", source, InputLimits.MAX_SOURCE_CHARS);
        if (m == null) m = tooLong("text", text, InputLimits.MAX_TEXT_CHARS);
        if (m == null) m = tooLong("language", language, InputLimits.MAX_OTHER_FIELD_CHARS);
        if (m != null) return m;
        if (others.size() > InputLimits.MAX_FIELDS) return "more than " + InputLimits.MAX_FIELDS + " fields (" + others.size() + ")";
        for (var e : others.entrySet()) {
            m = tooLong(e.getKey().length() > 40 ? e.getKey().substring(0, 40) + "..." : e.getKey(), e.getValue(),
                    InputLimits.MAX_OTHER_FIELD_CHARS);
            if (m == null) m = tooLong("a field name", e.getKey(), InputLimits.MAX_ID_CHARS);
            if (m != null) return m;
        }
        return null;
    }

    private static @Nullable String tooLong(String field, @Nullable String value, int cap) {
        if (value == null || value.length() <= cap) return null;
        return overCap(field, value.length(), cap);
    }

    private static String overCap(String field, int length, int cap) {
        return field + " longer than " + InputLimits.count(cap) + " characters (" + InputLimits.count(length) + ")";
    }

    private void readJsonl(Path file, String location, Consumer<InputItem> sink) throws IOException {
        LineReader lines = null;
        try (InputStream in = open(file, InputLimits.MAX_DECOMPRESSED_BYTES, "content")) {
            lines = new LineReader(in, InputLimits.MAX_LINE_BYTES);
            int records = 0;
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                String where = location + ":" + line.number();
                if (line.tooLong()) {
                    records++;
                    sink.accept(new InputItem.Rejected(where, "line longer than " + InputLimits.size(InputLimits.MAX_LINE_BYTES)
                            + " (" + InputLimits.count(line.length()) + " bytes); skipped", Problem.LINE_TOO_LONG));
                    continue;
                }
                if (isBlank(line.bytes())) continue;
                records++;
                String text;
                try {
                    text = strictUtf8(line.bytes());
                } catch (CharacterCodingException e) {
                    sink.accept(new InputItem.Rejected(where, "invalid UTF-8 (" + e.getMessage() + ")", Problem.INVALID_UTF8));
                    continue;
                }
                if (line.number() == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                sink.accept(record(text, where));
            }
            if (records == 0) sink.accept(new InputItem.Rejected(location, "empty file", Problem.EMPTY));
        } catch (IOException e) {
            if (lines == null) throw e;
            long done = lines.linesRead();
            sink.accept(rejection(location + ":" + (done + 1), e, done));
        }
    }

    private InputItem record(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (StreamConstraintsException e) {
            String m = e.getOriginalMessage();
            return m != null && m.contains("nesting depth")
                    ? new InputItem.Rejected(where, "JSON nested deeper than " + InputLimits.MAX_JSON_DEPTH + " levels", Problem.TOO_DEEP)
                    : new InputItem.Rejected(where, "JSON over a parser limit (" + m + ")", Problem.TOO_LARGE);
        } catch (JsonProcessingException e) {
            return new InputItem.Rejected(where, "not JSON (" + firstLine(e.getOriginalMessage()) + ")", Problem.NOT_JSON);
        }
        if (node == null || !node.isObject()) return new InputItem.Rejected(where, "not a JSON object", Problem.NOT_JSON);
        if (node.size() > InputLimits.MAX_FIELDS) {
            return new InputItem.Rejected(where, "more than " + InputLimits.MAX_FIELDS + " fields (" + node.size() + ")", Problem.TOO_MANY_FIELDS);
        }
        Map<String, String> fields = new HashMap<>();
        for (var e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) continue;
            fields.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
        }
        String text = fields.remove("text");
        if (text == null || text.isBlank()) return new InputItem.Rejected(where, "record has no text", Problem.NO_TEXT);
        if (text.length() > InputLimits.MAX_TEXT_CHARS) {
            return new InputItem.Rejected(where, overCap("text", text.length(), InputLimits.MAX_TEXT_CHARS), Problem.FIELD_TOO_LONG);
        }
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

    /**
     * The sidecar's fields. A broken or oversized sidecar is reported on its own line and its fields
     * are not applied; the article itself is still read.
     */
    private Map<String, String> sidecar(Path file, Consumer<InputItem> sink) {
        String name = file.getFileName().toString();
        String base = name.replaceFirst("(?i)(\\.txt|\\.html?)(\\.gz)?$", "");
        Path meta = file.resolveSibling(base + ".meta.json");
        Map<String, String> out = new HashMap<>();
        if (!Files.exists(meta, LinkOption.NOFOLLOW_LINKS) && !Files.exists(meta)) return out;
        String where = meta.toAbsolutePath().normalize().toString();
        try {
            BasicFileAttributes attrs = Files.readAttributes(meta, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                sink.accept(new InputItem.Rejected(where, "sidecar not applied: not a regular file (" + FileErrors.specialKind(meta) + ")",
                        Problem.SPECIAL_FILE));
                return out;
            }
            if (attrs.size() > InputLimits.MAX_SIDECAR_BYTES) {
                sink.accept(new InputItem.Rejected(where, "sidecar not applied: larger than " + InputLimits.size(InputLimits.MAX_SIDECAR_BYTES),
                        Problem.TOO_LARGE));
                return out;
            }
            byte[] bytes;
            try (InputStream in = new LimitedInputStream(Files.newInputStream(meta), InputLimits.MAX_SIDECAR_BYTES, Problem.TOO_LARGE,
                    "sidecar", () -> Long.MAX_VALUE)) {
                bytes = in.readAllBytes();
            }
            JsonNode node = JSON.readTree(strictUtf8(bytes));
            if (node == null || !node.isObject()) {
                sink.accept(new InputItem.Rejected(where, "sidecar not applied: not a JSON object", Problem.BAD_SIDECAR));
                return out;
            }
            if (node.size() > InputLimits.MAX_FIELDS) {
                sink.accept(new InputItem.Rejected(where, "sidecar not applied: more than " + InputLimits.MAX_FIELDS + " fields",
                        Problem.TOO_MANY_FIELDS));
                return out;
            }
            for (var e : node.properties()) {
                if (!e.getValue().isNull()) out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        } catch (StreamConstraintsException e) {
            sink.accept(new InputItem.Rejected(where, "sidecar not applied: JSON nested deeper than " + InputLimits.MAX_JSON_DEPTH
                    + " levels", Problem.TOO_DEEP));
        } catch (CharacterCodingException e) {
            sink.accept(new InputItem.Rejected(where, "sidecar not applied: invalid UTF-8", Problem.INVALID_UTF8));
        } catch (JsonProcessingException e) {
            sink.accept(new InputItem.Rejected(where, "sidecar not applied: not JSON (" + firstLine(e.getOriginalMessage()) + ")",
                    Problem.BAD_SIDECAR));
        } catch (IOException e) {
            InputItem.Rejected r = rejection(where, e, null);
            sink.accept(new InputItem.Rejected(where, "sidecar not applied: " + r.reason(), r.problem()));
        }
        return out;
    }

    /** Opens a file, gunzipping {@code .gz}, with the decompressed size and ratio counted against the caps. */
    private static InputStream open(Path file, long cap, String what) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (!InputFormat.isGzip(file)) return new LimitedInputStream(raw, cap, Problem.TOO_LARGE, what, () -> Long.MAX_VALUE);
        try {
            LimitedInputStream.Counting compressed = new LimitedInputStream.Counting(raw);
            return new LimitedInputStream(new GZIPInputStream(compressed, GZIP_BUFFER_BYTES), cap, Problem.TOO_LARGE,
                    "uncompressed " + what, compressed::count);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** A saved page or text dump, up to {@link InputLimits#MAX_DOCUMENT_BYTES} on disk and after gunzip. */
    private static byte[] readDocument(Path file, long size) throws IOException {
        if (size > InputLimits.MAX_DOCUMENT_BYTES) {
            throw new InputLimitException(Problem.TOO_LARGE, "file too large (" + InputLimits.count(size) + " bytes; limit "
                    + InputLimits.size(InputLimits.MAX_DOCUMENT_BYTES) + ")");
        }
        try (InputStream in = open(file, InputLimits.MAX_DOCUMENT_BYTES, "content")) {
            return in.readAllBytes();
        }
    }

    /** Empty, or binary by NUL bytes or the share of control characters in the first 64 KB. */
    static InputItem.@Nullable Rejected binaryOrEmpty(String location, byte[] bytes) {
        if (bytes.length == 0) return new InputItem.Rejected(location, "empty file", Problem.EMPTY);
        int sample = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) return new InputItem.Rejected(location, "binary data (NUL bytes), not text", Problem.BINARY);
            if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
        }
        return control > MAX_CONTROL_SHARE * sample ? new InputItem.Rejected(location, "binary data, not text", Problem.BINARY) : null;
    }

    /** Removes NUL and other C0 control characters (but tab, CR, LF), DEL and lone surrogates: no store or page wants them. */
    static String clean(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && keep(s, i)) i++;
        if (i == n) return s;
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) if (keep(s, i)) b.append(s.charAt(i));
        return b.toString();
    }

    private static boolean keep(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
        if (c == 0x7f) return false;
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        return true;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        return true;
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
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
