package news.parallax.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import news.parallax.model.StoryMembers;
import news.parallax.model.JoinReason;
import news.parallax.internal.Hashes;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import org.jspecify.annotations.Nullable;

/**
 * The store: by default one SQLite file, {@code parallax.db}, in the data folder; for a shared
 * deployment a PostgreSQL database ({@link #open(String)}), with the same schema and migrations.
 *
 * <p>Every write is one transaction, so an interrupted ingest leaves whole articles only. Methods
 * are synchronized on the single connection; SQLite's WAL mode lets other processes read meanwhile.
 */
public final class Store implements AutoCloseable {
    public static final String FILE_NAME = "parallax.db";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String location;
    private final Dialect dialect;
    private final Connection connection;

    private Store(String location, Dialect dialect, Connection connection) {
        this.location = location;
        this.dialect = dialect;
        this.connection = connection;
    }

    /** Opens (creating if needed) the SQLite store in {@code dataDir} and brings its schema up to date. */
    public static Store open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + file);
    }

    /**
     * Opens the store at a JDBC URL, {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB?user=..&password=..}
     * (the database must exist; its tables are created and migrated here).
     */
    public static Store open(String jdbcUrl) {
        return open(jdbcUrl, List.of());
    }

    /** As {@link #open(String)}, with further Flyway locations of migrations (tests add broken ones). */
    static Store open(String jdbcUrl, List<String> extraMigrationLocations) {
        Dialect dialect;
        String location;
        try {
            dialect = Dialect.ofUrl(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new StoreException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        }
        location = dialect == Dialect.SQLITE ? jdbcUrl.substring("jdbc:sqlite:".length()) : Dialect.redact(jdbcUrl);
        try {
            SchemaMigrations.migrate(plainDataSource(jdbcUrl, dialect), dialect, location,
                    extraMigrationLocations.toArray(String[]::new));
            Connection c = DriverManager.getConnection(jdbcUrl);
            try {
                if (dialect == Dialect.SQLITE) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA journal_mode=WAL");
                        s.execute("PRAGMA synchronous=NORMAL");
                        s.execute("PRAGMA busy_timeout=10000");
                        s.execute("PRAGMA foreign_keys=ON");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new Store(location, dialect, c);
        } catch (SQLException e) {
            throw new StoreException("cannot open store " + location + ": " + e.getMessage(), e);
        }
    }

    private static javax.sql.DataSource plainDataSource(String jdbcUrl, Dialect dialect) {
        if (dialect == Dialect.SQLITE) {
            org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource(sqliteConfig());
            ds.setUrl(jdbcUrl);
            return ds;
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        return ds;
    }

    private static org.sqlite.SQLiteConfig sqliteConfig() {
        org.sqlite.SQLiteConfig c = new org.sqlite.SQLiteConfig();
        c.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        c.setBusyTimeout(10_000);
        return c;
    }

    /** Where the store lives, for messages: the SQLite file, or the JDBC URL with its password masked. */
    public String location() {
        return location;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The underlying connection, for stage repositories that keep their own tables (feeds). */
    public Connection connection() {
        return connection;
    }

    /** SHA-256 of the normalised body, the key for "same text" duplicates. */
    public static String contentHash(String text) {
        return Hashes.sha256Hex(text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip(), 16);
    }

    /** Why {@code a} is already stored ("same id", "same URL", "same text"), or empty when it is new. */
    public synchronized Optional<String> findDuplicate(Article a) {
        try {
            if (exists("SELECT 1 FROM articles WHERE id = ?", a.id())) return Optional.of("same id");
            if (a.url() != null && exists("SELECT 1 FROM articles WHERE url = ?", a.url())) return Optional.of("same URL");
            if (exists("SELECT 1 FROM articles WHERE content_hash = ?", contentHash(a.text()))) return Optional.of("same text");
            return Optional.empty();
        } catch (SQLException e) {
            throw fail("look up article " + a.id(), e);
        }
    }

    private boolean exists(String sql, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Inserts articles in one transaction and returns how many were stored. An article whose id, URL
     * or text is already stored is skipped in the same statement, not refused: another process may have
     * stored it since this one's {@link #findDuplicate} check, and one such article must not fail the batch.
     */
    public synchronized int insert(List<Article> articles) {
        if (articles.isEmpty()) return 0;
        String sql = "INSERT INTO articles (id, outlet, domain, url, title, published, authors, body, location, language, extra,"
                + " content_hash, ingested_at, seq) SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles)"
                + " WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = ? OR url = ? OR content_hash = ?)";
        int[] stored = {0};
        inTransaction("insert " + articles.size() + " articles", () -> {
            // Numbers (seq) follow commit order, so a reader that has seen number n has seen every article below
            // it: on PostgreSQL one inserter at a time takes the next numbers (readers are not blocked); SQLite
            // has one writer anyway, and the first INSERT takes its lock (a read first could not upgrade in WAL mode).
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE");
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                String now = Instant.now().toString();
                for (Article a : articles) {
                    ps.setString(1, a.id());
                    ps.setString(2, dialect.text(a.outlet()));
                    ps.setString(3, dialect.text(a.domain()));
                    ps.setString(4, dialect.text(a.url()));
                    ps.setString(5, dialect.text(a.title()));
                    ps.setString(6, a.published() == null ? null : a.published().toString());
                    ps.setString(7, dialect.text(JSON.writeValueAsString(a.authors())));
                    ps.setString(8, dialect.text(a.text()));
                    ps.setString(9, dialect.text(a.location()));
                    ps.setString(10, dialect.text(a.language()));
                    ps.setString(11, dialect.text(JSON.writeValueAsString(a.extra())));
                    String hash = contentHash(a.text());
                    ps.setString(12, hash);
                    ps.setString(13, now);
                    ps.setString(14, a.id());
                    ps.setString(15, dialect.text(a.url()));
                    ps.setString(16, hash);
                    stored[0] += ps.executeUpdate(); // row by row: a batch may not report per-row counts
                }
            }
        });
        return stored[0];
    }

    /** Cached vectors for the given keys; keys without one are absent from the result. */
    public synchronized Map<String, float[]> embeddings(java.util.Collection<String> keys) {
        Map<String, float[]> out = new java.util.HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT vector FROM embeddings WHERE text_hash = ?")) {
            for (String key : keys) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) out.put(key, floats(rs.getBytes(1)));
                }
            }
        } catch (SQLException e) {
            throw fail("read embeddings", e);
        }
        return out;
    }

    public synchronized void putEmbeddings(Map<String, float[]> vectors) {
        if (vectors.isEmpty()) return;
        inTransaction("store " + vectors.size() + " embeddings", () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO embeddings (text_hash, vector) VALUES (?, ?) ON CONFLICT (text_hash) DO UPDATE SET vector = excluded.vector")) {
                for (var e : vectors.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setBytes(2, bytes(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static byte[] bytes(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static float[] floats(byte[] bytes) {
        java.nio.FloatBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
    }

    public synchronized int articleCount() {
        return (int) number("SELECT COUNT(*) FROM articles", "count articles");
    }

    /** The one number {@code sql} selects (0 for no row); {@code what} names the step in an error. */
    private long number(String sql, String what) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** The sequence number of the last article stored (0 for none): a mark for {@link #forEachArticleStoredAfter}. */
    public synchronized long lastArticleSeq() {
        return number("SELECT COALESCE(MAX(seq), 0) FROM articles", "read the last article number");
    }

    /** Whether some stored article is in no story (stored since the last clustering pass saved, or never clustered). */
    public synchronized boolean hasArticlesOutsideStories() {
        return number("SELECT 1 FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)"
                + " LIMIT 1", "look for articles in no story") == 1;
    }

    /** Streams the articles in no story, in the clustering order (what a process resuming the stream has to add). */
    public synchronized void forEachArticleOutsideStories(Consumer<Article> consumer) {
        String sql = "SELECT a.* FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)"
                + " ORDER BY a.published IS NULL, a.published, a.id";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) consumer.accept(article(rs));
        } catch (SQLException | IOException e) {
            throw fail("read articles in no story", e);
        }
    }

    /**
     * Streams every member of the stories whose latest article is at or after {@code since} (the stories a
     * clusterer still holds open), in the clustering order.
     */
    public synchronized void forEachArticleOfStoriesSeenSince(Instant since, Consumer<Article> consumer) {
        String sql = "SELECT a.* FROM articles a JOIN story_articles sa ON sa.article_id = a.id JOIN stories s ON s.id = sa.story_id"
                + " WHERE s.last_seen >= ? ORDER BY a.published IS NULL, a.published, a.id";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, since.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) consumer.accept(article(rs));
            }
        } catch (SQLException | IOException e) {
            throw fail("read the articles of stories seen since " + since, e);
        }
    }

    /** The latest article time of any story; empty when no story is dated (or none is stored). */
    public synchronized Optional<Instant> latestStorySeen() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(last_seen) FROM stories")) {
            String v = rs.next() ? rs.getString(1) : null;
            return v == null ? Optional.empty() : Optional.of(Instant.parse(v));
        } catch (SQLException e) {
            throw fail("read the latest story time", e);
        }
    }

    /** Streams the articles stored after {@code seq} (a {@link #lastArticleSeq} value), in the order stored. */
    public synchronized void forEachArticleStoredAfter(long seq, Consumer<Article> consumer) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM articles WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) consumer.accept(article(rs));
            }
        } catch (SQLException | IOException e) {
            throw fail("read articles stored after " + seq, e);
        }
    }

    /** Streams every article, oldest first (undated last), then by id: the clustering order. */
    public synchronized void forEachArticleByTime(Consumer<Article> consumer) {
        String sql = "SELECT * FROM articles ORDER BY published IS NULL, published, id";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) consumer.accept(article(rs));
        } catch (SQLException | IOException e) {
            throw fail("read articles", e);
        }
    }

    public synchronized Optional<Article> article(String id) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(article(rs)) : Optional.empty();
            }
        } catch (SQLException | IOException e) {
            throw fail("read article " + id, e);
        }
    }

    private static Article article(ResultSet rs) throws SQLException, IOException {
        String published = rs.getString("published");
        return new Article(rs.getString("id"), rs.getString("outlet"), rs.getString("domain"), rs.getString("url"),
                rs.getString("title"), published == null ? null : Instant.parse(published),
                JSON.readValue(rs.getString("authors"), new TypeReference<List<String>>() {}), rs.getString("body"),
                rs.getString("location"), rs.getString("language"),
                JSON.readValue(rs.getString("extra"), new TypeReference<Map<String, String>>() {}));
    }

    /** Replaces all stories in one transaction (clustering rebuilds them); reports are kept. */
    public synchronized void replaceStories(List<StoredStory> stories) {
        replaceStories(stories, List.of());
    }

    /**
     * Replaces all stories and records {@code redirects} in one transaction: reports of a redirected id move to
     * its target, and stored views of ids that no longer name a story are dropped (the others stay, current or
     * stale by their stamp).
     */
    public synchronized void replaceStories(List<StoredStory> stories, List<StoryRedirect> redirects) {
        replaceStories(stories, redirects, ANY_VERSION);
    }

    /**
     * As {@link #replaceStories(List, List)}, only if the stories are still those of {@code expectedVersion} (a
     * {@link #storyVersion} read before the articles they were built from): checked and raised in the same
     * transaction. Returns the new version.
     *
     * @throws StaleStoriesException when another save came first; nothing is written
     */
    public synchronized long replaceStories(List<StoredStory> stories, List<StoryRedirect> redirects, long expectedVersion) {
        long[] version = {0};
        inTransaction("replace " + stories.size() + " stories", () -> {
            try (Statement s = connection.createStatement()) {
                lockStories(s);
            }
            version[0] = raiseVersion(expectedVersion);
            try (Statement s = connection.createStatement()) {
                s.execute("DELETE FROM story_articles");
                s.execute("DELETE FROM stories");
            }
            insertStories(stories);
            redirect(redirects);
            try (Statement s = connection.createStatement()) {
                s.execute("DELETE FROM story_views WHERE story_id NOT IN (SELECT id FROM stories)");
            }
        });
        return version[0];
    }

    /** Saves made without a version check (tools, tests) raise the version all the same, so checked saves notice them. */
    public static final long ANY_VERSION = -1;

    /**
     * The version of the stored stories: raised by every save. A pass reads it before the articles it clusters and
     * hands it back to {@link #updateStories(List, List, long)} or {@link #replaceStories(List, List, long)}.
     */
    public synchronized long storyVersion() {
        return number("SELECT version FROM story_version WHERE id = 1", "read the story version");
    }

    /** Inside a story transaction (after the lock): raises the version, or refuses when it is not {@code expected}. */
    private long raiseVersion(long expected) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(expected == ANY_VERSION
                ? "UPDATE story_version SET version = version + 1 WHERE id = 1"
                : "UPDATE story_version SET version = version + 1 WHERE id = 1 AND version = ?")) {
            if (expected != ANY_VERSION) ps.setLong(1, expected);
            if (ps.executeUpdate() == 1) return expected == ANY_VERSION ? currentVersion() : expected + 1;
        }
        throw new StaleStoriesException(location, expected, currentVersion());
    }

    private long currentVersion() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM story_version WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Saves the stories a live pass created or changed, in one transaction: each is written whole
     * (its row and members replaced), and every other story that held one of their articles is
     * deleted. Stories only grow or merge online, so those are the stories merged away and the ones
     * renamed because a new article sorts before their first; the rest stay untouched.
     */
    public synchronized void updateStories(List<StoredStory> stories) {
        updateStories(stories, List.of());
    }

    /** As {@link #updateStories(List)}, recording {@code redirects} in the same transaction (see {@link #replaceStories(List, List)}). */
    public synchronized void updateStories(List<StoredStory> stories, List<StoryRedirect> redirects) {
        updateStories(stories, redirects, ANY_VERSION);
    }

    /**
     * As {@link #updateStories(List, List)}, only if the stories are still those of {@code expectedVersion}; returns
     * the new version ({@code expectedVersion} itself when there was nothing to save).
     *
     * @throws StaleStoriesException when another save came first; nothing is written
     */
    public synchronized long updateStories(List<StoredStory> stories, List<StoryRedirect> redirects, long expectedVersion) {
        if (stories.isEmpty()) return expectedVersion;
        long[] version = {0};
        inTransaction("update " + stories.size() + " stories", () -> {
            try (Statement s = connection.createStatement()) {
                lockStories(s);
            }
            version[0] = raiseVersion(expectedVersion);
            Set<String> keep = new HashSet<>();
            List<String> members = new ArrayList<>();
            for (StoredStory story : stories) {
                keep.add(story.ref().id());
                members.addAll(story.articleIds());
            }
            Set<String> previous = new HashSet<>(keep);
            // In chunks, as one query per member costs a round trip each on PostgreSQL (and stays under SQLite's 999 parameters).
            for (int from = 0; from < members.size(); from += 500) {
                List<String> chunk = members.subList(from, Math.min(members.size(), from + 500));
                String sql = "SELECT DISTINCT story_id FROM story_articles WHERE article_id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) previous.add(rs.getString(1));
                    }
                }
            }
            // Rows of a story kept are rewritten whole: simpler than diffing, and a pass changes few stories.
            try (PreparedStatement rows = connection.prepareStatement("DELETE FROM story_articles WHERE story_id = ?");
                 PreparedStatement story = connection.prepareStatement("DELETE FROM stories WHERE id = ?")) {
                for (String id : previous) {
                    rows.setString(1, id);
                    rows.addBatch();
                    story.setString(1, id);
                    story.addBatch();
                }
                rows.executeBatch();
                story.executeBatch();
            }
            insertStories(stories);
            redirect(redirects);
            previous.removeAll(keep);
            try (PreparedStatement views = connection.prepareStatement("DELETE FROM story_views WHERE story_id = ?")) {
                for (String id : previous) {
                    views.setString(1, id);
                    views.addBatch();
                }
                views.executeBatch();
            }
        });
        return version[0];
    }

    /**
     * Records redirects inside the story transaction: chains into a redirected id are collapsed onto its target,
     * its reports move there, and no id that names a story keeps a redirect (an id can name a story again after a split).
     */
    private void redirect(List<StoryRedirect> redirects) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement collapse = connection.prepareStatement("UPDATE story_redirects SET to_id = ? WHERE to_id = ?");
             PreparedStatement put = connection.prepareStatement("INSERT INTO story_redirects (from_id, to_id, created_at) VALUES (?,?,?)"
                     + " ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id, created_at = excluded.created_at");
             PreparedStatement reports = connection.prepareStatement("UPDATE reports SET story_id = ? WHERE story_id = ?")) {
            for (StoryRedirect r : redirects) {
                collapse.setString(1, r.to());
                collapse.setString(2, r.from());
                collapse.executeUpdate();
                put.setString(1, r.from());
                put.setString(2, r.to());
                put.setString(3, now);
                put.executeUpdate();
                reports.setString(1, r.to());
                reports.setString(2, r.from());
                reports.executeUpdate();
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM story_redirects WHERE from_id IN (SELECT id FROM stories)");
        }
    }

    /**
     * Two processes sharing a PostgreSQL store may write stories at once: without the lock the second one's
     * DELETE would miss the rows the first just inserted and its INSERTs would collide. Readers are not
     * blocked. (SQLite takes its single write lock for the whole transaction anyway.)
     */
    private void lockStories(Statement s) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) s.execute("LOCK TABLE stories, story_articles IN EXCLUSIVE MODE");
    }

    private void insertStories(List<StoredStory> stories) throws SQLException, IOException {
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO stories (id, title, source_count, article_count, first_seen, last_seen, stamp) VALUES (?,?,?,?,?,?,?)");
             PreparedStatement sa = connection.prepareStatement(
                     "INSERT INTO story_articles (article_id, story_id, position, copy_of, reason) VALUES (?,?,?,?,?)")) {
            for (StoredStory story : stories) {
                StoryRef r = story.ref();
                st.setString(1, r.id());
                st.setString(2, dialect.text(r.title()));
                st.setInt(3, r.sourceCount());
                st.setInt(4, r.articleCount());
                st.setString(5, r.firstSeen() == null ? null : r.firstSeen().toString());
                st.setString(6, r.lastSeen() == null ? null : r.lastSeen().toString());
                st.setString(7, story.stamp());
                st.addBatch();
                int position = 0;
                for (String articleId : r.articleIds()) {
                    JoinReason reason = story.reasons().get(articleId);
                    sa.setString(1, articleId);
                    sa.setString(2, r.id());
                    sa.setInt(3, position++);
                    sa.setString(4, story.copyOf().get(articleId));
                    sa.setString(5, reason == null ? null : JSON.writeValueAsString(reason));
                    sa.addBatch();
                }
            }
            st.executeBatch();
            sa.executeBatch();
        }
    }

    public synchronized int storyCount() {
        return (int) number("SELECT COUNT(*) FROM stories", "count stories");
    }

    /** A story's article ids in order, space-separated (string_agg with ORDER BY: PostgreSQL, SQLite 3.44+). */
    private static final String IDS = "(SELECT string_agg(article_id, ' ' ORDER BY position) FROM story_articles sa"
            + " WHERE sa.story_id = s.id) AS ids";

    /**
     * Stories, most sources first, then newest, undated last; {@code limit <= 0} means all. (NULLS LAST is
     * explicit because the databases differ: SQLite sorts NULL lowest, PostgreSQL highest.)
     */
    public synchronized List<StoryRef> stories(int limit) {
        return storyList(limit > 0 ? " LIMIT " + limit : "");
    }

    /** Every story's id in {@link #stories(int)}'s order (most sources first), without the rest of the listing. */
    public synchronized List<String> storyIds() {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM stories ORDER BY source_count DESC, article_count DESC, last_seen DESC NULLS LAST, id")) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw fail("list story ids", e);
        }
        return out;
    }

    /** One page of {@link #stories(int)}'s order: {@code limit} stories after the first {@code offset}. */
    public synchronized List<StoryRef> stories(int offset, int limit) {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        return storyList(" LIMIT " + limit + " OFFSET " + offset);
    }

    /** Stories in the listing order, with {@code page} (a LIMIT/OFFSET clause built from ints, or empty) appended. */
    private List<StoryRef> storyList(String page) {
        String sql = "SELECT s.*, " + IDS + " FROM stories s"
                + " ORDER BY source_count DESC, article_count DESC, last_seen DESC NULLS LAST, id" + page;
        List<StoryRef> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(storyRef(rs));
        } catch (SQLException e) {
            throw fail("list stories", e);
        }
        return out;
    }

    /**
     * The id of the story that took over a story id which no longer exists (merged away, or renamed when an
     * older article joined), following chains to the live story; empty when the id never existed or still does.
     * Pages and the API answer such ids with a 301 to the survivor.
     */
    public synchronized Optional<String> storyRedirect(String id) {
        try (PreparedStatement live = connection.prepareStatement("SELECT 1 FROM stories WHERE id = ?");
             PreparedStatement next = connection.prepareStatement("SELECT to_id FROM story_redirects WHERE from_id = ?")) {
            if (exists(live, id)) return Optional.empty();
            // Writes keep chains collapsed and no row on a live id, so one hop is the rule; following and the
            // visited set guard rows written otherwise (by hand, or by an older build).
            Set<String> seen = new HashSet<>();
            String at = id;
            while (seen.add(at)) {
                next.setString(1, at);
                try (ResultSet rs = next.executeQuery()) {
                    if (!rs.next()) break;
                    at = rs.getString(1);
                }
                if (exists(live, at)) return Optional.of(at);
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw fail("read the redirect of story " + id, e);
        }
    }

    private static boolean exists(PreparedStatement ps, String value) throws SQLException {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Every stored redirect, from id to target, for tests and diagnostics. */
    public synchronized Map<String, String> storyRedirects() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT from_id, to_id FROM story_redirects ORDER BY from_id")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw fail("list story redirects", e);
        }
        return out;
    }

    /** Article id to the id of the stored story holding it, for every member of every story. */
    public synchronized Map<String, String> storyMembership() {
        Map<String, String> out = new java.util.HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT article_id, story_id FROM story_articles")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw fail("read story members", e);
        }
        return out;
    }

    /**
     * Article id to story id for every member of the stored stories holding any of {@code articleIds} (their
     * other members included): what a live pass's new stories are compared with to keep ids.
     */
    public synchronized Map<String, String> storyMembership(java.util.Collection<String> articleIds) {
        Map<String, String> out = new java.util.HashMap<>();
        try {
            Set<String> stories = new HashSet<>();
            forChunks(new ArrayList<>(articleIds), "SELECT DISTINCT story_id FROM story_articles WHERE article_id IN", rs -> stories.add(rs.getString(1)));
            forChunks(new ArrayList<>(stories), "SELECT article_id, story_id FROM story_articles WHERE story_id IN",
                    rs -> out.put(rs.getString(1), rs.getString(2)));
        } catch (SQLException e) {
            throw fail("read story members", e);
        }
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sqlPrefix (?,...)} over {@code values} in chunks (SQLite takes at most 999 parameters). */
    private void forChunks(List<String> values, String sqlPrefix, RowReader reader) throws SQLException {
        for (int from = 0; from < values.size(); from += 500) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + 500));
            try (PreparedStatement ps = connection.prepareStatement(sqlPrefix + " (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) reader.read(rs);
                }
            }
        }
    }

    /** The stamps that say whether a story's stored view is current; empty when no story has this id. */
    public synchronized Optional<StoredView.Stamps> viewStamps(String storyId) {
        String sql = "SELECT s.stamp, v.stamp, v.version FROM stories s LEFT JOIN story_views v ON v.story_id = s.id WHERE s.id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredView.Stamps(storyId, rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read the view stamps of story " + storyId, e);
        }
    }

    /**
     * A cheap token that changes whenever the database may have changed (it may also change when nothing did): on
     * SQLite, the commits of other connections ({@code PRAGMA data_version}) and the rows this one changed
     * ({@code total_changes()}); on PostgreSQL, the next transaction id of the cluster. A poller compares it before
     * re-reading anything larger.
     */
    public synchronized String changeProbe() {
        String sql = dialect == Dialect.SQLITE ? "SELECT (SELECT data_version FROM pragma_data_version()) || ':' || total_changes()"
                : "SELECT pg_snapshot_xmax(pg_current_snapshot())::text";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw fail("probe for changes", e);
        }
    }

    /**
     * A digest of what story pages show beside their view (topic tags, thread memberships and order), so a web
     * server's page cache can tell that those changed although no view did: they are computed after the views.
     */
    public synchronized String linksStamp() {
        String[] queries = {"SELECT story_id || ' ' || slug FROM story_topics ORDER BY story_id, slug",
                "SELECT story_id || ' ' || thread_id || ' ' || position FROM thread_stories ORDER BY story_id"};
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e); // every JDK has it
        }
        long rows = 0;
        try (Statement st = connection.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    while (rs.next()) {
                        digest.update((rs.getString(1) + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        rows++;
                    }
                }
                digest.update((byte) 0);
            }
        } catch (SQLException e) {
            throw fail("read the topic tags and thread memberships", e);
        }
        return rows + ":" + java.util.HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /**
     * Every story's view stamps in one scan, for a web server's in-memory index of what each page shows (it polls
     * this instead of asking per request). In id order, so an unchanged store reads the same.
     */
    public synchronized List<StoredView.Stamps> allViewStamps() {
        String sql = "SELECT s.id, s.stamp, v.stamp, v.version FROM stories s LEFT JOIN story_views v ON v.story_id = s.id ORDER BY s.id";
        List<StoredView.Stamps> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(new StoredView.Stamps(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        } catch (SQLException e) {
            throw fail("read the view stamps of every story", e);
        }
        return out;
    }

    /** The stored view of a story, current or stale (compare its stamps); empty when it has none. */
    public synchronized Optional<StoredView> storedView(String storyId) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT stamp, version, overview, view FROM story_views WHERE story_id = ?")) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredView(storyId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read the view of story " + storyId, e);
        }
    }

    /** The stored overview JSON (landscape, blindspot) of each of {@code storyIds} whose view is current for {@code version}. */
    public synchronized Map<String, String> currentOverviews(java.util.Collection<String> storyIds, String version) {
        Map<String, String> out = new java.util.HashMap<>();
        try {
            // The version is a literal checked here rather than a parameter, so the chunked IN list keeps its shape.
            if (!version.matches("[\\w:.-]+")) throw new IllegalArgumentException("unexpected view version " + version);
            forChunks(new ArrayList<>(storyIds), "SELECT v.story_id, v.overview FROM story_views v JOIN stories s ON s.id = v.story_id"
                    + " AND s.stamp = v.stamp WHERE v.version = '" + version + "' AND v.story_id IN",
                    rs -> out.put(rs.getString(1), rs.getString(2)));
        } catch (SQLException e) {
            throw fail("read story overviews", e);
        }
        return out;
    }

    /**
     * Stories whose stored view is missing or not current for {@code version}, most sources first (the stories
     * readers open most), at most {@code limit}. Each with its stamp (null for a story saved before stamps).
     */
    public synchronized List<StoredView.Stamps> storiesWithoutCurrentView(String version, int limit) {
        String sql = "SELECT s.id, s.stamp, v.stamp, v.version FROM stories s LEFT JOIN story_views v ON v.story_id = s.id"
                + " WHERE s.stamp IS NULL OR v.stamp IS NULL OR v.stamp <> s.stamp OR v.version <> ?"
                + " ORDER BY s.source_count DESC, s.article_count DESC, s.id LIMIT ?";
        List<StoredView.Stamps> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, version);
            ps.setInt(2, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new StoredView.Stamps(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw fail("find stories without a current view", e);
        }
        return out;
    }

    /** Drops every stored view (a cache the stories rebuild); returns how many. For benchmarks and repairs. */
    public synchronized int deleteViews() {
        try (Statement s = connection.createStatement()) {
            return s.executeUpdate("DELETE FROM story_views");
        } catch (SQLException e) {
            throw fail("delete story views", e);
        }
    }

    /** How many stories have a view current for {@code version}. */
    public synchronized int currentViewCount(String version) {
        String sql = "SELECT COUNT(*) FROM stories s JOIN story_views v ON v.story_id = s.id WHERE v.stamp = s.stamp AND v.version = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw fail("count current views", e);
        }
    }

    /**
     * Stores views in one transaction, each replacing the story's previous one. A view whose story no longer
     * exists is skipped. A story saved before stamps existed takes its view's stamp (computed from what the
     * view was built from), so it counts as current from then on; a story saved since keeps its own stamp, and a
     * view built from an older version of it stays stale.
     */
    public synchronized void putViews(List<StoredView> views) {
        if (views.isEmpty()) return;
        inTransaction("store " + views.size() + " story views", () -> {
            String now = Instant.now().toString();
            try (PreparedStatement put = connection.prepareStatement(
                    "INSERT INTO story_views (story_id, stamp, version, overview, view, built_at) SELECT ?,?,?,?,?,?"
                            + " WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?)"
                            + " ON CONFLICT (story_id) DO UPDATE SET stamp = excluded.stamp, version = excluded.version,"
                            + " overview = excluded.overview, view = excluded.view, built_at = excluded.built_at");
                 PreparedStatement stamp = connection.prepareStatement("UPDATE stories SET stamp = ? WHERE id = ? AND stamp IS NULL")) {
                for (StoredView v : views) {
                    put.setString(1, v.storyId());
                    put.setString(2, v.stamp());
                    put.setString(3, v.version());
                    put.setString(4, dialect.text(v.overview()));
                    put.setBytes(5, v.view());
                    put.setString(6, now);
                    put.setString(7, v.storyId());
                    put.addBatch();
                    stamp.setString(1, v.stamp());
                    stamp.setString(2, v.storyId());
                    stamp.addBatch();
                }
                stamp.executeBatch();
                put.executeBatch();
            }
        });
    }

    public synchronized Optional<StoryRef> storyRef(String id) {
        String sql = "SELECT s.*, " + IDS + " FROM stories s WHERE s.id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(storyRef(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read story " + id, e);
        }
    }

    private static StoryRef storyRef(ResultSet rs) throws SQLException {
        String ids = rs.getString("ids");
        String first = rs.getString("first_seen");
        String last = rs.getString("last_seen");
        return new StoryRef(rs.getString("id"), rs.getString("title"), rs.getInt("source_count"), rs.getInt("article_count"),
                first == null ? null : Instant.parse(first), last == null ? null : Instant.parse(last),
                ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(" ")));
    }

    /** A story with its articles, copy links and join reasons, for analysis. */
    public synchronized Optional<StoryMembers> story(String id) {
        Optional<StoryRef> ref = storyRef(id);
        if (ref.isEmpty()) return Optional.empty();
        List<Article> articles = new ArrayList<>();
        Map<String, String> copyOf = new LinkedHashMap<>();
        Map<String, JoinReason> reasons = new LinkedHashMap<>();
        String sql = "SELECT a.*, sa.copy_of, sa.reason FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                + " WHERE sa.story_id = ? ORDER BY sa.position";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Article a = article(rs);
                    articles.add(a);
                    String copy = rs.getString("copy_of");
                    if (copy != null) copyOf.put(a.id(), copy);
                    String reason = rs.getString("reason");
                    if (reason != null) reasons.put(a.id(), JSON.readValue(reason, JoinReason.class));
                }
            }
        } catch (SQLException | IOException e) {
            throw fail("read story " + id, e);
        }
        return Optional.of(new StoryMembers(ref.get(), articles, copyOf, reasons));
    }

    public synchronized Report addReport(String storyId, String kind, String message) {
        Instant now = Instant.now();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO reports (story_id, created_at, kind, message) VALUES (?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, storyId);
            ps.setString(2, now.toString());
            ps.setString(3, kind);
            ps.setString(4, dialect.text(message));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                long id = keys.next() ? keys.getLong(1) : -1;
                return new Report(id, storyId, now, kind, message);
            }
        } catch (SQLException e) {
            throw fail("store report for story " + storyId, e);
        }
    }

    public synchronized List<Report> reports(@Nullable String storyId) {
        String sql = "SELECT * FROM reports" + (storyId == null ? "" : " WHERE story_id = ?") + " ORDER BY id";
        List<Report> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (storyId != null) ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Report(rs.getLong("id"), rs.getString("story_id"), Instant.parse(rs.getString("created_at")),
                            rs.getString("kind"), rs.getString("message")));
                }
            }
        } catch (SQLException e) {
            throw fail("list reports", e);
        }
        return out;
    }

    /** One page of a story's reports, oldest first: {@code limit} reports after the first {@code offset}. */
    public synchronized List<Report> reports(String storyId, int offset, int limit) {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        String sql = "SELECT * FROM reports WHERE story_id = ? ORDER BY id LIMIT " + limit + " OFFSET " + offset;
        List<Report> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Report(rs.getLong("id"), rs.getString("story_id"), Instant.parse(rs.getString("created_at")),
                            rs.getString("kind"), rs.getString("message")));
                }
            }
        } catch (SQLException e) {
            throw fail("list reports of story " + storyId, e);
        }
        return out;
    }

    /** How many reports a story has. */
    public synchronized long reportCount(String storyId) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM reports WHERE story_id = ?")) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw fail("count reports of story " + storyId, e);
        }
    }

    private interface SqlWork {
        void run() throws SQLException, IOException;
    }

    private void inTransaction(String what, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw fail(what, e);
        }
    }

    private StoreException fail(String what, Exception e) {
        return new StoreException(location + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }
}
