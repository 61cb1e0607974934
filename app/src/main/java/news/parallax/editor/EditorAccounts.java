package news.parallax.editor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import news.parallax.store.Store;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Editor accounts in the store (table {@code editors}, migration V10): names and Argon2id password hashes
 * ({@link PasswordHasher}). On the store's pooled connections ({@code Store.database()}). Thread-safe.
 */
public final class EditorAccounts {
    /** Account names: lower-case letters, digits, dot, dash and underscore, starting with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Shortest password accepted (NIST SP 800-63B asks at least 8; editors change what readers see). */
    public static final int MIN_PASSWORD_CHARS = 10;
    /** Longest password accepted: bounds the work of one hash. */
    public static final int MAX_PASSWORD_CHARS = 1_000;

    /** One account as listed (never its hash). */
    public record Editor(String name, Instant createdAt) {}

    private final Store store;
    private final PasswordHasher hasher;
    /** Verified for an unknown name, so a wrong name costs the same time as a wrong password. */
    private final String decoy;

    public EditorAccounts(Store store) {
        this(store, new PasswordHasher());
    }

    EditorAccounts(Store store, PasswordHasher hasher) {
        this.store = store;
        this.hasher = hasher;
        this.decoy = Decoy.HASH;
    }

    /** Computed once per process: a hash of a random password nobody knows. */
    private static final class Decoy {
        static final String HASH = new PasswordHasher().hash(java.util.UUID.randomUUID().toString());
    }

    /**
     * The name as stored (lower case), or an exception naming the input when it is not a valid account name.
     *
     * @throws IllegalArgumentException naming the value
     */
    public static String requireName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("editor name \"" + shorten(name) + "\" is not valid: use 1 to 64 letters, digits, '.', '-' or '_',"
                    + " starting with a letter or digit");
        }
        return n;
    }

    /** @throws IllegalArgumentException when the password is too short or too long */
    public static void requirePassword(CharSequence password) {
        if (password.length() < MIN_PASSWORD_CHARS) {
            throw new IllegalArgumentException("the password has " + password.length() + " characters; at least " + MIN_PASSWORD_CHARS
                    + " are needed");
        }
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("the password has " + password.length() + " characters; at most " + MAX_PASSWORD_CHARS);
        }
    }

    /**
     * Adds an account.
     *
     * @throws IllegalArgumentException naming the input when the name or password is not acceptable, or the name is taken
     */
    public Editor add(String name, CharSequence password) {
        String n = requireName(name);
        requirePassword(password);
        String hash = hasher.hash(password); // outside the transaction: it takes a while
        Instant now = Instant.now();
        int added = store.database().write("add editor " + n, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO editors (name, password_hash, created_at) SELECT ?,?,? WHERE NOT EXISTS (SELECT 1 FROM editors WHERE name = ?)")) {
                ps.setString(1, n);
                ps.setString(2, hash);
                Timestamps.set(ps, 3, now);
                ps.setString(4, n);
                return ps.executeUpdate();
            }
        });
        if (added == 0) throw new IllegalArgumentException("an editor named " + n + " already exists");
        return new Editor(n, Timestamps.stored(now));
    }

    /**
     * Replaces an account's password and ends every session of the account but {@code keepSessionIdHash} (the one
     * changing it from the web; null ends them all): whoever knew the old password is logged out.
     *
     * @return false when there is no such account
     * @throws IllegalArgumentException naming the input when the name or the new password is not acceptable
     */
    public boolean setPassword(String name, CharSequence password, @Nullable String keepSessionIdHash) {
        String n = requireName(name);
        requirePassword(password);
        String hash = hasher.hash(password); // outside the transaction: it takes a while
        return store.database().write("change the password of editor " + n, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE editors SET password_hash = ? WHERE name = ?");
                 PreparedStatement sessions = c.prepareStatement(
                         "DELETE FROM editor_sessions WHERE editor = ?" + (keepSessionIdHash == null ? "" : " AND id_hash <> ?"))) {
                ps.setString(1, hash);
                ps.setString(2, n);
                if (ps.executeUpdate() == 0) return false;
                sessions.setString(1, n);
                if (keepSessionIdHash != null) sessions.setString(2, keepSessionIdHash);
                sessions.executeUpdate();
                return true;
            }
        });
    }

    /** Removes an account and ends its sessions; false when there was none. Its corrections stay, with its name. */
    public boolean remove(String name) {
        String n = requireName(name);
        return store.database().write("remove editor " + n, c -> {
            try (PreparedStatement sessions = c.prepareStatement("DELETE FROM editor_sessions WHERE editor = ?");
                 PreparedStatement ps = c.prepareStatement("DELETE FROM editors WHERE name = ?")) {
                sessions.setString(1, n);
                sessions.executeUpdate();
                ps.setString(1, n);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<Editor> list() {
        return store.database().read("list editors", c -> {
            List<Editor> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, created_at FROM editors ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Editor(rs.getString(1), Timestamps.require(rs, 2)));
            }
            return out;
        });
    }

    public boolean exists(String name) {
        return hashOf(name).isPresent();
    }

    /**
     * The account when {@code password} is its password; empty for a wrong password, an unknown name or an invalid
     * one, after the same work in each case (a decoy hash is verified for unknown names), so timing tells no names.
     */
    public Optional<String> verify(String name, CharSequence password) {
        String n;
        try {
            n = requireName(name);
        } catch (IllegalArgumentException e) {
            n = null;
        }
        Optional<String> stored = n == null || password.length() > MAX_PASSWORD_CHARS ? Optional.empty() : hashOf(n);
        boolean ok = hasher.verify(password.length() > MAX_PASSWORD_CHARS ? "" : password, stored.orElse(decoy));
        return ok && n != null && stored.isPresent() ? Optional.of(n) : Optional.empty();
    }

    private Optional<String> hashOf(String name) {
        return store.database().read("read editor " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM editors WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
