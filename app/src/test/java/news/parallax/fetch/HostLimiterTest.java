package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-host slot: a feed poll waiting for a busy host goes before the pages that waited longer. */
class HostLimiterTest {
    private static final String HOST = "news.example";
    @Test
    void aFeedPollTakesTheNextSlotAheadOfWaitingPages() throws Exception {
        HostLimiter limiter = new HostLimiter(1);
        HostLimiter.Permit busy = limiter.acquire(HOST, Duration.ZERO);
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "page-" + i;
            waiting.add(Thread.ofVirtual().start(() -> take(limiter, HostLimiter.Priority.PAGE, name, order)));
            Thread.sleep(50); // queued in this order
        }
        waiting.add(Thread.ofVirtual().start(() -> take(limiter, HostLimiter.Priority.FEED, "feed", order)));
        Thread.sleep(100);
        assertThat(order).isEmpty(); // all wait for the one slot

        busy.close();
        for (Thread t : waiting) assertThat(t.join(Duration.ofSeconds(10))).isTrue();

        assertThat(order).hasSize(4);
        assertThat(order.getFirst()).isEqualTo("feed");
        assertThat(limiter.maxObservedConcurrency(HOST)).isEqualTo(1);
    }

    @Test
    void slotsFreedWhileAFeedWaitsStillReachThePages() throws Exception {
        HostLimiter limiter = new HostLimiter(2);
        HostLimiter.Permit a = limiter.acquire(HOST, Duration.ZERO);
        HostLimiter.Permit b = limiter.acquire(HOST, Duration.ZERO);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread page = Thread.ofVirtual().start(() -> take(limiter, HostLimiter.Priority.PAGE, "page", order));
        Thread.sleep(50);
        Thread feed = Thread.ofVirtual().start(() -> take(limiter, HostLimiter.Priority.FEED, "feed", order));
        Thread.sleep(50);
        a.close();
        b.close(); // two slots free: the feed takes one, the page the other
        assertThat(feed.join(Duration.ofSeconds(10))).isTrue();
        assertThat(page.join(Duration.ofSeconds(10))).isTrue();
        // Both hold a slot at once, so which one writes its name first is up to the scheduler.
        assertThat(order).containsExactlyInAnyOrder("feed", "page");
    }

    private static void take(HostLimiter limiter, HostLimiter.Priority priority, String name, List<String> order) {
        try (HostLimiter.Permit p = limiter.acquire(HOST, Duration.ZERO, priority)) {
            order.add(name);
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
