package news.parallax.fetch;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Pages a crawler fetched but could not store because the store failed (issue 15: the database went away): kept in
 * memory, bounded by {@link #MAX_BYTES}, and stored at the crawler's next pass, so an outage costs no fetched
 * article and no second fetch. A page beyond the bound is not kept: its link stays pending and leased, and is
 * fetched again once the lease expires. Thread-safe.
 */
final class UnsavedPages {
    /** Bodies kept at most: an outage of minutes at hundreds of pages a minute fits. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A fetched page and the link it was fetched for. */
    record Page(FeedItem item, FetchResult result) {}

    private final Deque<Page> pages = new ArrayDeque<>();
    private long bytes;

    /** Keeps {@code page}; false when it does not fit. */
    synchronized boolean add(Page page) {
        long size = page.result().body().length;
        if (bytes + size > MAX_BYTES) return false;
        pages.addLast(page);
        bytes += size;
        return true;
    }

    /** Takes the oldest page; null when none waits. */
    synchronized @Nullable Page poll() {
        Page p = pages.pollFirst();
        if (p != null) bytes -= p.result().body().length;
        return p;
    }

    /** Returns a page taken by {@link #poll} that could not be stored after all, at the front. */
    synchronized void putBack(Page page) {
        pages.addFirst(page);
        bytes += page.result().body().length;
    }

    synchronized int size() {
        return pages.size();
    }
}
