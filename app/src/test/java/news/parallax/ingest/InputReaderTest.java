package news.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import news.parallax.model.Article;
import news.parallax.pipeline.Pipelines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
    @TempDir
    Path dir;

    private final InputReader reader = new InputReader(Pipelines.standardHtmlExtractor());

    private List<InputItem> read(Path file) {
        List<InputItem> out = new ArrayList<>();
        reader.read(file, out::add);
        return out;
    }

    private static String body() {
        return "The regional council voted on Thursday to expand the tram network by twelve kilometres, "
                + "with construction due to start next spring and finish within four years.";
    }

    @Test
    void jsonlRecordKeepsItsIdAndExtraFields() throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "{\"id\":\"abc123\",\"source\":\"Daily Example\",\"bias\":\"left\",\"url\":\"https://www.example.com/a\","
                + "\"title\":\"Tram line expands\",\"date\":\"2019-05-02\",\"authors\":\"Ann Lee, Bo Chan\",\"topic\":\"transport\","
                + "\"text\":\"" + body() + "\\nSecond paragraph here.\"}\n");
        List<InputItem> items = read(f);
        assertThat(items).hasSize(1);
        Article a = ((InputItem.Read) items.get(0)).article();
        assertThat(a.id()).isEqualTo("abc123");
        assertThat(a.outlet()).isEqualTo("Daily Example");
        assertThat(a.domain()).isEqualTo("example.com");
        assertThat(a.published()).hasToString("2019-05-02T00:00:00Z");
        assertThat(a.authors()).containsExactly("Ann Lee", "Bo Chan");
        assertThat(a.extra()).containsEntry("bias", "left").containsEntry("topic", "transport");
        assertThat(a.paragraphs()).hasSize(2);
        assertThat(a.location()).endsWith("a.jsonl:1");
    }

    @Test
    void aRecordDatedInTheFutureIsUndatedWithItsStatedDateKept() throws IOException {
        // The corpus dates a Vice article "2050-09-30" (its title is about 2050): it topped every "latest" list.
        Path f = dir.resolve("future.jsonl");
        Files.writeString(f, "{\"id\":\"f1\",\"source\":\"Vice\",\"title\":\"Migrants by 2050\",\"date\":\"2050-09-30\","
                + "\"text\":\"" + body() + "\"}\n{\"id\":\"f2\",\"source\":\"Vice\",\"title\":\"Tram\",\"date\":\"2019-05-02\","
                + "\"text\":\"" + body() + "\"}\n");
        List<InputItem> items = read(f);
        Article future = ((InputItem.Read) items.get(0)).article();
        assertThat(future.published()).isNull();
        assertThat(future.extra()).containsEntry(InputReader.STATED_DATE, "2050-09-30T00:00:00Z");
        assertThat(((InputItem.Read) items.get(1)).article().published()).hasToString("2019-05-02T00:00:00Z");
    }

    @Test
    void jsonlLineThatIsNotJsonIsRejectedWithItsLineAndTheRestIsRead() throws IOException {
        Path f = dir.resolve("b.jsonl");
        Files.writeString(f, "{\"id\":\"x1\",\"title\":\"T\",\"text\":\"" + body() + "\"}\nthis is not json\n{\"id\":\"x2\",\"title\":\"U\",\"text\":\""
                + body() + " More.\"}\n");
        List<InputItem> items = read(f);
        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isInstanceOfSatisfying(InputItem.Rejected.class, r -> {
            assertThat(r.location()).endsWith("b.jsonl:2");
            assertThat(r.reason()).startsWith("not JSON");
        });
        assertThat(items.get(2)).isInstanceOf(InputItem.Read.class);
    }

    @Test
    void truncatedGzipKeepsRecordsBeforeTheCutAndNamesTheFile() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            jsonl.append("{\"id\":\"r").append(i).append("\",\"title\":\"T").append(i).append("\",\"text\":\"").append(body())
                    .append(" Record ").append(i).append(".\"}\n");
        }
        Path full = dir.resolve("full.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            out.write(jsonl.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        List<InputItem> items = read(cut);
        assertThat(items.getLast()).isInstanceOfSatisfying(InputItem.Rejected.class,
                r -> assertThat(r.message()).contains("cut.jsonl.gz").contains("truncated gzip"));
        assertThat(items.stream().filter(InputItem.Read.class::isInstance).count()).isBetween(1L, 199L);
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("empty.txt"), "");
        assertThat(read(f)).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("empty file"));
    }

    @Test
    void binaryFileIsRejected() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Path f = Files.write(dir.resolve("junk.html"), junk);
        assertThat(read(f)).singleElement().isInstanceOf(InputItem.Rejected.class);
        Path t = Files.write(dir.resolve("junk.txt"), junk);
        assertThat(read(t)).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class,
                r -> assertThat(r.reason()).contains("binary"));
    }

    @Test
    void invalidUtf8TextIsRejected() throws IOException {
        byte[] text = (body() + " caf").getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(text, text.length + 2);
        bad[text.length] = (byte) 0xC3;
        bad[text.length + 1] = (byte) 0x28;
        Path f = Files.write(dir.resolve("bad.txt"), bad);
        assertThat(read(f)).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class,
                r -> assertThat(r.reason()).startsWith("invalid UTF-8"));
    }

    @Test
    void fileOverTheSizeLimitIsRejectedWithoutReadingIt() throws IOException {
        Path f = dir.resolve("huge.txt");
        try (var out = Files.newOutputStream(f)) {
            byte[] line = (body() + "\n").getBytes(StandardCharsets.UTF_8);
            long written = 0;
            while (written <= 50L * 1024 * 1024) {
                out.write(line);
                written += line.length;
            }
        }
        assertThat(read(f)).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class,
                r -> assertThat(r.reason()).contains("too large"));
    }

    @Test
    void sidecarOverridesInferredFields() throws IOException {
        Path f = Files.writeString(dir.resolve("story.txt"), "Tram line expands east\n" + body() + "\n");
        Files.writeString(dir.resolve("story.meta.json"),
                "{\"source\":\"Valley Wire\",\"url\":\"https://valley.example/tram\",\"date\":\"2020-01-02T10:00:00+02:00\",\"bias\":\"center\"}");
        Article a = ((InputItem.Read) read(f).get(0)).article();
        assertThat(a.outlet()).isEqualTo("Valley Wire");
        assertThat(a.url()).isEqualTo("https://valley.example/tram");
        assertThat(a.published()).hasToString("2020-01-02T08:00:00Z");
        assertThat(a.extra()).containsEntry("bias", "center");
        assertThat(a.title()).isEqualTo("Tram line expands east");
    }
}
