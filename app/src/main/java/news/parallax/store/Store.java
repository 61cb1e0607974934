package news.parallax.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import news.parallax.model.Article;
import news.parallax.model.StoryMembers;
import news.parallax.model.StoryRef;
import org.jspecify.annotations.Nullable;

/**
 * The store: by default one SQLite file, {@code parallax.db}, in the data folder; for a shared deployment a
 * PostgreSQL database ({@link #open(String)}), with the same schema and migrations (Flyway, {@link SchemaMigrations}).
 *
 * <p>A facade over one {@link Database} (its connections: a HikariCP pool) and the stores of each concern, which
 * callers may also take directly: {@link #articleStore()}, {@link #storyStore()}, {@link #viewStore()},
 * {@link #reportStore()}, {@link #embeddingStore()} (feeds: {@code fetch.FeedStore.of(store)}). Every write is one
 * transaction, so an interrupted ingest leaves whole articles only. Thread-safe without a lock of its own: readers run
 * side by side on pooled connections (SQLite: WAL readers beside its one writer).
 */
public final class Store implements AutoCloseable {
    public static final String FILE_NAME = "parallax.db";
    /** Saves made without a version check (tools, tests) raise the version all the same, so checked saves notice them. */
    public static final long ANY_VERSION = StoryStore.ANY_VERSION;

    private final Database db;
    private final ArticleStore articles;
    private final StoryStore stories;
    private final ViewStore views;
    private final ReportStore reports;
    private final EmbeddingStore embeddings;

    private Store(Database db) {
        this.db = db;
        this.articles = new ArticleStore(db);
        this.stories = new StoryStore(db);
        this.views = new ViewStore(db);
        this.reports = new ReportStore(db);
        this.embeddings = new EmbeddingStore(db);
    }

