package news.parallax.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.parallax.internal.Json;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * The corrections editors made, in the store (table {@code story_corrections}, V10), in the order they are
 * replayed. On the store's pooled connections ({@code Store.database()}). Thread-safe.
 */
public final class Corrections {
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};
    private final Store store;

    public Corrections(Store store) {
        this.store = store;
    }

    /** Stores a correction and returns it with its number. */
    public Correction add(Correction c) {
        return store.database().write("store a correction of story " + c.storyId(), conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO story_corrections (kind, editor, created_at,"
                    + " story_id, target_id, articles, target_articles, note) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, c.kind().key());
                ps.setString(2, c.editor());
                Timestamps.set(ps, 3, c.createdAt());
                ps.setString(4, c.storyId());
                ps.setString(5, c.targetId());
                ps.setString(6, Json.write(c.articles()));
                ps.setString(7, Json.write(c.targetArticles()));
                ps.setString(8, store.dialect().text(c.note()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) throw new SQLException("no id returned for the new correction");
                    return c.withId(keys.getLong(1));
                }
            }
        });
    }

    /** Removes a correction (one whose stories could not be written); false when there was none. */
    public boolean remove(long id) {
        return store.database().write("remove correction " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM story_corrections WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Every correction not undone, oldest first: the order they are replayed in. */
    public List<Correction> all() {
        return query("SELECT * FROM story_corrections WHERE undone_at IS NULL ORDER BY id", -1);
    }

    /** A correction as listed for editors: undone ones stay on record with who undid them and when. */
    public record Entry(Correction correction, @Nullable Instant undoneAt, @Nullable String undoneBy) {
        public boolean undone() {
            return undoneAt != null;
        }
    }

    /** The newest {@code limit} corrections, undone ones included, newest first. */
    public List<Entry> recent(int limit) {
        return store.database().read("read corrections", c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM story_corrections ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(entry(rs));
                }
            }
            return out;
        });
    }

    /** One correction, undone or not; empty when there is none with that number. */
    public Optional<Entry> find(long id) {
        return store.database().read("read correction " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM story_corrections WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(entry(rs)) : Optional.<Entry>empty();
                }
            }
        });
    }

    /**
     * Marks a correction undone: it stays on record but is no longer replayed. False when there is no such
     * correction or it was already undone (two editors undoing at once: one wins).
     */
    public boolean markUndone(long id, String editor, Instant now) {
        return store.database().write("mark correction " + id + " undone", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE story_corrections SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL")) {
                Timestamps.set(ps, 1, now);
                ps.setString(2, editor);
                ps.setLong(3, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Takes back {@link #markUndone} (the stories could not be written). */
    public void unmarkUndone(long id) {
        store.database().write("restore correction " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE story_corrections SET undone_at = NULL, undone_by = NULL WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /** The newest {@code limit} corrections, newest first. */
    public List<Correction> latest(int limit) {
        return query("SELECT * FROM story_corrections ORDER BY id DESC LIMIT ?", limit);
    }

    /** Number of the last correction (0 for none): a pipeline notices new corrections by it. */
    public long lastId() {
        return store.database().read("read the last correction", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0), COUNT(*), COUNT(undone_at) FROM story_corrections")) {
                // The counts join the number, so a correction removed after a failed write, or undone, also counts as a change.
                return rs.next() ? rs.getLong(1) * 1_000_003L + rs.getLong(2) + 1_009L * rs.getLong(3) : 0L;
            }
        });
    }

    private List<Correction> query(String sql, int limit) {
        return store.database().read("read corrections", c -> {
            List<Correction> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (limit >= 0) ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static Entry entry(ResultSet rs) throws SQLException, JsonProcessingException {
        return new Entry(read(rs), Timestamps.get(rs, "undone_at"), rs.getString("undone_by"));
    }

    private static Correction read(ResultSet rs) throws SQLException, JsonProcessingException {
        return new Correction(rs.getLong("id"), Correction.Kind.of(rs.getString("kind")), rs.getString("editor"),
                Timestamps.require(rs, "created_at"), rs.getString("story_id"), rs.getString("target_id"),
                ids(rs.getString("articles")), ids(rs.getString("target_articles")), rs.getString("note"));
    }

    private static List<String> ids(String json) throws JsonProcessingException {
        return Json.mapper().readValue(json, IDS);
    }
}
