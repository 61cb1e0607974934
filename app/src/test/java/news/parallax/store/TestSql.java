package news.parallax.store;

import java.sql.Connection;
import java.sql.SQLException;

/** For tests that run their own SQL on a store: a plain connection to its database, outside its pool. */
public final class TestSql {
    private TestSql() {}

    /** A new connection to {@code store}'s database; the caller closes it. */
    public static Connection connect(Store store) throws SQLException {
        return store.database().connect();
    }
}
