package news.parallax.soak;

import java.util.List;
import java.util.Locale;

/** What a soak run measured; {@link #markdown()} renders it for BENCHMARKS.md, the record itself as JSON. */
public record SoakReport(
        Run run,
        Accounting articles,
        Fetching fetching,
        Failover failover,
        Stories stories,
        WebReaders.Result web,
        List<RoleFigures> roles,
        List<Tick> timeline) {

    /** The run as it went: sizes, timing and the machine's load average at start and end. */
    public record Run(int published, int perMinute, int crawlers, int webNodes, int hosts, int feeds, double streamSeconds,
            double allStoredSeconds, double allClusteredSeconds, double loadStart, double loadEnd) {}

    /**
     * Every published article, by what the crawlers made of it: stored; skipped as no article (the extractor found
     * no article text), as a copy of a stored text, for another reason; failed; still pending (lost, if any); and the
     * article rows: total, rows sharing one URL (duplicates).
     */
    public record Accounting(int published, int stored, int skippedNotArticle, int skippedSameText, int skippedOther,
            int failed, int pending, int neverQueued, int unseenByAnyPoll, int articleRows, int duplicateUrlRows) {}

    /**
     * From the feed servers' access logs: article pages fetched, fetched more than once (a crawler killed with kill -9
     * leaves the pages it was fetching unrecorded, and they are fetched again), of those the ones first fetched after
     * that kill (none can be the killed crawler's work: these would be double fetches by live crawlers), feed polls; per host, the
     * smallest gap between two request arrivals, how many gaps were under half the politeness gap, and the smallest
     * mean gap over {@link SoakRun#GAP_WINDOW} consecutive requests (one late start shortens the gap after it; a
     * rate above the limit shortens every gap of a window).
     */
    public record Fetching(int pagesFetched, int pagesFetchedTwice, int fetchedTwiceFirstAfterCrawlerKill, int feedPolls, int otherRequests, long hostDelayMillis,
            double minHostGapMillis, int gapsUnderHalfTheDelay, int gaps, double minWindowMeanGapMillis) {}

    /** When each kill happened (seconds into the stream) and how long the standby took to lead and to cluster. */
    public record Failover(double crawlerKilledAt, double clustererKilledAt, boolean standbySaidSo, double takeoverSeconds,
            double firstPassAfterKillSeconds) {}

    /** The online stories against one {@code recluster} of the same store (pairs of articles put together). */
    public record Stories(int articlesInStories, int onlineStories, int reclusterStories, int identicalStories,
            int articlesInIdenticalStories, double pairPrecision, double pairRecall, double reclusterSeconds,
            double reclusterCpuSeconds) {}

    /**
     * One process: CPU seconds, the highest heap after collection every 10 s of its uptime (MB; carried forward, -1
     * before the first) and the lowest in each minute (-1: no collection in it), the one that follows the live set.
     */
    public record RoleFigures(String name, String role, boolean killed, double uptimeSeconds, double cpuSeconds,
            int collections, int maxAfterGcMb, int lastAfterGcMb, int committedMb, List<Integer> afterGcEvery10s,
            List<Integer> lowestAfterGcEachMinute) {}

    /** Every 10 s: seconds into the stream, articles published, stored, and in stories. */
    public record Tick(double seconds, int published, int stored, int inStories) {}

    /** The figures as Markdown tables. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Stream: %,d articles at %d/min over %d hosts (%d feeds), %d crawlers, clusterer %s, %d web nodes; "
                        + "stream %.0f s, all stored %.0f s and all clustered %.0f s after it began; load average %.1f at start, %.1f at end.%n%n",
                run.published(), run.perMinute(), run.hosts(), run.feeds(), run.crawlers(), "+ standby", run.webNodes(),
                run.streamSeconds(), run.allStoredSeconds(), run.allClusteredSeconds(), run.loadStart(), run.loadEnd()));
        md.append("| published | stored | no article text | same text as a stored one | other skip | failed | pending (lost) | never queued (of them, off the feed before any poll) | article rows | rows sharing a URL |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %d | %d | %d | %d | %d | %d (%d) | %,d | %d |%n%n", articles.published(), articles.stored(),
                articles.skippedNotArticle(), articles.skippedSameText(), articles.skippedOther(), articles.failed(),
                articles.pending(), articles.neverQueued(), articles.unseenByAnyPoll(), articles.articleRows(), articles.duplicateUrlRows()));
        md.append("| pages fetched | fetched twice (first fetched after the crawler's kill) | feed polls | other requests | host gap (ms) | smallest gap seen (ms) | gaps under half / all | smallest mean gap of " + SoakRun.GAP_WINDOW + " in a row (ms) |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| %,d | %d (%d) | %,d | %d | %d | %.1f | %d / %,d | %.1f |%n%n", fetching.pagesFetched(),
                fetching.pagesFetchedTwice(), fetching.fetchedTwiceFirstAfterCrawlerKill(),
                fetching.feedPolls(), fetching.otherRequests(), fetching.hostDelayMillis(), fetching.minHostGapMillis(),
                fetching.gapsUnderHalfTheDelay(), fetching.gaps(), fetching.minWindowMeanGapMillis()));
        md.append(String.format(Locale.ROOT, "Crawler killed at %.0f s, leading clusterer at %.0f s; the standby said it stood by: %s; "
                        + "took over %.1f s after the kill, first pass saved %.1f s after it.%n%n",
                failover.crawlerKilledAt(), failover.clustererKilledAt(), failover.standbySaidSo() ? "yes" : "NO",
                failover.takeoverSeconds(), failover.firstPassAfterKillSeconds()));
        md.append("| articles in stories | online stories | recluster stories | identical | articles in identical | pair precision | pair recall | recluster wall / CPU s |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %.3f | %.3f | %.0f / %.0f |%n%n", stories.articlesInStories(),
                stories.onlineStories(), stories.reclusterStories(), stories.identicalStories(), stories.articlesInIdenticalStories(),
                stories.pairPrecision(), stories.pairRecall(), stories.reclusterSeconds(), stories.reclusterCpuSeconds()));
        md.append("| readers | requests | errors | redirects to a merged story | p50 ms | p90 ms | p99 ms | max ms |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| %d | %,d | %d %s | %,d | %.1f | %.1f | %.1f | %.1f |%n%n", web.readers(), web.requests(), web.errors(),
                web.errorKinds().isEmpty() ? "" : web.errorKinds().toString(), web.redirects(), web.p50(), web.p90(), web.p99(), web.max()));
        md.append("| process | uptime s | CPU s | GCs | lowest heap after GC, MB, each minute of uptime (-: no collection) | max | committed |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (RoleFigures r : roles) {
            StringBuilder minutes = new StringBuilder();
            for (int mb : r.lowestAfterGcEachMinute()) minutes.append(minutes.isEmpty() ? "" : ", ").append(mb < 0 ? "-" : String.valueOf(mb));
            md.append(String.format(Locale.ROOT, "| %s%s | %.0f | %.1f | %d | %s | %d | %d |%n", r.name(), r.killed() ? " (killed)" : "",
                    r.uptimeSeconds(), r.cpuSeconds(), r.collections(), minutes, r.maxAfterGcMb(), r.committedMb()));
        }
        return md.toString();
    }
}
