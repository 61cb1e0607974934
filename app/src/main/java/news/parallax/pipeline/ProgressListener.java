package news.parallax.pipeline;

/** Receives progress of a long run; called from the ingesting thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> {};

    /** @param total the expected count, or -1 when unknown */
    void progress(String phase, long done, long total);
}
