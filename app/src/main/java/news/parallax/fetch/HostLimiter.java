package news.parallax.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness: at most N requests in flight to one host and a minimum gap between request
 * starts. Callers block (cheaply, on virtual threads) until their turn. A feed poll goes before the page
 * requests already waiting for the host ({@link Priority#FEED}): a pass that queued hundreds of pages of a
 * busy outlet would otherwise hold its feed's poll back until they are all fetched, and a feed whose window
 * moves faster than that drops items nobody saw (issue 15, session 9). Thread-safe.
 */
final class HostLimiter {
    /** Which waiters go first for a host's slot. */
    enum Priority {
        /** A feed or sitemap poll: ahead of every page waiting. */
        FEED,
        /** An article page (or robots.txt): in turn. */
        PAGE
    }

    private final int maxConcurrent;
    private final Map<String, HostSlot> slots = new ConcurrentHashMap<>();

    HostLimiter(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    /** As {@link #acquire(String, Duration, Priority)} for a page. */
    Permit acquire(String host, Duration gap) throws InterruptedException {
        return acquire(host, gap, Priority.PAGE);
    }

    /**
     * Waits for a free slot for {@code host} (feed polls before waiting pages) and for {@code gap} since the
     * previous start, then holds the slot.
     */
    Permit acquire(String host, Duration gap, Priority priority) throws InterruptedException {
        HostSlot slot = slots.computeIfAbsent(host, h -> new HostSlot(maxConcurrent));
        long waitNanos;
        slot.lock.lockInterruptibly();
        try {
            slot.take(priority);
            long now = System.nanoTime();
            long start = Math.max(now, slot.nextStartNanos);
            slot.nextStartNanos = start + gap.toNanos();
            waitNanos = start - now;
        } finally {
            slot.lock.unlock();
        }
        Permit permit = new Permit(slot);
        if (waitNanos > 0) {
            try {
                Thread.sleep(Duration.ofNanos(waitNanos));
            } catch (InterruptedException e) {
                permit.close();
                throw e;
            }
        }
        return permit;
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
        final int max;
        final ReentrantLock lock = new ReentrantLock(true);
        final Condition feedTurn = lock.newCondition();
        final Condition pageTurn = lock.newCondition();
        final AtomicInteger maxSeen = new AtomicInteger();
        /** Guarded by {@link #lock}. */
        int held;
        int feedsWaiting;
        long nextStartNanos = System.nanoTime();

        HostSlot(int max) {
            this.max = max;
        }

        /** Takes a slot, lock held; a page also waits while a feed poll does. */
        void take(Priority priority) throws InterruptedException {
            if (priority == Priority.FEED) {
                feedsWaiting++;
                try {
                    while (held >= max) feedTurn.await();
                } finally {
                    feedsWaiting--;
                }
            } else {
                while (held >= max || feedsWaiting > 0) pageTurn.await();
            }
            held++;
            maxSeen.accumulateAndGet(held, Math::max);
            // Wakes are one at a time (hundreds of pages may wait for one host): pass a free slot on.
            if (held < max && feedsWaiting == 0) pageTurn.signal();
        }

        void release() {
            lock.lock();
            try {
                held--;
                if (feedsWaiting > 0) feedTurn.signal(); else pageTurn.signal();
            } finally {
                lock.unlock();
            }
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
            slot.release();
        }
    }
}
