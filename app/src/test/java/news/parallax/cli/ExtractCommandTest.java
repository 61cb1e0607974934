package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {
    static final String P = "The city council voted on Tuesday to expand the tram network by twelve kilometres, connecting "
            + "the northern suburbs to the central station for the first time in the history of the city.";
    static final String PAGE = "<html><head><meta charset=\"utf-8\"><title>Tram | Example</title>"
            + "<meta property=\"og:site_name\" content=\"Example News\"></head><body><article><h1>Tram</h1><p>" + P + "</p><p>"
            + P.replace("Tuesday", "Wednesday") + "</p><p>" + P.replace("council", "court") + "</p></article></body></html>";

    @TempDir
    Path dir;

    private record Run(int exit, List<JsonNode> lines) {}

    private Run run(String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new ExtractCommand()).execute(args);
        } finally {
            System.setOut(saved);
        }
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) if (!line.isBlank()) lines.add(json.readTree(line));
        return new Run(exit, lines);
    }

    @Test
    void folderWithPlainAndGzippedPagesGivesOneJsonLineEach() throws Exception {
        Files.writeString(dir.resolve("a.html"), PAGE);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sub.resolve("b.html.gz")))) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("notes.txt"), "not a page, skipped");
        Run r = run(dir.toString(), "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(2);
        for (JsonNode n : r.lines()) {
            assertThat(n.get("isArticle").asBoolean()).isTrue();
            assertThat(n.get("title").asText()).isEqualTo("Tram");
            assertThat(n.get("outlet").asText()).isEqualTo("Example News");
            assertThat(n.get("language").asText()).isEqualTo("en");
            assertThat(n.get("text").asText()).contains("\n\n").contains("Wednesday");
            assertThat(n.has("authors") && n.has("published") && n.has("canonicalUrl")).isTrue();
        }
    }

    @Test
    void unreadableInputGivesAnErrorLineNamingIt() throws Exception {
        Files.write(dir.resolve("image.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Run r = run(dir.resolve("image.html").toString(), dir.resolve("missing.html").toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0).get("error").asText()).contains("image.html").contains("PNG");
        assertThat(r.lines().get(1).get("error").asText()).contains("no such file");
    }

    @Test
    void urlIsFetchedOverHttpWithItsCharsetHeader() throws Exception {
        String russian = "<html><head><title>Трамвай</title></head><body><article><h1>Трамвай</h1>"
                + "<p>Городской совет во вторник проголосовал за расширение трамвайной сети на двенадцать километров.</p>"
                + "<p>Сторонники говорят, что новая линия сократит время в пути вдвое, а противники предупреждают о расходах.</p>"
                + "<p>Строительство начнётся весной следующего года и продлится около четырёх лет, сообщили в департаменте.</p>"
                + "</article></body></html>";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/news/tram", ex -> {
            byte[] body = russian.getBytes(Charset.forName("KOI8-R"));
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=KOI8-R");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/tram";
            Run r = run(url, "--json");
            assertThat(r.exit()).isZero();
            JsonNode n = r.lines().getFirst();
            assertThat(n.get("location").asText()).isEqualTo(url);
            assertThat(n.get("text").asText()).contains("Городской совет");
            assertThat(n.get("language").asText()).isEqualTo("ru");
            assertThat(n.get("canonicalUrl").asText()).isEqualTo(url);
        } finally {
            server.stop(0);
        }
    }
}
