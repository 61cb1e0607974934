package news.parallax.topics;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.parallax.internal.Json;
import news.parallax.store.Database;
import news.parallax.store.Dialect;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * The topic tables of migration V8 ({@code story_names}, {@code topics}, {@code story_topics},
 * {@code topic_redirects}) in the store, on SQLite or PostgreSQL with the same SQL, on the store's pooled connections
 * ({@link Database}: reads on the readers, each write one transaction of the writer). Thread-safe.
 */
public final class TopicStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final Store store;

    public TopicStore(Store store) {
        this.store = store;
    }

    private <T extends @Nullable Object> T read(String what, Database.Work<T> work) {
        return store.database().read(what, work);
    }

    private <T extends @Nullable Object> T write(String what, Database.Work<T> work) {
        return store.database().write(what, work);
    }

    // ---- reading, for pages, the API and the CLI ----

    /** How many topics there are whose name or a spelling contains {@code filter} (case and accents aside; "" for all). */
    public int count(String filter) {
        return read("count topics", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM topics" + where(filter))) {
                bindFilter(ps, filter, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Topics, most stories first, {@code limit} after the first {@code offset}, filtered as in {@link #count}. */
    public List<TopicSummary> topics(String filter, int offset, int limit) {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        return read("list topics", c -> {
            List<TopicSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM topics" + where(filter)
                    + " ORDER BY story_count DESC, slug LIMIT " + limit + " OFFSET " + offset)) {
                bindFilter(ps, filter, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(summary(rs));
                }
            }
            return out;
        });
    }

    private static String where(String filter) {
        return filter.isBlank() ? "" : " WHERE name_keys LIKE ? ESCAPE '!'";
    }

    private static void bindFilter(PreparedStatement ps, String filter, int index) throws SQLException {
        if (filter.isBlank()) return;
        String k = TopicKeys.key(filter).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        ps.setString(index, "%" + k + "%");
    }

    public Optional<TopicSummary> topic(String slug) {
        return read("read topic " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM topics WHERE slug = ?")) {
                ps.setString(1, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The topic's stories, newest first (by their latest article; undated last), {@code limit} after {@code offset}. */
    public List<String> storyIds(String slug, int offset, int limit) {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        return read("list the stories of topic " + slug, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT st.story_id FROM story_topics st JOIN stories s ON s.id = st.story_id"
                    + " WHERE st.slug = ? ORDER BY s.last_seen DESC NULLS LAST, s.id LIMIT " + limit + " OFFSET " + offset)) {
                ps.setString(1, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The topics of a story, largest first. */
    public List<TopicSummary> topicsOf(String storyId) {
        return read("list the topics of story " + storyId, c -> {
            List<TopicSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.* FROM story_topics st JOIN topics t ON t.slug = st.slug"
                    + " WHERE st.story_id = ? ORDER BY t.story_count DESC, t.slug")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(summary(rs));
                }
            }
            return out;
        });
    }

    /** The live topic that took over a slug no longer in use; empty when there is none. */
    public Optional<String> redirect(String slug) {
        return read("read the redirect of topic " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT r.to_slug FROM topic_redirects r JOIN topics t ON t.slug = r.to_slug WHERE r.from_slug = ?")) {
                ps.setString(1, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static TopicSummary summary(ResultSet rs) throws SQLException, IOException {
        String last = rs.getString("last_seen");
        return new TopicSummary(rs.getString("slug"), rs.getString("name"), rs.getString("kind"), rs.getInt("story_count"),
                Json.mapper().readValue(rs.getString("variants"), STRINGS), Timestamps.parseOrNull(last));
    }

    // ---- writing, for the topic builder ----

    /** A stored view whose story's names are missing or were read from another stamp. */
    record StaleView(String storyId, String stamp) {}

    /** Stories whose stored view changed since their names were read (or which have none), at most {@code limit}. */
    List<StaleView> staleViews(int limit) {
        return read("find stories whose names are stale", c -> {
            List<StaleView> out = new ArrayList<>();
            String stamp = "v.stamp || ':' || v.version || ':" + StoryNames.FORMAT + "'";
            try (PreparedStatement ps = c.prepareStatement("SELECT v.story_id, " + stamp + " FROM story_views v"
                    + " LEFT JOIN story_names n ON n.story_id = v.story_id"
                    + " WHERE n.story_id IS NULL OR n.stamp <> " + stamp + " ORDER BY v.story_id LIMIT " + Math.max(0, limit))) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new StaleView(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        });
    }

    /** Drops the names of stories that no longer exist; returns how many. */
    int deleteGoneNames() {
        return write("delete the names of removed stories", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM story_names WHERE story_id NOT IN (SELECT id FROM stories)");
            }
        });
    }

    /** Stores stories' names, each replacing the story's previous ones, in one transaction. */
    void putNames(List<StoryNames> names) {
        if (names.isEmpty()) return;
        Dialect d = store.dialect();
        write("store " + names.size() + " stories' names", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_names (story_id, stamp, names) VALUES (?,?,?)"
                    + " ON CONFLICT (story_id) DO UPDATE SET stamp = excluded.stamp, names = excluded.names")) {
                for (StoryNames n : names) {
                    ps.setString(1, n.storyId());
                    ps.setString(2, n.stamp());
                    ps.setString(3, d.text(Json.write(n)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every story's names. */
    List<StoryNames> allNames() {
        return read("read stories' names", c -> {
            List<StoryNames> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT names FROM story_names ORDER BY story_id")) {
                while (rs.next()) out.add(Json.mapper().readValue(rs.getString(1), StoryNames.class));
            }
            return out;
        });
    }

    /** The stored topics' comparison keys, by slug: what keeps a topic's slug across recomputations. */
    Map<String, Set<String>> slugKeys() {
        return read("read topic keys", c -> {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT slug, name_keys FROM topics ORDER BY slug")) {
                while (rs.next()) out.put(rs.getString(1), Set.copyOf(Json.mapper().readValue(rs.getString(2), STRINGS)));
            }
            return out;
        });
    }

    /** Every stored redirect, from slug to slug. */
    Map<String, String> redirects() {
        return read("read topic redirects", c -> {
            Map<String, String> out = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT from_slug, to_slug FROM topic_redirects")) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /**
     * Replaces every topic, its stories and the redirects in one transaction, then sets each topic's latest article
     * time from its stories. Readers see the old topics or the new ones, never a mix.
     */
    void replace(List<Topic> topics, Map<String, Set<String>> keys, Map<String, String> redirects) {
        Dialect d = store.dialect();
        write("store " + topics.size() + " topics", c -> {
            if (d == Dialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    // Two processes recomputing at once would collide on the primary keys: the second waits.
                    s.execute("LOCK TABLE topics, story_topics, topic_redirects IN EXCLUSIVE MODE");
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM story_topics");
                s.executeUpdate("DELETE FROM topics");
                s.executeUpdate("DELETE FROM topic_redirects");
            }
            try (PreparedStatement t = c.prepareStatement(
                    "INSERT INTO topics (slug, name, kind, story_count, variants, name_keys) VALUES (?,?,?,?,?,?)");
                 PreparedStatement st = c.prepareStatement("INSERT INTO story_topics (slug, story_id) VALUES (?,?)");
                 PreparedStatement r = c.prepareStatement("INSERT INTO topic_redirects (from_slug, to_slug) VALUES (?,?)")) {
                for (Topic topic : topics) {
                    t.setString(1, topic.slug());
                    t.setString(2, d.text(topic.name()));
                    t.setString(3, topic.kind());
                    t.setInt(4, topic.storyCount());
                    t.setString(5, d.text(Json.write(topic.variants())));
                    t.setString(6, d.text(Json.write(keys.getOrDefault(topic.slug(), Set.of()).stream().sorted().toList())));
                    t.addBatch();
                    for (String id : topic.storyIds()) {
                        st.setString(1, topic.slug());
                        st.setString(2, id);
                        st.addBatch();
                    }
                }
                t.executeBatch();
                st.executeBatch();
                for (var e : redirects.entrySet()) {
                    r.setString(1, e.getKey());
                    r.setString(2, e.getValue());
                    r.addBatch();
                }
                r.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE topics SET last_seen = (SELECT MAX(s.last_seen) FROM story_topics st JOIN stories s"
                        + " ON s.id = st.story_id WHERE st.slug = topics.slug)");
            }
            return null;
        });
    }

    /** Drops every topic and every story's names, so the next update reads all views again; for benchmarks and repairs. */
    public void clear() {
        write("clear topics", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM story_topics");
                s.executeUpdate("DELETE FROM topics");
                s.executeUpdate("DELETE FROM topic_redirects");
                s.executeUpdate("DELETE FROM story_names");
            }
            return null;
        });
    }
}
