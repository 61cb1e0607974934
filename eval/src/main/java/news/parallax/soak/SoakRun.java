package news.parallax.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import news.parallax.fetch.FeedItem;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;
import news.parallax.internal.Json;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * The soak (issue 15): loopback feed servers publish corpus articles as a live stream to real {@code parallax run}
 * processes sharing one PostgreSQL database: crawlers, an elected clusterer with a standby, web nodes with readers.
 * During the stream one crawler is killed (kill -9), later the leading clusterer. Afterwards the store is checked
 * against what was published and the feed servers' access logs, the online stories against one {@code recluster}.
 *
 * <p>The database must be new and empty (a throwaway one: {@code scripts/pg-test-server.sh}): the stories are
 * re-clustered at the end.
 */
public final class SoakRun {
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final double TICK_SECONDS = 10;
    /** Consecutive requests to one host whose mean gap is reported (see {@link SoakReport.Fetching}). */
    static final int GAP_WINDOW = 10;

    private final SoakSettings settings;
    private final String db;
    private final Consumer<String> say;
    private final List<RoleProcess> processes = new ArrayList<>();

    public SoakRun(SoakSettings settings, String db, Consumer<String> say) {
        this.settings = settings;
        this.db = db;
        this.say = say;
    }

    public SoakReport run() throws IOException, InterruptedException, SQLException {
        Files.createDirectories(settings.out());
        double loadStart = loadAverage();
        say.accept("reading " + settings.corpus());
        ArticleStream corpus = ArticleStream.load(settings.corpus(), settings.from(), settings.articles());
        List<ArticleStream.Published> stream = corpus.schedule(settings.perMinute());
        if (stream.isEmpty()) throw new IllegalArgumentException("no dated article from " + settings.from() + " in " + settings.corpus());
        say.accept(stream.size() + " articles to publish at " + settings.perMinute() + "/min ("
                + Math.round(stream.getLast().offsetMillis() / 1000.0) + " s)");
        try (FeedServers servers = new FeedServers(stream, settings.hosts(), settings.datedOver()); Store store = Store.open(db)) {
            if (store.articleCount() > 0) throw new IllegalArgumentException("the soak needs an empty database; " + store.location() + " holds articles");
            FeedStore feeds = FeedStore.of(store);
            for (Map.Entry<String, String> f : servers.feeds().entrySet()) {
                feeds.addSource(f.getValue(), FeedSource.Kind.FEED, f.getKey(), f.getKey(), settings.feedInterval(), Instant.now());
            }
            try {
                return soak(stream, servers, store, feeds, loadStart);
            } finally {
                for (RoleProcess p : processes) p.stop(STOP_GRACE);
            }
        }
    }

