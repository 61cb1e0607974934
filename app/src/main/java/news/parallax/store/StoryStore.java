package news.parallax.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.model.JoinReason;
import news.parallax.model.StoryMembers;
import news.parallax.model.StoryRef;

/**
 * Stories (V1 {@code stories}, {@code story_articles}), the redirects of ids that ended (V6 {@code story_redirects})
 * and the version every save raises (V11 {@code story_version}). A save is one transaction: it checks the version it
 * was built from, rewrites the stories, records redirects (moving reports with them) and drops the views of ids that
 * ended. Thread-safe.
 */
public final class StoryStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Saves made without a version check (tools, tests) raise the version all the same, so checked saves notice them. */
    public static final long ANY_VERSION = -1;
    /** A story's article ids in order, space-separated (string_agg with ORDER BY: PostgreSQL, SQLite 3.44+). */
    private static final String IDS = "(SELECT string_agg(article_id, ' ' ORDER BY position) FROM story_articles sa"
            + " WHERE sa.story_id = s.id) AS ids";
    /** The listing order; NULLS LAST is explicit because SQLite sorts NULL lowest and PostgreSQL highest. */
    private static final String LISTING_ORDER = " ORDER BY source_count DESC, article_count DESC, last_seen DESC NULLS LAST, id";

    private final Database db;

    public StoryStore(Database db) {
        this.db = db;
    }

    /**
     * Replaces all stories and records {@code redirects} in one transaction, only if the stories are still those of
     * {@code expectedVersion} (or {@link #ANY_VERSION}): reports of a redirected id move to its target, and stored
     * views of ids that no longer name a story are dropped. Returns the new version.
     *
     * @throws StaleStoriesException when another save came first; nothing is written
     */
    public long replaceStories(List<StoredStory> stories, List<StoryRedirect> redirects, long expectedVersion) {
        return db.write("replace " + stories.size() + " stories", c -> {
            lockStories(c);
            long version = raiseVersion(c, expectedVersion);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM story_articles");
                s.execute("DELETE FROM stories");
            }
            insertStories(c, stories);
            redirect(c, redirects, null);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM story_views WHERE story_id NOT IN (SELECT id FROM stories)");
            }
            return version;
        });
    }

    /** The version of the stored stories: raised by every save; a pass reads it before the articles it clusters. */
    public long storyVersion() {
        return db.read("read the story version", c -> Sql.number(c, "SELECT version FROM story_version WHERE id = 1"));
    }

    /** Inside a story transaction (after the lock): raises the version, or refuses when it is not {@code expected}. */
    private long raiseVersion(Connection c, long expected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(expected == ANY_VERSION
                ? "UPDATE story_version SET version = version + 1 WHERE id = 1"
                : "UPDATE story_version SET version = version + 1 WHERE id = 1 AND version = ?")) {
            if (expected != ANY_VERSION) ps.setLong(1, expected);
            if (ps.executeUpdate() == 1) return expected == ANY_VERSION ? currentVersion(c) : expected + 1;
        }
        throw new StaleStoriesException(db.location(), expected, currentVersion(c));
    }

    private static long currentVersion(Connection c) throws SQLException {
        return Sql.number(c, "SELECT version FROM story_version WHERE id = 1");
    }

    /**
     * Saves the stories a live pass created or changed, in one transaction, only if the stories are still those of
     * {@code expectedVersion}: each is written whole (its row and members replaced), and every other story that held
     * one of their articles is deleted (stories only grow or merge online, so those are the ones merged away or
     * renamed). Returns the new version ({@code expectedVersion} itself when there was nothing to save).
     *
     * @throws StaleStoriesException when another save came first; nothing is written
     */
    public long updateStories(List<StoredStory> stories, List<StoryRedirect> redirects, long expectedVersion) {
        if (stories.isEmpty()) return expectedVersion;
        return db.write("update " + stories.size() + " stories", c -> {
            lockStories(c);
            long version = raiseVersion(c, expectedVersion);
            Set<String> keep = new HashSet<>();
            List<String> members = new ArrayList<>();
            for (StoredStory story : stories) {
                keep.add(story.ref().id());
                members.addAll(story.articleIds());
            }
            Set<String> previous = new HashSet<>(keep);
            Sql.forChunks(c, members, "SELECT DISTINCT story_id FROM story_articles WHERE article_id IN", rs -> previous.add(rs.getString(1)));
            // Rows of a story kept are rewritten whole: simpler than diffing, and a pass changes few stories.
            try (PreparedStatement rows = c.prepareStatement("DELETE FROM story_articles WHERE story_id = ?");
                 PreparedStatement story = c.prepareStatement("DELETE FROM stories WHERE id = ?")) {
                for (String id : previous) {
                    rows.setString(1, id);
                    rows.addBatch();
                    story.setString(1, id);
                    story.addBatch();
                }
                rows.executeBatch();
                story.executeBatch();
            }
            insertStories(c, stories);
            redirect(c, redirects, keep);
            previous.removeAll(keep);
            try (PreparedStatement views = c.prepareStatement("DELETE FROM story_views WHERE story_id = ?")) {
                for (String id : previous) {
                    views.setString(1, id);
                    views.addBatch();
                }
                views.executeBatch();
            }
            return version;
        });
    }

    /**
     * Records redirects inside the story transaction: chains into a redirected id are collapsed onto its target,
     * its reports move there, and no id that names a story keeps a redirect (an id can name a story again after a split).
     * {@code saved}: the ids of the stories this save wrote, the only ones that can have started naming a story again
     * ({@code null}: every story was written).
     */
    private static void redirect(Connection c, List<StoryRedirect> redirects, @org.jspecify.annotations.Nullable Set<String> saved)
            throws SQLException {
        String now = Timestamps.format(Instant.now());
        try (PreparedStatement collapse = c.prepareStatement("UPDATE story_redirects SET to_id = ? WHERE to_id = ?");
             PreparedStatement put = c.prepareStatement("INSERT INTO story_redirects (from_id, to_id, created_at) VALUES (?,?,?)"
                     + " ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id, created_at = excluded.created_at");
             PreparedStatement reports = c.prepareStatement("UPDATE reports SET story_id = ? WHERE story_id = ?")) {
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
        if (saved == null) {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM story_redirects WHERE from_id IN (SELECT id FROM stories)");
            }
            return;
        }
        // A live pass looks up the ids it wrote and the redirects it added, not every redirect: they accumulate with
        // every merge, and a statement over all of them would cost a scan of the whole table per pass (issue 15, growth).
        try (PreparedStatement drop = c.prepareStatement("DELETE FROM story_redirects WHERE from_id = ?");
             PreparedStatement named = c.prepareStatement("DELETE FROM story_redirects WHERE from_id = ?"
                     + " AND EXISTS (SELECT 1 FROM stories WHERE id = ?)")) {
            for (String id : saved) {
                drop.setString(1, id);
                drop.addBatch();
            }
            for (StoryRedirect r : redirects) {
                if (saved.contains(r.from())) continue;
                named.setString(1, r.from());
                named.setString(2, r.from());
                named.addBatch();
            }
            drop.executeBatch();
            named.executeBatch();
        }
    }

    /**
     * Two processes sharing a PostgreSQL store may write stories at once: without the lock the second one's
     * DELETE would miss the rows the first just inserted and its INSERTs would collide. Readers are not
     * blocked. (SQLite takes its single write lock for the whole transaction anyway.)
     */
    private void lockStories(Connection c) throws SQLException {
        if (db.dialect() != Dialect.POSTGRESQL) return;
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE stories, story_articles IN EXCLUSIVE MODE");
        }
    }

    private void insertStories(Connection c, List<StoredStory> stories) throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO stories (id, title, source_count, article_count, first_seen, last_seen, stamp, view_due) VALUES (?,?,?,?,?,?,?,"
                        // Due for a view unless the stored one was built from this stamp (V18: what the view builder reads).
                        + " CASE WHEN EXISTS (SELECT 1 FROM story_views WHERE story_id = ? AND stamp = ?) THEN NULL ELSE 1 END)");
             PreparedStatement sa = c.prepareStatement(
                     "INSERT INTO story_articles (article_id, story_id, position, copy_of, reason) VALUES (?,?,?,?,?)")) {
            for (StoredStory story : stories) {
                StoryRef r = story.ref();
                st.setString(1, r.id());
                st.setString(2, db.dialect().text(r.title()));
                st.setInt(3, r.sourceCount());
                st.setInt(4, r.articleCount());
                st.setString(5, Timestamps.formatOrNull(r.firstSeen()));
                st.setString(6, Timestamps.formatOrNull(r.lastSeen()));
                st.setString(7, story.stamp());
                st.setString(8, r.id());
                st.setString(9, story.stamp());
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

    public int storyCount() {
        return (int) (long) db.read("count stories", c -> Sql.number(c, "SELECT COUNT(*) FROM stories"));
    }

    /** The latest article time of any story; empty when no story is dated (or none is stored). */
    public Optional<Instant> latestStorySeen() {
        return db.read("read the latest story time", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(last_seen) FROM stories")) {
                String v = rs.next() ? rs.getString(1) : null;
                return Optional.ofNullable(Timestamps.parseOrNull(v));
            }
        });
    }

    /** Stories, most sources first, then newest, undated last; {@code limit <= 0} means all. */
    public List<StoryRef> stories(int limit) {
        return storyList(limit > 0 ? " LIMIT " + limit : "");
    }

    /** One page of {@link #stories(int)}'s order: {@code limit} stories after the first {@code offset}. */
    public List<StoryRef> stories(int offset, int limit) {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        return storyList(" LIMIT " + limit + " OFFSET " + offset);
    }

    /** Every story's id in {@link #stories(int)}'s order (most sources first), without the rest of the listing. */
    public List<String> storyIds() {
        return db.read("list story ids", c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM stories" + LISTING_ORDER)) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** Stories in the listing order, with {@code page} (a LIMIT/OFFSET clause built from ints, or empty) appended. */
    private List<StoryRef> storyList(String page) {
        return db.read("list stories", c -> {
            List<StoryRef> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s.*, " + IDS + " FROM stories s" + LISTING_ORDER + page)) {
                while (rs.next()) out.add(storyRef(rs));
            }
            return out;
        });
    }

    public Optional<StoryRef> storyRef(String id) {
        return db.read("read story " + id, c -> storyRef(c, id));
    }

    private static Optional<StoryRef> storyRef(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.*, " + IDS + " FROM stories s WHERE s.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(storyRef(rs)) : Optional.empty();
            }
        }
    }

    private static StoryRef storyRef(ResultSet rs) throws SQLException {
        String ids = rs.getString("ids");
        return new StoryRef(rs.getString("id"), rs.getString("title"), rs.getInt("source_count"), rs.getInt("article_count"),
                Timestamps.parseOrNull(rs.getString("first_seen")), Timestamps.parseOrNull(rs.getString("last_seen")),
                ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(" ")));
    }

    /** A story with its articles, copy links and join reasons, for analysis. */
    public Optional<StoryMembers> story(String id) {
        return db.read("read story " + id, c -> {
            Optional<StoryRef> ref = storyRef(c, id);
            if (ref.isEmpty()) return Optional.empty();
            List<Article> articles = new ArrayList<>();
            Map<String, String> copyOf = new LinkedHashMap<>();
            Map<String, JoinReason> reasons = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.*, sa.copy_of, sa.reason FROM story_articles sa"
                    + " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY sa.position")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Article a = ArticleStore.article(rs);
                        articles.add(a);
                        String copy = rs.getString("copy_of");
                        if (copy != null) copyOf.put(a.id(), copy);
                        String reason = rs.getString("reason");
                        if (reason != null) reasons.put(a.id(), JSON.readValue(reason, JoinReason.class));
                    }
                }
            }
            return Optional.of(new StoryMembers(ref.get(), articles, copyOf, reasons));
        });
    }

    /**
     * The id of the story that took over a story id which no longer exists (merged away, or renamed when an
     * older article joined), following chains to the live story; empty when the id never existed or still does.
     */
    public Optional<String> storyRedirect(String id) {
        return db.read("read the redirect of story " + id, c -> {
            try (PreparedStatement live = c.prepareStatement("SELECT 1 FROM stories WHERE id = ?");
                 PreparedStatement next = c.prepareStatement("SELECT to_id FROM story_redirects WHERE from_id = ?")) {
                if (Sql.exists(live, id)) return Optional.<String>empty();
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
                    if (Sql.exists(live, at)) return Optional.of(at);
                }
                return Optional.<String>empty();
            }
        });
    }

    /** Every stored redirect, from id to target, for tests and diagnostics. */
    public Map<String, String> storyRedirects() {
        return db.read("list story redirects", c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT from_id, to_id FROM story_redirects ORDER BY from_id")) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /** Article id to the id of the stored story holding it, for every member of every story. */
    public Map<String, String> storyMembership() {
        return db.read("read story members", c -> {
            Map<String, String> out = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT article_id, story_id FROM story_articles")) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /**
     * Article id to story id for every member of the stored stories holding any of {@code articleIds} (their
     * other members included): what a live pass's new stories are compared with to keep ids.
     */
    public Map<String, String> storyMembership(Collection<String> articleIds) {
        return db.read("read story members", c -> {
            Map<String, String> out = new HashMap<>();
            Set<String> stories = new HashSet<>();
            Sql.forChunks(c, new ArrayList<>(articleIds), "SELECT DISTINCT story_id FROM story_articles WHERE article_id IN",
                    rs -> stories.add(rs.getString(1)));
            Sql.forChunks(c, new ArrayList<>(stories), "SELECT article_id, story_id FROM story_articles WHERE story_id IN",
                    rs -> out.put(rs.getString(1), rs.getString(2)));
            return out;
        });
    }
}
