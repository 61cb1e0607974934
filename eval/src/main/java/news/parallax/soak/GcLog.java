package news.parallax.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of a JVM over time, read from its {@code -Xlog:gc:file=...:uptime} log: after each collection, what
 * stayed (the live set plus what the collector kept) and the heap committed. The value after a collection is the
 * one that shows growth; the heap between collections is mostly garbage waiting.
 */
final class GcLog {
    /** {@code [12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(64M) 3.210ms}. */
    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** One collection: seconds since the JVM started, MB before and after, MB committed. */
    record Sample(double uptimeSeconds, int beforeMb, int afterMb, int committedMb) {}

    static List<Sample> read(Path file) {
        List<Sample> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) out.add(new Sample(Double.parseDouble(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
        } catch (IOException e) {
            // A log still being written may end mid-line: what was read stands.
        }
        return out;
    }

    /**
     * The heap after collection in each window of {@code bucketSeconds}: the highest value after a collection
     * that ended in it, or the last known one when none did; -1 before the first collection.
     */
    static List<Integer> afterGcByBucket(List<Sample> samples, double bucketSeconds, int buckets) {
        List<Integer> out = new ArrayList<>();
        int last = -1;
        int i = 0;
        for (int b = 0; b < buckets; b++) {
            double end = (b + 1) * bucketSeconds;
            int max = -1;
            while (i < samples.size() && samples.get(i).uptimeSeconds() < end) max = Math.max(max, samples.get(i++).afterMb());
            if (max >= 0) last = max;
            out.add(last);
        }
        return out;
    }

    /**
     * The lowest heap after a collection that ended in each window of {@code windowSeconds}; -1 where none did. What
     * shows growth: a young collection leaves the old generation's garbage in place, so the highest (or the last)
     * value of a window swings with where G1 is in its cycle, while the lowest follows the live set.
     */
    static List<Integer> lowestAfterGcByWindow(List<Sample> samples, double windowSeconds, int windows) {
        List<Integer> out = new ArrayList<>(java.util.Collections.nCopies(windows, -1));
        for (Sample s : samples) {
            int w = (int) (s.uptimeSeconds() / windowSeconds);
            if (w < windows && (out.get(w) < 0 || s.afterMb() < out.get(w))) out.set(w, s.afterMb());
        }
        return out;
    }
}
