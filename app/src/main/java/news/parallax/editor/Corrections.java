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
import news.parallax.internal.Json;
import news.parallax.store.Store;
import news.parallax.store.StoreException;

/**
 * The corrections editors made, in the store (table {@code story_corrections}, V10), in the order they are
 * replayed. Shares the store's connection and lock. Thread-safe.
 */
public final class Corrections {
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};
    private final Store store;

    public Corrections(Store store) {
        this.store = store;
    }

    /** Stores a correction and returns it with its number. */
    public Correction add(Correction c) {
        synchronized (store) {
            try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO story_corrections (kind, editor, created_at,"
                    + " story_id, target_id, articles, target_articles, note) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, c.kind().key());
                ps.setString(2, c.editor());
                ps.setString(3, c.createdAt().toString());
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
            } catch (SQLException e) {
                throw fail("store a correction of story " + c.storyId(), e);
            }
        }
    }

    /** Removes a correction (one whose stories could not be written); false when there was none. */
    public boolean remove(long id) {
        synchronized (store) {
            try (PreparedStatement ps = store.connection().prepareStatement("DELETE FROM story_corrections WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw fail("remove correction " + id, e);
            }
        }
    }

    /** Every correction, oldest first: the order they are replayed in. */
    public List<Correction> all() {
        return query("SELECT * FROM story_corrections ORDER BY id", -1);
    }

    /** The newest {@code limit} corrections, newest first. */
    public List<Correction> latest(int limit) {
        return query("SELECT * FROM story_corrections ORDER BY id DESC LIMIT ?", limit);
    }

    /** Number of the last correction (0 for none): a pipeline notices new corrections by it. */
    public long lastId() {
        synchronized (store) {
            try (Statement s = store.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM story_corrections")) {
                // The count joins the number, so a correction removed after a failed write also counts as a change.
                return rs.next() ? rs.getLong(1) * 1_000_003L + rs.getLong(2) : 0;
            } catch (SQLException e) {
                throw fail("read the last correction", e);
            }
        }
    }

    private List<Correction> query(String sql, int limit) {
        List<Correction> out = new ArrayList<>();
        synchronized (store) {
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                if (limit >= 0) ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Correction(rs.getLong("id"), Correction.Kind.of(rs.getString("kind")), rs.getString("editor"),
                                Instant.parse(rs.getString("created_at")), rs.getString("story_id"), rs.getString("target_id"),
                                ids(rs.getString("articles")), ids(rs.getString("target_articles")), rs.getString("note")));
                    }
                }
            } catch (SQLException | JsonProcessingException e) {
                throw fail("read corrections", e instanceof SQLException s ? s : new SQLException(e));
            }
        }
        return out;
    }

    private static List<String> ids(String json) throws JsonProcessingException {
        return Json.mapper().readValue(json, IDS);
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException(store.location() + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
