package news.parallax.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Small JDBC helpers the stores share. */
final class Sql {
    /** SQLite takes at most 999 parameters; one query per value would cost a round trip each on PostgreSQL. */
    static final int CHUNK = 500;

    private Sql() {}

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sqlPrefix (?,...)} over {@code values} in chunks. */
    static void forChunks(Connection c, List<String> values, String sqlPrefix, RowReader reader) throws SQLException {
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(sqlPrefix + " (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) reader.read(rs);
                }
            }
        }
    }

    /** The one number {@code sql} selects (0 for no row). */
    static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Whether {@code ps}, given {@code value} as its one parameter, selects a row. */
    static boolean exists(PreparedStatement ps, String value) throws SQLException {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
