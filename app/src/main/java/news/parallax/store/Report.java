package news.parallax.store;

import java.time.Instant;

/** A reader's "Report an issue with this summary" submission. */
public record Report(long id, String storyId, Instant createdAt, String kind, String message) {}
