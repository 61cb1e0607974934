package news.parallax.editor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Readers' reports ("Report an issue with this summary") as the editor works through them: each open, resolved or
 * dismissed (column {@code reports.state}, V10), with who changed it and when. Thread-safe.
 */
public final class ReportQueue {
    /** What became of a report. */
    public enum State {
        OPEN, RESOLVED, DISMISSED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the value */
        public static State of(String key) {
            for (State s : values()) if (s.key().equals(key)) return s;
            throw new IllegalArgumentException("state must be open, resolved or dismissed; got: " + EditorAccounts.shorten(key));
        }
    }

    /** A report with its state. */
    public record Entry(long id, String storyId, Instant createdAt, String kind, String message, State state,
            @Nullable Instant changedAt, @Nullable String changedBy) {}

    private final Store store;

    public ReportQueue(Store store) {
        this.store = store;
    }

    /** One page of reports in {@code state} (all states when null), newest first. */
    public List<Entry> page(@Nullable State state, int offset, int limit) {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        String sql = "SELECT * FROM reports" + (state == null ? "" : " WHERE state = ?") + " ORDER BY id DESC LIMIT " + limit + " OFFSET " + offset;
        return store.database().read("list reports", c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (state != null) ps.setString(1, state.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong("id"), rs.getString("story_id"), Timestamps.require(rs, "created_at"),
                                rs.getString("kind"), rs.getString("message"), State.of(rs.getString("state")),
                                Timestamps.get(rs, "state_changed_at"), rs.getString("state_changed_by")));
                    }
                }
            }
            return out;
        });
    }

    /** How many reports are in {@code state} (all when null). */
    public long count(@Nullable State state) {
        return store.database().read("count reports", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM reports" + (state == null ? "" : " WHERE state = ?"))) {
                if (state != null) ps.setString(1, state.key());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Sets a report's state; false when no report has that id. */
    public boolean setState(long id, State state, String editor, Instant now) {
        return store.database().write("change the state of report " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE reports SET state = ?, state_changed_at = ?, state_changed_by = ? WHERE id = ?")) {
                ps.setString(1, state.key());
                Timestamps.set(ps, 2, now);
                ps.setString(3, editor);
                ps.setLong(4, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
