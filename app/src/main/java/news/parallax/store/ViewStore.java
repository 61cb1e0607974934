package news.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.internal.Hashes;

/**
 * Stored story views (V6 {@code story_views}): each story's analysed view with the stamp and version it was built
 * from, and what a web server polls to tell which pages changed. Thread-safe.
 */
public final class ViewStore {
    private final Database db;

    public ViewStore(Database db) {
        this.db = db;
    }

    /** The stamps that say whether a story's stored view is current; empty when no story has this id. */
    public Optional<StoredView.Stamps> viewStamps(String storyId) {
        String sql = "SELECT s.stamp, v.stamp, v.version FROM stories s LEFT JOIN story_views v ON v.story_id = s.id WHERE s.id = ?";
        return db.read("read the view stamps of story " + storyId, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredView.Stamps(storyId, rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<StoredView.Stamps>empty();
                }
            }
        });
    }

    /**
     * What each story's page shows beside its view, as a short digest by story id (issue 19: a topic refresh then
     * invalidates only the pages whose links changed): its topic tags (slug and name), and its thread's id and title
     * with every story of the thread in order and that story's stamp (the page lists its neighbours' headlines and
     * source counts). Stories with neither are absent. One scan of each table.
     */
    public Map<String, String> linksByStory() {
        String topicsSql = "SELECT st.story_id, st.slug, COALESCE(t.name, '') FROM story_topics st LEFT JOIN topics t ON t.slug = st.slug "
                + "ORDER BY st.story_id, st.slug";
        String threadsSql = "SELECT ts.thread_id, ts.story_id, ts.position, COALESCE(th.title, ''), COALESCE(s.stamp, '') "
                + "FROM thread_stories ts LEFT JOIN threads th ON th.id = ts.thread_id LEFT JOIN stories s ON s.id = ts.story_id "
                + "ORDER BY ts.thread_id, ts.position, ts.story_id";
        Map<String, StringBuilder> parts = new HashMap<>();
        db.read("read the topic tags and thread memberships of every story", c -> {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(topicsSql)) {
                    while (rs.next()) {
                        parts.computeIfAbsent(rs.getString(1), k -> new StringBuilder()).append("t ").append(rs.getString(2))
                                .append(' ').append(rs.getString(3)).append('\n');
                    }
                }
                try (ResultSet rs = st.executeQuery(threadsSql)) {
                    String thread = null;
                    StringBuilder members = new StringBuilder();
                    List<String[]> placed = new ArrayList<>();
                    while (true) {
                        boolean more = rs.next();
                        if (thread != null && (!more || !thread.equals(rs.getString(1)))) {
                            // The thread is read whole: each of its stories gets its place and the whole thread's digest.
                            String digest = Hashes.sha256Hex(members.toString(), 8);
                            for (String[] p : placed) {
                                parts.computeIfAbsent(p[0], k -> new StringBuilder()).append("h ").append(thread).append(' ')
                                        .append(p[1]).append(' ').append(digest).append('\n');
                            }
                            members.setLength(0);
                            placed.clear();
                        }
                        if (!more) break;
                        thread = rs.getString(1);
                        if (members.isEmpty()) members.append(rs.getString(4)).append('\n');
                        members.append(rs.getString(2)).append(' ').append(rs.getInt(3)).append(' ').append(rs.getString(5)).append('\n');
                        placed.add(new String[] {rs.getString(2), String.valueOf(rs.getInt(3))});
                    }
                }
            }
            return null;
        });
        Map<String, String> out = new HashMap<>(parts.size() * 2);
        parts.forEach((id, text) -> out.put(id, Hashes.sha256Hex(text.toString(), 8)));
        return out;
    }

    /** Every story's view stamps in one scan, in id order, for a web server's in-memory index of what each page shows. */
    public List<StoredView.Stamps> allViewStamps() {
        return stamps("read the view stamps of every story",
                "SELECT s.id, s.stamp, v.stamp, v.version FROM stories s LEFT JOIN story_views v ON v.story_id = s.id ORDER BY s.id");
    }

    /** The stored view of a story, current or stale (compare its stamps); empty when it has none. */
    public Optional<StoredView> storedView(String storyId) {
        return db.read("read the view of story " + storyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT stamp, version, overview, view FROM story_views WHERE story_id = ?")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredView(storyId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                            : Optional.<StoredView>empty();
                }
            }
        });
    }

    /** The stored overview JSON (landscape, blindspot) of each of {@code storyIds} whose view is current for {@code version}. */
    public Map<String, String> currentOverviews(Collection<String> storyIds, String version) {
        // The version is a literal checked here rather than a parameter, so the chunked IN list keeps its shape.
        if (!version.matches("[\\w:.-]+")) throw new IllegalArgumentException("unexpected view version " + version);
        return db.read("read story overviews", c -> {
            Map<String, String> out = new HashMap<>();
            Sql.forChunks(c, new ArrayList<>(storyIds), "SELECT v.story_id, v.overview FROM story_views v JOIN stories s ON s.id = v.story_id"
                    + " AND s.stamp = v.stamp WHERE v.version = '" + version + "' AND v.story_id IN", rs -> out.put(rs.getString(1), rs.getString(2)));
            return out;
        });
    }

    /** A view is stale for a story ({@code s}, joined with its view {@code v}) unless built from its stamp by this version. */
    private static final String STALE = "(s.stamp IS NULL OR v.stamp IS NULL OR v.stamp <> s.stamp OR v.version <> ?)";

    /**
     * Stories whose stored view is missing or not current for {@code version}, most sources first (the stories
     * readers open most), at most {@code limit}. Each with its stamp (null for a story saved before stamps). While
     * every stored view is of {@code version}, only the stories marked due (V18 {@code view_due}, a partial index)
     * are read; a version change makes every view stale, and then every story is looked at.
     */
    public List<StoredView.Stamps> storiesWithoutCurrentView(String version, int limit) {
        return db.read("find stories without a current view", c -> {
            String sql = "SELECT s.id, s.stamp, v.stamp, v.version FROM stories s LEFT JOIN story_views v ON v.story_id = s.id WHERE "
                    + (onlyVersion(c, version) ? "s.view_due IS NOT NULL AND " : "") + STALE
                    + " ORDER BY s.source_count DESC, s.article_count DESC, s.id LIMIT ?";
            List<StoredView.Stamps> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, version);
                ps.setInt(2, Math.max(0, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new StoredView.Stamps(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** How many stories have no view current for {@code version}: the due ones, or every story after a version change. */
    public int staleViewCount(String version) {
        return db.read("count stories without a current view", c -> {
            String sql = "SELECT COUNT(*) FROM stories s LEFT JOIN story_views v ON v.story_id = s.id WHERE "
                    + (onlyVersion(c, version) ? "s.view_due IS NOT NULL AND " : "") + STALE;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Whether every stored view (if any) was built by {@code version}: the lowest and highest, read from V18's index. */
    private static boolean onlyVersion(Connection c, String version) throws SQLException {
        try (Statement st = c.createStatement()) {
            String low, high;
            try (ResultSet rs = st.executeQuery("SELECT MIN(version) FROM story_views")) {
                low = rs.next() ? rs.getString(1) : null;
            }
            if (low == null) return true;
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM story_views")) {
                high = rs.next() ? rs.getString(1) : null;
            }
            return low.equals(version) && version.equals(high);
        }
    }

    private List<StoredView.Stamps> stamps(String what, String sql) {
        return db.read(what, c -> {
            List<StoredView.Stamps> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new StoredView.Stamps(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** Drops every stored view (a cache the stories rebuild); returns how many. For benchmarks and repairs. */
    public int deleteViews() {
        return db.write("delete story views", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE stories SET view_due = 1 WHERE view_due IS NULL");
                return s.executeUpdate("DELETE FROM story_views");
            }
        });
    }

    /** How many stories have a view current for {@code version}. */
    public int currentViewCount(String version) {
        return db.read("count current views", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM stories s JOIN story_views v ON v.story_id = s.id WHERE v.stamp = s.stamp AND v.version = ?")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * Stores views in one transaction, each replacing the story's previous one. A view whose story no longer
     * exists is skipped. A story saved before stamps existed takes its view's stamp (computed from what the
     * view was built from), so it counts as current from then on; a story saved since keeps its own stamp, and a
     * view built from an older version of it stays stale.
     */
    public void putViews(List<StoredView> views) {
        if (views.isEmpty()) return;
        db.write("store " + views.size() + " story views", c -> {
            String now = Timestamps.format(Instant.now());
            try (PreparedStatement put = c.prepareStatement(
                    "INSERT INTO story_views (story_id, stamp, version, overview, view, built_at) SELECT ?,?,?,?,?,?"
                            + " WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?)"
                            + " ON CONFLICT (story_id) DO UPDATE SET stamp = excluded.stamp, version = excluded.version,"
                            + " overview = excluded.overview, view = excluded.view, built_at = excluded.built_at");
                 PreparedStatement stamp = c.prepareStatement("UPDATE stories SET stamp = ? WHERE id = ? AND stamp IS NULL");
                 PreparedStatement done = c.prepareStatement(
                         "UPDATE stories SET view_due = NULL WHERE id = ? AND stamp = ? AND view_due IS NOT NULL")) {
                for (StoredView v : views) {
                    put.setString(1, v.storyId());
                    put.setString(2, v.stamp());
                    put.setString(3, v.version());
                    put.setString(4, db.dialect().text(v.overview()));
                    put.setBytes(5, v.view());
                    put.setString(6, now);
                    put.setString(7, v.storyId());
                    put.addBatch();
                    stamp.setString(1, v.stamp());
                    stamp.setString(2, v.storyId());
                    stamp.addBatch();
                    // Built from the story as it is (a save since then wrote another stamp and left it due).
                    done.setString(1, v.storyId());
                    done.setString(2, v.stamp());
                    done.addBatch();
                }
                stamp.executeBatch();
                put.executeBatch();
                done.executeBatch();
            }
            return null;
        });
    }
}
