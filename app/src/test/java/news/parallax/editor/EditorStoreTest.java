package news.parallax.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import news.parallax.store.TestSql;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Editor accounts, sessions, corrections and report states in the store (V10), on SQLite and a real PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class EditorStoreTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path data;

    private TestDatabase.Fresh db;

    @BeforeEach
    void freshDatabase() {
        db = database.fresh(data);
    }

    @Test
    void accountsKeepOnlyAnArgon2idHashAndVerifyTheRightPasswordOnly() throws Exception {
        try (Store store = db.open()) {
            EditorAccounts accounts = new EditorAccounts(store);
            accounts.add("Ann", "correct horse battery");
            assertThat(accounts.list()).extracting(EditorAccounts.Editor::name).containsExactly("ann");
            try (var c = TestSql.connect(store); var rs = c.createStatement().executeQuery("SELECT password_hash FROM editors")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
            }
            assertThat(accounts.verify("ann", "correct horse battery")).contains("ann");
            assertThat(accounts.verify("ANN ", "correct horse battery")).contains("ann");
            assertThat(accounts.verify("ann", "correct horse batterY")).isEmpty();
            assertThat(accounts.verify("nobody", "correct horse battery")).isEmpty();
            assertThat(accounts.verify("<bad name>", "correct horse battery")).isEmpty();
            assertThatThrownBy(() -> accounts.add("ann", "another password")).hasMessageContaining("already exists");
            assertThatThrownBy(() -> accounts.add("a b", "another password")).hasMessageContaining("editor name \"a b\" is not valid");
            assertThatThrownBy(() -> accounts.add("cy", "short")).hasMessageContaining("at least 10");
            assertThat(accounts.list()).hasSize(1);
        }
        // A store opened again (another process) verifies the same hash.
        try (Store store = db.open()) {
            assertThat(new EditorAccounts(store).verify("ann", "correct horse battery")).contains("ann");
        }
    }

    @Test
    void sessionsExpireEndAtLogOutAndWithTheirAccount() {
        try (Store store = db.open()) {
            new EditorAccounts(store).add("ann", "correct horse battery");
            EditorSessions sessions = new EditorSessions(store);
            Instant now = Instant.parse("2026-12-07T08:00:00Z");
            EditorSessions.Created a = sessions.create("ann", now);
            EditorSessions.Created b = sessions.create("ann", now);
            assertThat(a.id()).isNotEqualTo(b.id());
            assertThat(a.session().csrf()).isNotEqualTo(b.session().csrf());
            assertThat(sessions.find(a.id(), now.plusSeconds(60))).map(EditorSessions.Session::editor).contains("ann");
            assertThat(sessions.find(a.id(), now.plus(EditorSessions.LIFETIME).plusSeconds(1))).isEmpty();
            // Another id of the same length: its first character changed (never to itself, which a random id may start with).
            String other = (a.id().charAt(0) == 'x' ? "y" : "x") + a.id().substring(1);
            assertThat(sessions.find(other, now)).isEmpty();
            assertThat(sessions.end(a.id())).isTrue();
            assertThat(sessions.find(a.id(), now)).isEmpty();
            assertThat(new EditorAccounts(store).remove("ann")).isTrue();
            assertThat(sessions.find(b.id(), now)).isEmpty();
            assertThat(sessions.count()).isZero();
        }
    }

    @Test
    void correctionsAreKeptInOrderWithWhoWhenAndWhat() {
        try (Store store = db.open()) {
            Corrections corrections = new Corrections(store);
            assertThat(corrections.lastId()).isZero();
            Instant when = Instant.parse("2026-12-07T08:00:00Z");
            Correction split = corrections.add(new Correction(0, Correction.Kind.SPLIT, "ann", when, "s1", null, List.of("a3"), List.of(), "note <b>"));
            Correction merge = corrections.add(new Correction(0, Correction.Kind.MERGE, "bob", when.plusSeconds(5), "s1", "s2",
                    List.of("a1", "a2"), List.of("b1"), ""));
            assertThat(merge.id()).isGreaterThan(split.id());
            assertThat(corrections.all()).containsExactly(split, merge);
            assertThat(corrections.latest(1)).containsExactly(merge);
            long last = corrections.lastId();
            corrections.remove(merge.id());
            assertThat(corrections.lastId()).isNotEqualTo(last).isNotZero();
            assertThatThrownBy(() -> new Correction(0, Correction.Kind.MOVE, "ann", when, "s1", "s2", List.of("a1"), List.of(), ""))
                    .hasMessageContaining("no target story");
        }
    }

    @Test
    void reportsCarryAStateAnEditorChanges() {
        try (Store store = db.open()) {
            store.insert(List.of(new Article("a1", "Outlet", null, null, "Title", Instant.parse("2020-01-01T00:00:00Z"), List.of(), "Text.",
                    "test", "en", Map.of())));
            long r1 = store.addReport("s1", "biased", "one").id();
            long r2 = store.addReport("s1", "other", "two").id();
            ReportQueue queue = new ReportQueue(store);
            assertThat(queue.count(ReportQueue.State.OPEN)).isEqualTo(2);
            Instant now = Instant.parse("2026-12-07T08:00:00Z");
            assertThat(queue.setState(r1, ReportQueue.State.DISMISSED, "ann", now)).isTrue();
            assertThat(queue.setState(999, ReportQueue.State.RESOLVED, "ann", now)).isFalse();
            assertThat(queue.page(ReportQueue.State.OPEN, 0, 10)).extracting(ReportQueue.Entry::id).containsExactly(r2);
            ReportQueue.Entry dismissed = queue.page(ReportQueue.State.DISMISSED, 0, 10).get(0);
            assertThat(dismissed.changedBy()).isEqualTo("ann");
            assertThat(dismissed.changedAt()).isEqualTo(now);
            assertThat(queue.page(null, 0, 1)).extracting(ReportQueue.Entry::id).containsExactly(r2);
            assertThat(queue.page(null, 1, 1)).extracting(ReportQueue.Entry::id).containsExactly(r1);
            // The reader's API still lists both, unchanged.
            assertThat(store.reports("s1")).hasSize(2);
        }
    }

    @Test
    void theThrottleLocksANameAndAnAddressForTheSetTime() {
        try (Store store = db.open()) {
            long[] now = {1_700_000_000_000L};
            LoginThrottle t = new LoginThrottle(store, new LoginThrottle.Policy(2, 3, Duration.ofMinutes(10), Duration.ofMinutes(5)), () -> now[0]);
            t.failed("ann", "10.0.0.1");
            assertThat(t.check("ann", "10.0.0.1").allowed()).isTrue();
            t.failed("ANN", "10.0.0.2");
            assertThat(t.check("ann", "10.0.0.3").allowed()).isFalse();
            assertThat(t.check("ann", "10.0.0.3").retryAfterSeconds()).isEqualTo(300);
            assertThat(t.check("bob", "10.0.0.3").allowed()).isTrue();
            now[0] += Duration.ofMinutes(5).toMillis();
            assertThat(t.check("ann", "10.0.0.3").allowed()).isTrue();
            // Failures older than the window are forgotten.
            t.failed("cy", "10.0.0.9");
            now[0] += Duration.ofMinutes(11).toMillis();
            t.failed("cy", "10.0.0.9");
            assertThat(t.check("cy", "10.0.0.8").allowed()).isTrue();
            t.failed("dee", "10.0.0.9");
            assertThat(t.check("eve", "10.0.0.9").allowed()).isTrue(); // 2 failures from the address in the window
            t.failed("eve", "10.0.0.9");
            assertThat(t.check("fay", "10.0.0.9").allowed()).isFalse(); // the third locks it, whatever the name
            assertThat(t.check("fay", "10.0.0.7").allowed()).isTrue();
        }
    }

    @Test
    void aLockOutIsSharedByEveryProcessOnTheStore() {
        LoginThrottle.Policy policy = new LoginThrottle.Policy(3, 100, Duration.ofMinutes(10), Duration.ofMinutes(5));
        // Two stores opened on one database: two web nodes, each with its own throttle.
        try (Store one = db.open(); Store two = db.open()) {
            LoginThrottle a = new LoginThrottle(one, policy);
            LoginThrottle b = new LoginThrottle(two, policy);
            a.failed("ann", "10.0.0.1");
            b.failed("ann", "10.0.0.2");
            assertThat(a.check("ann", "10.0.0.3").allowed()).isTrue();
            a.failed("ann", "10.0.0.1"); // the third failure, counted across both
            assertThat(b.check("ann", "10.0.0.4").allowed()).isFalse();
            assertThat(a.check("ann", "10.0.0.4").allowed()).isFalse();
        }
        // A restarted process still sees the lock-out.
        try (Store again = db.open()) {
            assertThat(new LoginThrottle(again, policy).check("ann", "10.0.0.5").allowed()).isFalse();
            new LoginThrottle(again, policy).succeeded("ann");
            assertThat(new LoginThrottle(again, policy).check("ann", "10.0.0.5").allowed()).isTrue();
        }
    }
}
