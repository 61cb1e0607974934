package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import news.parallax.SharedData;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line: the same files ingested into the default SQLite store and,
 * with {@code --db}, into a real PostgreSQL server give the same stories, read back by the CLI.
 */
class DatabaseOptionTest {
    @TempDir
    Path dir;

    private static String run(String... args) {
        return CliRun.ok(args);
    }

    private static String[] with(String[] options, String... args) {
        String[] all = new String[args.length + options.length];
        all[0] = args[0];
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(args, 1, all, 1 + options.length, args.length - 1);
        return all;
    }

    @Test
    void ingestIntoPostgresqlAndReadTheStoriesBack() throws IOException {
        Path seeds = SharedData.seeds();
        Path more = dir.resolve("landscape.jsonl");
        try (InputStream res = getClass().getResourceAsStream("/analysis/landscape-stories.jsonl")) {
            Files.write(more, res.readAllBytes());
        }
        TestDatabase.Fresh pg = TestDatabase.POSTGRESQL.fresh(dir.resolve("pg-data"));
        TestDatabase.Fresh sqlite = TestDatabase.SQLITE.fresh(dir.resolve("sqlite-data"));

        String ingested = run(with(pg.cliOptions(), "ingest", seeds.toString(), more.toString()));
        assertThat(ingested).contains("stored ").contains("jdbc:postgresql://").doesNotContain(pg.url().replaceAll(".*password=", ""));
        run(with(sqlite.cliOptions(), "ingest", seeds.toString(), more.toString()));

        String pgStories = run(with(pg.cliOptions(), "stories", "--json"));
        assertThat(pgStories).isEqualTo(run(with(sqlite.cliOptions(), "stories", "--json")));
        String seedStory = run(with(pg.cliOptions(), "stories")).lines().filter(l -> l.contains("North Korea"))
                .findFirst().orElseThrow();
        assertThat(seedStory).contains("5 sources");
        String storyId = seedStory.substring(0, seedStory.indexOf(' '));
        assertThat(run(with(pg.cliOptions(), "story", storyId, "--json")))
                .isEqualTo(run(with(sqlite.cliOptions(), "story", storyId, "--json")));
        assertThat(run(with(pg.cliOptions(), "claims", storyId, "--json")))
                .isEqualTo(run(with(sqlite.cliOptions(), "claims", storyId, "--json")));
        // With --db the data folder holds no SQLite store.
        assertThat(dir.resolve("pg-data").resolve(Store.FILE_NAME)).doesNotExist();
    }
}
