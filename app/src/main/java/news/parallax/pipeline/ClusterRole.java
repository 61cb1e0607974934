package news.parallax.pipeline;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import news.parallax.store.LeaderLock;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clusterer role (issue 15): exactly one process clusters a shared store, elected by a {@link LeaderLock};
 * the others stand by and take over when the leader's session ends. Driven by {@link #step}, called every few
 * seconds ({@link #POLL_SECONDS}), so a standby takes over within that of the leader's death.
 *
 * <p>The leader clusters the stored stream online ({@link Pipeline#clusterNew}): a pass whenever articles were
 * stored since its last one. A new leader starts with a fresh pipeline, whose first pass resumes the stream from
 * the stored stories the waiting articles can join (not the whole store; see {@link Pipeline#clusterNew}), then
 * adds only what arrives.
 * Before each pass the leader confirms it still holds the lock; a leader that lost it stands by again.
 * Not thread-safe: one caller.
 */
public final class ClusterRole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRole.class);
    /** Seconds between steps: how long new articles wait for a pass, and a standby for a dead leader's lock. */
    public static final int POLL_SECONDS = 5;

    /** What this process is doing for the role. */
    public enum State { STARTING, LEADER, STANDBY }

    private final Store store;
    private final Supplier<Pipeline> pipelines;
    private final LeaderLock lock;
    private final Consumer<String> say;
    private State state = State.STARTING;
    private @Nullable Pipeline pipeline;
    /** {@link Store#lastArticleSeq} at the leader's last pass; -1 when a pass is due regardless. */
    private long seen = -1;

    /**
     * @param pipelines makes the pipeline a new leader clusters with (a fresh stream each time it is elected)
     * @param say       where the role's changes are announced (the console); they are logged as well
     */
    public ClusterRole(Store store, Supplier<Pipeline> pipelines, LeaderLock lock, Consumer<String> say) {
        this.store = store;
        this.pipelines = pipelines;
        this.lock = lock;
        this.say = say;
    }

    public State state() {
        return state;
    }

    /**
     * Takes or confirms the lead, then, as leader, clusters what was stored since the last pass.
     *
     * @return the stories in the store after a pass; -1 when no pass ran (standby, or nothing new)
     */
    public int step(ProgressListener progress) {
        if (state == State.LEADER && !lock.held()) {
            announce("lost the clusterer lock (its database session ended); standing by");
            pipeline = null;
            state = State.STANDBY;
        }
        if (state != State.LEADER) {
            if (!lock.tryAcquire()) {
                if (state != State.STANDBY) announce("standby: another clusterer holds the lock; checking every "
                        + POLL_SECONDS + " s and taking over when it stops");
                state = State.STANDBY;
                return -1;
            }
            announce(state == State.STANDBY ? "took over as the clusterer (the previous leader's lock was freed)"
                    : "elected clusterer");
            state = State.LEADER;
            pipeline = pipelines.get();
            // A pass now when articles wait outside stories; else at the next article stored.
            seen = store.hasArticlesOutsideStories() ? -1 : store.lastArticleSeq();
        }
        long last = store.lastArticleSeq();
        if (seen >= 0 && last <= seen) return -1;
        int stories = Objects.requireNonNull(pipeline, "a leader's pipeline").clusterNew(progress);
        seen = last;
        return stories;
    }

    private void announce(String message) {
        LOG.info(message);
        say.accept(message);
    }

    /** Gives up the lead (the lock's session ends). */
    @Override
    public void close() {
        lock.close();
        state = State.STARTING;
        pipeline = null;
    }
}
