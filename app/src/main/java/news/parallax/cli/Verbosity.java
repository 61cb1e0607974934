package news.parallax.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --quiet} and {@code --verbose} on every command: the level of the project's loggers ({@code news.parallax};
 * libraries stay at WARN, see {@code logback.xml}). Default INFO; quiet: warnings and errors only; verbose: DEBUG.
 * Console progress bars and a command's own output are not logging and do not change.
 */
final class Verbosity {
    static final String QUIET = "--quiet";
    static final String VERBOSE = "--verbose";
    private static final String PROJECT_LOGGER = "news.parallax";

    private boolean quiet;
    private boolean verbose;

    /**
     * Adds both options to {@code root} and every subcommand that does not define them itself (eval-claims keeps its
     * own {@code --verbose}, which lists misses; {@code parallax --verbose eval-claims} raises the log level there).
     */
    static Verbosity install(CommandLine root) {
        Verbosity v = new Verbosity();
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        for (CommandLine c : all) {
            CommandSpec spec = c.getCommandSpec();
            if (spec.findOption(QUIET) == null) {
                spec.addOption(flag(QUIET, "Log warnings and errors only (progress bars and results still show).",
                        on -> v.quiet |= on));
            }
            if (spec.findOption(VERBOSE) == null) {
                spec.addOption(flag(VERBOSE, "Log debugging detail of Parallax's own classes.", on -> v.verbose |= on));
            }
        }
        v.apply();
        return v;
    }

    /** Sets the levels for the options given (INFO when neither); fails naming both when both are given. */
    void apply() {
        if (quiet && verbose) throw new IllegalArgumentException(QUIET + " and " + VERBOSE + " exclude each other");
        Logger project = (Logger) LoggerFactory.getLogger(PROJECT_LOGGER);
        project.setLevel(quiet ? Level.WARN : verbose ? Level.DEBUG : Level.INFO);
    }

    private interface Flag {
        void set(boolean on);
    }

    private static OptionSpec flag(String name, String description, Flag target) {
        return OptionSpec.builder(name).arity("0").type(boolean.class).description(description)
                .setter(new ISetter() {
                    @Override
                    public <T> @Nullable T set(T value) {
                        // picocli also sets the default (false) before parsing: only a given flag counts.
                        if (Boolean.TRUE.equals(value)) target.set(true);
                        return null;
                    }
                }).build();
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) if (!into.contains(sub)) collect(sub, into);
    }
}
