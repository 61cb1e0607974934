package news.parallax.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL scripts {@code db/migration/V<n>__<name>.sql} from the class path, in
 * version order, each once (every one not yet recorded), each in its own transaction, recording them in {@code schema_version}.
 * One set of scripts serves both databases: each statement passes through {@link Dialect#ddl}.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCATION = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.sql");

    record Script(int version, String name, String sql) {}

    private Migrations() {}

    /** An arbitrary constant naming the migration lock among PostgreSQL advisory locks. */
    private static final long PG_LOCK = 0x5041524c4158L; // "PARLAX"

    static int apply(Connection c, Dialect dialect) throws SQLException {
        // Two processes opening a fresh shared database at once would both create the tables: on
        // PostgreSQL the first takes a session lock and the second waits, then finds the versions applied.
        // (SQLite serialises writers on the file itself.)
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + PG_LOCK + ")");
            }
        }
        try {
            return applyLocked(c, dialect);
        } finally {
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(" + PG_LOCK + ")");
                }
            }
        }
    }

    private static int applyLocked(Connection c, Dialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(dialect.ddl(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
        }
        // Every script not recorded is applied, not only those above the highest recorded: a store can miss one in the
        // middle (one undone by hand, as SearchIndexTest does to V7, or migrations numbered in parallel and merged later).
        java.util.Set<Integer> applied = new java.util.HashSet<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) applied.add(rs.getInt(1));
        }
        int count = 0;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Script script : scripts()) {
                if (applied.contains(script.version())) continue;
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(script.sql(), dialect)) s.execute(dialect.ddl(stmt));
                    s.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (" + script.version() + ", '"
                            + script.name() + "', '" + java.time.Instant.now() + "')");
                    c.commit();
                    count++;
                    LOG.debug("migration V{}__{} applied", script.version(), script.name());
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("migration V" + script.version() + "__" + script.name() + " failed: " + e.getMessage(), e);
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
        if (count > 0) LOG.info("store schema migrated: {} migrations applied", count);
        return count;
    }

    static List<Script> scripts() {
        URL url = Migrations.class.getClassLoader().getResource(LOCATION);
        if (url == null) throw new IllegalStateException("no migrations on the class path at " + LOCATION);
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(fs.getPath(LOCATION));
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migrations at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Script> read(Path dir) throws IOException {
        List<Script> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                try (InputStream in = Files.newInputStream(p)) {
                    out.add(new Script(Integer.parseInt(m.group(1)), m.group(2), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        out.sort(Comparator.comparingInt(Script::version));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).version() == out.get(i - 1).version()) {
                throw new IllegalStateException("two migrations share version " + out.get(i).version());
            }
        }
        return out;
    }

    /** Splits a script on semicolons at line ends; comments are dropped. Scripts hold no procedural code. */
    static List<String> statements(String sql) {
        return statements(sql, null);
    }

    /** A line {@code -- dialect: sqlite|postgresql|all} starts a section of statements for that database only. */
    private static final Pattern SECTION = Pattern.compile("--\\s*dialect:\\s*(\\w+)\\s*");
    /** A trigger's body holds statements of its own: it ends at a line {@code END;}, not at its first semicolon. */
    private static final Pattern BLOCK_START = Pattern.compile("(?is)\\s*CREATE\\s+TRIGGER\\b.*");

    /**
     * The statements of a script for one database (null: all of them). Where SQL cannot be shared (full-text
     * indexes: FTS5 tables and triggers on SQLite, tsvector columns on PostgreSQL), a script holds one section
     * per dialect; statements outside any section run on both.
     */
    static List<String> statements(String sql, @org.jspecify.annotations.Nullable Dialect dialect) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String section = "all";
        for (String line : sql.split("\n")) {
            Matcher sectionLine = SECTION.matcher(line.strip());
            if (sectionLine.matches()) {
                section = sectionLine.group(1).toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            boolean included = dialect == null || section.equals("all") || section.equals(dialect.name().toLowerCase(java.util.Locale.ROOT));
            int comment = line.indexOf("--");
            String l = comment >= 0 ? line.substring(0, comment) : line;
            if (!included) continue;
            current.append(l).append('\n');
            boolean block = BLOCK_START.matcher(current).matches();
            boolean ends = block ? l.strip().equalsIgnoreCase("END;") : l.strip().endsWith(";");
            if (ends) {
                String stmt = current.toString().strip();
                out.add(stmt.substring(0, stmt.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }
}
