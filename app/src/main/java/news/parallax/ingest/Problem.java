package news.parallax.ingest;

/**
 * Why an input was not read: the category the ingest summary counts. The first group are
 * filesystem entries that were skipped without being opened; the rest are files, lines or records
 * that were read and rejected.
 */
public enum Problem {
    MISSING("no such file", true),
    UNREADABLE("unreadable", true),
    SPECIAL_FILE("FIFO, device or socket", true),
    SYMLINK_LOOP("symlink loop", true),
    BROKEN_SYMLINK("broken symlink", true),
    NOT_INPUT_FORMAT("not an input format", false),
    TOO_LARGE("too large", false),
    LINE_TOO_LONG("line too long", false),
    FIELD_TOO_LONG("field too long", false),
    TOO_MANY_FIELDS("too many fields", false),
    TOO_DEEP("JSON nested too deep", false),
    NOT_JSON("not JSON", false),
    CORRUPT_GZIP("corrupt gzip", false),
    DECOMPRESSION_BOMB("decompression bomb", false),
    INVALID_UTF8("invalid UTF-8", false),
    BINARY("binary data", false),
    EMPTY("empty", false),
    NO_TEXT("no article text", false),
    NOT_ARTICLE("not an article", false),
    BAD_SIDECAR("bad sidecar", false),
    OTHER("other", false);

    private final String label;
    private final boolean skipped;

    Problem(String label, boolean skipped) {
        this.label = label;
        this.skipped = skipped;
    }

    /** Short lower-case name for summaries. */
    public String label() {
        return label;
    }

    /** True for filesystem entries never opened (missing, unreadable, special, loops); false for rejected content. */
    public boolean skipped() {
        return skipped;
    }
}
