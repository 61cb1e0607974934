package news.parallax.fetch;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Crawls the sources in a {@link FeedStore}: polls every due feed or sitemap, queues the article
 * links it announces, fetches queued pages and hands them to an {@link ArticleSink}.
 *
 * <p>Each source and each page runs on its own virtual thread; politeness (per-host slots, gaps,
 * robots.txt) lives in the shared {@link HttpFetcher}, and the CPU-bound sink is limited to
 * {@link CrawlSettings#sinkParallelism()} pages at once. Any failure is caught per source or page,
 * recorded in the store with its URL and a retry time, and never stops the rest of the pass.
 *
 * <p>Crash safety: a link is marked DONE only after the sink returned, so a crawl killed midway
 * re-fetches the page on restart; the sink's idempotency (by canonical URL) keeps it stored once.
 *
 * <p>Many crawlers on one store (issue 15): a pass claims the due sources, then the due links, as leases
 * ({@link FeedStore#claimDueSources}), so no source or page is fetched by two crawlers; while the pass runs its
 * leases are renewed every quarter of {@link CrawlSettings#lease()}. Leases of a crawler that died on this host
 * are taken back when the next pass starts; those of a crawler on another host return when they expire.
 */
public final class Crawler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Crawler.class);
    private static final int SNIFF_BYTES = 512;
    /**
     * Shortest wait between two looks for due feeds during a pass: a feed leased by another crawler stays due until it
     * is recorded, and would otherwise be looked at in a loop.
     */
    static final Duration POLL_CHECK_MIN = Duration.ofMillis(500);
    /** Longest: sources added or rescheduled by another process are seen this soon. */
    static final Duration POLL_CHECK_MAX = Duration.ofSeconds(5);
    /** Sitemaps list a site's whole archive; only entries this recent are queued as news. */
    static final Duration SITEMAP_MAX_AGE = Duration.ofDays(7);

    private final HttpFetcher fetcher;
    private final FeedStore store;
    private final ArticleSink sink;
    private final CrawlSettings settings;
    private final Clock clock;
    private final FeedParser parser;
    private final Semaphore sinkSlots;
    private final LeaseOwner owner;
    /** Pages fetched whose storing failed with the store (issue 15: a lost database); saved at the next pass. */
    private final UnsavedPages unsaved;

    public Crawler(HttpFetcher fetcher, FeedStore store, ArticleSink sink, CrawlSettings settings, Clock clock) {
        this(fetcher, store, sink, settings, clock, LeaseOwner.forThisProcess(), new UnsavedPages());
    }

    /**
     * A crawler on a new connection that continues {@code previous} (whose database connection was lost): same lease
     * owner, so the leases it holds stay its own, and the pages it fetched but could not store, saved at the next pass.
     */
    public Crawler(HttpFetcher fetcher, FeedStore store, ArticleSink sink, CrawlSettings settings, Clock clock, Crawler previous) {
        this(fetcher, store, sink, settings, clock, previous.owner, previous.unsaved);
    }

    private Crawler(HttpFetcher fetcher, FeedStore store, ArticleSink sink, CrawlSettings settings, Clock clock, LeaseOwner owner,
            UnsavedPages unsaved) {
        this.fetcher = fetcher;
        this.store = store;
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
        this.unsaved = unsaved;
        this.parser = new FeedParser(fetcher.config().maxBodyBytes());
        this.sinkSlots = new Semaphore(settings.sinkParallelism());
    }

    /** Pages fetched and not yet stored because the store failed; they are stored at the start of the next pass. */
    public int unsavedPages() {
        return unsaved.size();
    }

    public FeedStore store() {
        return store;
    }

    /** The name this crawler's leases carry. */
    public LeaseOwner owner() {
        return owner;
    }

    /** Adds a source as {@link FeedStore#addSource} does, with the default polling interval. */
    public boolean addSource(String url, FeedSource.Kind kind, @Nullable String outletDomain, String title)
            throws SQLException {
        return store.addSource(url, kind, outletDomain, title, settings.defaultInterval(), clock.instant());
    }

    /** Fetches every due source once, then every due article link; returns what happened. */
    public CrawlReport crawlOnce() throws SQLException, InterruptedException {
        return crawlOnce(false);
    }

    /**
     * @param ignoreSchedule fetch every source and pending link now, due or not (after fixing a
     *                       source, or with {@code --allow-private} newly given)
     */
    public CrawlReport crawlOnce(boolean ignoreSchedule) throws SQLException, InterruptedException {
        long startNanos = System.nanoTime();
        Tally tally = new Tally();
        Instant horizon = ignoreSchedule ? FeedStore.NEVER.minusMillis(1) : clock.instant();
        takeBackDeadLeases();
        Thread renewer = startRenewing();
        try {
            saveUnsaved(tally);
            Instant now = clock.instant();
            List<FeedSource> due = store.claimDueSources(owner, horizon, now, now.plus(settings.lease()), Integer.MAX_VALUE);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (FeedSource s : due) pool.submit(() -> crawlSource(s, tally));
            }
            now = clock.instant();
            List<FeedItem> items = store.claimDueItems(owner, ignoreSchedule ? horizon : now, now, now.plus(settings.lease()),
                    settings.maxItemsPerCrawl());
            CountDownLatch pagesLeft = new CountDownLatch(items.size());
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                if (!items.isEmpty()) pool.submit(() -> pollWhileFetching(pagesLeft, tally));
                for (FeedItem item : items) {
                    pool.submit(() -> {
                        try {
                            crawlItem(item, tally);
                        } finally {
                            pagesLeft.countDown();
                        }
                    });
                }
            }
        } finally {
            renewer.interrupt();
        }
        if (Thread.interrupted()) throw new InterruptedException("crawl interrupted");
        return new CrawlReport(tally.sourcesFetched.get(), tally.sourcesFailed.get(), tally.newItems.get(),
                tally.stored.get(), tally.skipped.get(), tally.failed.get(), tally.retrying.get(),
                Duration.ofNanos(System.nanoTime() - startNanos), new ArrayList<>(tally.errors), tally.polledDuringPass.get());
    }

    /**
     * While this pass fetches its pages, polls every source that falls due (claimed as at the start of a pass, so two
     * crawlers never poll one feed), as soon as it is due: a pass of hundreds of pages can last minutes, longer than a
     * busy feed keeps an item in its window (issue 15, session 9). The polls take their host's next slot ahead of the
     * pages waiting ({@link HttpFetcher#fetchFeed}); the links they queue wait for the next pass. Returns when every
     * page of the pass is done and the polls started meanwhile have ended.
     */
    private void pollWhileFetching(CountDownLatch pagesLeft, Tally tally) {
        AtomicInteger polling = new AtomicInteger();
        try (ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor()) {
            // A source being polled is leased, so the store's next due time leaves it out until it is recorded: while
            // polls run, look again soon, or a feed due a second after its poll would wait for the longest check.
            while (!pagesLeft.await(polling.get() > 0 ? POLL_CHECK_MIN.toMillis() : untilNextPoll().toMillis(), TimeUnit.MILLISECONDS)) {
                Instant now = clock.instant();
                for (FeedSource s : store.claimDueSources(owner, now, now, now.plus(settings.lease()), Integer.MAX_VALUE)) {
                    tally.polledDuringPass.incrementAndGet();
                    polling.incrementAndGet();
                    polls.submit(() -> {
                        try {
                            crawlSource(s, tally);
                        } finally {
                            polling.decrementAndGet();
                        }
                    });
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            // The pages go on; the feeds are polled at the next pass.
            LOG.warn("crawler {} stopped polling feeds during its pass: {}", owner, e.getMessage());
        }
    }

    /** How long until a source may be due: the store's earliest due time, looked at again at least every few seconds. */
    private Duration untilNextPoll() throws SQLException {
        Optional<Instant> next = store.nextSourceDue(clock.instant());
        long ms = next.isEmpty() ? POLL_CHECK_MAX.toMillis() : Duration.between(clock.instant(), next.get()).toMillis();
        return Duration.ofMillis(Math.max(POLL_CHECK_MIN.toMillis(), Math.min(POLL_CHECK_MAX.toMillis(), ms)));
    }

    /** When the next pass has work: the earliest due source or pending link (see {@link FeedStore#nextDue}). */
    public Optional<Instant> nextDue() throws SQLException {
        return store.nextDue(clock.instant());
    }

    /**
     * Stores the pages kept from earlier passes whose storing failed; stops at the first store failure (the store is
     * still unreachable) and keeps the rest. Their links are still leased by this crawler, renewed meanwhile.
     */
    private void saveUnsaved(Tally tally) throws SQLException {
        while (true) {
            UnsavedPages.Page p = unsaved.poll();
            if (p == null) break;
            try {
                handlePage(p.item(), p.result(), tally);
            } catch (news.parallax.store.StoreException | SQLException e) {
                unsaved.putBack(p);
                throw e instanceof SQLException sql ? sql : new SQLException("store unavailable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                unsaved.putBack(p);
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                finish(p.item(), FeedItem.Status.FAILED, null, p.item().url() + ": " + e, tally);
            }
        }
        if (tally.stored.get() > 0) LOG.info("stored {} pages fetched before the store failed", tally.stored.get());
    }

    /** Releases the leases of crawlers that ran on this host in a process that is gone: their work is free at once. */
    private void takeBackDeadLeases() throws SQLException {
        for (String held : store.leaseOwners()) {
            Optional<LeaseOwner> other = LeaseOwner.parse(held);
            if (other.isPresent() && other.get().deadOnThisHost()) {
                int n = store.releaseLeases(other.get());
                if (n > 0) LOG.info("took back {} leases of crawler {}, whose process is gone", n, held);
            }
        }
    }

    /** Renews this crawler's leases every quarter of their length while a pass runs. */
    private Thread startRenewing() {
        long every = Math.max(1, settings.lease().toMillis() / 4);
        return Thread.ofVirtual().name("lease-renewal-" + owner.instance()).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                    store.renewLeases(owner, clock.instant().plus(settings.lease()));
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException | RuntimeException e) {
                    // The next renewal tries again; until the lease expires, the claims stand.
                    LOG.warn("crawler {} could not renew its leases: {}", owner, e.getMessage());
                }
            }
        });
    }

    /**
     * Fetches single article URLs now, whatever else is due: each becomes a PAGE source (so it is
     * listed and never fetched twice) and its page goes to the sink. URLs already fetched are left
     * alone; one that is not an http(s) URL is reported in the errors and skipped.
     */
    public CrawlReport fetchPages(List<String> urls) throws SQLException, InterruptedException {
        long startNanos = System.nanoTime();
        Tally tally = new Tally();
        // The user named these pages: a page that is not stored must say why.
        tally.reportSkips = true;
        List<FeedItem> items = new ArrayList<>();
        for (String url : urls) {
            String canonical;
            try {
                canonical = UrlCanonicalizer.canonical(url);
            } catch (IllegalArgumentException e) {
                tally.errors.add(e.getMessage());
                tally.failed.incrementAndGet();
                continue;
            }
            Instant now = clock.instant();
            addSource(canonical, FeedSource.Kind.PAGE, null, "");
            int added = store.addItems(canonical, List.of(new FeedEntry(canonical, null, "", null)), now);
            tally.newItems.addAndGet(added);
            store.recordSuccess(canonical, now, null, null, added, settings.defaultInterval(),
                    FeedStore.NEVER);
            Optional<FeedItem> claimed = store.claimItem(canonical, owner, now, now.plus(settings.lease()));
            if (claimed.isPresent()) {
                items.add(claimed.get());
            } else if (store.findItem(canonical).filter(i -> i.status() == FeedItem.Status.PENDING).isPresent()) {
                tally.errors.add(canonical + ": being fetched by another crawler");
                tally.skipped.incrementAndGet();
            }
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FeedItem item : items) pool.submit(() -> crawlItem(item, tally));
        }
        if (Thread.interrupted()) throw new InterruptedException("fetch interrupted");
        return new CrawlReport(0, 0, tally.newItems.get(), tally.stored.get(), tally.skipped.get(), tally.failed.get(),
                tally.retrying.get(), Duration.ofNanos(System.nanoTime() - startNanos), new ArrayList<>(tally.errors));
    }

    private void crawlSource(FeedSource s, Tally tally) {
        Instant now = clock.instant();
        try {
            if (s.kind() == FeedSource.Kind.PAGE) {
                int added = store.addItems(s.url(), List.of(new FeedEntry(s.url(), null, s.title(), null)), now);
                tally.newItems.addAndGet(added);
                store.recordSuccess(s.url(), now, null, null, added, s.interval(), FeedStore.NEVER);
                tally.sourcesFetched.incrementAndGet();
                return;
            }
            FetchResult r = fetcher.fetchFeed(s.url(), s.etag(), s.lastModified());
            Instant answered = clock.instant();
            switch (r.status()) {
                case OK -> {
                    List<String> warnings = new ArrayList<>();
                    List<FeedEntry> entries = readEntries(r, tally, warnings);
                    int added = store.addItems(s.url(), entries, answered);
                    tally.newItems.addAndGet(added);
                    // The rate is judged from when the feed answered: a poll that waited for its host is not a slow feed.
                    Instant previous = s.lastSuccess();
                    @Nullable Duration since = previous == null ? null : Duration.between(previous, answered);
                    Duration interval = since != null ? settings.adapt(s.interval(), added, entries.size(), since)
                            : firstInterval(s.interval(), entries, answered);
                    if (since != null && added > 1 && added >= entries.size()) {
                        String w = "all " + added + " items were new since the poll " + since.toSeconds() + " s before: some may "
                                + "have left the feed unseen; polling every " + interval.toSeconds() + " s now";
                        LOG.warn("{}: {}", s.url(), w);
                        warnings.add(w);
                    }
                    store.recordSuccess(s.url(), answered, r.etag(), r.lastModified(), added, interval, answered.plus(interval));
                    if (!warnings.isEmpty()) store.recordWarning(s.url(), String.join("; ", warnings)); // issue 20
                    tally.sourcesFetched.incrementAndGet();
                }
                case NOT_MODIFIED -> {
                    Duration interval = settings.adapt(s.interval(), 0);
                    store.recordSuccess(s.url(), answered, s.etag(), s.lastModified(), 0, interval, answered.plus(interval));
                    tally.sourcesFetched.incrementAndGet();
                }
                default -> sourceFailed(s, now, String.valueOf(r.error()), r.retryAfter(), tally);
            }
        } catch (FeedParseException e) {
            sourceFailedQuietly(s, now, Objects.requireNonNullElse(e.getMessage(), e.toString()), null, tally);
        } catch (Exception e) {
            sourceFailedQuietly(s, now, s.url() + ": " + e, null, tally);
        }
    }

    /**
     * The interval after a source's first poll, when no earlier poll tells its rate: the dates of the items it lists
     * do (n dated items spanning t: n - 1 new in t); without two of them, the interval halves as for any news.
     */
    private Duration firstInterval(Duration current, List<FeedEntry> entries, Instant answered) {
        List<Instant> dated = new ArrayList<>();
        for (FeedEntry e : entries) {
            Instant t = e.published();
            if (t != null && !t.isAfter(answered)) dated.add(t);
        }
        if (dated.size() < 2) return settings.adapt(current, entries.size());
        dated.sort(null);
        Duration span = Duration.between(dated.getFirst(), dated.getLast());
        return settings.adapt(current, dated.size() - 1, entries.size(), span);
    }

    private List<FeedEntry> readEntries(FetchResult r, Tally tally, List<String> warnings) throws FeedParseException {
        ParsedFeed feed = parser.parse(r.body(), r.finalUrl(), r.contentType(), r.contentLocation());
        warnings.addAll(feed.warnings());
        if (feed.format() == ParsedFeed.Format.SITEMAP) return recent(feed.entries());
        if (feed.format() != ParsedFeed.Format.SITEMAP_INDEX) return feed.entries();
        List<FeedEntry> all = new ArrayList<>();
        for (String child : feed.childSitemaps()) {
            if (all.size() >= FeedParser.MAX_ENTRIES) break;
            FetchResult cr = fetcher.fetchFeed(child, null, null);
            if (!cr.ok()) {
                tally.errors.add(String.valueOf(cr.error()));
                continue;
            }
            try {
                ParsedFeed childFeed = parser.parse(cr.body(), cr.finalUrl(), cr.contentType(), cr.contentLocation());
                all.addAll(recent(childFeed.entries())); // one level only: an index inside an index is ignored
            } catch (FeedParseException e) {
                tally.errors.add(e.getMessage());
            }
        }
        return all.size() > FeedParser.MAX_ENTRIES ? all.subList(0, FeedParser.MAX_ENTRIES) : all;
    }

    /** Sitemap entries dated before {@link #SITEMAP_MAX_AGE} are archive, not news; undated ones are kept. */
    private List<FeedEntry> recent(List<FeedEntry> entries) {
        Instant cutoff = clock.instant().minus(SITEMAP_MAX_AGE);
        return entries.stream().filter(e -> e.published() == null || e.published().isAfter(cutoff)).toList();
    }

    private void sourceFailed(FeedSource s, Instant now, String error, @Nullable Duration retryAfter, Tally tally)
            throws SQLException {
        Instant next = now.plus(settings.failureWait(s.consecutiveFailures() + 1));
        if (retryAfter != null && now.plus(retryAfter).isAfter(next)) next = now.plus(retryAfter);
        store.recordFailure(s.url(), now, error, next);
        tally.sourcesFailed.incrementAndGet();
        tally.errors.add(error);
    }

    private void sourceFailedQuietly(FeedSource s, Instant now, String error, @Nullable Duration retryAt, Tally tally) {
        try {
            sourceFailed(s, now, error, retryAt, tally);
        } catch (SQLException e) {
            tally.sourcesFailed.incrementAndGet();
            tally.errors.add(error + " (and recording it failed: " + e.getMessage() + ")");
        }
    }

    private void crawlItem(FeedItem item, Tally tally) {
        try {
            FetchResult r = fetcher.fetch(item.url());
            Instant now = clock.instant();
            switch (r.status()) {
                case OK -> {
                    try {
                        handlePage(item, r, tally);
                    } catch (news.parallax.store.StoreException | SQLException e) {
                        // The store failed, not the page (a lost connection, a locked file): the fetched page is kept
                        // and stored at the next pass, without fetching it again (issue 15).
                        if (!unsaved.add(new UnsavedPages.Page(item, r))) throw e;
                        tally.retrying.incrementAndGet();
                        tally.errors.add(item.url() + ": fetched, kept until the store is back: " + e.getMessage());
                    }
                }
                case RETRY_LATER -> {
                    if (item.attempts() + 1 >= settings.maxItemAttempts()) {
                        finish(item, FeedItem.Status.FAILED, null, r.error(), tally);
                    } else {
                        Instant next = now.plus(settings.failureWait(item.attempts() + 1));
                        if (r.retryAfter() != null && now.plus(r.retryAfter()).isAfter(next)) next = now.plus(r.retryAfter());
                        store.retryItem(item.url(), String.valueOf(r.error()), next);
                        tally.retrying.incrementAndGet();
                        tally.errors.add(String.valueOf(r.error()));
                    }
                }
                case SKIPPED -> {
                    if (r.addressRefused()) {
                        // Refused by this run's settings, not by the page: the link stays pending, so that a run
                        // with --allow-private fetches it instead of finding it already handled (issue 19).
                        store.holdItem(item.url(), String.valueOf(r.error()), now.plus(settings.failureWait(1)));
                        tally.skipped.incrementAndGet();
                        if (tally.reportSkips) tally.errors.add(String.valueOf(r.error()));
                    } else {
                        finish(item, FeedItem.Status.SKIPPED, null, r.error(), tally);
                    }
                }
                default -> finish(item, FeedItem.Status.FAILED, null, r.error(), tally);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (news.parallax.store.StoreException e) {
            // The store failed and the page could not be kept (too many waiting): the link stays pending and is
            // fetched again later, so no article is lost; should recording that fail too, its lease expires.
            String error = item.url() + ": " + e.getMessage();
            tally.retrying.incrementAndGet();
            tally.errors.add(error);
            try {
                store.holdItem(item.url(), error, clock.instant().plus(settings.failureWait(1)));
            } catch (SQLException ignored) {
                tally.errors.add(item.url() + ": and recording the retry failed: " + ignored.getMessage());
            }
        } catch (Exception e) {
            try {
                finish(item, FeedItem.Status.FAILED, null, item.url() + ": " + e, tally);
            } catch (SQLException ignored) {
                tally.errors.add(item.url() + ": " + e + " (and recording it failed)");
            }
        }
    }

    private void handlePage(FeedItem item, FetchResult r, Tally tally) throws Exception {
        if (!looksLikeHtml(r)) {
            finish(item, FeedItem.Status.SKIPPED, null,
                    item.url() + ": not an HTML page (Content-Type " + r.contentType() + ")", tally);
            return;
        }
        String finalUrl = canonicalOrSelf(r.finalUrl());
        if (!finalUrl.equals(item.url())) {
            Optional<FeedItem> same = store.findItem(finalUrl);
            if (same.isPresent() && same.get().status() == FeedItem.Status.DONE) {
                finish(item, FeedItem.Status.SKIPPED, null, item.url() + ": same article as " + finalUrl, tally);
                return;
            }
        }
        FetchedArticle page = new FetchedArticle(item.url(), r.finalUrl(), r.body(), r.charset(), item.outletDomain(),
                item.title(), item.published(), item.sourceUrl());
        ArticleSink.Outcome outcome;
        sinkSlots.acquire();
        try {
            outcome = sink.accept(page);
        } finally {
            sinkSlots.release();
        }
        if (outcome.stored()) {
            finish(item, FeedItem.Status.DONE, outcome.articleId(), null, tally);
            if (!finalUrl.equals(item.url())) store.addAlias(finalUrl, item.sourceUrl(), outcome.articleId(), clock.instant());
        } else {
            finish(item, FeedItem.Status.SKIPPED, null, item.url() + ": " + outcome.reason(), tally);
        }
    }

    private void finish(FeedItem item, FeedItem.Status status, @Nullable String articleId, @Nullable String error,
            Tally tally) throws SQLException {
        store.finishItem(item.url(), status, articleId, error, clock.instant());
        switch (status) {
            case DONE -> tally.stored.incrementAndGet();
            case SKIPPED -> tally.skipped.incrementAndGet();
            default -> tally.failed.incrementAndGet();
        }
        if (error != null && (status == FeedItem.Status.FAILED || tally.reportSkips)) tally.errors.add(error);
    }

    private static String canonicalOrSelf(String url) {
        try {
            return UrlCanonicalizer.canonical(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** HTML by Content-Type, or by its first bytes when the type is missing or generic. */
    static boolean looksLikeHtml(FetchResult r) {
        String mime = r.mimeType();
        if (mime != null && (mime.equals("text/html") || mime.equals("application/xhtml+xml"))) return true;
        if (mime != null && !(mime.equals("text/plain") || mime.equals("application/octet-stream")
                || mime.equals("binary/octet-stream"))) return false;
        byte[] b = r.body();
        String head = new String(b, 0, Math.min(SNIFF_BYTES, b.length), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").strip().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html");
    }

    private static final class Tally {
        final AtomicInteger sourcesFetched = new AtomicInteger();
        final AtomicInteger sourcesFailed = new AtomicInteger();
        final AtomicInteger newItems = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger retrying = new AtomicInteger();
        final AtomicInteger polledDuringPass = new AtomicInteger();
        final Queue<String> errors = new ConcurrentLinkedQueue<>();
        volatile boolean reportSkips;
    }
}
