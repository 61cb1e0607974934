package news.parallax.fetch.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One feed of feedparser's test suite with what its header comment says: the HTTP headers it assumes
 * and the {@code Expect:} line.
 *
 * @param file            path relative to the suite folder, with forward slashes
 * @param folder          its top-level folder (wellformed, illformed, encoding, entities, json)
 * @param url             the URL feedparser's test server serves it at
 * @param contentType     the {@code Content-type} header the case assumes; null when none
 * @param contentLocation the {@code Content-Location} header the case assumes; null when none
 * @param expect          the raw expression; empty when the case states none
 */
public record ConformanceCase(String file, String folder, byte[] body, String url, @Nullable String contentType,
        @Nullable String contentLocation, String expect) {
    /** feedparser's tests serve the suite from this address, the folder {@code tests/} at its root. */
    public static final String TEST_SERVER = "http://127.0.0.1:8097/tests/";
    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*Header:\\s*([A-Za-z-]+)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern EXPECT = Pattern.compile("(?m)Expect:\\s*(.*?)\\s*(?:-->|$)");

    /** Every {@code .xml} and {@code .json} case under {@code dir}, sorted by path. */
    public static List<ConformanceCase> load(Path dir) {
        List<ConformanceCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".xml") && !name.endsWith(".json")) continue;
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.indexOf('/') < 0) continue;
                cases.add(of(rel, Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the conformance cases under " + dir + ": " + e.getMessage(), e);
        }
        return cases;
    }

    static ConformanceCase of(String rel, byte[] body) {
        String head = commentText(body);
        String contentType = null;
        String contentLocation = null;
        Matcher h = HEADER.matcher(head);
        while (h.find()) {
            String name = h.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("content-type")) contentType = h.group(2);
            if (name.equals("content-location")) contentLocation = h.group(2);
        }
        Matcher e = EXPECT.matcher(head);
        String expect = e.find() ? e.group(1) : "";
        return new ConformanceCase(rel, rel.substring(0, rel.indexOf('/')), body, TEST_SERVER + rel, contentType,
                contentLocation, expect);
    }

    /**
     * The start of the file as text, enough to read the header comment: the comment is ASCII, so only
     * the width of the code units matters (UTF-16/32 cases, with or without a byte-order mark).
     */
    private static String commentText(byte[] b) {
        int n = Math.min(b.length, 8192);
        Charset cs = StandardCharsets.ISO_8859_1;
        if (n >= 4) {
            if (b[0] == 0 && b[1] == 0) cs = Charset.forName("UTF-32BE");
            else if (b[2] == 0 && b[3] == 0 && b[1] == 0) cs = Charset.forName("UTF-32LE");
            else if (b[0] == 0 || (b[0] == (byte) 0xfe && b[1] == (byte) 0xff)) cs = StandardCharsets.UTF_16BE;
            else if (b[1] == 0 || (b[0] == (byte) 0xff && b[1] == (byte) 0xfe)) cs = StandardCharsets.UTF_16LE;
        }
        return new String(b, 0, n - n % 4, cs);
    }
}