    /** Opens (creating if needed) the SQLite store in {@code dataDir} and brings its schema up to date. */
    public static Store open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + file);
    }

    /**
     * Opens the store at a JDBC URL, {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB?user=..&password=..}
     * (the database must exist; its tables are created and migrated here).
     */
    public static Store open(String jdbcUrl) {
        return open(jdbcUrl, List.of());
    }

    /** As {@link #open(String)}, with the connection pool set by {@code settings} rather than the environment. */
    public static Store open(String jdbcUrl, Database.Settings settings) {
        return new Store(Database.open(jdbcUrl, settings));
    }

    /** As {@link #open(String)}, with further Flyway locations of migrations (tests add broken ones). */
    static Store open(String jdbcUrl, List<String> extraMigrationLocations) {
        return new Store(Database.open(jdbcUrl, extraMigrationLocations));
    }

    /** Where the store lives, for messages: the SQLite file, or the JDBC URL with its password masked. */
    public String location() {
        return db.location();
    }

    public Dialect dialect() {
        return db.dialect();
    }

    /**
     * The database and its connections, for the stores of other packages (feeds, editors, topics, threads, search,
     * web listings): reads on the pool's readers, writes through its one writer (SQLite) or a pooled connection
     * (PostgreSQL), each write one transaction.
     */
    public Database database() {
        return db;
    }

    public ArticleStore articleStore() {
        return articles;
    }

    public StoryStore storyStore() {
        return stories;
    }

    public ViewStore viewStore() {
        return views;
    }

    public ReportStore reportStore() {
        return reports;
    }

    public EmbeddingStore embeddingStore() {
        return embeddings;
    }

    /** SHA-256 of the normalised body, the key for "same text" duplicates. */
    public static String contentHash(String text) {
        return ArticleStore.contentHash(text);
    }

    // Articles

    /** Why {@code a} is already stored ("same id", "same URL", "same text"), or empty when it is new. */
    public Optional<String> findDuplicate(Article a) {
        return articles.findDuplicate(a);
    }

    /** Inserts articles in one transaction and returns how many were stored (see {@link ArticleStore#insert}). */
    public int insert(List<Article> list) {
        return articles.insert(list);
    }

    public int articleCount() {
        return articles.articleCount();
    }

    public long lastArticleSeq() {
        return articles.lastArticleSeq();
    }

    public boolean hasArticlesOutsideStories() {
        return articles.hasArticlesOutsideStories();
    }

    public void forEachArticleOutsideStories(Consumer<Article> consumer) {
        articles.forEachArticleOutsideStories(consumer);
    }

    public void forEachArticleOfStoriesSeenSince(Instant since, Consumer<Article> consumer) {
        articles.forEachArticleOfStoriesSeenSince(since, consumer);
    }

    public void forEachArticleStoredAfter(long seq, Consumer<Article> consumer) {
        articles.forEachArticleStoredAfter(seq, consumer);
    }

    public void forEachArticleByTime(Consumer<Article> consumer) {
        articles.forEachArticleByTime(consumer);
    }

    public Optional<Article> article(String id) {
        return articles.article(id);
    }

    // Embeddings

    public Map<String, float[]> embeddings(Collection<String> keys) {
        return embeddings.embeddings(keys);
    }

    public void putEmbeddings(Map<String, float[]> vectors) {
        embeddings.putEmbeddings(vectors);
    }

    // Stories

    /** Replaces all stories in one transaction (clustering rebuilds them); reports are kept. */
    public void replaceStories(List<StoredStory> list) {
        stories.replaceStories(list, List.of(), ANY_VERSION);
    }

    public void replaceStories(List<StoredStory> list, List<StoryRedirect> redirects) {
        stories.replaceStories(list, redirects, ANY_VERSION);
    }

    /** See {@link StoryStore#replaceStories}. @throws StaleStoriesException when another save came first */
    public long replaceStories(List<StoredStory> list, List<StoryRedirect> redirects, long expectedVersion) {
        return stories.replaceStories(list, redirects, expectedVersion);
    }

    public long storyVersion() {
        return stories.storyVersion();
    }

    public void updateStories(List<StoredStory> list) {
        stories.updateStories(list, List.of(), ANY_VERSION);
    }

    public void updateStories(List<StoredStory> list, List<StoryRedirect> redirects) {
        stories.updateStories(list, redirects, ANY_VERSION);
    }

    /** See {@link StoryStore#updateStories}. @throws StaleStoriesException when another save came first */
    public long updateStories(List<StoredStory> list, List<StoryRedirect> redirects, long expectedVersion) {
        return stories.updateStories(list, redirects, expectedVersion);
    }

    public int storyCount() {
        return stories.storyCount();
    }

    public Optional<Instant> latestStorySeen() {
        return stories.latestStorySeen();
    }

    public List<StoryRef> stories(int limit) {
        return stories.stories(limit);
    }

    public List<String> storyIds() {
        return stories.storyIds();
    }

    public List<StoryRef> stories(int offset, int limit) {
        return stories.stories(offset, limit);
    }

    public Optional<String> storyRedirect(String id) {
        return stories.storyRedirect(id);
    }

    public Map<String, String> storyRedirects() {
        return stories.storyRedirects();
    }

    public Map<String, String> storyMembership() {
        return stories.storyMembership();
    }

    public Map<String, String> storyMembership(Collection<String> articleIds) {
        return stories.storyMembership(articleIds);
    }

    public Optional<StoryRef> storyRef(String id) {
        return stories.storyRef(id);
    }

    public Optional<StoryMembers> story(String id) {
        return stories.story(id);
    }

    // Views

    public Optional<StoredView.Stamps> viewStamps(String storyId) {
        return views.viewStamps(storyId);
    }

    /** A cheap token that changes whenever the database may have changed (see {@link Database#changeProbe}). */
    public String changeProbe() {
        return db.changeProbe();
    }

    /** What each story's page shows beside its view (topic tags, thread links), as a digest by story id ({@link ViewStore#linksByStory}). */
    public Map<String, String> linksByStory() {
        return views.linksByStory();
    }

    public List<StoredView.Stamps> allViewStamps() {
        return views.allViewStamps();
    }

    public Optional<StoredView> storedView(String storyId) {
        return views.storedView(storyId);
    }

    public Map<String, String> currentOverviews(Collection<String> storyIds, String version) {
        return views.currentOverviews(storyIds, version);
    }

    public List<StoredView.Stamps> storiesWithoutCurrentView(String version, int limit) {
        return views.storiesWithoutCurrentView(version, limit);
    }

    public int deleteViews() {
        return views.deleteViews();
    }

    public int currentViewCount(String version) {
        return views.currentViewCount(version);
    }

    /** How many stories have no view current for {@code version} (V18: the due ones, unless the version changed). */
    public int staleViewCount(String version) {
        return views.staleViewCount(version);
    }

    public void putViews(List<StoredView> list) {
        views.putViews(list);
    }

    // Reports

    public Report addReport(String storyId, String kind, String message) {
        return reports.addReport(storyId, kind, message);
    }

    public List<Report> reports(@Nullable String storyId) {
        return reports.reports(storyId);
    }

    public List<Report> reports(String storyId, int offset, int limit) {
        return reports.reports(storyId, offset, limit);
    }

    public long reportCount(String storyId) {
        return reports.reportCount(storyId);
    }

    @Override
    public void close() {
        db.close();
    }
}
