package news.parallax.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import news.parallax.ingest.InputItem;
import news.parallax.ingest.Problem;

/**
 * What one {@code ingest} run did.
 *
 * @param read       articles read from the inputs
 * @param stored     new articles stored
 * @param duplicates articles already stored (same id, URL or text), or repeated within the run
 * @param problems   every input not read, in order: skipped filesystem entries and rejected files,
 *                   lines or records, each naming the file (and line) and the reason
 * @param stories    stories in the store after clustering
 * @param otherFiles files in the named folders that are no input format (images, notes), not read
 */
public record IngestSummary(int read, int stored, int duplicates, List<InputItem.Rejected> problems, int stories, int otherFiles) {
    public IngestSummary {
        problems = List.copyOf(problems);
    }

    /** One-line errors for every problem, skipped and rejected alike. */
    public List<String> rejected() {
        return problems.stream().map(InputItem.Rejected::message).toList();
    }

    /** Filesystem entries never opened: missing, unreadable, FIFOs, devices, sockets, symlink loops. */
    public List<InputItem.Rejected> skipped() {
        return problems.stream().filter(p -> p.problem().skipped()).toList();
    }

    /** Files, lines and records read and refused (limits, malformed data, no article). */
    public List<InputItem.Rejected> refused() {
        return problems.stream().filter(p -> !p.problem().skipped()).toList();
    }

    /** How many problems of each kind, in the order of {@link Problem}. */
    public Map<Problem, Integer> counts() {
        Map<Problem, Integer> out = new EnumMap<>(Problem.class);
        for (InputItem.Rejected p : problems) out.merge(p.problem(), 1, Integer::sum);
        return out;
    }
}
