package news.parallax.editor;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import news.parallax.internal.Hashes;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;

/**
 * Logged-in editors, kept in the store (table {@code editor_sessions}) so a session survives a restart and is shared
 * by every web server on one database. The cookie holds a 256-bit random id; the store holds only its SHA-256, the
 * editor, the session's anti-forgery token and the expiry. Thread-safe.
 */
public final class EditorSessions {
    /** How long a login lasts; the editor logs in again after it. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final int ID_BYTES = 32;
    private static final int CSRF_BYTES = 32;
    private static final int MAX_TOKEN_CHARS = 100;

    /** A live session: the editor, its anti-forgery token and when it ends. */
    public record Session(String editor, String csrf, Instant expiresAt) {}

    /** A session just created, with the id to put in the cookie (never stored). */
    public record Created(String id, Session session) {}

    private final Store store;
    private final SecureRandom random = new SecureRandom();

    public EditorSessions(Store store) {
        this.store = store;
    }

    public Created create(String editor, Instant now) {
        String id = randomToken(ID_BYTES);
        Session s = new Session(editor, randomToken(CSRF_BYTES), now.plus(LIFETIME));
        store.database().write("start a session for " + editor, c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM editor_sessions WHERE expires_at < ?");
                 PreparedStatement ps = c.prepareStatement(
                         "INSERT INTO editor_sessions (id_hash, editor, csrf, created_at, expires_at) VALUES (?,?,?,?,?)")) {
                Timestamps.set(purge, 1, now);
                purge.executeUpdate();
                ps.setString(1, hash(id));
                ps.setString(2, editor);
                ps.setString(3, s.csrf());
                Timestamps.set(ps, 4, now);
                Timestamps.set(ps, 5, s.expiresAt());
                return ps.executeUpdate();
            }
        });
        return new Created(id, s);
    }

    /** The live session of a cookie's id; empty for an unknown, expired or malformed id. */
    public Optional<Session> find(String id, Instant now) {
        if (id.isEmpty() || id.length() > MAX_TOKEN_CHARS) return Optional.empty();
        return store.database().read("read a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT editor, csrf, expires_at FROM editor_sessions WHERE id_hash = ?")) {
                ps.setString(1, hash(id));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Session>empty();
                    Instant expires = Timestamps.require(rs, 3);
                    return expires.isAfter(now) ? Optional.of(new Session(rs.getString(1), rs.getString(2), expires)) : Optional.<Session>empty();
                }
            }
        });
    }

    /** Ends a session (logout); false when there was none. */
    public boolean end(String id) {
        if (id.isEmpty() || id.length() > MAX_TOKEN_CHARS) return false;
        return store.database().write("end a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM editor_sessions WHERE id_hash = ?")) {
                ps.setString(1, hash(id));
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** How many sessions are stored (live or not yet purged), for tests and diagnostics. */
    public int count() {
        return store.database().read("count sessions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM editor_sessions"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The stored key of a cookie's id (what {@link EditorAccounts#setPassword} keeps). */
    public static String idHash(String id) {
        return hash(id);
    }

    private static String hash(String id) {
        return Hashes.sha256Hex(id, 32);
    }
}
