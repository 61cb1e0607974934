package news.parallax.store;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One real PostgreSQL server per test JVM, started on first use by {@code scripts/pg-test-server.sh}
 * (Debian's initdb / pg_ctl, loopback, a free port, fsync off) and stopped with the JVM (by a shutdown hook,
 * or by the script's watchdog if the JVM is killed). Each test
 * gets a database of its own. Where no PostgreSQL binaries are installed the calling test is skipped.
 */
public final class PgTestServer {
    private static @Nullable PgTestServer shared;
    private static @Nullable String unavailable;

    private final String url;
    private final AtomicInteger databases = new AtomicInteger();

    private PgTestServer(String url) {
        this.url = url;
    }

    /** The running server, started if needed; aborts (skips) the calling test when it cannot be had. */
    public static synchronized PgTestServer shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (Unavailable e) {
                unavailable = e.getMessage();
                // Once in the test log, so a run without PostgreSQL says so rather than passing silently.
                System.err.println("PostgreSQL tests skipped: " + unavailable);
            }
        }
        if (shared == null) abort("PostgreSQL tests skipped: " + unavailable);
        return shared;
    }

    /**
     * A new, empty database on the server, as a JDBC URL with user and password. It sorts text by
     * English rules (ICU) where the server has them, unlike the cluster's C locale, so tests show that
     * the store's order does not depend on the database's locale.
     */
    public String createDatabase() {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try {
                s.execute("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
            } catch (SQLException noIcu) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url.replace("/parallax?", "/" + name + "?");
    }

    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private static PgTestServer start() throws Unavailable {
        Path script = script();
        Path state = Path.of("target", "pg-test-" + ProcessHandle.current().pid()).toAbsolutePath();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
        Result r = run(script.toString(), "start", state.toString(), Integer.toString(port), "--fast", "--owner",
                Long.toString(ProcessHandle.current().pid()));
        if (r.code != 0) {
            // A start that failed after pg_ctl (createdb, say) leaves a server that no watchdog or hook would stop.
            run(script.toString(), "stop", state.toString());
            if (r.code == 3) throw new Unavailable(r.err.strip());
            throw new IllegalStateException("cannot start PostgreSQL (" + script + " exit " + r.code + "): " + r.err);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(script.toString(), "stop", state.toString());
            } catch (RuntimeException ignored) {
                // The JVM is exiting; the cluster directory is all that can be left behind.
            }
        }));
        return new PgTestServer(r.out.strip());
    }

    private static Path script() throws Unavailable {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path s = dir.resolve("scripts/pg-test-server.sh");
            if (Files.isRegularFile(s)) return s;
        }
        throw new Unavailable("scripts/pg-test-server.sh not found above " + Path.of("").toAbsolutePath());
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... command) {
        String[] full = new String[command.length + 1];
        full[0] = "bash";
        System.arraycopy(command, 0, full, 1, command.length);
        try {
            Path err = Files.createTempFile("pg-test", ".err");
            try {
                Process p = new ProcessBuilder(full).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
                }
                return new Result(p.exitValue(), out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
