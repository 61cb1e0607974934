package news.parallax.cli;

import java.util.List;

/** The evaluation module's commands, added to {@code parallax} when this jar is on the class path (see {@link ExtraCommands}). */
public final class EvalCommands implements ExtraCommands {
    @Override
    public List<Object> commands() {
        return List.of(new EvalFeedsCommand(), new EvalExtractCommand(), new EvalClusterCommand(), new ClaimsEvalCommand(),
                new BenchClusterCommand(), new BenchEmbedCommand(), new BenchFetchCommand(), new AnalysisBenchCommand(),
                new EvalPagesCommand(), new EvalThreadsCommand(), new BenchWebCommand(), new BenchReportsCommand(),
                new BenchSearchCommand(), new BenchLoginCommand(),
                new BenchGrowthCommand(), new BenchSoakCommand(), new EvalClusterWindowCommand(), new BenchVocabCommand(),
                new ClaimsTrainCommand());
    }
}
