package news.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Readers' reports on stories (V1 {@code reports}); they follow a story's redirects ({@link StoryStore}). Thread-safe. */
public final class ReportStore {
    private final Database db;

    public ReportStore(Database db) {
        this.db = db;
    }

    public Report addReport(String storyId, String kind, String message) {
        Instant now = Instant.now();
        return db.write("store report for story " + storyId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reports (story_id, created_at, kind, message) VALUES (?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, storyId);
                ps.setString(2, Timestamps.format(now));
                ps.setString(3, kind);
                ps.setString(4, db.dialect().text(message));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    long id = keys.next() ? keys.getLong(1) : -1;
                    return new Report(id, storyId, now, kind, message);
                }
            }
        });
    }

    /** Every report, or a story's ({@code storyId} not null), oldest first. */
    public List<Report> reports(@Nullable String storyId) {
        String sql = "SELECT * FROM reports" + (storyId == null ? "" : " WHERE story_id = ?") + " ORDER BY id";
        return db.read("list reports", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (storyId != null) ps.setString(1, storyId);
                return list(ps);
            }
        });
    }

    /** One page of a story's reports, oldest first: {@code limit} reports after the first {@code offset}. */
    public List<Report> reports(String storyId, int offset, int limit) {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        String sql = "SELECT * FROM reports WHERE story_id = ? ORDER BY id LIMIT " + limit + " OFFSET " + offset;
        return db.read("list reports of story " + storyId, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, storyId);
                return list(ps);
            }
        });
    }

    private static List<Report> list(PreparedStatement ps) throws SQLException {
        List<Report> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Report(rs.getLong("id"), rs.getString("story_id"), Timestamps.parse(rs.getString("created_at")),
                        rs.getString("kind"), rs.getString("message")));
            }
        }
        return out;
    }

    /** How many reports a story has. */
    public long reportCount(String storyId) {
        return db.read("count reports of story " + storyId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM reports WHERE story_id = ?")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }
}
