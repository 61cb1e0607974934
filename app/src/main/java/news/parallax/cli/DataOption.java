package news.parallax.cli;

import java.nio.file.Path;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every store-opening command shares: {@code --data DIR} and {@code --db JDBC_URL}.
 * Without {@code --db} (or {@code PARALLAX_DB}) the store is the SQLite file in the data folder; with it,
 * the store is that database and the data folder still holds local files (outlets.json, samples).
 */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "parallax-data")
    Path dir;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:PARALLAX_DB}",
            description = "Database instead of the SQLite file in the data folder, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/parallax?user=parallax&password=... (default: $PARALLAX_DB).")
    @Nullable String db;

    public Path dir() {
        return dir;
    }

    /** The JDBC URL given, or null for the data folder's SQLite file. */
    public @Nullable String db() {
        return db == null || db.isBlank() ? null : db;
    }

    /** Opens the chosen store. */
    public Store openStore() {
        return open(dir, db());
    }

    /** Opens the store in database {@code db} (a JDBC URL) when given, else the SQLite file in {@code dir}. */
    static Store open(Path dir, @Nullable String db) {
        return db == null ? Store.open(dir) : Store.open(db);
    }
}
