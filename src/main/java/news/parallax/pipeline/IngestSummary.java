package news.parallax.pipeline;

import java.util.List;

/**
 * What one {@code ingest} run did.
 *
 * @param read       articles read from the inputs
 * @param stored     new articles stored
 * @param duplicates articles already stored (same id, URL or text), or repeated within the run
 * @param rejected   one-line errors, each naming the file (and line)
 * @param stories    stories in the store after clustering
 */
public record IngestSummary(int read, int stored, int duplicates, List<String> rejected, int stories) {
    public IngestSummary {
        rejected = List.copyOf(rejected);
    }
}
