package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.internal.Json;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 17 item 5, web part, on a real server over a real store: every error answer is logged with its cause (5xx at
 * ERROR with the stack trace, 4xx at INFO naming the cause, its stack at DEBUG) and no exception's message reaches
 * the client, including the errors Jetty answers before any route runs.
 */
class WebErrorLogTest {
    @TempDir
    Path dir;

    private Store store;
    private WebServer web;
    private String storyId;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Logger log = (Logger) LoggerFactory.getLogger(WebServer.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void start() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id":"e1","source":"Left Daily","bias":"left","url":"https://left.example/a","title":"Bridge reopens after repairs","date":"2021-03-01","text":"The river bridge reopened on Monday after six weeks of repairs to its deck and rails."}
                {"id":"e2","source":"Right Times","bias":"right","url":"https://right.example/b","title":"River bridge open again","date":"2021-03-01","text":"The river bridge reopened on Monday after six weeks of repairs, the county said."}
                """);
        store = Store.open(dir.resolve("data"));
        Pipeline.standard(store).ingest(List.of(in), ProgressListener.NONE);
        storyId = store.stories(1).get(0).id();
        web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), OutletRegistries.bundled(), "127.0.0.1", 0);
        levelBefore = log.getLevel();
        log.setLevel(Level.DEBUG);
        events.start();
        log.addAppender(events);
    }

    @AfterEach
    void stop() {
        log.detachAppender(events);
        log.setLevel(levelBefore);
        web.close();
        store.close();
    }

    private String base() {
        return "http://127.0.0.1:" + web.port();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The events logged for {@code what} (method, path and status, as the log line starts). */
    private List<ILoggingEvent> logged(String what) {
        return events.list.stream().filter(e -> e.getFormattedMessage().contains(what)).toList();
    }

    @Test
    void aServerFailureIsLoggedAtErrorWithItsStackAndTheClientGetsNoneOfIt() throws Exception {
        store.close(); // every store call now fails
        HttpResponse<String> api = get("/api/stories");
        assertThat(api.statusCode()).isEqualTo(500);
        List<ILoggingEvent> lines = logged("GET /api/stories -> 500");
        assertThat(lines).hasSize(1);
        ILoggingEvent line = lines.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.ERROR);
        assertThat(line.getThrowableProxy()).as("the stack trace is logged").isNotNull();
        String causeMessage = line.getThrowableProxy().getMessage();
        String error = Json.mapper().readTree(api.body()).get("error").asText();
        assertThat(error).isEqualTo("Something went wrong on our side; it has been logged.");
        assertThat(api.body()).doesNotContain("Exception", line.getThrowableProxy().getClassName(), "at news.parallax");
        if (causeMessage != null && !causeMessage.isBlank()) assertThat(api.body()).doesNotContain(causeMessage);
    }

    @Test
    void aMalformedJsonBodyIsA400SayingWhereNotTheParsersMessageWhichIsLogged() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/stories/" + storyId + "/reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"kind\": tru")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        String error = Json.mapper().readTree(r.body()).get("error").asText();
        assertThat(error).startsWith("the body is not valid JSON (line 1, column");
        // Jackson's own words stay in the log.
        assertThat(r.body()).doesNotContain("Unrecognized token", "JsonParseException", "Source:");
        List<ILoggingEvent> lines = logged("POST /api/stories/" + storyId + "/reports -> 400");
        assertThat(lines).extracting(ILoggingEvent::getLevel).contains(Level.INFO, Level.DEBUG);
        ILoggingEvent info = lines.stream().filter(e -> e.getLevel() == Level.INFO).findFirst().orElseThrow();
        assertThat(info.getFormattedMessage()).contains("not valid JSON", "cause: com.fasterxml.jackson");
        assertThat(lines.stream().filter(e -> e.getLevel() == Level.DEBUG).findFirst().orElseThrow().getThrowableProxy()).isNotNull();
    }

    @Test
    void clientErrorsAreLoggedAtInfoWithWhatTheClientWasTold() throws Exception {
        assertThat(get("/story/nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/stories?limit=abc").statusCode()).isEqualTo(400);
        assertThat(logged("GET /story/nope -> 404")).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).contains("No story nope");
        });
        assertThat(logged("GET /api/stories -> 400")).singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO));
    }

    @Test
    void errorsJettyAnswersItselfGetOurPageTheSecurityHeadersAndALogLine() throws Exception {
        Raw badUri = raw("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(badUri.status()).isEqualTo(400);
        assertThat(badUri.head()).contains("content-security-policy: default-src 'self'", "x-content-type-options: nosniff");
        assertThat(badUri.body()).contains("<h1>Bad request</h1>", "The request is malformed").doesNotContain("HTTP ERROR", "Jetty");
        assertThat(events.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).contains("-> 400");
        });

        Raw hugeHeader = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.head()).contains("content-security-policy:");
        assertThat(hugeHeader.body()).contains("<h1>Headers too large</h1>").doesNotContain("HTTP ERROR");
        assertThat(events.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("-> 431"));
    }

    /** A raw exchange: the head (lower-cased) and the body. */
    record Raw(int status, String head, String body) {}

    private Raw raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), web.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (IOException e) {
                // the server may reset the connection after answering a request it refused to read whole
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end).toLowerCase(Locale.ROOT);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, text.substring(end + 4));
        }
    }
}
