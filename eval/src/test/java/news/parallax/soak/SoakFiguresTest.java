package news.parallax.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak's own arithmetic: heap read from a GC log, online stories compared with a recluster's. */
class SoakFiguresTest {
    @TempDir
    Path dir;

    @Test
    void heapAfterEachCollectionIsReadFromTheGcLogAndBucketed() throws Exception {
        Path log = dir.resolve("x.gc.log");
        Files.writeString(log, """
                [0.012s] Using G1
                [3.456s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 5.123ms
                [12.001s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 30M->9M(256M) 2.0ms
                [14.500s] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 40M->12M(300M) 3.1ms
                [14.600s] GC(3) Concurrent Mark Cycle 1.2ms
                """);
        List<GcLog.Sample> samples = GcLog.read(log);
        assertThat(samples).extracting(GcLog.Sample::afterMb).containsExactly(3, 9, 12);
        assertThat(samples.get(2).committedMb()).isEqualTo(300);
        // Windows of 10 s: the highest after-GC value in each, carried forward; -1 before the first collection.
        assertThat(GcLog.afterGcByBucket(samples, 10, 4)).containsExactly(3, 12, 12, 12);
        assertThat(GcLog.afterGcByBucket(GcLog.read(dir.resolve("missing.log")), 10, 2)).containsExactly(-1, -1);
    }

    @Test
    void eachMinuteShowsItsLowestHeapAfterCollectionNotTheLastOne() throws Exception {
        // Minute 0: young collections leave 80, then a mixed one 50, then 95 (old garbage piling up again); minute 1
        // none; minute 2: 60 then 120. The last of minute 0 (95) would hide that 50 stayed.
        Path log = dir.resolve("y.gc.log");
        Files.writeString(log, """
                [10.000s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 120M->80M(256M) 2.0ms
                [30.000s] GC(1) Pause Young (Mixed) (G1 Evacuation Pause) 130M->50M(256M) 2.0ms
                [59.900s] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 140M->95M(256M) 2.0ms
                [125.000s] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 150M->60M(256M) 2.0ms
                [150.000s] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 180M->120M(256M) 2.0ms
                [200.000s] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 180M->10M(256M) 2.0ms
                """);
        List<GcLog.Sample> samples = GcLog.read(log);
        assertThat(GcLog.lowestAfterGcByWindow(samples, 60, 3)).containsExactly(50, -1, 60);
        SoakReport.RoleFigures r = new SoakReport.RoleFigures("clusterer-1", "clusterer", false, 180, 1, samples.size(), 120, 10, 256,
                GcLog.afterGcByBucket(samples, 10, 18), GcLog.lowestAfterGcByWindow(samples, 60, 3));
        SoakReport report = new SoakReport(new SoakReport.Run(1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0),
                new SoakReport.Accounting(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), new SoakReport.Fetching(0, 0, 0, 0, 0, 100, -1, 0, 0, -1),
                new SoakReport.Failover(-1, -1, false, -1, -1), SoakRun.stories(Map.of(), Map.of(), 0, 0),
                new WebReaders.Result(0, 0, 0, 0, 0, 0, 0, Map.of(), 0), List.of(r), List.of());
        assertThat(report.markdown()).contains("| clusterer-1 | 180 | 1.0 | 6 | 50, -, 60 | 120 | 256 |");
    }

    @Test
    void storiesAreComparedByThePairsOfArticlesTheyPutTogether() {
        // Online: {a,b,c} {d}; recluster: {a,b} {c,d}. Pairs online: ab ac bc = 3; recluster: ab cd = 2; shared: ab = 1.
        Map<String, String> online = Map.of("a", "s1", "b", "s1", "c", "s1", "d", "s2");
        Map<String, String> full = Map.of("a", "t1", "b", "t1", "c", "t2", "d", "t2");
        SoakReport.Stories s = SoakRun.stories(online, full, 1.5, 0.5);
        assertThat(s.onlineStories()).isEqualTo(2);
        assertThat(s.reclusterStories()).isEqualTo(2);
        assertThat(s.pairPrecision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(s.pairRecall()).isCloseTo(1 / 2.0, within(1e-9));
        assertThat(s.identicalStories()).isZero();
        assertThat(SoakRun.stories(online, online, 0, 0).identicalStories()).isEqualTo(2);
        assertThat(SoakRun.stories(online, online, 0, 0).articlesInIdenticalStories()).isEqualTo(4);
    }
}
