package news.parallax.pipeline;

import static news.parallax.pipeline.StoryFixtures.article;
import static news.parallax.pipeline.StoryFixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import news.parallax.store.LeaderLock;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: two clusterer instances on one real PostgreSQL database (a store and a lock session each, as two
 * processes have): one leads, the other stands by and says so; when the leader's session is killed the standby
 * takes over within 30 s and carries on from the stored stream, and the old leader stands by without saving.
 */
class ClusterRoleTest {
    /** The bound on a failover. */
    private static final long TAKEOVER_LIMIT_SECONDS = 30;

    @TempDir
    Path data;

    private static final ProgressListener QUIET = (stage, done, total) -> { };

    @Test
    void oneLeadsTheOtherStandsByAndTakesOverWhenTheLeaderDies() throws Exception {
        String url = TestDatabase.POSTGRESQL.fresh(data).url();
        List<String> saidByA = new CopyOnWriteArrayList<>();
        List<String> saidByB = new CopyOnWriteArrayList<>();
        try (Store a = Store.open(url); Store b = Store.open(url);
             ClusterRole first = new ClusterRole(a, () -> pipeline(a), LeaderLock.postgres(url, LeaderLock.CLUSTERER), saidByA::add);
             ClusterRole second = new ClusterRole(b, () -> pipeline(b), LeaderLock.postgres(url, LeaderLock.CLUSTERER), saidByB::add);
             LeaderLock probe = LeaderLock.postgres(url, LeaderLock.CLUSTERER)) {
            a.insert(List.of(
                    article("flood-1", 0, "Storm floods harbour town of Eastport",
                            "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 residents from their homes."),
                    article("chess-1", 10, "Petrova wins world chess title in Oslo",
                            "Anya Petrova won the world chess championship in Oslo on Sunday, beating Lars Vik in a rapid tiebreak.")));

            assertThat(first.step(QUIET)).isEqualTo(2);
            assertThat(first.state()).isEqualTo(ClusterRole.State.LEADER);
            assertThat(second.step(QUIET)).isEqualTo(-1);
            assertThat(second.state()).isEqualTo(ClusterRole.State.STANDBY);
            assertThat(saidByB).anySatisfy(m -> assertThat(m).startsWith("standby: another clusterer holds the lock"));
            assertThat(probe.tryAcquire()).as("a third process cannot take the lock either").isFalse();
            assertThat(first.step(QUIET)).as("nothing new: no pass").isEqualTo(-1);

            a.insert(List.of(article("quake-1", 150, "Earthquake shakes mountain villages of Altavia",
                    "A magnitude 6.1 earthquake shook the mountain villages of Altavia before dawn, cutting power to 40,000 homes.")));
            assertThat(first.step(QUIET)).isEqualTo(3);
            assertThat(second.step(QUIET)).isEqualTo(-1);

            // The leader's lock session dies (its process was killed, or the network cut it off).
            int leaderSession = leaderSessionPid(url);
            try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + leaderSession + ")");
            }
            long died = System.nanoTime();
            b.insert(List.of(article("flood-2", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                    "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall.")));
            // The standby steps every POLL_SECONDS, as `run --role clusterer` does.
            while (second.state() != ClusterRole.State.LEADER
                    && System.nanoTime() - died < TimeUnit.SECONDS.toNanos(TAKEOVER_LIMIT_SECONDS)) {
                second.step(QUIET);
                if (second.state() != ClusterRole.State.LEADER) Thread.sleep(ClusterRole.POLL_SECONDS * 1000L);
            }
            double takeover = (System.nanoTime() - died) / 1e9;
            System.out.printf("ClusterRoleTest: standby took over %.1f s after the leader's session died%n", takeover);
            assertThat(second.state()).isEqualTo(ClusterRole.State.LEADER);
            assertThat(takeover).isLessThan(TAKEOVER_LIMIT_SECONDS);
            assertThat(saidByB).anySatisfy(m -> assertThat(m).startsWith("took over as the clusterer"));
            // Its first pass read the stored stream: the article stored after the leader died is in a story.
            assertThat(b.hasArticlesOutsideStories()).isFalse();
            assertThat(b.storyMembership().get("flood-2")).isEqualTo(b.storyMembership().get("flood-1"));
            assertThat(b.storyCount()).isEqualTo(3);

            // The old leader notices at its next step, does not cluster, and stands by.
            b.insert(List.of(article("chess-2", 120, "Vik loses chess crown to Petrova after Oslo tiebreak",
                    "Lars Vik lost his world chess title to Anya Petrova in Oslo after a rapid tiebreak.")));
            assertThat(first.step(QUIET)).isEqualTo(-1);
            assertThat(first.state()).isEqualTo(ClusterRole.State.STANDBY);
            assertThat(saidByA).anySatisfy(m -> assertThat(m).startsWith("lost the clusterer lock"));
            assertThat(second.step(QUIET)).as("the new leader adds what arrives").isEqualTo(3);
            assertThat(b.storyMembership().get("chess-2")).isEqualTo(b.storyMembership().get("chess-1"));
        }
    }

    /** The server process of the session holding the clusterer lock. */
    private static int leaderSessionPid(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = "
                     + (LeaderLock.CLUSTERER >>> 32) + " AND objid::bigint = " + (LeaderLock.CLUSTERER & 0xffffffffL))) {
            assertThat(rs.next()).as("someone holds the clusterer lock").isTrue();
            return rs.getInt(1);
        }
    }
}
