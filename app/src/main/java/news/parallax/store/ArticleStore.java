package news.parallax.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import news.parallax.internal.Hashes;
import news.parallax.model.Article;

/**
 * Stored articles (V1 {@code articles}, numbered in commit order by V5 {@code seq}): deduplicated by id, URL and
 * normalised text; read in the clustering order (oldest first, undated last, then id) or in the order stored.
 * Thread-safe; a streaming read holds one connection until its consumer returns.
 */
public final class ArticleStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Where articles in no story can be (issue 15, growth): numbers follow commit order and every clustering pass saves
     * each article it read in some story, so the articles in no story are those numbered after the last one in a story,
     * and any stored before numbering (V5), which a store keeps a fixed number of. Looking only there reads the
     * articles in no story and the index, not every article of the store.
     */
    private static final String AFTER_CLUSTERED = "(a.seq IS NULL OR a.seq > ?)";

    private final Database db;

    public ArticleStore(Database db) {
        this.db = db;
    }

    /** SHA-256 of the normalised body, the key for "same text" duplicates. */
    public static String contentHash(String text) {
        return Hashes.sha256Hex(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip(), 16);
    }

    /** Why {@code a} is already stored ("same id", "same URL", "same text"), or empty when it is new. */
    public Optional<String> findDuplicate(Article a) {
        return db.read("look up article " + a.id(), c -> {
            try (PreparedStatement id = c.prepareStatement("SELECT 1 FROM articles WHERE id = ?");
                 PreparedStatement url = c.prepareStatement("SELECT 1 FROM articles WHERE url = ?");
                 PreparedStatement text = c.prepareStatement("SELECT 1 FROM articles WHERE content_hash = ?")) {
                if (Sql.exists(id, a.id())) return Optional.of("same id");
                if (a.url() != null && Sql.exists(url, a.url())) return Optional.of("same URL");
                if (Sql.exists(text, contentHash(a.text()))) return Optional.of("same text");
                return Optional.empty();
            }
        });
    }

    /**
     * Inserts articles in one transaction and returns how many were stored. An article whose id, URL
     * or text is already stored is skipped in the same statement, not refused: another process may have
     * stored it since this one's {@link #findDuplicate} check, and one such article must not fail the batch.
     */
    public int insert(List<Article> articles) {
        if (articles.isEmpty()) return 0;
        String sql = "INSERT INTO articles (id, outlet, domain, url, title, published, authors, body, location, language, extra,"
                + " content_hash, ingested_at, seq) SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles)"
                + " WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = ? OR url = ? OR content_hash = ?)";
        Dialect dialect = db.dialect();
        return db.write("insert " + articles.size() + " articles", c -> {
            // Numbers (seq) follow commit order, so a reader that has seen number n has seen every article below
            // it: on PostgreSQL one inserter at a time takes the next numbers (readers are not blocked); SQLite
            // has one writer anyway (its transactions begin IMMEDIATE: see Database).
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE");
                }
            }
            int stored = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                String now = Timestamps.format(Instant.now());
                for (Article a : articles) {
                    ps.setString(1, a.id());
                    ps.setString(2, dialect.text(a.outlet()));
                    ps.setString(3, dialect.text(a.domain()));
                    ps.setString(4, dialect.text(a.url()));
                    ps.setString(5, dialect.text(a.title()));
                    ps.setString(6, Timestamps.formatOrNull(a.published()));
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
                    stored += ps.executeUpdate(); // row by row: a batch may not report per-row counts
                }
            }
            return stored;
        });
    }

    public int articleCount() {
        return (int) (long) db.read("count articles", c -> Sql.number(c, "SELECT COUNT(*) FROM articles"));
    }

    /** The sequence number of the last article stored (0 for none): a mark for {@link #forEachArticleStoredAfter}. */
    public long lastArticleSeq() {
        return db.read("read the last article number", c -> Sql.number(c, "SELECT COALESCE(MAX(seq), 0) FROM articles"));
    }

    /** Whether some stored article is in no story (stored since the last clustering pass saved, or never clustered). */
    public boolean hasArticlesOutsideStories() {
        return db.read("look for articles in no story", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM articles a WHERE " + AFTER_CLUSTERED + " AND NOT EXISTS"
                    + " (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) LIMIT 1")) {
                ps.setLong(1, lastClusteredSeq(c));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Streams the articles in no story, in the clustering order (what a process resuming the stream has to add). */
    public void forEachArticleOutsideStories(Consumer<Article> consumer) {
        db.read("read articles in no story", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.* FROM articles a WHERE " + AFTER_CLUSTERED + " AND NOT EXISTS"
                    + " (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) ORDER BY a.published IS NULL, a.published, a.id")) {
                ps.setLong(1, lastClusteredSeq(c));
                int n = 0; // a count, not null: the work's result is non-null (NullAway)
                try (ResultSet rs = ps.executeQuery()) {
                    for (; rs.next(); n++) consumer.accept(article(rs));
                }
                return n;
            }
        });
    }

    /** The number of the last article in a story (0 for none): found from the newest down, so it costs the articles after it. */
    private static long lastClusteredSeq(java.sql.Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.seq FROM articles a WHERE a.seq IS NOT NULL AND EXISTS"
                + " (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) ORDER BY a.seq DESC LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Streams every member of the stories whose latest article is at or after {@code since} (the stories a
     * clusterer still holds open), in the clustering order.
     */
    public void forEachArticleOfStoriesSeenSince(Instant since, Consumer<Article> consumer) {
        // From the stories (index on last_seen) to their members: SQLite keeps the order CROSS JOIN writes, where its own
        // choice walked every article by id (a minute at 1M articles); PostgreSQL plans it as any inner join.
        stream("read the articles of stories seen since " + since, "SELECT a.* FROM stories s CROSS JOIN story_articles sa"
                + " CROSS JOIN articles a WHERE s.last_seen >= ? AND sa.story_id = s.id AND a.id = sa.article_id"
                + " ORDER BY a.published IS NULL, a.published, a.id", Timestamps.format(since), consumer);
    }

    /** Streams the articles stored after {@code seq} (a {@link #lastArticleSeq} value), in the order stored. */
    public void forEachArticleStoredAfter(long seq, Consumer<Article> consumer) {
        db.read("read articles stored after " + seq, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE seq > ? ORDER BY seq")) {
                ps.setLong(1, seq);
                int n = 0; // a count, not null: the work's result is non-null (NullAway)
                try (ResultSet rs = ps.executeQuery()) {
                    for (; rs.next(); n++) consumer.accept(article(rs));
                }
                return n;
            }
        });
    }

    /** Streams every article, oldest first (undated last), then by id: the clustering order. */
    public void forEachArticleByTime(Consumer<Article> consumer) {
        stream("read articles", "SELECT * FROM articles ORDER BY published IS NULL, published, id", null, consumer);
    }

    private void stream(String what, String sql, @org.jspecify.annotations.Nullable String parameter, Consumer<Article> consumer) {
        db.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (parameter != null) ps.setString(1, parameter);
                int n = 0; // a count, not null: the work's result is non-null (NullAway)
                try (ResultSet rs = ps.executeQuery()) {
                    for (; rs.next(); n++) consumer.accept(article(rs));
                }
                return n;
            }
        });
    }

    public Optional<Article> article(String id) {
        return db.read("read article " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(article(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The article of the current row of a query selecting the {@code articles} columns. */
    static Article article(ResultSet rs) throws SQLException, IOException {
        return new Article(rs.getString("id"), rs.getString("outlet"), rs.getString("domain"), rs.getString("url"),
                rs.getString("title"), Timestamps.parseOrNull(rs.getString("published")),
                JSON.readValue(rs.getString("authors"), new TypeReference<List<String>>() {}), rs.getString("body"),
                rs.getString("location"), rs.getString("language"),
                JSON.readValue(rs.getString("extra"), new TypeReference<Map<String, String>>() {}));
    }
}
