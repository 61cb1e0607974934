package news.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.pipeline.IngestSummary;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.Pipelines;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input matrix of issue 19: every kind of bad file, line and field, each named in the
 * summary with its reason and skipped, while valid files of the same run are stored and what was
 * stored before stays as it was. Runs on a real SQLite store; the giant cases run under the test
 * JVM's heap (-Xmx2g), with lines larger than that heap.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final InputReader reader = new InputReader(Pipelines.standardHtmlExtractor());

    // ---- the matrix, all in one run beside valid files ------------------------------------------

    @Test
    void hostileBatchIsNamedAndSkippedAndNothingStoredIsLost() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.writeString(base.resolve("base.jsonl"), record("b1", "Dam opens on the northern river", DAM)
                + record("b2", "Northern river dam opens after six years", DAM + " Officials praised the engineers.")
                + record("b3", "Rail strike ends with pay deal", RAIL));
        Files.writeString(base.resolve("tram.txt"), "Tram line expands east\n\n" + TRAM + "\n");

        Path batch = Files.createDirectories(dir.resolve("batch"));
        Map<String, Problem> expected = writeHostileBatch(batch);
        // Valid files in the same run, before and after the hostile ones in name order.
        Files.writeString(batch.resolve("aa-valid.jsonl"), record("v1", "Museum reopens its east wing", MUSEUM));
        Files.writeString(batch.resolve("zz-valid.txt"), "Harbour ferry timetable changes\n\n" + FERRY + "\n");

        Path data = dir.resolve("data");
        try (Store store = Store.open(data)) {
            Pipeline pipeline = Pipeline.standard(store);
            IngestSummary first = pipeline.ingest(List.of(base), ProgressListener.NONE);
            assertThat(first.problems()).isEmpty();
            assertThat(first.stored()).isEqualTo(4);
            Map<String, Article> before = articles(store);
            List<StoryRef> storiesBefore = store.stories(100);

            IngestSummary s = pipeline.ingest(List.of(batch), ProgressListener.NONE);

            for (var e : expected.entrySet()) {
                assertThat(s.problems()).as("problem reported for " + e.getKey())
                        .anyMatch(p -> p.location().contains(e.getKey()) && p.problem() == e.getValue());
            }
            // Each problem names a file of the batch; none is reported twice.
            assertThat(s.problems()).allMatch(p -> p.location().contains(batch.toString()));
            assertThat(s.rejected()).doesNotHaveDuplicates();
            assertThat(s.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.problems().size());

            // Valid files and the valid lines inside hostile files were stored.
            Map<String, Article> after = articles(store);
            assertThat(after).containsKeys("v1", "after-long-line", "after-bad-utf8", "after-deep", "escaped-nul");
            // A bad sidecar is reported and not applied; its article is read all the same.
            assertThat(after.values()).anyMatch(a -> a.location().endsWith("sidecar-deep.txt") && a.text().equals(PARK));
            assertThat(after.values()).anyMatch(a -> a.location().endsWith("long-sidecar.txt") && a.text().equals(SCHOOL));
            // 10,000 nested elements in a saved page are parsed, not a crash.
            assertThat(after.values()).anyMatch(a -> a.text().contains("open-air concert series"));
            assertThat(after.values()).anyMatch(a -> a.title().equals("Harbour ferry timetable changes"));
            assertThat(after.values()).noneMatch(a -> a.text().indexOf('\0') >= 0 || a.title().indexOf('\0') >= 0);
            assertThat(after.get("escaped-nul").text()).contains("ferrycompany");
            // Nothing hostile got in, and what was stored before is unchanged.
            assertThat(after.keySet()).doesNotContain("long-title", "long-id-holder", "bomb", "deep", "raw-nul");
            assertThat(after.values()).allMatch(a -> a.title().length() <= InputLimits.MAX_TITLE_CHARS
                    && a.text().length() <= InputLimits.MAX_TEXT_CHARS && a.id().length() <= InputLimits.MAX_ID_CHARS);
            before.forEach((id, a) -> assertThat(after.get(id)).as(id).isEqualTo(a));
            List<StoryRef> storiesAfter = store.stories(100);
            for (StoryRef old : storiesBefore) {
                assertThat(storiesAfter).as("story " + old.id() + " still there with the same members")
                        .anyMatch(n -> n.id().equals(old.id()) && n.articleIds().equals(old.articleIds()));
            }
        }
    }

    /** Writes the hostile files; returns file name (with line where one is meant) to the expected problem. */
    private Map<String, Problem> writeHostileBatch(Path batch) throws Exception {
        Map<String, Problem> expected = new LinkedHashMap<>();
        // Overlong lines, in every format.
        Path longLine = batch.resolve("long-line.jsonl");
        try (OutputStream out = Files.newOutputStream(longLine)) {
            out.write("{\"id\":\"long\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            out.write(repeat('a', InputLimits.MAX_LINE_BYTES + 1024));
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(record("after-long-line", "Bridge repairs finish early", BRIDGE).getBytes(StandardCharsets.UTF_8));
        }
        expected.put("long-line.jsonl:1", Problem.LINE_TOO_LONG);
        Files.write(batch.resolve("long-line.jsonl.gz"), gzip(("{\"text\":\"" + "word ".repeat(1_000_000) + "\"}\n").getBytes(StandardCharsets.UTF_8)));
        expected.put("long-line.jsonl.gz:1", Problem.LINE_TOO_LONG);
        Files.writeString(batch.resolve("long-line.txt"), "A title\n\n" + words(120_000) + "\n");
        expected.put("long-line.txt", Problem.FIELD_TOO_LONG);
        Files.writeString(batch.resolve("long-line.html"), "<html><head><title>Long</title></head><body><article><h1>Long</h1><p>"
                + words(120_000) + "</p></article></body></html>");
        expected.put("long-line.html", Problem.FIELD_TOO_LONG);
        Files.writeString(batch.resolve("long-sidecar.txt"), "Sidecar too large\n\n" + SCHOOL + "\n");
        Files.writeString(batch.resolve("long-sidecar.meta.json"), "{\"topic\":\"" + "x".repeat(InputLimits.MAX_SIDECAR_BYTES) + "\"}");
        expected.put("long-sidecar.meta.json", Problem.TOO_LARGE);
        sparse(batch.resolve("huge.html"), InputLimits.MAX_DOCUMENT_BYTES + 1);
        expected.put("huge.html", Problem.TOO_LARGE);

        // Field caps, each with its own line.
        StringBuilder fields = new StringBuilder();
        fields.append(recordWith(Map.of("id", "long-title", "title", "T".repeat(2_000), "text", BODY)));
        fields.append(recordWith(Map.of("id", "i".repeat(100_000), "title", "long id", "text", BODY)));
        fields.append(recordWith(Map.of("id", "long-author", "authors", "A".repeat(1_500), "text", BODY)));
        fields.append(recordWith(Map.of("id", "long-url", "url", "https://x.example/" + "p".repeat(5_000), "text", BODY)));
        fields.append(recordWith(Map.of("id", "long-source", "source", "S".repeat(300), "text", BODY)));
        fields.append(recordWith(Map.of("id", "long-text", "text", "word ".repeat(110_000))));
        fields.append(recordWith(Map.of("id", "long-other", "topic", "t".repeat(20_000), "text", BODY)));
        Files.writeString(batch.resolve("fields.jsonl"), fields);
        for (int line = 1; line <= 7; line++) expected.put("fields.jsonl:" + line, Problem.FIELD_TOO_LONG);

        // Decompression bombs and broken gzip.
        Files.write(batch.resolve("bomb.jsonl.gz"), gzipBomb("{\"id\":\"bomb\",\"text\":\"", 'a', 64));
        expected.put("bomb.jsonl.gz", Problem.DECOMPRESSION_BOMB);
        Files.write(batch.resolve("bomb.txt.gz"), gzipBomb("Bomb\n\n", 'a', 32));
        expected.put("bomb.txt.gz", Problem.DECOMPRESSION_BOMB);
        Files.write(batch.resolve("bomb.html.gz"), gzipBomb("<html><body><p>", 'a', 32));
        expected.put("bomb.html.gz", Problem.DECOMPRESSION_BOMB);
        Files.write(batch.resolve("not-gzip.jsonl.gz"), "this is no gzip at all".getBytes(StandardCharsets.UTF_8));
        expected.put("not-gzip.jsonl.gz", Problem.CORRUPT_GZIP);
        byte[] good = gzip((record("cut-1", "Cut one", BRIDGE) + record("cut-2", "Cut two", MUSEUM)).repeat(20).getBytes(StandardCharsets.UTF_8));
        Files.write(batch.resolve("truncated.jsonl.gz"), Arrays.copyOf(good, good.length / 2));
        expected.put("truncated.jsonl.gz", Problem.CORRUPT_GZIP);
        byte[] flipped = gzip((SCHOOL + "\n").repeat(50).getBytes(StandardCharsets.UTF_8));
        for (int i = 20; i < flipped.length - 10; i += 7) flipped[i] ^= 0x5a;
        Files.write(batch.resolve("corrupt.txt.gz"), flipped);
        expected.put("corrupt.txt.gz", Problem.CORRUPT_GZIP);

        // 10,000 levels of nesting, in a record and in a sidecar.
        Files.writeString(batch.resolve("deep.jsonl"), "{\"id\":\"deep\",\"text\":\"" + BODY + "\",\"x\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}\n" + record("after-deep", "Library hours extended", LIBRARY));
        expected.put("deep.jsonl:1", Problem.TOO_DEEP);
        Files.writeString(batch.resolve("sidecar-deep.txt"), "Sidecar nested deep\n\n" + PARK + "\n");
        Files.writeString(batch.resolve("sidecar-deep.meta.json"), "{\"id\":\"sidecar-deep-article\",\"x\":" + "{\"a\":".repeat(10_000)
                + "1" + "}".repeat(10_000) + "}");
        expected.put("sidecar-deep.meta.json", Problem.TOO_DEEP);
        Files.writeString(batch.resolve("deep.html"), "<html><head><title>Concerts return to the castle</title></head><body>"
                + "<div>".repeat(10_000) + "<p>" + CONCERT + "</p><p>" + CONCERT.replace("July", "August") + "</p><p>" + PARK + "</p>"
                + "</div>".repeat(10_000) + "</body></html>");

        // Invalid UTF-8, NUL bytes, binary junk.
        try (OutputStream out = Files.newOutputStream(batch.resolve("bad-utf8.jsonl"))) {
            out.write("{\"id\":\"bad\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(record("after-bad-utf8", "Water prices stay flat", WATER).getBytes(StandardCharsets.UTF_8));
        }
        expected.put("bad-utf8.jsonl:1", Problem.INVALID_UTF8);
        byte[] badText = ("Title\n\n" + SCHOOL).getBytes(StandardCharsets.UTF_8);
        badText[10] = (byte) 0xFE;
        Files.write(batch.resolve("bad-utf8.txt"), badText);
        expected.put("bad-utf8.txt", Problem.INVALID_UTF8);
        byte[] nulText = ("Title\n\n" + SCHOOL).getBytes(StandardCharsets.UTF_8);
        nulText[12] = 0;
        Files.write(batch.resolve("nul.txt"), nulText);
        expected.put("nul.txt", Problem.BINARY);
        Files.writeString(batch.resolve("nul.jsonl"), "{\"id\":\"raw-nul\",\"text\":\"a\0b " + BODY + "\"}\n"
                + "{\"id\":\"escaped-nul\",\"title\":\"Ferry\\u0000 fares\",\"text\":\"The ferry\\u0000company " + FERRY + "\"}\n");
        expected.put("nul.jsonl:1", Problem.NOT_JSON);
        byte[] junk = new byte[50_000];
        new java.util.Random(19).nextBytes(junk);
        Files.write(batch.resolve("junk.txt"), junk);
        expected.put("junk.txt", Problem.BINARY);
        Files.write(batch.resolve("junk.jsonl"), junk);

        // Filesystem entries that must be named and skipped without blocking.
        Path fifo = batch.resolve("pipe.jsonl");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        expected.put("pipe.jsonl", Problem.SPECIAL_FILE);
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(batch.resolve("socket.txt")));
        }
        expected.put("socket.txt", Problem.SPECIAL_FILE);
        Files.createSymbolicLink(batch.resolve("zero.jsonl"), Path.of("/dev/zero"));
        expected.put("zero.jsonl", Problem.SPECIAL_FILE);
        Files.createSymbolicLink(batch.resolve("loop"), batch);
        expected.put("loop", Problem.SYMLINK_LOOP);
        Files.createSymbolicLink(batch.resolve("self.jsonl"), batch.resolve("self.jsonl"));
        expected.put("self.jsonl", Problem.SYMLINK_LOOP);
        Files.createSymbolicLink(batch.resolve("gone.txt"), batch.resolve("nowhere.txt"));
        expected.put("gone.txt", Problem.BROKEN_SYMLINK);
        return expected;
    }

    // ---- single cases, read alone with the reason asserted ----------------------------------------

    @Test
    void fieldCapsNameTheFieldAndTheCap() throws IOException {
        Path f = dir.resolve("f.jsonl");
        Files.writeString(f, recordWith(Map.of("id", "x", "title", "T".repeat(7 * 1024 * 1024 / 8), "text", BODY))
                + recordWith(Map.of("id", "i".repeat(100_000), "text", BODY)));
        List<InputItem> items = read(f);
        assertThat(items).hasSize(2).allMatch(InputItem.Rejected.class::isInstance);
        assertThat(((InputItem.Rejected) items.get(0)).message())
                .endsWith("f.jsonl:1: title longer than 1,000 characters (917,504)");
        assertThat(((InputItem.Rejected) items.get(1)).message())
                .endsWith("f.jsonl:2: id longer than 200 characters (100,000)");
    }

    @Test
    void sidecarFieldsAreCappedToo() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "Title\n\n" + SCHOOL + "\n");
        Files.writeString(dir.resolve("a.meta.json"), "{\"title\":\"" + "T".repeat(5_000) + "\"}");
        assertThat(read(f)).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class, r -> {
            assertThat(r.problem()).isEqualTo(Problem.FIELD_TOO_LONG);
            assertThat(r.reason()).isEqualTo("title longer than 1,000 characters (5,000)");
        });
    }

    @Test
    void fifoIsSkippedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("in.jsonl");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        long start = System.nanoTime();
        List<InputItem> items = read(fifo);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
        assertThat(items).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class, r -> {
            assertThat(r.problem()).isEqualTo(Problem.SPECIAL_FILE);
            assertThat(r.reason()).contains("FIFO");
        });
    }

    @Test
    void invalidUtf8CostsOnlyItsLine() throws IOException {
        Path f = dir.resolve("u.jsonl");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(record("u1", "One", SCHOOL).getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}', '\n'});
            out.write(record("u3", "Three", PARK).getBytes(StandardCharsets.UTF_8));
        }
        List<InputItem> items = read(f);
        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isInstanceOfSatisfying(InputItem.Rejected.class, r -> {
            assertThat(r.location()).endsWith("u.jsonl:2");
            assertThat(r.problem()).isEqualTo(Problem.INVALID_UTF8);
        });
        assertThat(items.get(2)).isInstanceOf(InputItem.Read.class);
    }

    @Test
    void unreadableFolderAndFileAreNamedWithTheOsReasonAndTheRestIsStored() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path locked = Files.createDirectories(in.resolve("locked"));
        Files.writeString(locked.resolve("hidden.jsonl"), record("h1", "Hidden", PARK));
        Path lockedFile = Files.writeString(in.resolve("locked.jsonl"), record("h2", "Locked", LIBRARY));
        Files.writeString(in.resolve("open.jsonl"), record("o1", "Museum reopens its east wing", MUSEUM));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("---------"));
        Path data = dir.resolve("data");
        try {
            String out;
            if (isRoot()) {
                // Root reads everything; without the two DAC capabilities it meets permissions like any user.
                assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is needed to drop root's file capabilities");
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process p = new ProcessBuilder("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search", java, "-cp",
                        System.getProperty("java.class.path"), "news.parallax.cli.Main", "ingest", "--data", data.toString(), in.toString())
                        .redirectErrorStream(true).start();
                out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(out).isZero();
            } else {
                try (Store store = Store.open(data)) {
                    IngestSummary s = Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
                    StringBuilder b = new StringBuilder();
                    for (var r : s.problems()) b.append(r.problem().skipped() ? "skipped: " : "rejected: ").append(r.message()).append('\n');
                    out = b.append("stored ").append(s.stored()).toString();
                }
            }
            assertThat(out).contains("skipped: " + locked + ": cannot read folder: permission denied")
                    .contains("skipped: " + lockedFile + ": cannot read: permission denied");
            try (Store store = Store.open(data)) {
                assertThat(store.article("o1")).isPresent();
                assertThat(store.articleCount()).isEqualTo(1);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("rw-------"));
        }
    }

    // ---- bounded memory ---------------------------------------------------------------------------

    /**
     * A 3 GB line (sparse on disk), larger than the test JVM's 2 GB heap, then a valid record. Slow
     * (reading 3 GB takes 20 s here), so outside the default suite: {@code ./test -Dtest=HostileInputTest
     * -Dsurefire.excludedGroups=}.
     */
    @Test
    @Tag("slow")
    void giantLineLargerThanTheHeapIsSkippedAndTheNextLineRead() throws IOException {
        long lineBytes = 3L * 1024 * 1024 * 1024;
        assertThat(lineBytes).isGreaterThan(Runtime.getRuntime().maxMemory());
        Path f = dir.resolve("giant.jsonl");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write("{\"id\":\"giant\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            raf.seek(lineBytes);
            raf.write(("\"}\n" + record("after-giant", "Bridge repairs finish early", BRIDGE)).getBytes(StandardCharsets.UTF_8));
        }
        Measured m = measure(() -> read(f));
        System.out.printf("giant line (3 GB, plain .jsonl): %.1f s, peak heap %d MB%n", m.seconds, m.peakHeapMb);
        assertThat(m.items).hasSize(2);
        assertThat(m.items.get(0)).isInstanceOfSatisfying(InputItem.Rejected.class, r -> {
            assertThat(r.location()).endsWith("giant.jsonl:1");
            assertThat(r.problem()).isEqualTo(Problem.LINE_TOO_LONG);
            assertThat(r.reason()).isEqualTo("line longer than 4 MB (3,221,225,474 bytes); skipped");
        });
        assertThat(m.items.get(1)).isInstanceOfSatisfying(InputItem.Read.class,
                r -> assertThat(r.article().id()).isEqualTo("after-giant"));
    }

    /** Issue 19's case: a 4 MB .jsonl.gz holding one 4 GB line. */
    @Test
    void fourMegabyteGzipOfAFourGigabyteLineIsStoppedAsABomb() throws IOException {
        Path f = dir.resolve("bomb.jsonl.gz");
        Files.write(f, gzipBomb("{\"id\":\"bomb\",\"text\":\"", 'a', 4096));
        assertThat(Files.size(f)).isLessThan(5L * 1024 * 1024);
        Measured m = measure(() -> read(f));
        System.out.printf("gzip bomb (%d KB .jsonl.gz of a 4 GB line): %.2f s, peak heap %d MB%n", Files.size(f) / 1024, m.seconds,
                m.peakHeapMb);
        assertThat(m.items).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class, r -> {
            assertThat(r.location()).endsWith("bomb.jsonl.gz:1");
            assertThat(r.problem()).isEqualTo(Problem.DECOMPRESSION_BOMB);
            assertThat(r.reason()).contains("decompression bomb").endsWith("in line 1; file skipped");
        });
        assertThat(m.seconds).isLessThan(10);
    }

    @Test
    void lineReaderHoldsAtMostItsCapOfAnEndlessLine() throws IOException {
        long length = 3L * 1024 * 1024 * 1024;
        InputStream endless = new InputStream() {
            long left = length;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        LineReader lines = new LineReader(endless, 1024);
        LineReader.Line line = lines.next();
        assertThat(line).isNotNull();
        assertThat(line.tooLong()).isTrue();
        assertThat(line.length()).isEqualTo(length);
        assertThat(line.bytes()).hasSize(1024);
        assertThat(lines.next()).isNull();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record Measured(List<InputItem> items, double seconds, long peakHeapMb) {}

    private static Measured measure(java.util.function.Supplier<List<InputItem>> run) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        List<InputItem> items = run.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured(items, seconds, peak / (1024 * 1024));
    }

    private List<InputItem> read(Path file) {
        List<InputItem> out = new ArrayList<>();
        reader.read(file, out::add);
        return out;
    }

    private static Map<String, Article> articles(Store store) {
        Map<String, Article> out = new LinkedHashMap<>();
        store.forEachArticleByTime(a -> out.put(a.id(), a));
        return out;
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static String record(String id, String title, String text) {
        return recordWith(Map.of("id", id, "title", title, "text", text));
    }

    private static String recordWith(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] repeat(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    /** About {@code n} words of varied sentences (a cleaner drops repeated ones). */
    private static String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < n * 5; i++) {
            b.append("On day ").append(i).append(" the harbour board counted ").append(i * 7 % 113).append(" ships and ")
                    .append(i * 13 % 997).append(" containers at the northern quay. ");
        }
        return b.toString();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /**
     * {@code prefix} then {@code megabytes} MB of {@code fill} without a newline, as one gzip member
     * per MB: gzip readers join members into one stream, so the file stays about 1 KB per MB.
     */
    private static byte[] gzipBomb(String prefix, char fill, int megabytes) throws IOException {
        byte[] member = gzip(repeat(fill, 1024 * 1024));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gzip(prefix.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < megabytes; i++) out.write(member);
        return out.toByteArray();
    }

    private static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    private static final String BODY = "The regional council voted on Thursday to expand the tram network by twelve kilometres, "
            + "with construction due to start next spring and finish within four years.";
    private static final String DAM = "The new dam on the northern river opened on Tuesday after six years of construction and "
            + "debate, and the first turbines began supplying power to nearby towns.";
    private static final String RAIL = "Train drivers ended their strike on Monday after the company agreed to a new pay deal "
            + "worth four percent over two years, union leaders said.";
    private static final String TRAM = "The city's tram line will be extended east by four stops, the transport authority said, "
            + "with work beginning in March and services expected within two years.";
    private static final String MUSEUM = "The natural history museum reopened its east wing on Saturday after a renovation that "
            + "restored the mineral galleries and added a new hall for fossil skeletons.";
    private static final String FERRY = "The harbour ferry will run every twenty minutes from next month, the port operator said, "
            + "adding two evening crossings and a weekend service to the outer islands.";
    private static final String BRIDGE = "Repairs to the old stone bridge over the canal finished three weeks ahead of schedule, "
            + "and the crossing reopened to cyclists and pedestrians on Friday morning.";
    private static final String LIBRARY = "The central library will stay open until ten at night on weekdays from January, the "
            + "council announced, after a survey of students asked for longer opening hours.";
    private static final String WATER = "Household water prices will stay flat next year, the regional utility said, as lower "
            + "energy costs offset the expense of replacing ageing pipes in the old town.";
    private static final String SCHOOL = "A new primary school opened in the western district this week, with places for four "
            + "hundred pupils and a sports hall that local clubs may use in the evenings.";
    private static final String PARK = "The park service planted two thousand trees along the river path this autumn, completing "
            + "the first phase of a plan to shade the walkway by the end of the decade.";
    private static final String CONCERT = "The open-air concert series returns to the castle gardens in July with twelve evenings "
            + "of chamber music, jazz and folk, and tickets go on sale on Monday.";
}
