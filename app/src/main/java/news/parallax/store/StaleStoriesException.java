package news.parallax.store;

/**
 * A save of stories was refused because another process saved stories since the snapshot this one was built
 * from (issue 15): the stored {@code story_version} is no longer {@link #expected()}. Nothing was written; the
 * caller re-reads the store and clusters again.
 */
public final class StaleStoriesException extends RuntimeException {
    private final long expected;
    private final long found;

    public StaleStoriesException(String location, long expected, long found) {
        super(location + ": stories were saved by another process since this pass read the store (story version "
                + found + ", expected " + expected + ")");
        this.expected = expected;
        this.found = found;
    }

    public long expected() {
        return expected;
    }

    public long found() {
        return found;
    }
}
