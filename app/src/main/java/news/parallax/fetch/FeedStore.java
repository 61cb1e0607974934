package news.parallax.fetch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.store.Database;
import news.parallax.store.Dialect;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Feed sources, their fetch state and the article links they announced, in the tables of
 * migration {@code V4__feeds.sql} (SQLite or PostgreSQL).
 *
 * <p>Items are keyed by canonical URL and unique per (source, GUID): a link seen again, in any feed,
 * or a GUID whose link changed, is not queued twice. An item stays PENDING until the pipeline has
 * taken it, so a crawl killed midway resumes where it stopped. Thread-safe: each call borrows a connection from the store's {@link Database}, each write is a transaction of its own.
 *
 * <p>Leases (issue 15): crawlers sharing one database claim what they fetch ({@link #claimDueSources},
 * {@link #claimDueItems}): a claim writes the owner and an expiry on rows that are due and not leased, so two
 * crawlers never fetch the same source or link; recording the outcome releases the lease, and a crawler that
 * died leaves rows that return when their lease expires. On PostgreSQL the claim locks the rows it takes with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent claims pass each other instead of waiting; SQLite has one
 * writer, so its claim, one UPDATE statement, is atomic as it stands.
 */
public final class FeedStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedStore.class);
    /** Never-due marker for single pages, which are fetched once as items: the latest time the store holds. */
    static final Instant NEVER = Timestamps.MAX;
    private static final String SOURCE_COLUMNS = "url, kind, outlet_domain, title, added_at, last_fetch, last_success, "
            + "etag, last_modified, last_error, consecutive_failures, next_fetch, interval_seconds, last_new_items, "
            + "total_items";

    private final Database db;
    private final Dialect dialect;

    /** Feed state in {@code db}, on its pooled connections (SQLite: its one writer and WAL readers). */
    public FeedStore(Database db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    /** Feed state in the main store's database. */
    public static FeedStore of(news.parallax.store.Store store) {
        return new FeedStore(store.database());
    }

    /**
     * Adds a source by URL (canonicalised), due at once; the outlet domain defaults to the URL's domain.
     *
     * @return false when the URL is already known (the existing source is kept)
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
     */
    public boolean addSource(String url, FeedSource.Kind kind, @Nullable String outletDomain, String title,
            Duration interval, Instant now) throws SQLException {
        String canonical = UrlCanonicalizer.canonical(url);
        String domain = outletDomain != null && !outletDomain.isBlank() ? outletDomain.strip().toLowerCase(java.util.Locale.ROOT)
                : news.parallax.model.Domains.host(canonical).orElseThrow();
        return db.update(c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fetch_sources (url, kind, outlet_domain, "
                + "title, added_at, next_fetch, interval_seconds) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, canonical);
            ps.setString(2, kind.name());
            ps.setString(3, domain);
            ps.setString(4, title);
            Timestamps.set(ps, 5, now);
            Timestamps.set(ps, 6, now);
            ps.setLong(7, interval.toSeconds());
            return ps.executeUpdate() == 1;
        }
        });
    }

    /** Removes a source and its links not yet fetched; fetched articles stay in the store. */
    public boolean removeSource(String url) throws SQLException {
        String canonical = UrlCanonicalizer.canonical(url);
        return db.update(c -> {
        try (PreparedStatement items = c.prepareStatement(
                     "DELETE FROM fetch_items WHERE source_url = ? AND status = 'PENDING'");
             PreparedStatement src = c.prepareStatement("DELETE FROM fetch_sources WHERE url = ?")) {
            items.setString(1, canonical);
            items.executeUpdate();
            src.setString(1, canonical);
            return src.executeUpdate() == 1;
        }
        });
    }

    public List<FeedSource> sources() throws SQLException {
        return querySources("SELECT " + SOURCE_COLUMNS + " FROM fetch_sources ORDER BY url", null);
    }

    public List<FeedSource> dueSources(Instant now) throws SQLException {
        return querySources("SELECT " + SOURCE_COLUMNS + " FROM fetch_sources WHERE next_fetch <= ? ORDER BY next_fetch",
                now);
    }

    public Optional<FeedSource> findSource(String url) throws SQLException {
        return db.query(c -> {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SOURCE_COLUMNS + " FROM fetch_sources WHERE url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(source(rs)) : Optional.empty();
            }
        }
        });
    }

    private List<FeedSource> querySources(String sql, @Nullable Instant param) throws SQLException {
        return db.query(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) Timestamps.set(ps, 1, param);
            List<FeedSource> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(source(rs));
            }
            return out;
        }
        });
    }

    private static FeedSource source(ResultSet rs) throws SQLException {
        return new FeedSource(rs.getString(1), FeedSource.Kind.parse(rs.getString(2)), rs.getString(3),
                rs.getString(4), Timestamps.require(rs, 5), Timestamps.get(rs, 6), Timestamps.get(rs, 7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getInt(11), Timestamps.require(rs, 12),
                Duration.ofSeconds(rs.getLong(13)), rs.getInt(14), rs.getLong(15));
    }

    /** A successful fetch (200 or 304): clears the error and schedules the next poll. */
    public void recordSuccess(String url, Instant at, @Nullable String etag, @Nullable String lastModified,
            int newItems, Duration interval, Instant next) throws SQLException {
        db.execute(c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fetch_sources SET last_fetch = ?, "
                + "last_success = ?, etag = ?, last_modified = ?, last_error = NULL, consecutive_failures = 0, "
                + "next_fetch = ?, interval_seconds = ?, last_new_items = ?, total_items = total_items + ?, "
                + "lease_owner = NULL, lease_until = NULL WHERE url = ?")) {
            Timestamps.set(ps, 1, at);
            Timestamps.set(ps, 2, at);
            ps.setString(3, etag);
            ps.setString(4, lastModified);
            Timestamps.set(ps, 5, next);
            ps.setLong(6, interval.toSeconds());
            ps.setInt(7, newItems);
            ps.setInt(8, newItems);
            ps.setString(9, url);
            ps.executeUpdate();
        }
        });
    }

    /**
     * What a successful fetch recovered or ignored ("recovered 3 items from malformed XML ..."), shown
     * as the source's last error without counting a failure (issue 20).
     */
    public void recordWarning(String url, String warning) throws SQLException {
        db.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE fetch_sources SET last_error = ? WHERE url = ?")) {
                ps.setString(1, warning);
                ps.setString(2, url);
                ps.executeUpdate();
            }
        });
    }

    /** A failed fetch: keeps validators, counts the failure and schedules the retry. */
    public void recordFailure(String url, Instant at, String error, Instant nextRetry) throws SQLException {
        db.execute(c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fetch_sources SET last_fetch = ?, "
                + "last_error = ?, consecutive_failures = consecutive_failures + 1, next_fetch = ?, lease_owner = NULL, "
                + "lease_until = NULL WHERE url = ?")) {
            Timestamps.set(ps, 1, at);
            ps.setString(2, error);
            Timestamps.set(ps, 3, nextRetry);
            ps.setString(4, url);
            ps.executeUpdate();
        }
        });
    }

    private static final String FREE = " (lease_until IS NULL OR lease_until <= ?)";
    private static final String NEXT_SOURCE = "SELECT MIN(next_fetch) FROM fetch_sources WHERE" + FREE;
    private static final String NEXT_ITEM = "SELECT MIN(next_attempt) FROM fetch_items WHERE status = 'PENDING' AND" + FREE;

    /**
     * The earliest time a source or a pending link that no crawler holds at {@code now} is due; empty when nothing is.
     * What a crawler waits for between passes (issue 15, session 9: a busy feed is polled when due, not minutes later).
     */
    public Optional<Instant> nextDue(Instant now) throws SQLException {
        return earliest(now, List.of(NEXT_SOURCE, NEXT_ITEM));
    }

    /** As {@link #nextDue}, for sources only: what a pass waits for while it fetches pages. */
    public Optional<Instant> nextSourceDue(Instant now) throws SQLException {
        return earliest(now, List.of(NEXT_SOURCE));
    }

    private Optional<Instant> earliest(Instant now, List<String> queries) throws SQLException {
        return db.query(c -> {
            Instant first = null;
            for (String sql : queries) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Timestamps.set(ps, 1, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        Instant t = rs.next() ? Timestamps.get(rs, 1) : null;
                        if (t != null && (first == null || t.isBefore(first))) first = t;
                    }
                }
            }
            return Optional.ofNullable(first);
        });
    }

    /** Queues links not seen before (by URL, or by GUID within the source); returns how many were new. */
    public int addItems(String sourceUrl, List<FeedEntry> entries, Instant now) throws SQLException {
        if (entries.isEmpty()) return 0;
        return db.update(c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fetch_items (url, source_url, guid, "
                + "title, published, discovered_at, status, next_attempt) VALUES (?,?,?,?,?,?,'PENDING',?) "
                + "ON CONFLICT DO NOTHING")) {
            int added = 0;
            for (FeedEntry e : entries) {
                ps.setString(1, e.url());
                ps.setString(2, sourceUrl);
                ps.setString(3, e.guid());
                ps.setString(4, e.title());
                Timestamps.set(ps, 5, e.published());
                Timestamps.set(ps, 6, now);
                Timestamps.set(ps, 7, now);
                added += ps.executeUpdate();
            }
            return added;
        }
        });
    }

    /** PENDING items whose next attempt is due, oldest first. */
    public List<FeedItem> dueItems(Instant now, int limit) throws SQLException {
        return queryItems("WHERE i.status = 'PENDING' AND i.next_attempt <= ? ORDER BY i.discovered_at, i.url LIMIT ?",
                now, limit);
    }

    public List<FeedItem> items() throws SQLException {
        return queryItems("ORDER BY i.discovered_at, i.url", null, Integer.MAX_VALUE);
    }

    public Optional<FeedItem> findItem(String url) throws SQLException {
        return db.query(c -> {
        try (PreparedStatement ps = c.prepareStatement(ITEM_SELECT + " WHERE i.url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        }
        });
    }

    private static final String ITEM_SELECT = "SELECT i.url, i.source_url, s.outlet_domain, i.guid, i.title, "
            + "i.published, i.status, i.attempts, i.last_error, i.article_id FROM fetch_items i "
            + "LEFT JOIN fetch_sources s ON s.url = i.source_url";

    private List<FeedItem> queryItems(String where, @Nullable Instant param, int limit) throws SQLException {
        return db.query(c -> {
        try (PreparedStatement ps = c.prepareStatement(ITEM_SELECT + " " + where)) {
            if (param != null) {
                Timestamps.set(ps, 1, param);
                ps.setInt(2, limit);
            }
            List<FeedItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(item(rs));
            }
            return out;
        }
        });
    }

    private static FeedItem item(ResultSet rs) throws SQLException {
        return new FeedItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Timestamps.get(rs, 6), FeedItem.Status.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9),
                rs.getString(10));
    }

    /** The item ended: DONE with the pipeline's article id, or SKIPPED / FAILED with a reason. */
    public void finishItem(String url, FeedItem.Status status, @Nullable String articleId, @Nullable String error,
            Instant at) throws SQLException {
        db.execute(c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fetch_items SET status = ?, article_id = ?, "
                + "last_error = ?, attempts = attempts + 1, finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE url = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, articleId);
            ps.setString(3, error);
            Timestamps.set(ps, 4, at);
            ps.setString(5, url);
            ps.executeUpdate();
        }
        });
    }

    /**
     * Records that {@code url} (where an item redirected to) is the same article as an item already
     * handled, so that a later link to it is not fetched again.
     */
    public void addAlias(String url, String sourceUrl, @Nullable String articleId, Instant at) throws SQLException {
        db.execute(c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fetch_items (url, source_url, title, "
                + "discovered_at, status, attempts, next_attempt, article_id, finished_at) "
                + "VALUES (?,?,'',?,'DONE',0,?,?,?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, url);
            ps.setString(2, sourceUrl);
            Timestamps.set(ps, 3, at);
            Timestamps.set(ps, 4, at);
            ps.setString(5, articleId);
            Timestamps.set(ps, 6, at);
            ps.executeUpdate();
        }
        });
    }

    /** A transient failure: stays PENDING until {@code next}. */
    public void retryItem(String url, String error, Instant next) throws SQLException {
        db.execute(c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fetch_items SET attempts = attempts + 1, "
                + "last_error = ?, next_attempt = ?, lease_owner = NULL, lease_until = NULL WHERE url = ?")) {
            ps.setString(1, error);
            Timestamps.set(ps, 2, next);
            ps.setString(3, url);
            ps.executeUpdate();
        }
        });
    }

    /**
     * The item was not fetched for a reason of this run (its address is refused without
     * {@code --allow-private}): it stays PENDING, its attempts uncounted, until {@code next}.
     */
    public void holdItem(String url, String error, Instant next) throws SQLException {
        db.execute(c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fetch_items SET last_error = ?, next_attempt = ?, "
                + "lease_owner = NULL, lease_until = NULL WHERE url = ?")) {
            ps.setString(1, error);
            Timestamps.set(ps, 2, next);
            ps.setString(3, url);
            ps.executeUpdate();
        }
        });
    }

    /**
     * Claims for {@code owner}, until {@code until}, at most {@code limit} sources due at {@code horizon} that no
     * other crawler holds (unleased, or leased until {@code now} or earlier), soonest due first. The lease ends
     * when the fetch is recorded ({@link #recordSuccess}, {@link #recordFailure}) or at {@code until}.
     */
    public List<FeedSource> claimDueSources(LeaseOwner owner, Instant horizon, Instant now, Instant until, int limit)
            throws SQLException {
        List<String> urls = claim("fetch_sources", "next_fetch <= ?", "next_fetch, url", owner, horizon, now, until, limit);
        List<FeedSource> out = new ArrayList<>();
        forChunks(urls, "SELECT " + SOURCE_COLUMNS + " FROM fetch_sources WHERE url IN", rs -> out.add(source(rs)));
        out.sort(java.util.Comparator.comparing(FeedSource::nextFetch).thenComparing(FeedSource::url));
        return out;
    }

    /**
     * Claims for {@code owner}, until {@code until}, at most {@code limit} PENDING links due at {@code horizon}
     * that no other crawler holds, oldest first; the lease ends when the outcome is recorded
     * ({@link #finishItem}, {@link #retryItem}, {@link #holdItem}) or at {@code until}.
     */
    public List<FeedItem> claimDueItems(LeaseOwner owner, Instant horizon, Instant now, Instant until, int limit)
            throws SQLException {
        List<String> urls = claim("fetch_items", "status = 'PENDING' AND next_attempt <= ?", "discovered_at, url", owner,
                horizon, now, until, limit);
        return itemsByUrl(urls);
    }

    /** Claims one PENDING link whatever its schedule (a page the user named); empty when it is not pending or another crawler holds it. */
    public Optional<FeedItem> claimItem(String url, LeaseOwner owner, Instant now, Instant until) throws SQLException {
        int claimed = db.update(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE fetch_items SET lease_owner = ?, lease_until = ? "
                    + "WHERE url = ? AND status = 'PENDING' AND (lease_until IS NULL OR lease_until <= ?)")) {
                ps.setString(1, owner.toString());
                Timestamps.set(ps, 2, until);
                ps.setString(3, url);
                Timestamps.set(ps, 4, now);
                return ps.executeUpdate();
            }
        });
        return claimed == 0 ? Optional.empty() : findItem(url);
    }

    /**
     * The one claim statement for both tables. PostgreSQL: rows another claim has locked are skipped, not
     * waited for, and a row leased meanwhile fails the re-checked condition; SQLite: one writer at a time.
     */
    private List<String> claim(String table, String due, String order, LeaseOwner owner, Instant horizon, Instant now,
            Instant until, int limit) throws SQLException {
        String free = " AND (lease_until IS NULL OR lease_until <= ?)";
        String sql = dialect == Dialect.POSTGRESQL
                ? "WITH c AS (SELECT url FROM " + table + " WHERE " + due + free + " ORDER BY " + order
                        + " LIMIT ? FOR UPDATE SKIP LOCKED) UPDATE " + table + " t SET lease_owner = ?, lease_until = ? "
                        + "FROM c WHERE t.url = c.url RETURNING t.url"
                : "UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE url IN (SELECT url FROM " + table
                        + " WHERE " + due + free + " ORDER BY " + order + " LIMIT ?) RETURNING url";
        return db.update(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (dialect == Dialect.SQLITE) {
                    ps.setString(i++, owner.toString());
                    Timestamps.set(ps, i++, until);
                }
                Timestamps.set(ps, i++, horizon);
                Timestamps.set(ps, i++, now);
                ps.setInt(i++, Math.max(0, limit));
                if (dialect == Dialect.POSTGRESQL) {
                    ps.setString(i++, owner.toString());
                    Timestamps.set(ps, i, until);
                }
                List<String> urls = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) urls.add(rs.getString(1));
                }
                return urls;
            }
        });
    }

    /** Extends every lease {@code owner} holds to {@code until} (a crawler alive and still working); returns how many. */
    public int renewLeases(LeaseOwner owner, Instant until) throws SQLException {
        return leaseUpdate("UPDATE %s SET lease_until = ? WHERE lease_owner = ?", owner, until);
    }

    /** Ends every lease {@code owner} holds (its crawler stopped, or died on this host); returns how many. */
    public int releaseLeases(LeaseOwner owner) throws SQLException {
        return leaseUpdate("UPDATE %s SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", owner, null);
    }

    private int leaseUpdate(String template, LeaseOwner owner, @Nullable Instant until) throws SQLException {
        return db.update(c -> {
            int n = 0;
            for (String table : List.of("fetch_sources", "fetch_items")) {
                try (PreparedStatement ps = c.prepareStatement(template.formatted(table))) {
                    int i = 1;
                    if (until != null) Timestamps.set(ps, i++, until);
                    ps.setString(i, owner.toString());
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    /** The owners holding any lease now (expired or not). */
    public java.util.Set<String> leaseOwners() throws SQLException {
        return db.query(c -> {
            java.util.Set<String> out = new java.util.TreeSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT lease_owner FROM fetch_sources WHERE lease_owner IS NOT NULL "
                         + "UNION SELECT DISTINCT lease_owner FROM fetch_items WHERE lease_owner IS NOT NULL")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** Who holds the lease on a link and until when; empty when it is not leased. */
    public Optional<Lease> itemLease(String url) throws SQLException {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT lease_owner, lease_until FROM fetch_items WHERE url = ?")) {
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) return Optional.empty();
                    return Optional.of(new Lease(rs.getString(1), Timestamps.require(rs, 2)));
                }
            }
        });
    }

    /**
     * The per-host politeness gap kept in this database (table {@code fetch_hosts}, V16), for every crawler that
     * shares it. On PostgreSQL the time is the server's clock, so crawlers on several machines agree on it; SQLite
     * is shared by processes of one machine, which read one clock. Should the database fail, the reservation is
     * skipped (the process's own limiter still holds) and the failure logged once a minute at most.
     */
    public HostSchedule hostSchedule() {
        return (host, gap) -> {
            try {
                return reserveHost(host, gap);
            } catch (SQLException | RuntimeException e) {
                long now = System.nanoTime();
                if (now - lastScheduleWarning > 60_000_000_000L) {
                    lastScheduleWarning = now;
                    LOG.warn("shared host schedule unavailable, keeping this process's own gap to {}: {}", host, e.getMessage());
                }
                return Duration.ZERO;
            }
        };
    }

    private volatile long lastScheduleWarning = System.nanoTime() - 120_000_000_000L;

    /**
     * Moves {@code host}'s next free start one {@code gap} past the later of now and itself; returns the wait until the
     * reserved start. One transaction: the host's row is made if new (free since {@link Timestamps#MIN}), then locked
     * (PostgreSQL: {@code FOR UPDATE}; SQLite: its one writer), so crawlers reserving the same host queue on it; the
     * clock is read once the row is held, so a wait for the lock is not counted twice.
     */
    Duration reserveHost(String host, Duration gap) throws SQLException {
        if (gap.toMillis() <= 0) return Duration.ZERO;
        boolean pg = dialect == Dialect.POSTGRESQL;
        return db.update(c -> {
            try (PreparedStatement add = c.prepareStatement("INSERT INTO fetch_hosts (host, next_start) VALUES (?, ?) ON CONFLICT (host) DO NOTHING");
                 PreparedStatement held = c.prepareStatement("SELECT next_start FROM fetch_hosts WHERE host = ?" + (pg ? " FOR UPDATE" : ""));
                 PreparedStatement move = c.prepareStatement("UPDATE fetch_hosts SET next_start = ? WHERE host = ?")) {
                add.setString(1, host);
                Timestamps.set(add, 2, Timestamps.MIN);
                add.executeUpdate();
                held.setString(1, host);
                Instant free;
                try (ResultSet rs = held.executeQuery()) {
                    free = rs.next() ? Timestamps.require(rs, 1) : Timestamps.MIN;
                }
                Instant now = Timestamps.stored(pg ? serverClock(c) : Instant.now());
                Instant start = free.isAfter(now) ? free : now;
                Timestamps.set(move, 1, start.plus(gap));
                move.setString(2, host);
                move.executeUpdate();
                return Duration.between(now, start);
            }
        });
    }

    /** PostgreSQL's clock, so that crawlers on several machines agree on it. */
    private static Instant serverClock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    /** A lease as stored: its owner ({@link LeaseOwner#toString()}) and expiry. */
    public record Lease(String owner, Instant until) {}

    private List<FeedItem> itemsByUrl(List<String> urls) throws SQLException {
        List<FeedItem> out = new ArrayList<>();
        forChunks(urls, ITEM_SELECT + " WHERE i.url IN", rs -> out.add(item(rs)));
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sqlPrefix (?,...)} over {@code values} in chunks (SQLite takes at most 999 parameters). */
    private void forChunks(List<String> values, String sqlPrefix, RowReader reader) throws SQLException {
        db.query(c -> {
            for (int from = 0; from < values.size(); from += 500) {
                List<String> chunk = values.subList(from, Math.min(values.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement(sqlPrefix + " (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) reader.read(rs);
                    }
                }
            }
            return null;
        });
    }

    /** Item counts by status, for status pages and reports. */
    public Map<FeedItem.Status, Integer> itemCounts() throws SQLException {
        return db.query(c -> {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM fetch_items GROUP BY status")) {
            Map<FeedItem.Status, Integer> out = new LinkedHashMap<>();
            for (FeedItem.Status s : FeedItem.Status.values()) out.put(s, 0);
            while (rs.next()) out.put(FeedItem.Status.valueOf(rs.getString(1)), rs.getInt(2));
            return out;
        }
        });
    }
}