    private SoakReport soak(List<ArticleStream.Published> stream, FeedServers servers, Store store, FeedStore feeds, double loadStart)
            throws IOException, InterruptedException, SQLException {
        RoleProcess leader = start("clusterer-1", "clusterer", settings.clustererHeap());
        await(leader, "elected clusterer");
        @Nullable RoleProcess standby = null;
        if (settings.standby()) {
            standby = start("clusterer-2", "clusterer", settings.clustererHeap());
            await(standby, "standby: another clusterer holds the lock");
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= settings.webNodes(); i++) {
            RoleProcess web = start("web-" + i, "web", settings.webHeap());
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (web.port().isEmpty()) {
                if (!web.alive() || System.nanoTime() > deadline) throw new IllegalStateException(web.name + " did not start serving: " + web.lines());
                Thread.sleep(200);
            }
            ports.add(web.port().get());
        }
        List<RoleProcess> crawlers = new ArrayList<>();
        for (int i = 1; i <= settings.crawlers(); i++) {
            RoleProcess c = start("crawler-" + i, "crawler", settings.crawlerHeap());
            crawlers.add(c);
        }
        for (RoleProcess c : crawlers) await(c, "(role crawler)");

        long begin = System.currentTimeMillis();
        long beginNanos = System.nanoTime();
        servers.begin(begin);
        say.accept("stream began; " + processes.size() + " processes running");
        Map<String, String> urls = new HashMap<>();
        for (ArticleStream.Published p : stream) urls.put(servers.url(p), p.path());
        List<SoakReport.Tick> timeline = new ArrayList<>();
        double crawlerKilled = -1, clustererKilled = -1;
        long clustererKillNanos = 0, crawlerKillNanos = Long.MAX_VALUE;
        long nextTick = 0;
        int n = stream.size();
        double streamSeconds = stream.getLast().offsetMillis() / 1000.0;
        double allStored = -1, allClustered = -1;
        long settleDeadline = Long.MAX_VALUE;
        try (WebReaders readers = settings.readers() > 0 && !ports.isEmpty()
                ? new WebReaders(ports, settings.readers(), settings.readerPause(), 15) : null) {
            while (true) {
                long nowNanos = System.nanoTime();
                double t = (nowNanos - beginNanos) / 1e9;
                int published = servers.publishedBy(stream, System.currentTimeMillis());
                if (settings.killCrawlerAt() >= 0 && crawlerKilled < 0 && published >= settings.killCrawlerAt() * n) {
                    crawlerKillNanos = System.nanoTime();
                    crawlers.getFirst().kill9();
                    crawlerKilled = t;
                    say.accept(String.format("%.0f s: killed %s (kill -9)", t, crawlers.getFirst().name));
                }
                if (settings.killClustererAt() >= 0 && clustererKilled < 0 && published >= settings.killClustererAt() * n) {
                    leader.kill9();
                    clustererKillNanos = System.nanoTime();
                    clustererKilled = t;
                    say.accept(String.format("%.0f s: killed %s, the leading clusterer (kill -9)", t, leader.name));
                }
                if (nowNanos >= nextTick) {
                    nextTick = nowNanos + (long) (TICK_SECONDS * 1e9);
                    int stored = store.articleCount();
                    int inStories = store.storyMembership().size();
                    timeline.add(new SoakReport.Tick(Math.round(t * 10) / 10.0, published, stored, inStories));
                    say.accept(String.format("%.0f s: published %d, stored %d, in stories %d", t, published, stored, inStories));
                    if (published == n) {
                        if (settleDeadline == Long.MAX_VALUE) settleDeadline = nowNanos + settings.settle().toNanos();
                        // Done storing: every feed polled since the last article appeared (whatever a feed still lists
                        // was queued then; what it dropped before any poll cannot be) and no published link pending.
                        if (allStored < 0 && servers.everyFeedPolledSince(begin + stream.getLast().offsetMillis())
                                && pending(feeds, urls.keySet()) == 0) allStored = t;
                        if (allStored >= 0 && !store.hasArticlesOutsideStories()) {
                            allClustered = t;
                            break;
                        }
                        if (nowNanos > settleDeadline) {
                            say.accept("gave up waiting after " + settings.settle().toSeconds() + " s");
                            break;
                        }
                    }
                }
                Thread.sleep(500);
            }
            WebReaders.Result web = readers != null ? readers.finish() : new WebReaders.Result(0, 0, 0, 0, 0, 0, 0, Map.of(), 0);
            double loadEnd = loadAverage();
            for (RoleProcess p : processes) p.cpu();
            for (RoleProcess p : processes) p.stop(STOP_GRACE);

            SoakReport.Failover failover = failover(standby, clustererKillNanos, crawlerKilled, clustererKilled);
            List<FeedServers.Hit> hits = servers.hits();
            SoakReport.Accounting accounting = accounting(store, feeds, urls.keySet(), servers.unseenByAnyPoll(hits));
            writeLogs(stream, servers, hits);
            SoakReport.Fetching fetching = fetching(hits, new HashSet<>(urls.values()), crawlerKillNanos);
            Map<String, String> online = store.storyMembership();
            SoakReport.Stories stories = compare(online, store);
            List<SoakReport.RoleFigures> roles = roleFigures(beginNanos);
            SoakReport report = new SoakReport(new SoakReport.Run(n, settings.perMinute(), settings.crawlers(), settings.webNodes(),
                    settings.hosts(), servers.feeds().size(), streamSeconds, allStored, allClustered, loadStart, loadEnd),
                    accounting, fetching, failover, stories, web, roles, timeline);
            Files.writeString(settings.out().resolve("soak.json"), Json.writePretty(report));
            Files.writeString(settings.out().resolve("soak.md"), report.markdown());
            return report;
        }
    }

