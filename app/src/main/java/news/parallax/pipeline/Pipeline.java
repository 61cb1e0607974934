package news.parallax.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.parallax.clean.OutletBoilerplateFilter;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.StoryClusterer;
import news.parallax.editor.Correction;
import news.parallax.editor.Corrections;
import news.parallax.extract.HtmlExtractor;
import news.parallax.ingest.InputFiles;
import news.parallax.ingest.InputFormat;
import news.parallax.ingest.InputItem;
import news.parallax.ingest.InputReader;
import news.parallax.model.Article;
import news.parallax.outlets.OutletRegistries;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.StaleStoriesException;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import org.jspecify.annotations.Nullable;

/**
 * The batch pipeline: read inputs, clean, drop duplicates, store, then cluster the new articles online
 * ({@link #clusterNew}); {@link #recluster} rebuilds every story from the store.
 *
 * <p>Articles are stored in transactions of {@link #BATCH_SIZE}, so an interrupted run keeps whole
 * articles only; stories are replaced in one transaction after clustering (after a live pass, only
 * the stories it changed). Stories keep their ids across re-clustering ({@link PermanentIds}), and with
 * {@link StoredViews} the views of the stories a run changed are built and stored after it saves them.
 * Not thread-safe: one ingest at a time per pipeline. Processes sharing a store are kept apart by the story
 * version (issue 15): a save built from an older snapshot than the stored stories is refused and the pass re-runs.
 */
