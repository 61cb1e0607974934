package news.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import news.parallax.extract.ExtractedPage;
import news.parallax.extract.ExtractionException;
import news.parallax.extract.HtmlExtractor;
import news.parallax.extract.HtmlExtractors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code extract PATH|URL... [--json]}: prints what the extractor finds in pages, folders of pages
 * ({@code .html}, {@code .htm}, {@code .html.gz}, recursively) or URLs, storing nothing.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract article text and metadata from saved pages, folders of pages or URLs; stores nothing.")
public final class ExtractCommand implements Callable<Integer> {
    /** Fetched pages larger than this are cut off; the extractor ignores more anyway. */
    static final int MAX_FETCH_BYTES = 16 * 1024 * 1024;
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(20);

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files, folders (recursive, .gz included) or http(s) URLs.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object a line: location, isArticle, title, authors, published, "
            + "canonicalUrl, outlet, language, text, or error.")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HtmlExtractor extractor = HtmlExtractors.standard();
    private @Nullable HttpClient http;

    /** Runs the command on its own, before or without {@code Main}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ExtractCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int failures = 0;
        for (String input : inputs) {
            if (input.startsWith("http://") || input.startsWith("https://")) {
                failures += handle(out, input, () -> fetch(input));
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(path)) {
                    files = s.filter(Files::isRegularFile).filter(ExtractCommand::isPage).sorted().toList();
                } catch (IOException e) {
                    failures += report(out, input, "cannot list folder: " + e.getMessage());
                    continue;
                }
                for (Path f : files) failures += handle(out, f.toString(), () -> read(f));
            } else if (Files.isRegularFile(path)) {
                failures += handle(out, input, () -> read(path));
            } else {
                failures += report(out, input, "no such file, folder or URL");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    static boolean isPage(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz") || n.endsWith(".htm.gz") || n.endsWith(".xhtml");
    }

    /** Page bytes with the charset the server declared, when it did. */
    private record Fetched(byte[] bytes, @Nullable String charset) {}

    private interface Source {
        Fetched get() throws IOException, InterruptedException;
    }

    private int handle(PrintStream out, String location, Source source) {
        Fetched f;
        try {
            f = source.get();
        } catch (IOException e) {
            return report(out, location, "cannot read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(out, location, "interrupted");
        }
        try {
            print(out, extractor.extract(f.bytes(), location, f.charset()));
            return 0;
        } catch (ExtractionException e) {
            return report(out, location, Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    private static Fetched read(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return new Fetched(in.readNBytes(MAX_FETCH_BYTES), null);
            }
        }
        return new Fetched(Files.readAllBytes(file), null);
    }

    private Fetched fetch(String url) throws IOException, InterruptedException {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(FETCH_TIMEOUT).build();
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(FETCH_TIMEOUT)
                .header("User-Agent", "Parallax/0.1 (+self-hosted news aggregator)").GET().build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            if (resp.statusCode() >= 400) throw new IOException("HTTP " + resp.statusCode());
            byte[] body = in.readNBytes(MAX_FETCH_BYTES);
            return new Fetched(body, resp.headers().firstValue("Content-Type").orElse(null));
        }
    }

    private void print(PrintStream out, ExtractedPage p) {
        if (json) {
            ObjectNode o = mapper.createObjectNode();
            o.put("location", p.location());
            o.put("isArticle", p.isArticle());
            if (!p.isArticle()) o.put("notArticleReason", p.notArticleReason());
            o.put("title", p.title());
            var authors = o.putArray("authors");
            p.authors().forEach(authors::add);
            o.put("published", p.published() == null ? null : p.published().toString());
            o.put("canonicalUrl", p.canonicalUrl());
            o.put("outlet", p.outlet());
            o.put("domain", p.domain());
            o.put("language", p.language());
            o.put("text", p.text());
            out.println(o.toString());
            return;
        }
        out.println("== " + p.location());
        out.println(p.isArticle() ? "article" : "not an article: " + p.notArticleReason());
        out.println("title:     " + p.title());
        out.println("authors:   " + String.join("; ", p.authors()));
        out.println("published: " + (p.published() == null ? "-" : p.published()));
        out.println("canonical: " + (p.canonicalUrl() == null ? "-" : p.canonicalUrl()));
        out.println("outlet:    " + (p.outlet() == null ? "-" : p.outlet()) + (p.domain() == null ? "" : " (" + p.domain() + ")"));
        out.println("language:  " + (p.language() == null ? "-" : p.language()));
        if (p.isArticle()) {
            out.println();
            out.println(p.text());
        }
        out.println();
    }

    private int report(PrintStream out, String location, String error) {
        if (json) {
            ObjectNode o = mapper.createObjectNode();
            o.put("location", location);
            o.put("error", error);
            out.println(o.toString());
        } else {
            System.err.println("extract: " + error);
        }
        return 1;
    }
}
