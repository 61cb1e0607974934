package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** feeds add/list/remove/import/export against a real store in a temporary data folder. */
class FeedsCommandTest {
    @TempDir
    Path data;

    private record Run(int code, String out, String err) {}

    private Run feeds(String... args) {
        return feedsIn(data, args);
    }

    private static Run feedsIn(Path dir, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] full = new String[args.length + 2];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = "--data";
            full[args.length + 1] = dir.toString();
            int code = new CommandLine(new FeedsCommand()).execute(full);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void addListRemove() {
        Run add = feeds("add", "https://WWW.Example.org/feed.xml?utm_source=x", "--outlet", "example.org");
        assertThat(add.code()).isZero();
        assertThat(add.out()).contains("added https://www.example.org/feed.xml");
        assertThat(feeds("add", "https://www.example.org/feed.xml").out()).contains("already present");
        Run bad = feeds("add", "ftp://nope");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("ftp://nope");

        Run list = feeds("list");
        assertThat(list.out()).contains("https://www.example.org/feed.xml").contains("outlet example.org")
                .contains("1 sources (0 failing)");

        assertThat(feeds("remove", "https://www.example.org/feed.xml").code()).isZero();
        Run missing = feeds("remove", "https://www.example.org/feed.xml");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such source");
    }

    @Test
    void importDefaultsAndOpmlRoundTrip() throws Exception {
        Run imported = feeds("import", "--defaults");
        assertThat(imported.out()).containsPattern("imported (\\d{2,}) sources");
        Path opml = data.resolve("out.opml");
        assertThat(feeds("export", opml.toString()).out()).contains("exported");
        String xml = Files.readString(opml);
        assertThat(xml).contains("feeds.bbci.co.uk").contains("htmlUrl=\"https://bbc.com/\"");

        Run again = feedsIn(data.resolve("fresh"), "import", opml.toString());
        assertThat(again.out()).containsPattern("imported (\\d{2,}) sources \\(0 already present, 0 invalid\\)");

        Run broken = feeds("import", data.resolve("missing.opml").toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("missing.opml");
    }
}
