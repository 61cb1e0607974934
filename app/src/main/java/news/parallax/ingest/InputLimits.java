package news.parallax.ingest;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * The limits every input reader enforces while it reads, so that no file, line or field can make
 * ingest hold more than a bounded amount of memory (issue 19: a 4 MB gzip holding one 4 GB line).
 *
 * <p>Each cap sits far above what real articles need: the 37,554-article AllSides corpus has at most
 * 255 title characters, 422 URL characters, 184 author characters and 76,553 text characters, and
 * its longest JSONL line is 77 KB.
 */
public final class InputLimits {
    private InputLimits() {}

    /** Saved pages and text dumps, on disk and after gunzip; the largest real news pages are a few MB. */
    public static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    /** One JSONL line (one record) in bytes; beyond it the line is skipped unread up to its newline. */
    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    /** A {@code NAME.meta.json} sidecar holds a few metadata fields, never a body. */
    public static final int MAX_SIDECAR_BYTES = 64 * 1024;
    /** Everything one JSONL file may decompress to; a corpus of 37,554 articles is 250 MB. */
    public static final long MAX_DECOMPRESSED_BYTES = 4L * 1024 * 1024 * 1024;
    /** Text compresses 3 to 10 times; far more than this is a decompression bomb, not articles. */
    public static final int MAX_COMPRESSION_RATIO = 100;
    /** The ratio is judged only after this much output, so that small, very regular files pass. */
    public static final long RATIO_CHECK_AFTER_BYTES = 8L * 1024 * 1024;
    /** A record is flat (an authors array at most); deeper JSON is an attack on the parser. */
    public static final int MAX_JSON_DEPTH = 16;
    /** Fields of one record or sidecar besides the known ones (bias, topic, ...). */
    public static final int MAX_FIELDS = 64;

    public static final int MAX_TITLE_CHARS = 1_000;
    public static final int MAX_ID_CHARS = 200;
    /** All authors of one article together. */
    public static final int MAX_AUTHORS_CHARS = 1_000;
    public static final int MAX_URL_CHARS = 4_096;
    public static final int MAX_SOURCE_CHARS = 200;
    /** The article body: 500,000 characters is a short novel, 6.5 times the corpus's longest article. */
    public static final int MAX_TEXT_CHARS = 500_000;
    /** Any other field (topic, bias, language, ...). */
    public static final int MAX_OTHER_FIELD_CHARS = 10_000;

    /** "1,000" for messages. */
    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    /** "4 MB" for messages. */
    static String size(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) return bytes / (1024L * 1024 * 1024) + " GB";
        if (bytes >= 1024 * 1024) return count(bytes / (1024 * 1024)) + " MB";
        if (bytes >= 1024) return count(bytes / 1024) + " KB";
        return count(bytes) + " bytes";
    }
}