    private RoleProcess start(String name, String role, String heap) throws IOException {
        Path data = settings.out().resolve(name);
        Files.createDirectories(data);
        List<String> args = new ArrayList<>(List.of("--db", db, "--data", data.toString(), "--port", "0", "--allow-private",
                "--host-delay", String.valueOf(settings.hostDelay().toMillis()), "--check-every", "2", "--no-defaults",
                "--min-poll", String.valueOf(settings.feedInterval().toSeconds())));
        // Items dated days apart make a feed look slow to a first poll (its interval follows the dates), up to
        // run's default 6 h: the stream still publishes within minutes, so the longest interval is held near the shortest.
        if (!settings.datedOver().isZero()) args.addAll(List.of("--max-poll", String.valueOf(settings.feedInterval().toSeconds() * 6)));
        if (role.equals("web")) args.addAll(settings.webArgs());
        RoleProcess p = RoleProcess.start(name, role, heap, args, settings.out());
        processes.add(p);
        say.accept("started " + name + " (pid " + p.pid() + ")");
        return p;
    }

    private static void await(RoleProcess p, String text) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (p.said(text).isEmpty()) {
            if (!p.alive() || System.nanoTime() > deadline)
                throw new IllegalStateException(p.name + " did not say '" + text + "': " + p.lines());
            Thread.sleep(200);
        }
    }

    /** Published article links queued and not finished yet. */
    private static int pending(FeedStore feeds, Set<String> urls) throws SQLException {
        int open = 0;
        for (FeedItem i : feeds.items()) if (i.status() == FeedItem.Status.PENDING && urls.contains(i.url())) open++;
        return open;
    }

    private SoakReport.Failover failover(@Nullable RoleProcess standby, long killNanos, double crawlerKilled, double clustererKilled) {
        if (standby == null || killNanos == 0) return new SoakReport.Failover(crawlerKilled, clustererKilled, standby != null, -1, -1);
        OptionalLong took = standby.said("took over as the clusterer");
        double takeover = took.isPresent() ? (took.getAsLong() - killNanos) / 1e9 : -1;
        double firstPass = -1;
        for (RoleProcess.Line l : standby.linesWith("clustered:")) {
            if (l.nanos() > killNanos) {
                firstPass = (l.nanos() - killNanos) / 1e9;
                break;
            }
        }
        return new SoakReport.Failover(crawlerKilled, clustererKilled, standby.said("standby: another clusterer holds the lock").isPresent(),
                takeover, firstPass);
    }

    /** The stream as published ({@code stream.tsv}) and the servers' access log ({@code access.tsv}), for later reading. */
    private void writeLogs(List<ArticleStream.Published> stream, FeedServers servers, List<FeedServers.Hit> hits) throws IOException {
        List<String> lines = new ArrayList<>(List.of("index\toffset_ms\toutlet\turl"));
        for (ArticleStream.Published p : stream) lines.add(p.index() + "\t" + p.offsetMillis() + "\t" + p.outletDomain() + "\t" + servers.url(p));
        Files.write(settings.out().resolve("stream.tsv"), lines);
        lines = new ArrayList<>(List.of("millis\thost\tpath"));
        for (FeedServers.Hit h : hits) lines.add(h.millis() + "\t" + h.host() + "\t" + h.path());
        Files.write(settings.out().resolve("access.tsv"), lines);
    }

    private static SoakReport.Accounting accounting(Store store, FeedStore feeds, Set<String> urls, int unseen) throws SQLException {
        int stored = 0, notArticle = 0, sameText = 0, otherSkip = 0, failed = 0, pending = 0, queued = 0;
        for (FeedItem i : feeds.items()) {
            if (!urls.contains(i.url())) continue;
            queued++;
            String error = i.lastError() == null ? "" : i.lastError();
            switch (i.status()) {
                case DONE -> stored++;
                case SKIPPED -> {
                    if (error.contains("not an article") || error.contains("no article text")) notArticle++;
                    else if (error.contains("same text")) sameText++;
                    else otherSkip++;
                }
                case FAILED -> failed++;
                case PENDING -> pending++;
            }
        }
        int[] counts = store.database().query(c -> {
            try (Statement st = c.createStatement()) {
                int n, shared;
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
                    n = rs.next() ? rs.getInt(1) : 0;
                }
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(c), 0) FROM (SELECT COUNT(*) AS c FROM articles WHERE url IS NOT NULL "
                        + "GROUP BY url HAVING COUNT(*) > 1) d")) {
                    shared = rs.next() ? rs.getInt(1) : 0;
                }
                return new int[] {n, shared};
            }
        });
        int rows = counts[0], sharing = counts[1];
        return new SoakReport.Accounting(urls.size(), stored, notArticle, sameText, otherSkip, failed, pending, urls.size() - queued,
                unseen, rows, sharing);
    }

    private SoakReport.Fetching fetching(List<FeedServers.Hit> hits, Set<String> articlePaths, long crawlerKillNanos) {
        Map<String, Integer> pageHits = new HashMap<>();
        Map<String, Long> firstHit = new HashMap<>();
        Map<String, List<Long>> byHost = new HashMap<>();
        int feedsPolled = 0, other = 0;
        for (FeedServers.Hit h : hits) {
            byHost.computeIfAbsent(h.host(), k -> new ArrayList<>()).add(h.nanos());
            if (articlePaths.contains(h.path())) {
                pageHits.merge(h.path(), 1, Integer::sum);
                firstHit.merge(h.path(), h.nanos(), Math::min);
            }
            else if (h.path().startsWith("/feed/")) feedsPolled++;
            else other++;
        }
        long delay = settings.hostDelay().toMillis();
        double minGap = Double.MAX_VALUE, minWindow = Double.MAX_VALUE;
        int under = 0, gaps = 0;
        for (List<Long> times : byHost.values()) {
            times.sort(null);
            for (int i = 1; i < times.size(); i++) {
                double gap = (times.get(i) - times.get(i - 1)) / 1e6;
                minGap = Math.min(minGap, gap);
                gaps++;
                if (gap < delay / 2.0) under++;
                if (i >= GAP_WINDOW) minWindow = Math.min(minWindow, (times.get(i) - times.get(i - GAP_WINDOW)) / 1e6 / GAP_WINDOW);
            }
        }
        int twice = (int) pageHits.values().stream().filter(c -> c > 1).count();
        int twiceAfterKill = (int) pageHits.entrySet().stream().filter(e -> e.getValue() > 1 && firstHit.getOrDefault(e.getKey(), 0L) > crawlerKillNanos).count();
        return new SoakReport.Fetching(pageHits.size(), twice, twiceAfterKill, feedsPolled, other, delay, minGap == Double.MAX_VALUE ? -1 : minGap, under,
                gaps, minWindow == Double.MAX_VALUE ? -1 : minWindow);
    }

    /**
     * Re-clusters the store once in its own process and compares its stories with the online ones. Both memberships
     * are written ({@code stories-online.tsv}, {@code stories-recluster.tsv}: article id, story id), so that the
     * differences can be read after the throwaway database is gone.
     */
    private SoakReport.Stories compare(Map<String, String> online, Store store) throws IOException, InterruptedException {
        writeMembership("stories-online.tsv", online);
        if (!settings.recluster()) return stories(online, online, 0, 0);
        Path log = settings.out().resolve("recluster.log");
        Path data = settings.out().resolve("recluster");
        Files.createDirectories(data);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx" + settings.clustererHeap(), "-cp", System.getProperty("java.class.path"),
                "news.parallax.cli.Main", "recluster", "--db", db, "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        double cpu = 0;
        while (!p.waitFor(1, TimeUnit.SECONDS)) cpu = p.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(cpu);
        double wall = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) throw new IllegalStateException("recluster failed; see " + log);
        say.accept(String.format("recluster took %.0f s", wall));
        Map<String, String> full = store.storyMembership();
        writeMembership("stories-recluster.tsv", full);
        return stories(online, full, wall, cpu);
    }

    private void writeMembership(String file, Map<String, String> storyOf) throws IOException {
        List<String> lines = new ArrayList<>(List.of("article_id\tstory_id"));
        new java.util.TreeMap<>(storyOf).forEach((article, story) -> lines.add(article + "\t" + story));
        Files.write(settings.out().resolve(file), lines);
    }

    /** Pairs of articles in one story: how many of the online ones the recluster also has, and the other way. */
    static SoakReport.Stories stories(Map<String, String> online, Map<String, String> full, double wall, double cpu) {
        Map<String, Set<String>> a = groups(online), b = groups(full);
        Map<String, Map<String, Integer>> cells = new HashMap<>();
        for (Map.Entry<String, String> e : online.entrySet()) {
            String other = full.get(e.getKey());
            if (other != null) cells.computeIfAbsent(e.getValue(), k -> new HashMap<>()).merge(other, 1, Integer::sum);
        }
        long both = 0;
        for (Map<String, Integer> row : cells.values()) for (int c : row.values()) both += pairs(c);
        long pa = a.values().stream().mapToLong(s -> pairs(s.size())).sum();
        long pb = b.values().stream().mapToLong(s -> pairs(s.size())).sum();
        Set<Set<String>> fullSets = new HashSet<>(b.values());
        int identical = 0, inIdentical = 0;
        for (Set<String> s : a.values()) {
            if (fullSets.contains(s)) {
                identical++;
                inIdentical += s.size();
            }
        }
        return new SoakReport.Stories(online.size(), a.size(), b.size(), identical, inIdentical, pa == 0 ? 1 : both / (double) pa,
                pb == 0 ? 1 : both / (double) pb, wall, cpu);
    }

    private static Map<String, Set<String>> groups(Map<String, String> membership) {
        Map<String, Set<String>> out = new HashMap<>();
        membership.forEach((article, story) -> out.computeIfAbsent(story, k -> new HashSet<>()).add(article));
        return out;
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private List<SoakReport.RoleFigures> roleFigures(long beginNanos) {
        List<SoakReport.RoleFigures> out = new ArrayList<>();
        for (RoleProcess p : processes) {
            List<GcLog.Sample> samples = GcLog.read(p.gcLog);
            double uptime = p.uptimeSeconds();
            int buckets = (int) Math.ceil(uptime / TICK_SECONDS);
            int max = samples.stream().mapToInt(GcLog.Sample::afterMb).max().orElse(-1);
            int last = samples.isEmpty() ? -1 : samples.getLast().afterMb();
            int committed = samples.stream().mapToInt(GcLog.Sample::committedMb).max().orElse(-1);
            out.add(new SoakReport.RoleFigures(p.name, p.role, p.killed(), uptime, p.cpu().toMillis() / 1000.0, samples.size(), max,
                    last, committed, GcLog.afterGcByBucket(samples, TICK_SECONDS, buckets),
                    GcLog.lowestAfterGcByWindow(samples, 60, (int) Math.ceil(uptime / 60))));
        }
        return out;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
