package news.parallax.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command shares. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "parallax-data")
    Path dir;

    public Path dir() {
        return dir;
    }
}
