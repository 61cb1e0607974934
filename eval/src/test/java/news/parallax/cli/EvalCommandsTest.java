package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The product's command line finds the evaluation commands through {@link ExtraCommands} when this module is on the class path. */
class EvalCommandsTest {
    private static final List<String> NAMES = List.of("eval-feeds", "eval-extract", "eval-cluster", "claims-eval", "bench-cluster",
            "bench-embed", "bench-fetch", "bench-analysis", "eval-pages", "eval-threads", "bench-web", "bench-reports", "bench-search",
            "bench-login", "eval-cluster-window");

    @Test
    void everyEvalCommandJoinsTheCliWithQuietAndVerbose() {
        CommandLine cli = Main.commandLine();
        assertThat(cli.getSubcommands()).containsKeys(NAMES.toArray(String[]::new)).containsKeys("ingest", "serve");
        for (String name : NAMES) {
            CommandLine sub = cli.getSubcommands().get(name);
            assertThat(sub.getCommandSpec().findOption("--quiet")).as(name).isNotNull();
            assertThat(sub.getCommandSpec().findOption("--verbose")).as(name).isNotNull();
        }
    }

    @Test
    void helpListsTheEvalCommands() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("eval-cluster").contains("bench-web").contains("claims-eval").contains("serve");
    }

    @Test
    void anEvalCommandRunsThroughMain() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("eval-feeds", "--help")).isZero();
        assertThat(out.toString()).contains("Usage:").contains("eval-feeds");
    }
}
