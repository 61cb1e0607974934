package news.parallax.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.model.StoryMembers;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Hashes;
import news.parallax.internal.Json;
import news.parallax.model.Article;
import news.parallax.model.Side;
import news.parallax.outlets.ArticleOutlets;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Store;
import news.parallax.store.StoredStory;
import news.parallax.store.StoredView;
import org.jspecify.annotations.Nullable;

/**
 * Analysed story views kept in the store (issue 19: pages never analyse on request).
 *
 * <p>A view is built when its story changes ({@link #buildStale}, which the pipeline calls after saving stories,
 * and which a server calls in the background) and stored with the story's stamp ({@link StoredStory#stamp()})
 * and this build's {@link #version()}; it is current while both match. Views are written in transactions of
 * {@link #BATCH_SIZE}, each view whole, and a rebuild only ever adds views for stamps it read: a rebuild killed
 * at any point leaves every stored view either current or recognisably stale, and the next {@link #buildStale}
 * builds exactly what is missing. Stories are never written here (except the stamp of a story saved before
 * stamps existed). Thread-safe.
 */
public final class StoredViews {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoredViews.class);
    /**
     * The view format: part of {@link #version()}, so views stored by a build whose analysis differs are rebuilt.
     * Raise it whenever {@link StoryView} or what an analyzer puts in it changes. 2: article texts are no longer
     * stored in views (see {@link #encode}). 3: summaries ordered by the reports that state a sentence, opinion pieces
     * weighing less, headlines in a commentator's voice discounted, count questions split by their verb. 4: questions
     * keep the infinitive a verb of expecting governs; claims of session 11.
     */
    static final String FORMAT = "4";
    /** Views per transaction: a killed rebuild loses at most this many views' work. */
    static final int BATCH_SIZE = 64;

    private static final ObjectMapper READER = reader();

    private final Store store;
    private final StoryAnalyzer analyzer;
    private final @Nullable OutletRegistry registry;
    private final String version;
    private final int threads;
    /** Stories whose analysis failed in this process: not retried until it restarts (their stamp would re-queue them forever). */
    private final java.util.Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Views of {@code analyzer}, building on every core. */
    public StoredViews(Store store, StoryAnalyzer analyzer) {
        this(store, analyzer, Runtime.getRuntime().availableProcessors());
    }

    public StoredViews(Store store, StoryAnalyzer analyzer, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.store = store;
        this.analyzer = analyzer;
        this.registry = DefaultStoryAnalyzer.of(analyzer).map(DefaultStoryAnalyzer::registry).orElse(null);
        this.version = version(analyzer, registry);
        this.threads = threads;
    }

    /**
     * The format, the analyzer's class and a hash of its outlet registry (a user's {@code outlets.json} changes
     * every side): views built with another version are stale.
     */
    private static String version(StoryAnalyzer analyzer, @Nullable OutletRegistry registry) {
        StringBuilder outlets = new StringBuilder();
        if (registry != null) {
            registry.all().stream().map(Json::write).sorted().forEach(o -> outlets.append(o).append('\n'));
        }
        return FORMAT + ":" + analyzer.getClass().getSimpleName() + ":" + Hashes.sha256Hex(outlets.toString(), 8);
    }

    public String version() {
        return version;
    }

    public Store store() {
        return store;
    }

    /** A stored view of a story and whether it is current (built from the story as it is now, by this version). */
    public record Found(StoryView view, boolean current) {}

    /**
     * The stored view of story {@code id}, current or stale; empty when the story does not exist or has no
     * stored view. Reads and decodes only: never analyses.
     */
    public Optional<Found> find(String id) {
        Optional<StoredView.Stamps> stamps = store.viewStamps(id);
        if (stamps.isEmpty() || !stamps.get().hasView()) return Optional.empty();
        return store.storedView(id).map(v -> new Found(withTexts(id, v.view()), stamps.get().current(version)
                && v.stamp().equals(stamps.get().viewStamp())));
    }

    /**
     * The stored view of story {@code id} (current or stale) whole, its articles' texts read from the store; empty
     * when it has none. For what needs the texts (topics); a page needs only {@link #decode}.
     */
    public Optional<StoryView> read(String id) {
        return store.storedView(id).map(v -> withTexts(id, v.view()));
    }

    /** A stored view decoded with its articles' texts filled in from the store. */
    private StoryView withTexts(String id, byte[] stored) {
        ObjectNode tree = decodeTree(stored);
        fillTexts(id, tree);
        try {
            return READER.treeToValue(tree, StoryView.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored view of story " + id, e);
        }
    }

    /**
     * Fills the empty {@code text} of each article of {@code view} (a story view as JSON, as the API serves it) with
     * the article's text in the store; an article no longer stored keeps "". Views store no texts ({@link #encode}).
     */
    public void fillTexts(String storyId, ObjectNode view) {
        JsonNode articles = view.get("articles");
        if (articles == null || !articles.isArray()) return;
        Map<String, String> texts = null;
        for (JsonNode a : articles) {
            if (!(a instanceof ObjectNode article) || !article.path("text").asText("").isEmpty()) continue;
            String articleId = article.path("id").asText("");
            if (texts == null) {
                // One read of the story's members gives them all; an article that left the story since is read alone.
                Map<String, String> byId = new java.util.HashMap<>();
                store.story(storyId).ifPresent(m -> m.articles().forEach(x -> byId.put(x.id(), x.text())));
                texts = byId;
            }
            String text = texts.get(articleId);
            if (text == null) text = store.article(articleId).map(Article::text).orElse("");
            article.put("text", text);
        }
    }

    /** Whether the stored view of story {@code id} is current; false also when there is no such story. */
    public boolean isCurrent(String id) {
        return store.viewStamps(id).map(s -> s.current(version)).orElse(false);
    }

    /**
     * Builds and stores the view of every story whose stored view is missing or stale, largest stories first, on
     * {@code threads} threads; returns how many were built. Interrupting the calling thread stops it after the
     * batch in hand.
     */
    public int buildStale(ProgressListener progress) {
        int built = 0;
        int total = store.staleViewCount(version);
        progress.progress("views", 0, total);
        ExecutorService pool = newPool();
        try {
            int round;
            // Asked again after each round: stories saved meanwhile by a live pass join the queue, and a view
            // another process built meanwhile is not built twice.
            do {
                round = buildRound(pool, built, total, progress);
                built += round;
            } while (round > 0 && !Thread.currentThread().isInterrupted());
        } finally {
            pool.shutdownNow();
        }
        return built;
    }

    /** One round of {@link #buildStale}: at most a few batches of the largest stale stories; 0 when none is left. */
    public int buildStaleRound() {
        ExecutorService pool = newPool();
        try {
            return buildRound(pool, 0, -1, ProgressListener.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    private int buildRound(ExecutorService pool, int before, int total, ProgressListener progress) {
        List<StoredView.Stamps> due = store.storiesWithoutCurrentView(version, BATCH_SIZE * threads * 4).stream()
                .filter(st -> !failed.contains(st.storyId())).toList();
        int built = 0;
        for (int from = 0; from < due.size() && !Thread.currentThread().isInterrupted(); from += BATCH_SIZE) {
            built += buildBatch(due.subList(from, Math.min(due.size(), from + BATCH_SIZE)), pool);
            if (total >= 0) progress.progress("views", before + built, Math.max(total, before + built));
        }
        return built;
    }

    private ExecutorService newPool() {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("story-views-", 0).factory());
    }

    /** Builds and stores the views of the given stories now (those whose view is not current); returns how many. */
    public int build(List<String> storyIds) {
        List<StoredView.Stamps> due = new ArrayList<>();
        for (String id : storyIds) store.viewStamps(id).filter(s -> !s.current(version)).ifPresent(due::add);
        ExecutorService pool = newPool();
        try {
            int built = 0;
            for (int from = 0; from < due.size(); from += BATCH_SIZE) {
                built += buildBatch(due.subList(from, Math.min(due.size(), from + BATCH_SIZE)), pool);
            }
            return built;
        } finally {
            pool.shutdownNow();
        }
    }

    private int buildBatch(List<StoredView.Stamps> batch, ExecutorService pool) {
        List<Future<@Nullable StoredView>> futures = new ArrayList<>();
        for (StoredView.Stamps s : batch) futures.add(pool.submit(() -> buildOne(s.storyId())));
        List<StoredView> views = new ArrayList<>();
        try {
            for (Future<@Nullable StoredView> f : futures) {
                StoredView v = f.get();
                if (v != null) views.add(v);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("story view build failed: " + e.getCause(), e.getCause());
        }
        store.putViews(views);
        return views.size();
    }

    /** The view of one story as stored now, or null when the story is gone. */
    private @Nullable StoredView buildOne(String id) {
        // The stamp is read before the members: if a pass rewrites the story in between, the view is labelled with
        // the older stamp and stays stale (rebuilt next time), never the other way round.
        Optional<StoredView.Stamps> stamps = store.viewStamps(id);
        if (stamps.isEmpty()) return null;
        Optional<StoryMembers> members = store.story(id);
        if (members.isEmpty()) return null;
        StoryMembers m = members.get();
        String stamp = stamps.get().storyStamp() != null ? stamps.get().storyStamp() : StoredStory.stamp(m.ref(), m.copyOf(), m.reasons());
        StoryView view;
        try {
            view = analyzer.analyze(m);
        } catch (RuntimeException e) {
            // One story the analyzer cannot handle must not stop the others; it keeps its stale or pending view.
            failed.add(id);
            LOG.warn("cannot analyse story {} (its page shows the previous or a pending view): {}", id, e.toString(), e);
            return null;
        }
        return new StoredView(id, stamp, version, Json.write(new Overview(view.landscape(), view.blindspot())), encode(view));
    }

    /** What story feeds read of a view, stored beside it so a feed never decodes whole views. */
    record Overview(StoryView.Landscape landscape, StoryView.@Nullable Blindspot blindspot) {}

    /** The stored overviews (landscape, blindspot) of {@code refs} whose view is current; the others are absent. */
    public Map<String, StoryOverview> overviews(List<news.parallax.model.StoryRef> refs) {
        Map<String, String> json = store.currentOverviews(refs.stream().map(news.parallax.model.StoryRef::id).toList(), version);
        Map<String, StoryOverview> out = new java.util.HashMap<>();
        for (var ref : refs) {
            String j = json.get(ref.id());
            if (j == null) continue;
            try {
                Overview o = READER.readValue(j, Overview.class);
                out.put(ref.id(), new StoryOverview(ref, o.landscape(), o.blindspot()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the stored overview of story " + ref.id(), e);
            }
        }
        return out;
    }

    /**
     * What a reader sees of a story whose view is not stored yet (a store made by an older version, before the
     * background rebuild reaches it): its listing, landscape and articles with their sides, resolved in the outlet
     * registry, without summary, key points or claims. No text is analysed.
     */
    public StoryView pending(StoryMembers members) {
        StoryView.Landscape landscape = DefaultStoryAnalyzer.of(analyzer).map(d -> d.overview(members).landscape())
                .orElse(new StoryView.Landscape(0, 0, 0, members.ref().sourceCount()));
        List<StoryView.ArticleView> articles = new ArrayList<>();
        for (Article a : members.articles()) {
            Outlet o = registry == null ? null : ArticleOutlets.resolve(registry, a.url(), a.domain(), a.outlet()).orElse(null);
            Side side = o == null ? Side.UNRATED : o.side();
            articles.add(new StoryView.ArticleView(a.id(), a.outlet(), side.key(), a.headline(), a.url(), a.published(), a.location(),
                    a.text(), members.copyOf().get(a.id()), members.reasons().get(a.id()), o == null ? null : o.id(),
                    o == null ? null : o.factuality(), false));
        }
        Map<String, List<String>> keyPoints = Map.of(Side.LEFT.key(), List.of(), Side.CENTER.key(), List.of(), Side.RIGHT.key(), List.of());
        return new StoryView(members.ref().id(), members.ref().title(), "", landscape.total(), members.articles().size(), landscape,
                keyPoints, articles, List.of(), List.of(), members.ref().firstSeen(), members.ref().lastSeen());
    }

    /**
     * The view as stored: gzip-compressed JSON of the project's mapper (about a quarter of the plain size), without
     * its articles' texts ({@code text} is ""): they are in the store's articles already and no page shows them, and
     * they were most of a large story's view, so a page that misses the cache decoded megabytes for nothing. The API
     * fills them in ({@link #fillTexts}).
     */
    public static byte[] encode(StoryView view) {
        ObjectNode tree = Json.mapper().valueToTree(view);
        JsonNode articles = tree.get("articles");
        if (articles != null) {
            for (JsonNode a : articles) {
                if (a instanceof ObjectNode article && article.has("text")) article.put("text", "");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 8192)) {
            Json.mapper().writeValue(gz, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the view of story " + view.id(), e);
        }
        return bytes.toByteArray();
    }

    /** A stored view as stored: article texts are "" unless it was stored by format 1 (see {@link #encode}). */
    public static StoryView decode(byte[] stored) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 8192)) {
            return READER.readValue(in, StoryView.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a stored story view (" + stored.length + " bytes)", e);
        }
    }

    private static ObjectNode decodeTree(byte[] stored) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 8192)) {
            if (READER.readTree(in) instanceof ObjectNode tree) return tree;
            throw new UncheckedIOException(new IOException("a stored story view is not a JSON object (" + stored.length + " bytes)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a stored story view (" + stored.length + " bytes)", e);
        }
    }

    /** The project's mapper reading back what it wrote: instants from ISO-8601, enums from lower case. */
    private static ObjectMapper reader() {
        SimpleModule time = new SimpleModule("parallax-time-read");
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(time).build();
    }
}
