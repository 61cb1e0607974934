package news.parallax.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-host politeness: at most N requests in flight to one host and a minimum gap between request
 * starts. Callers block (cheaply, on virtual threads) until their turn. Thread-safe.
 */
final class HostLimiter {
    private final int maxConcurrent;
    private final Map<String, HostSlot> slots = new ConcurrentHashMap<>();

    HostLimiter(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    /** Waits for a free slot for {@code host} and for {@code gap} since the previous start, then holds the slot. */
    Permit acquire(String host, Duration gap) throws InterruptedException {
        HostSlot slot = slots.computeIfAbsent(host, h -> new HostSlot(maxConcurrent));
        slot.permits.acquire();
        try {
            long waitNanos;
            synchronized (slot) {
                long now = System.nanoTime();
                long start = Math.max(now, slot.nextStartNanos);
                slot.nextStartNanos = start + gap.toNanos();
                waitNanos = start - now;
            }
            if (waitNanos > 0) Thread.sleep(Duration.ofNanos(waitNanos));
        } catch (InterruptedException e) {
            slot.permits.release();
            throw e;
        }
        int now = slot.inFlight.incrementAndGet();
        slot.maxSeen.accumulateAndGet(now, Math::max);
        return new Permit(slot);
    }

    /** Highest number of requests that were in flight to {@code host} at once. */
    int maxObservedConcurrency(String host) {
        HostSlot slot = slots.get(host);
        return slot == null ? 0 : slot.maxSeen.get();
    }

    /** Highest in-flight count over all hosts. */
    int maxObservedConcurrency() {
        return slots.values().stream().mapToInt(s -> s.maxSeen.get()).max().orElse(0);
    }

    private static final class HostSlot {
        final Semaphore permits;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxSeen = new AtomicInteger();
        long nextStartNanos = System.nanoTime();

        HostSlot(int n) {
            permits = new Semaphore(n, true);
        }
    }

    /** A held slot; closing it lets the next request to the host start. */
    static final class Permit implements AutoCloseable {
        private final HostSlot slot;
        private boolean closed;

        private Permit(HostSlot slot) {
            this.slot = slot;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            slot.inFlight.decrementAndGet();
            slot.permits.release();
        }
    }
}
