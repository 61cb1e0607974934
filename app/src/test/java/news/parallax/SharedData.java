package news.parallax;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (seeds and public evaluation data); tests skip with a message where it is absent. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String override = System.getProperty("parallax.shared");
        return override != null ? Path.of(override) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    public static Path seeds() {
        Path p = root().resolve("seeds");
        assumeTrue(Files.isDirectory(p), "skipped: seed articles not found at " + p);
        return p;
    }

    public static Path data(String relative) {
        Path p = root().resolve("data").resolve(relative);
        assumeTrue(Files.exists(p), "skipped: evaluation data not found at " + p);
        return p;
    }
}
