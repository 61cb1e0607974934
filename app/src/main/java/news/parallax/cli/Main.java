package news.parallax.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./parallax}. */
@Command(name = "parallax", mixinStandardHelpOptions = true, version = "parallax 0.1.0",
        description = "Every story from every side: ingest news, cluster it into stories, compare the coverage.",
        subcommands = {IngestCommand.class, ReclusterCommand.class, StoriesCommand.class, StoryCommand.class, ServeCommand.class, DemoCommand.class,
                ExtractCommand.class, FeedsCommand.class, CrawlCommand.class, RunCommand.class,
                OutletsCommand.class, OutletCommand.class, ThreadsCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Every command, with {@code --quiet} and {@code --verbose} on each and the shared error handling. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // claims STORY reads a stored story by id; the command itself also reads folders and JSONL files.
        cli.addSubcommand("claims", new ClaimsCommand((id, dir, db) -> {
            try (var store = DataOption.open(dir, db)) {
                return store.story(id).map(news.parallax.model.StoryMembers::articles).orElse(java.util.List.of());
            }
        }));
        cli.addSubcommand("briefing", new BriefingCommand());
        cli.addSubcommand(new SearchCommand()); // issue 14: search
        cli.addSubcommand(new EditorCommand()); // issue 14: editor accounts
        cli.addSubcommand(new TopicsCommand()).addSubcommand(new TopicCommand()); // issue 14: topics
        // eval-* and bench-* (the eval module), when its jar is on the class path.
        for (ExtraCommands extra : ServiceLoader.load(ExtraCommands.class)) {
            for (Object command : extra.commands()) cli.addSubcommand(command);
        }
        Verbosity verbosity = Verbosity.install(cli); // after the last subcommand: every command gets the options
        cli.setExecutionStrategy(parsed -> {
            try {
                verbosity.apply();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("PARALLAX_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 2;
        });
        return cli;
    }
}