public final class Pipeline {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pipeline.class);
    static final int BATCH_SIZE = 500;
    /** Passes a re-cluster runs when other processes keep saving stories under it, before it gives up. */
    static final int SAVE_ATTEMPTS = 3;
    /** The open window in quiet periods: one for joins, one more for rescues of lone articles after theirs ends. */
    static final int OPEN_WINDOW_QUIET_PERIODS = 2;

    private final Store store;
    private final InputReader reader;
    private final StoryClusterer clusterer;
    private final OutletBoilerplateFilter boilerplate = new OutletBoilerplateFilter();
    /**
     * Articles of the stories the clusterer may still change, without their text (stories need titles, outlets and
     * times); {@link #forgetClosed} drops the rest after each pass.
     */
    private final Map<String, Article> clustered = new HashMap<>();
    /**
     * The undated articles in {@link #clustered}, each with the stream's clock when it was clustered (the latest
     * publication time clustered by then, which is the time the clusterer gives it): what {@link #forgetClosed} ages
     * them by, so undated articles leave memory too.
     */
    private final Map<String, Instant> undatedAt = new HashMap<>();
    /** The latest publication time clustered: the stream's clock. */
    private @Nullable Instant clock;
    /** {@link Store#lastArticleSeq} when the clustered articles were read: a pass reads only those stored after. */
    private long storedUpTo;
    /**
     * How far before the latest story a story counts as open when a stream resumes from the store, and how long an
     * article is kept in memory: two quiet periods, so that an article may still join (or be rescued into) any
     * story the clusterer could reach in a single pass.
     */
    private final Duration openWindow;
    /** {@link Store#storyVersion} of the stories this pipeline last saved: its next save expects it unchanged. */
    private long storiesVersion;
    /**
     * Stories stored as of {@link #storiesVersion}, kept up to date by this pipeline's saves so that a pass reports
     * it without counting every story (a scan that grows with the store: about 1 s at 506k stories); -1 until counted
     * once for the stream. Exact because every write of stories raises the version and this pipeline's saves expect
     * theirs: after any other writer, the next save is refused and the stream resumes, counting again.
     */
    private int storyCount = -1;
    /** Builds the views of changed stories after each save; null when this pipeline leaves views to a server. */
    private final @Nullable StoredViews views;

    /** Links the stories a save changed into threads, after their views are stored; null when views are left to a server. */
    private final news.parallax.threads.@Nullable StoryThreads threads;

    /** Resolves outlets for stories' headlines and source counts (the same registry the analysis reads). */
    private final OutletRegistry registry;
    /** Editors' corrections, replayed on the clusterer's groups before stories are saved (issue 14). */
    private final Corrections corrections;
    /** The clusterer's own group of each article, before corrections: what a live pass replays them on. */
    private final Map<String, Clustering.Group> uncorrected = new HashMap<>();
    /** {@link Corrections#lastId} when corrections were last replayed: a live pass notices an editor's new one. */
    private long correctionsSeen;

    public Pipeline(Store store, HtmlExtractor htmlExtractor, StoryClusterer clusterer) {
        this(store, htmlExtractor, clusterer, BundledRegistry.INSTANCE, null);
    }

    public Pipeline(Store store, HtmlExtractor htmlExtractor, StoryClusterer clusterer, OutletRegistry registry) {
        this(store, htmlExtractor, clusterer, registry, null);
    }

    /** A pipeline with the bundled registry that also builds and stores the views of the stories it changes. */
    public Pipeline(Store store, HtmlExtractor htmlExtractor, StoryClusterer clusterer, StoredViews views) {
        this(store, htmlExtractor, clusterer, BundledRegistry.INSTANCE, views);
    }

    /**
     * A pipeline that resolves outlets with {@code registry} and, when {@code views} is given, also builds and
     * stores the views of the stories it changes.
     */
    public Pipeline(Store store, HtmlExtractor htmlExtractor, StoryClusterer clusterer, OutletRegistry registry,
            @Nullable StoredViews views) {
        this(store, htmlExtractor, clusterer, registry, views, ClusterConfig.defaults().quietPeriod());
    }

    /** As above, for a clusterer whose stories close after {@code quietPeriod} (it sets how much of the store a resumed stream reads). */
    public Pipeline(Store store, HtmlExtractor htmlExtractor, StoryClusterer clusterer, OutletRegistry registry,
            @Nullable StoredViews views, Duration quietPeriod) {
        this.openWindow = quietPeriod.multipliedBy(OPEN_WINDOW_QUIET_PERIODS);
        this.store = store;
        this.reader = new InputReader(htmlExtractor);
        this.clusterer = clusterer;
        this.registry = registry;
        this.views = views;
        this.threads = views == null ? null
                : new news.parallax.threads.StoryThreads(new news.parallax.threads.ThreadStore(store), news.parallax.threads.ThreadSettings.DEFAULTS);
        this.corrections = new Corrections(store);
    }

    /** The bundled ratings, read once per process. */
    private static final class BundledRegistry {
        static final OutletRegistry INSTANCE = OutletRegistries.bundled();
    }

    /** The pipeline with the project's standard stages. */
    public static Pipeline standard(Store store) {
        return standard(store, ClusterConfig.defaults());
    }

    /** The standard stages, clustering with {@code config} (e.g. a user's quiet period). */
    public static Pipeline standard(Store store, ClusterConfig config) {
        return new Pipeline(store, Pipelines.standardHtmlExtractor(), Pipelines.standardClusterer(store, config),
                BundledRegistry.INSTANCE, new StoredViews(store, Pipelines.standardAnalyzer(store)), config.quietPeriod());
    }

    public Store store() {
        return store;
    }

    public IngestSummary ingest(List<Path> inputs, ProgressListener progress) {
        List<InputItem.Rejected> problems = new ArrayList<>();
        InputFiles.Listing listing = InputFiles.list(inputs, problems::add);
        List<Path> files = listing.files();
        var run = new Run(progress);
        long done = 0;
        for (Path file : files) {
            List<Article> documents = new ArrayList<>();
            boolean records = InputFormat.of(file).orElse(null) == InputFormat.JSONL;
            reader.read(file, item -> {
                switch (item) {
                    case InputItem.Rejected r -> problems.add(r);
                    case InputItem.Read r -> {
                        // Records are streamed; single documents are held to strip per-outlet boilerplate together.
                        if (records) run.accept(r.article());
                        else documents.add(r.article());
                    }
                }
            });
            run.pendingDocuments.addAll(documents);
            progress.progress("files", ++done, files.size());
        }
        boilerplate.filter(run.pendingDocuments).forEach(run::accept);
        run.flush();
        // Online, like a live pass (issue 15): a resumed stream costs the open stories, not the store; `recluster`
        // rebuilds everything.
        int stories = clusterNew(progress);
        return new IngestSummary(run.read, run.stored, run.duplicates, problems, stories, listing.otherFiles());
    }

    /**
     * Clusters every stored article afresh, in time order, and replaces the stored stories. When another process
     * saved stories meanwhile, the save is refused ({@link StaleStoriesException}) and the pass runs again on the
     * newer store, up to {@link #SAVE_ATTEMPTS} times.
     */
    public int recluster(ProgressListener progress) {
        for (int attempt = 1; ; attempt++) {
            try {
                return reclusterOnce(progress);
            } catch (StaleStoriesException e) {
                if (attempt >= SAVE_ATTEMPTS) throw e;
                LOG.info("stories changed while clustering ({}); clustering the newer store again", e.getMessage());
            }
        }
    }

    private int reclusterOnce(ProgressListener progress) {
        // Read before the articles: a save by another process after this point is newer than this pass's snapshot.
        long version = store.storyVersion();
        // Marked before reading: an article stored meanwhile is read again by the next pass, which skips it.
        long mark = store.lastArticleSeq();
        List<Article> articles = new ArrayList<>();
        store.forEachArticleByTime(articles::add);
        progress.progress("clustering", 0, articles.size());
        Clustering clustering = clusterer.cluster(articles, done -> progress.progress("clustering", done, articles.size()));
        forgetAll();
        keep(articles);
        remember(clustering.groups());
        correctionsSeen = corrections.lastId();
        clustering = new Clustering(StoryCorrections.apply(clustering.groups(), correctionsSeen == 0 ? List.of() : corrections.all()));
        storedUpTo = mark;
        try {
            int stories = saveStories(clustering, articles.size(), version, progress);
            forgetClosed(); // a long-running process that had to re-cluster keeps only the open stories' articles
            return stories;
        } catch (StaleStoriesException e) {
            forgetAll(); // the stream is stale: the next pass starts from the store
            throw e;
        }
    }

    /**
     * Clusters only the articles stored since the last {@code recluster} or {@code clusterNew} of this
     * pipeline, online (live ingestion): each joins its best open story or starts one, in publication
     * order among themselves; stories already formed are not re-run, and only the stories the pass
     * created or changed are rebuilt and saved. The first call resumes the stream from the stored stories
     * the new articles can join (see {@code resume}; everything afresh when the store has no story); a
     * clusterer that keeps no stream, or one whose last pass failed, clusters everything afresh. Returns
     * the number of stories stored.
     */
    public int clusterNew(ProgressListener progress) {
        if (clustered.isEmpty()) return resume(progress);
        long mark = store.lastArticleSeq();
        List<Article> added = new ArrayList<>();
        store.forEachArticleStoredAfter(storedUpTo, a -> {
            if (!clustered.containsKey(a.id())) added.add(a);
        });
        added.sort(StoryBuilder.STORE_ORDER);
        progress.progress("clustering", 0, added.size());
        Optional<Clustering> changed = clusterer.extendChanged(added, done -> progress.progress("clustering", done, added.size()));
        if (changed.isEmpty()) {
            // The stream failed part-way (or this clusterer keeps none): start again from the stored open stories.
            forgetAll();
            return resume(progress);
        }
        keep(added);
        storedUpTo = mark;
        // Only the stories this pass touched are rebuilt and written; the store drops the ones they absorbed and
        // redirects their ids. Ids are kept from the stored stories these continue.
        Clustering toSave = new Clustering(corrected(changed.get().groups()));
        try {
            saveChanged(toSave);
        } catch (StaleStoriesException e) {
            // Another process saved stories since this stream was read (a re-cluster, an ingest, a previous leader):
            // the stream no longer matches the store, so this pass resumes from the stored open stories, as a newly
            // elected clusterer does (not a re-clustering of the whole store, which a store of millions could not afford).
            LOG.info("stories changed since this clusterer read them ({}); resuming from the stored open stories", e.getMessage());
            forgetAll();
            return resume(progress);
        }
        progress.progress("clustering", added.size(), added.size());
        forgetClosed();
        buildViews(progress);
        return storiesStored();
    }

    /**
     * Saves the stories of {@code changed} (only those: the store drops the ones they absorbed and redirects their
     * ids), keeping ids from the stored stories they continue; refused when another process saved stories since this
     * stream's version.
     */
    private void saveChanged(Clustering changed) {
        restoreMembers(changed);
        List<StoredStory> built = StoryBuilder.build(changed, clustered, registry);
        Set<String> members = new HashSet<>();
        for (StoredStory s : built) members.addAll(s.articleIds());
        Map<String, String> before = store.storyMembership(members);
        Set<String> replaced = new HashSet<>(before.values());
        PermanentIds.Kept kept = PermanentIds.assign(built, before, id -> !replaced.contains(id) && store.storyRef(id).isPresent());
        storiesVersion = store.updateStories(kept.stories(), kept.redirects(), storiesVersion);
        // The save deleted every stored story holding a member (no other save came between: the version check) and
        // wrote the built ones, whose ids are either those stories' or free.
        if (storyCount >= 0) storyCount += kept.stories().size() - replaced.size();
    }

    private void remember(List<Clustering.Group> groups) {
        // Online, stories only grow or merge: a changed group replaces every earlier group of its members.
        for (Clustering.Group g : groups) {
            for (String id : g.articleIds()) uncorrected.put(id, g);
        }
    }

    /**
     * A live pass's changed groups with the editors' corrections replayed: when a changed group holds an article a
     * correction names, or an editor made a correction since the last pass, every group holding a named article is
     * corrected and saved again (corrections touch only those), beside the other changed groups as they are.
     */
    private List<Clustering.Group> corrected(List<Clustering.Group> changed) {
        remember(changed);
        long last = corrections.lastId();
        boolean newCorrections = last != correctionsSeen;
        correctionsSeen = last;
        if (last == 0 && !newCorrections) return changed;
        List<Correction> all = corrections.all();
        Set<String> named = StoryCorrections.named(all);
        List<Clustering.Group> plain = new ArrayList<>();
        boolean touched = newCorrections;
        for (Clustering.Group g : changed) {
            if (g.articleIds().stream().anyMatch(named::contains)) touched = true;
            else plain.add(g);
        }
        if (!touched) return changed;
        Set<Clustering.Group> holding = new java.util.LinkedHashSet<>();
        for (String id : named) {
            Clustering.Group g = uncorrected.get(id);
            if (g != null) holding.add(g);
        }
        plain.addAll(StoryCorrections.apply(new ArrayList<>(holding), all));
        return plain;
    }

    /**
     * The first online pass of this pipeline on a store that has stories: instead of re-clustering the store, the
     * stream resumes from the stories the new articles (those in no story) could join: every story whose latest
     * article is at most {@link #openWindow} before the earliest new one, re-clustered from their articles; then
     * the new articles are added to it. The open
     * stories and the new ones are saved together, replacing the stored open stories (closed ones stay as they
     * are). What it costs is the stories from the new articles' time on, not the store (new articles dated years
     * back reach that far back).
     */
    private int resume(ProgressListener progress) {
        Optional<Instant> latest = store.latestStorySeen();
        if (latest.isEmpty()) return recluster(progress);
        long version = store.storyVersion();
        long mark = store.lastArticleSeq();
        List<Article> added = new ArrayList<>();
        store.forEachArticleOutsideStories(added::add);
        // Open for the new articles: every story they could join in one pass, i.e. seen within the window before the
        // earliest of them (or before the latest story, for undated ones). Stories after them are open too.
        Instant since = added.stream().map(Article::published).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(latest.get()).minus(openWindow);
        List<Article> open = new ArrayList<>();
        store.forEachArticleOfStoriesSeenSince(since, open::add);
        int total = open.size() + added.size();
        progress.progress("clustering", 0, total);
        clusterer.cluster(open, done -> progress.progress("clustering", done, total));
        Optional<Clustering> stream = clusterer.extend(added, done -> progress.progress("clustering", open.size() + done, total));
        if (stream.isEmpty()) return recluster(progress);
        forgetAll();
        keep(open);
        keep(added);
        storedUpTo = mark;
        storiesVersion = version;
        remember(stream.get().groups());
        correctionsSeen = corrections.lastId();
        Clustering resumed = new Clustering(StoryCorrections.apply(stream.get().groups(), correctionsSeen == 0 ? List.of() : corrections.all()));
        try {
            saveChanged(resumed);
        } catch (StaleStoriesException e) {
            LOG.info("stories changed while resuming the stream ({}); clustering the store again", e.getMessage());
            forgetAll();
            return recluster(progress);
        }
        progress.progress("clustering", total, total);
        LOG.info("resumed the stream from {} articles of open stories and added {} new ones", open.size(), added.size());
        forgetClosed();
        buildViews(progress);
        return storiesStored();
    }

    /** The stories stored: kept by the saves, counted in the store only once a stream (re)starts from it. */
    private int storiesStored() {
        if (storyCount < 0) storyCount = store.storyCount();
        return storyCount;
    }

    /** Articles held for the stories the clusterer may still change (and their uncorrected groups), for tests of bounded memory. */
    int articlesInMemory() {
        return Math.max(clustered.size(), uncorrected.size());
    }

    /** Remembers {@code articles} (clustered now) without their bodies, undated ones at the stream's clock. */
    private void keep(List<Article> articles) {
        for (Article a : articles) {
            if (a.published() != null && (clock == null || a.published().isAfter(clock))) clock = a.published();
        }
        for (Article a : articles) {
            clustered.put(a.id(), withoutBody(a));
            if (a.published() == null) undatedAt.put(a.id(), clock != null ? clock : Instant.EPOCH);
        }
    }

    /** Forgets the stream (it is stale or failed): the next pass resumes from the store. */
    private void forgetAll() {
        clustered.clear();
        undatedAt.clear();
        uncorrected.clear();
        storyCount = -1;
    }

    /**
     * Keeps memory bounded over months of live passes (issue 15): articles published (undated ones: clustered) more
     * than {@link #openWindow} before the stream's clock are dropped from {@link #clustered} and from
     * {@link #uncorrected} (their stories are closed; the store has them). Should a pass change such a story after
     * all (a late rescue), {@link #restoreMembers} reads its members back.
     */
    private void forgetClosed() {
        if (clock == null) return;
        Instant cutoff = clock.minus(openWindow);
        undatedAt.values().removeIf(t -> t.isBefore(cutoff));
        clustered.values().removeIf(a -> a.published() != null ? a.published().isBefore(cutoff) : !undatedAt.containsKey(a.id()));
        uncorrected.keySet().retainAll(clustered.keySet());
    }

    /** Reads back from the store the members of {@code changed} stories that {@link #forgetClosed} dropped. */
    private void restoreMembers(Clustering changed) {
        for (Clustering.Group g : changed.groups()) {
            for (String id : g.articleIds()) {
                if (!clustered.containsKey(id)) store.article(id).ifPresent(a -> clustered.put(id, withoutBody(a)));
            }
        }
    }

    private int saveStories(Clustering clustering, int articles, long version, ProgressListener progress) {
        PermanentIds.Kept kept = PermanentIds.assign(StoryBuilder.build(clustering, clustered, registry), store.storyMembership(), id -> false);
        storiesVersion = store.replaceStories(kept.stories(), kept.redirects(), version);
        storyCount = kept.stories().size();
        progress.progress("clustering", articles, articles);
        buildViews(progress);
        return kept.stories().size();
    }

    /**
     * Views of the stories just saved (and of any a killed earlier build left stale): those whose stamp changed; then
     * the threads of those stories (issue 14).
     */
    private void buildViews(ProgressListener progress) {
        if (views == null) return;
        views.buildStale(progress);
        StoredTopics.update(views, registry, progress); // issue 14: topics follow the views
        if (threads != null) {
            progress.progress("threads", 0, 1);
            threads.update(new ThreadProfiles(store));
            progress.progress("threads", 1, 1);
        }
    }

    /** Accumulates one run's counts and its pending batch. */
    private final class Run {
        final ProgressListener progress;
        final List<Article> batch = new ArrayList<>();
        final List<Article> pendingDocuments = new ArrayList<>();
        final Set<String> seenIds = new HashSet<>();
        final Set<String> seenUrls = new HashSet<>();
        final Set<String> seenHashes = new HashSet<>();
        int read;
        int stored;
        int duplicates;

        Run(ProgressListener progress) {
            this.progress = progress;
        }

        void accept(Article a) {
            read++;
            String hash = Store.contentHash(a.text());
            boolean repeatedInRun = !seenIds.add(a.id()) | (a.url() != null && !seenUrls.add(a.url())) | !seenHashes.add(hash);
            if (repeatedInRun || store.findDuplicate(a).isPresent()) {
                duplicates++;
            } else {
                batch.add(a);
                if (batch.size() >= BATCH_SIZE) flush();
            }
            if (read % 1000 == 0) progress.progress("articles", read, -1);
        }

        void flush() {
            int n = store.insert(batch);
            stored += n;
            duplicates += batch.size() - n; // stored by another process since the check
            batch.clear();
        }
    }

    /**
     * The article as kept for naming stories: without its body (the store has it), except the opening
     * of an untitled one, whose headline is its first words ({@link Article#headline()}).
     */
    private static Article withoutBody(Article a) {
        return a.withText(a.title().isBlank() ? a.text().substring(0, Math.min(a.text().length(), 400)) : "");
    }
}
