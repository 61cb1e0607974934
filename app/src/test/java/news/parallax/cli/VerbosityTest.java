package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class VerbosityTest {
    private final Logger project = (Logger) LoggerFactory.getLogger("news.parallax");
    private final Logger library = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");

    @AfterEach
    void backToDefault() {
        project.setLevel(Level.INFO);
    }

    @Test
    void everyCommandTakesQuietAndVerbose() {
        CommandLine cli = Main.commandLine();
        assertThat(cli.getSubcommands()).containsKeys("ingest", "run", "serve", "claims", "briefing", "search", "topics");
        for (var e : cli.getSubcommands().entrySet()) {
            assertThat(e.getValue().getCommandSpec().findOption("--quiet")).as(e.getKey()).isNotNull();
            assertThat(e.getValue().getCommandSpec().findOption("--verbose")).as(e.getKey()).isNotNull();
        }
    }

    @Test
    void quietLeavesWarningsVerboseAddsDebugDefaultIsInfo(@TempDir Path dir) {
        Main.run("stories", "--data", dir.toString(), "--quiet");
        assertThat(project.getEffectiveLevel()).isEqualTo(Level.WARN);
        Main.run("--verbose", "stories", "--data", dir.toString());
        assertThat(project.getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(library.getEffectiveLevel()).isEqualTo(Level.WARN);
        Main.run("stories", "--data", dir.toString());
        assertThat(project.getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void quietAndVerboseTogetherIsAnErrorNamingBoth(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("stories", "--data", dir.toString(), "--quiet", "--verbose");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--quiet and --verbose exclude each other");
    }
}
