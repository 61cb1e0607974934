package news.parallax.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The input kinds {@code ingest} reads, chosen by file name. */
public enum InputFormat {
    TEXT_DUMP, HTML, JSONL;

    /** Empty for files ingest does not read (sidecars, other extensions). */
    public static Optional<InputFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".meta.json")) return Optional.empty();
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        if (name.endsWith(".txt")) return Optional.of(TEXT_DUMP);
        if (name.endsWith(".html") || name.endsWith(".htm")) return Optional.of(HTML);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return Optional.of(JSONL);
        return Optional.empty();
    }

    public static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
