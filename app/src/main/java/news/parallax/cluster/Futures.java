package news.parallax.cluster;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for embedding work on other threads, with its failure rethrown as the caller's. */
final class Futures {
    private Futures() {}

    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException("embedding failed", e.getCause());
        }
    }
}
