package news.parallax.fetch;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler role's passes (issue 15) on a shared database that may go away (a restart, a failover, a network cut):
 * when a pass fails (the store's pool gives up waiting for a connection after {@code PARALLAX_DB_POOL_TIMEOUT}) and
 * the database no longer answers, the store is reopened with exponential backoff
 * ({@link #FIRST_BACKOFF} doubling to {@link #MAX_BACKOFF}), and the crawler continues on the new connection with
 * its leases and the pages it fetched meanwhile ({@link LiveIngest#continuing}): no fetched article is lost and none
 * is fetched twice. Not thread-safe: one caller.
 */
public final class ReconnectingCrawler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingCrawler.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How long a connection check may take before the connection counts as lost. */
    private static final int VALID_TIMEOUT_SECONDS = 3;

    private final Supplier<Store> open;
    private final Consumer<String> say;
    private Store store;
    private LiveIngest live;
    private boolean lost;
    private Duration backoff = FIRST_BACKOFF;
    private long nextAttemptNanos;

    /**
     * @param open  opens the store (again): the same database each time
     * @param first the crawler on the first connection, opened by {@code open}
     * @param say   where the loss and the reconnection are announced (the console); they are logged as well
     */
    public ReconnectingCrawler(Supplier<Store> open, LiveIngest first, Consumer<String> say) {
        this.open = open;
        this.store = first.store();
        this.live = first;
        this.say = say;
    }

    /** The crawler now (its store changes after a reconnection). */
    public LiveIngest live() {
        return live;
    }

    /** True while the database is unreachable. */
    public boolean disconnected() {
        return lost;
    }

    /** How long until the next reconnection attempt; zero when connected. */
    public Duration retryIn() {
        return lost ? Duration.ofNanos(Math.max(0, nextAttemptNanos - System.nanoTime())) : Duration.ZERO;
    }

    /**
     * One crawl pass, reconnecting first when the store was lost and its backoff has passed.
     *
     * @return the pass; empty when the store is unreachable (the pages fetched so far are kept)
     * @throws SQLException a failure with the database still reachable (a query error, not an outage)
     */
    public Optional<LiveIngest.Pass> pass(ProgressListener progress) throws SQLException, InterruptedException {
        if (lost && !reconnect()) return Optional.empty();
        try {
            return Optional.of(live.crawlOnce(progress));
        } catch (SQLException | RuntimeException e) {
            if (connectionValid()) throw e;
            lose(e);
            return Optional.empty();
        }
    }

    private boolean connectionValid() {
        try {
            return store.database().reachable(VALID_TIMEOUT_SECONDS);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void lose(Exception cause) {
        if (!lost) {
            announce("database unreachable (" + cause.getMessage() + "); " + live.crawler().unsavedPages()
                    + " fetched pages kept; reconnecting in " + backoff.toSeconds() + " s");
        }
        lost = true;
        nextAttemptNanos = System.nanoTime() + backoff.toNanos();
    }

    private boolean reconnect() {
        if (System.nanoTime() < nextAttemptNanos) return false;
        Store reopened;
        try {
            reopened = open.get();
        } catch (RuntimeException e) {
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            nextAttemptNanos = System.nanoTime() + backoff.toNanos();
            LOG.info("database still unreachable ({}); next attempt in {} s", e.getMessage(), backoff.toSeconds());
            return false;
        }
        LiveIngest old = live;
        live = LiveIngest.continuing(reopened, old);
        old.close();
        closeQuietly(store);
        store = reopened;
        lost = false;
        backoff = FIRST_BACKOFF;
        announce("reconnected to the database; storing " + live.crawler().unsavedPages() + " pages fetched meanwhile");
        return true;
    }

    private void announce(String message) {
        LOG.warn(message);
        say.accept(message);
    }

    private static void closeQuietly(@Nullable Store s) {
        if (s == null) return;
        try {
            s.close();
        } catch (RuntimeException ignored) {
            // A store whose connection is gone may fail to close; nothing is left to release.
        }
    }

    @Override
    public void close() {
        live.close();
        closeQuietly(store);
    }
}
