package news.parallax.web;

import java.time.Duration;
import java.util.List;

/**
 * The rules of the public "Report an issue with this summary" route: what a report may hold and how often one is
 * accepted. At the limits a year of abuse stores at most {@link #maxReportsPerYear()} reports of at most
 * {@link #MAX_MESSAGE_CHARS} characters each (see README, "Reports").
 *
 * @param perClient bucket per client address
 * @param overall   bucket for all clients together: bounds store growth whatever the number of addresses
 */
record ReportPolicy(RateLimiter.Limit perClient, RateLimiter.Limit overall) {
    /** The fixed list of report kinds (the form's choices). */
    static final List<String> KINDS = List.of("inaccurate", "biased", "missing sources", "other");
    /** Longest message, in characters (UTF-16 units, as the form's maxlength counts). */
    static final int MAX_MESSAGE_CHARS = 4_000;
    /** Largest request body a report route reads; a 4,000-character message percent-encoded fits. */
    static final int MAX_BODY_BYTES = 48 * 1024;

    /** Defaults: 5 at once then one every 2 minutes per address; 20 at once then 200 a day for everyone. */
    static final ReportPolicy DEFAULT = new ReportPolicy(new RateLimiter.Limit(5, Duration.ofMinutes(2)),
            new RateLimiter.Limit(20, Duration.ofSeconds(432)));

    /** Reports a year of continuous abuse can store: the global bucket's yearly refill plus its burst. */
    long maxReportsPerYear() {
        return overall.perYear();
    }
}
