package news.parallax.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.fetch.CrawlSettings;
import news.parallax.fetch.DefaultFeeds;
import news.parallax.fetch.FeedItem;
import news.parallax.fetch.FeedParseException;
import news.parallax.fetch.FeedSource;
import news.parallax.fetch.FeedStore;
import news.parallax.fetch.Opml;
import news.parallax.fetch.OpmlEntry;
import news.parallax.fetch.UrlCanonicalizer;
import news.parallax.model.Domains;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parallax feeds add|remove|list|import|export}: the sources live ingestion crawls. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Manage the feeds, sitemaps and pages that `crawl` and `run` fetch. Without a subcommand: list.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.Remove.class, FeedsCommand.ListFeeds.class,
            FeedsCommand.Import.class, FeedsCommand.Export.class})
final class FeedsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    /** Runs the command standalone, before it is registered in {@code Main}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new FeedsCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return ListFeeds.list(data, false);
    }

    private static Duration defaultInterval() {
        return CrawlSettings.defaults().defaultInterval();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add feed, sitemap or article URLs.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(arity = "1..*", paramLabel = "URL")
        List<String> urls;

        @Option(names = "--kind", defaultValue = "feed",
                description = "feed (RSS, Atom, JSON Feed), sitemap (news sitemap or index) or page (one article). Default: ${DEFAULT-VALUE}.")
        String kind;

        @Option(names = "--outlet", paramLabel = "DOMAIN", description = "Outlet domain the articles belong to (default: the URL's domain).")
        @Nullable String outlet;

        @Option(names = "--title", defaultValue = "", description = "Display name.")
        String title;

        @Override
        public Integer call() throws Exception {
            FeedSource.Kind k;
            try {
                k = FeedSource.Kind.parse(kind);
            } catch (IllegalArgumentException e) {
                System.err.println("error: --kind must be feed, sitemap or page, not \"" + kind + "\"");
                return 2;
            }
            int bad = 0;
            try (Store store = Services.store(data)) {
                FeedStore feeds = FeedStore.of(store);
                for (String url : urls) {
                    try {
                        boolean added = feeds.addSource(url, k, outlet, title, defaultInterval(), Instant.now());
                        System.out.println((added ? "added " : "already present ") + UrlCanonicalizer.canonical(url));
                    } catch (IllegalArgumentException e) {
                        System.err.println("error: " + e.getMessage());
                        bad++;
                    }
                }
            }
            return bad == 0 ? 0 : 2;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove sources; their stored articles stay, their unfetched links are dropped.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(arity = "1..*", paramLabel = "URL")
        List<String> urls;

        @Override
        public Integer call() throws Exception {
            int missing = 0;
            try (Store store = Services.store(data)) {
                FeedStore feeds = FeedStore.of(store);
                for (String url : urls) {
                    boolean removed;
                    try {
                        removed = feeds.removeSource(url);
                    } catch (IllegalArgumentException e) {
                        removed = false;
                    }
                    if (removed) System.out.println("removed " + url);
                    else {
                        System.err.println("error: no such source: " + url);
                        missing++;
                    }
                }
            }
            return missing == 0 ? 0 : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Sources with their fetch state: last fetch, next fetch, interval, failures, last error.")
    static final class ListFeeds implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--failing", description = "Only sources whose last fetch failed.")
        boolean failing;

        @Override
        public Integer call() throws Exception {
            return list(data, failing);
        }

        static int list(DataOption data, boolean failingOnly) throws Exception {
            try (Store store = Services.store(data)) {
                FeedStore feeds = FeedStore.of(store);
                List<FeedSource> all = feeds.sources();
                Instant now = Instant.now();
                int failingCount = 0;
                for (FeedSource s : all) {
                    boolean failingNow = s.consecutiveFailures() > 0;
                    if (failingNow) failingCount++;
                    if (failingOnly && !failingNow) continue;
                    String state = failingNow ? "FAILING x" + s.consecutiveFailures() : s.lastSuccess() == null ? "new" : "ok";
                    System.out.printf("%-11s %-7s %s%n", state, s.kind().name().toLowerCase(java.util.Locale.ROOT), s.url());
                    System.out.printf("            outlet %s; last fetch %s; next %s; every %s; %d links (%d new last time)%n",
                            s.outletDomain(), ago(s.lastFetch(), now), s.kind() == FeedSource.Kind.PAGE && s.lastSuccess() != null
                                    ? "never (single page)" : until(s.nextFetch(), now),
                            human(s.interval()), s.totalItems(), s.lastNewItems());
                    if (s.lastError() != null) System.out.println("            last error: " + s.lastError());
                }
                Map<FeedItem.Status, Integer> counts = feeds.itemCounts();
                System.out.printf("%d sources (%d failing); links: %d pending, %d stored, %d skipped, %d failed%n", all.size(),
                        failingCount, counts.get(FeedItem.Status.PENDING), counts.get(FeedItem.Status.DONE),
                        counts.get(FeedItem.Status.SKIPPED), counts.get(FeedItem.Status.FAILED));
                if (all.isEmpty()) System.out.println("No sources yet: ./parallax feeds import --defaults, or ./parallax feeds add URL");
            }
            return 0;
        }

        private static String ago(@Nullable Instant t, Instant now) {
            return t == null ? "never" : human(Duration.between(t, now)) + " ago";
        }

        private static String until(Instant t, Instant now) {
            return t.isAfter(now) ? "in " + human(Duration.between(now, t)) : "due now";
        }

        private static String human(Duration d) {
            long s = Math.abs(d.toSeconds());
            if (s < 120) return s + "s";
            if (s < 7200) return (s / 60) + "min";
            if (s < 172800) return (s / 3600) + "h";
            return (s / 86400) + "d";
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add every feed of an OPML file (as exported by feed readers), or the shipped default list.")
    static final class Import implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "OPML file.")
        @Nullable Path file;

        @Option(names = "--defaults", description = "Import the default list shipped with Parallax (80 outlets across the spectrum).")
        boolean defaults;

        @Override
        public Integer call() throws Exception {
            if ((file == null) == !defaults) {
                System.err.println("error: give an OPML FILE or --defaults (one of them)");
                return 2;
            }
            List<Candidate> candidates = new ArrayList<>();
            if (defaults) {
                for (DefaultFeeds.DefaultFeed f : DefaultFeeds.load())
                    candidates.add(new Candidate(f.url(), f.kind(), f.outletDomain(), f.name()));
            } else {
                Path opml = file;
                if (opml == null || !Files.isRegularFile(opml)) {
                    System.err.println("error: " + (opml == null ? "give an OPML file or --defaults" : opml + ": no such file"));
                    return 2;
                }
                List<OpmlEntry> entries;
                try (InputStream in = Files.newInputStream(opml)) {
                    entries = Opml.read(in, opml.toString());
                } catch (FeedParseException e) {
                    System.err.println("error: " + e.getMessage());
                    return 2;
                }
                for (OpmlEntry e : entries) {
                    String domain = null;
                    if (e.htmlUrl() != null) {
                        try {
                            domain = Domains.host(e.htmlUrl()).orElse(null);
                        } catch (IllegalArgumentException ignored) {
                            // a broken htmlUrl only loses the outlet hint; the feed URL's domain is used
                        }
                    }
                    candidates.add(new Candidate(e.xmlUrl(), FeedSource.Kind.FEED, domain, e.title()));
                }
            }
            int added = 0, present = 0, bad = 0;
            try (Store store = Services.store(data)) {
                FeedStore feeds = FeedStore.of(store);
                for (Candidate c : candidates) {
                    try {
                        if (feeds.addSource(c.url, c.kind, c.domain, c.title, defaultInterval(), Instant.now())) added++;
                        else present++;
                    } catch (IllegalArgumentException e) {
                        System.err.println("skipped: " + e.getMessage());
                        bad++;
                    }
                }
            }
            System.out.printf("imported %d sources (%d already present, %d invalid)%n", added, present, bad);
            return 0;
        }

        private record Candidate(String url, FeedSource.Kind kind, @Nullable String domain, String title) {}
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the feeds as OPML (to FILE or standard output).")
    static final class Export implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(arity = "0..1", paramLabel = "FILE")
        @Nullable Path file;

        @Override
        public Integer call() throws Exception {
            List<OpmlEntry> entries = new ArrayList<>();
            try (Store store = Services.store(data)) {
                for (FeedSource s : FeedStore.of(store).sources()) {
                    if (s.kind() == FeedSource.Kind.PAGE) continue; // OPML lists subscriptions, not single articles
                    String home = s.outletDomain() == null ? null : "https://" + s.outletDomain() + "/";
                    entries.add(new OpmlEntry(s.url(), s.title().isBlank() ? s.url() : s.title(), home, null));
                }
            }
            if (file == null) {
                Opml.write(entries, "Parallax feeds", System.out);
                System.out.flush();
            } else {
                try (OutputStream out = Files.newOutputStream(file)) {
                    Opml.write(entries, "Parallax feeds", out);
                } catch (IOException e) {
                    System.err.println("error: cannot write " + file + ": " + e.getMessage());
                    return 2;
                }
                System.out.println("exported " + entries.size() + " feeds to " + file);
            }
            return 0;
        }
    }
}
