package news.parallax.threads;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import news.parallax.internal.Json;
import news.parallax.store.Database;
import news.parallax.store.Dialect;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * The thread tables of the store (migration V9): profiles, links, threads, on the store's pooled connections
 * ({@link Database}: reads on the readers, every write one transaction of the writer). Thread-safe.
 */
public final class ThreadStore {
    private final Store store;

    public ThreadStore(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A profile with the story stamp it was built from. */
    public record Stamped(StoryProfile profile, String stamp) {}

    /** What a profile row holds besides its dates and vector. */
    private record ProfileJson(String title, int sourceCount, List<String> subjects) {}

    private <T extends @Nullable Object> T read(String what, Database.Work<T> work) {
        return store.database().read(what, work);
    }

    private void write(String what, Database.Work<@Nullable Void> work) {
        store.database().write(what, work);
    }

    /** Dated stories whose profile is missing or was built from another stamp, with their current stamp. */
    public Map<String, String> staleProfiles() {
        return read("find stories to profile for threads", c -> {
            Map<String, String> out = new LinkedHashMap<>();
            String sql = "SELECT s.id, COALESCE(s.stamp, '') FROM stories s LEFT JOIN thread_profiles p ON p.story_id = s.id"
                    + " WHERE s.first_seen IS NOT NULL AND s.last_seen IS NOT NULL AND (p.story_id IS NULL OR p.stamp <> COALESCE(s.stamp, ''))"
                    + " ORDER BY s.id";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /**
     * Drops the profiles and links of stories that no longer exist or are no longer dated; returns the ids of the
     * stories whose link pointed at one of them (they need a new earlier story).
     */
    public List<String> dropGone() {
        List<String> orphans = new ArrayList<>();
        write("drop thread profiles of removed stories", c -> {
            String gone = "SELECT story_id FROM thread_profiles WHERE story_id NOT IN (SELECT id FROM stories WHERE first_seen IS NOT NULL)";
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT later_id FROM thread_links WHERE earlier_id IN (" + gone + ")"
                         + " AND later_id NOT IN (" + gone + ")")) {
                while (rs.next()) orphans.add(rs.getString(1));
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM thread_links WHERE earlier_id IN (" + gone + ") OR later_id IN (" + gone + ")");
                s.executeUpdate("DELETE FROM thread_profiles WHERE story_id NOT IN (SELECT id FROM stories WHERE first_seen IS NOT NULL)");
            }
            return null;
        });
        return orphans;
    }

    public void putProfiles(List<Stamped> profiles) {
        if (profiles.isEmpty()) return;
        Dialect dialect = store.dialect();
        write("store " + profiles.size() + " thread profiles", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO thread_profiles (story_id, stamp, first_seen, last_seen, profile, vector)"
                    + " VALUES (?,?,?,?,?,?) ON CONFLICT (story_id) DO UPDATE SET stamp = excluded.stamp, first_seen = excluded.first_seen,"
                    + " last_seen = excluded.last_seen, profile = excluded.profile, vector = excluded.vector")) {
                for (Stamped s : profiles) {
                    StoryProfile p = s.profile();
                    ps.setString(1, p.storyId());
                    ps.setString(2, s.stamp());
                    Timestamps.set(ps, 3, p.firstSeen());
                    Timestamps.set(ps, 4, p.lastSeen());
                    ps.setString(5, dialect.text(Json.write(new ProfileJson(p.title(), p.sourceCount(), p.subjects()))));
                    ps.setBytes(6, p.centroid() == null ? null : bytes(p.centroid()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every profile whose story ended at or after {@code from} (null: all), by story id. */
    public Map<String, StoryProfile> profiles(@Nullable Instant from) {
        return read("read thread profiles", c -> {
            Map<String, StoryProfile> out = new HashMap<>();
            String sql = "SELECT story_id, first_seen, last_seen, profile, vector FROM thread_profiles" + (from == null ? "" : " WHERE last_seen >= ?");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (from != null) Timestamps.set(ps, 1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), profile(rs, rs.getBytes(5)));
                }
            }
            return out;
        });
    }

    /** How many profiled stories name each subject (the profiles' subjects only, no vectors). */
    public SubjectFrequencies subjectFrequencies() {
        return read("count thread subjects", c -> {
            Map<String, Integer> counts = new HashMap<>();
            int stories = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT profile FROM thread_profiles")) {
                while (rs.next()) {
                    stories++;
                    ProfileJson j;
                    try {
                        j = Json.mapper().readValue(rs.getString(1), ProfileJson.class);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("unreadable thread profile: " + e.getOriginalMessage(), e);
                    }
                    for (String subject : new java.util.HashSet<>(j.subjects())) counts.merge(subject, 1, Integer::sum);
                }
            }
            return new SubjectFrequencies(stories, counts);
        });
    }

    /** The profiles of {@code storyIds} that exist, without their vectors (for naming and dating threads). */
    public Map<String, StoryProfile> profilesOf(Collection<String> storyIds) {
        return read("read thread profiles", c -> {
            Map<String, StoryProfile> out = new HashMap<>();
            List<String> ids = new ArrayList<>(storyIds);
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT story_id, first_seen, last_seen, profile FROM thread_profiles"
                        + " WHERE story_id IN (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.put(rs.getString(1), profile(rs, null));
                    }
                }
            }
            return out;
        });
    }

    private static StoryProfile profile(ResultSet rs, byte @Nullable [] vector) throws SQLException {
        ProfileJson j;
        try {
            j = Json.mapper().readValue(rs.getString(4), ProfileJson.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable thread profile of story " + rs.getString(1) + ": " + e.getOriginalMessage(), e);
        }
        return new StoryProfile(rs.getString(1), j.title(), Timestamps.require(rs, 2), Timestamps.require(rs, 3),
                j.sourceCount(), j.subjects(), vector == null ? null : floats(vector));
    }

    /** Every stored link. */
    public List<ThreadLinker.Link> links() {
        return read("read thread links", c -> {
            List<ThreadLinker.Link> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT earlier_id, later_id, score FROM thread_links")) {
                while (rs.next()) out.add(new ThreadLinker.Link(rs.getString(1), rs.getString(2), rs.getDouble(3)));
            }
            return out;
        });
    }

    /**
     * Replaces the links of the stories in {@code relinked} with {@code links} (each story's best earlier one, or
     * none), then the threads the links now form: {@code threads} is the whole new set; threads unchanged keep their rows.
     * One transaction, so a reader sees threads and links agree.
     */
    public void saveLinksAndThreads(Collection<String> relinked, List<ThreadLinker.Link> links, List<StoryThread> threads) {
        write("store thread links and threads", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM thread_links WHERE later_id = ?");
                 PreparedStatement put = c.prepareStatement("INSERT INTO thread_links (later_id, earlier_id, score) VALUES (?,?,?)")) {
                for (String id : relinked) {
                    del.setString(1, id);
                    del.addBatch();
                }
                del.executeBatch();
                for (ThreadLinker.Link l : links) {
                    put.setString(1, l.laterId());
                    put.setString(2, l.earlierId());
                    put.setDouble(3, l.score());
                    put.addBatch();
                }
                put.executeBatch();
            }
            Map<String, StoryThread> stored = readThreads(c);
            Map<String, StoryThread> wanted = new HashMap<>();
            for (StoryThread t : threads) wanted.put(t.id(), t);
            Instant now = Instant.now();
            try (PreparedStatement delThread = c.prepareStatement("DELETE FROM threads WHERE id = ?");
                 PreparedStatement delMembers = c.prepareStatement("DELETE FROM thread_stories WHERE thread_id = ?");
                 PreparedStatement putThread = c.prepareStatement(
                         "INSERT INTO threads (id, title, story_count, first_seen, last_seen, updated_at) VALUES (?,?,?,?,?,?)");
                 PreparedStatement putMember = c.prepareStatement("INSERT INTO thread_stories (story_id, thread_id, position) VALUES (?,?,?)")) {
                List<StoryThread> changed = new ArrayList<>();
                for (StoryThread old : stored.values()) {
                    if (old.equals(wanted.get(old.id()))) continue;
                    delThread.setString(1, old.id());
                    delThread.addBatch();
                    delMembers.setString(1, old.id());
                    delMembers.addBatch();
                }
                for (StoryThread t : threads) if (!t.equals(stored.get(t.id()))) changed.add(t);
                delThread.executeBatch();
                delMembers.executeBatch();
                // A story moving from an unchanged-id thread to another: its old row goes before the new one is written.
                try (PreparedStatement freeStory = c.prepareStatement("DELETE FROM thread_stories WHERE story_id = ?")) {
                    for (StoryThread t : changed) {
                        for (String s : t.storyIds()) {
                            freeStory.setString(1, s);
                            freeStory.addBatch();
                        }
                    }
                    freeStory.executeBatch();
                }
                for (StoryThread t : changed) {
                    putThread.setString(1, t.id());
                    putThread.setString(2, store.dialect().text(t.title()));
                    putThread.setInt(3, t.storyIds().size());
                    Timestamps.set(putThread, 4, t.firstSeen());
                    Timestamps.set(putThread, 5, t.lastSeen());
                    Timestamps.set(putThread, 6, now);
                    putThread.addBatch();
                    int position = 0;
                    for (String s : t.storyIds()) {
                        putMember.setString(1, s);
                        putMember.setString(2, t.id());
                        putMember.setInt(3, position++);
                        putMember.addBatch();
                    }
                }
                putThread.executeBatch();
                putMember.executeBatch();
            }
            return null;
        });
    }

    private static Map<String, StoryThread> readThreads(Connection c) throws SQLException {
        Map<String, List<String>> members = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT thread_id, story_id FROM thread_stories ORDER BY thread_id, position")) {
            while (rs.next()) members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        Map<String, StoryThread> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, title, first_seen, last_seen FROM threads")) {
            while (rs.next()) {
                List<String> m = members.getOrDefault(rs.getString(1), List.of());
                if (m.size() < 2) continue; // a row written otherwise; rewritten by the caller
                out.put(rs.getString(1), new StoryThread(rs.getString(1), rs.getString(2), m, Timestamps.require(rs, 3),
                        Timestamps.require(rs, 4)));
            }
        }
        return out;
    }

    /** Story id to the id of the thread holding it, for every threaded story. */
    public Map<String, String> threadOfEachStory() {
        return read("read thread members", c -> {
            Map<String, String> out = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT story_id, thread_id FROM thread_stories")) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /** The thread with this id; empty when there is none. */
    public Optional<StoryThread> thread(String id) {
        return read("read thread " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, first_seen, last_seen FROM threads WHERE id = ?");
                 PreparedStatement m = c.prepareStatement("SELECT story_id FROM thread_stories WHERE thread_id = ? ORDER BY position")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    m.setString(1, id);
                    List<String> stories = new ArrayList<>();
                    try (ResultSet ms = m.executeQuery()) {
                        while (ms.next()) stories.add(ms.getString(1));
                    }
                    if (stories.size() < 2) return Optional.empty();
                    return Optional.of(new StoryThread(rs.getString(1), rs.getString(2), stories, Timestamps.require(rs, 3),
                            Timestamps.require(rs, 4)));
                }
            }
        });
    }

    /** The thread holding story {@code storyId}; empty when it is in none. */
    public Optional<StoryThread> threadOfStory(String storyId) {
        Optional<String> id = read("read the thread of story " + storyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT thread_id FROM thread_stories WHERE story_id = ?")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return id.flatMap(this::thread);
    }

    /** How many threads there are, and how many stories they hold. */
    public record Counts(int threads, int stories) {}

    public Counts counts() {
        return read("count threads", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM threads), (SELECT COUNT(*) FROM thread_stories)")) {
                rs.next();
                return new Counts(rs.getInt(1), rs.getInt(2));
            }
        });
    }

    /** Drops every profile, link and thread (the next update rebuilds them, keeping no ids); for benchmarks and repairs. */
    public void clear() {
        write("clear threads", c -> {
            try (Statement s = c.createStatement()) {
                for (String t : List.of("thread_links", "thread_profiles", "thread_stories", "threads")) s.executeUpdate("DELETE FROM " + t);
            }
            return null;
        });
    }

    static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        FloatBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
    }

}
