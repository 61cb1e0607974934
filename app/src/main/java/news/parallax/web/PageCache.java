package news.parallax.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Hashes;
import news.parallax.store.StoredView;
import org.jspecify.annotations.Nullable;

/**
 * Rendered responses kept in memory (issue 19: p99 at 64 readers), so a request that hits costs a map look-up and
 * a write: no store read, no gunzip, no JSON parse, no template, no compression.
 *
 * <p>A story page or story JSON is kept with what it was made from (the stored view's stamp and version, or the
 * pending view's story stamp; see {@link StoryViews.Stamped}); a request uses the entry when that equals the stamps
 * of {@link StoreStamps}, re-read from the store every {@link StoreStamps#POLL}, and a new version replaces the old. So after any save, by this process or
 * another on the same store, a page changes within one poll; several web nodes on one PostgreSQL each key on what
 * they read. A story's JSON is its stored view as stored (gzip'd JSON of the project's mapper), never decoded. Listing pages (home, blindspots, outlet pages, their JSON) are kept with the store's generation, which
 * any story or view change moves. So a page has one entry, whatever the number of saves. Each entry holds the gzip bytes (served as they are to clients that accept gzip,
 * inflated on the fly for the others) and a weak ETag over its key, its source and this build, answered with 304 on {@code If-None-Match}. Bounded by
 * bytes; the least valuable entries are evicted first. Thread-safe.
 */
final class PageCache implements AutoCloseable {
    /** Default bound of the kept (gzip) bytes, 256 MiB: every story page and JSON of the full corpus (about 190 MB). */
    static final long DEFAULT_MAX_BYTES = 256L << 20;
    /** Entries larger than this are served but not kept: one huge story must not flush the rest. */
    static final int MAX_ENTRY_BYTES = 8 << 20;
    /** Longest query string a listing is cached under; longer ones are rendered each time (no cache flooding by query). */
    static final int MAX_CACHED_QUERY_CHARS = 100;
    /** The warm-up stops at this share of the bound: it must not evict what readers asked for. */
    static final double WARM_FILL = 0.8;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageCache.class);
    /** Per-entry overhead counted besides the bytes (key, headers, map node), in bytes. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;
    /** Inflater buffer for clients without gzip. */
    private static final int INFLATE_BUFFER_BYTES = 16 << 10;

    private static final String HTML_TYPE = "text/html; charset=utf-8";
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    /** Listing routes kept under the store's generation ({@link #listing}): what they show changes only with stories and views. */
    static final java.util.Set<String> LISTINGS = java.util.Set.of("/", "/blindspots", "/outlet/<id>", "/api/stories", "/api/feed",
            "/api/blindspots", "/api/outlets/<id>");

    /** What a story response is: its page or its JSON. */
    enum Kind { PAGE, JSON }

    /** What the warm-up waits for before it renders (the start-up view rebuild, the first topic refresh). */
    @FunctionalInterface
    interface Ready {
        void await() throws InterruptedException;
    }

    /** Renders a story's view; {@code tokenBucket} is the form-token time step the page is made for. */
    @FunctionalInterface
    interface StoryRenderer {
        String render(StoryView view, long tokenBucket);
    }

    /**
     * A kept page's form token is renewed once the token is this old (plus {@link #TOKEN_AGE_SPREAD}): the reader
     * of a page served just before that still has {@link CsrfTokens#VALIDITY} less this, the spread and one
     * {@link CsrfTokens#STEP} (3 hours) to send the form.
     */
    static final java.time.Duration TOKEN_MAX_AGE = java.time.Duration.ofHours(6);
    /**
     * Each story's page renews its token up to this much later than {@link #TOKEN_MAX_AGE} (by a hash of its id), so
     * the pages warmed together at start are not all rendered again in the same minute.
     */
    static final java.time.Duration TOKEN_AGE_SPREAD = java.time.Duration.ofHours(2);

    /**
     * What an entry is kept under: route and id (or query), one entry per page. What it was made from is the entry's
     * {@code source}, not part of the key: keyed on it, every save of a story (or, for a listing, of any story) left
     * the previous version's entry behind, never asked for again, and a web node's heap grew with the passes until the
     * byte bound evicted them (issue 15's soak, session 12). A story page's form-token time step is not part of the key
     * either (the entry carries it, see {@link #TOKEN_MAX_AGE}): keyed by the hour, every page missed at once on the
     * hour and the cache filled with the previous hour's pages.
     */
    private record Key(String route, String id) {}

    /**
     * A response as kept: gzip only (a quarter of the plain size); a client without gzip gets it inflated on the fly.
     * {@code tokenBucket}: the form-token time step a page was rendered with (0 for JSON and listings); {@code source}:
     * what it was made from (a story's stamps and links, a listing's store generation), which a request's reading must equal.
     */
    private record Entry(String contentType, byte[] gzip, int plainLength, String etag, long tokenBucket, String source) {
        int weight() {
            return gzip.length + ENTRY_OVERHEAD_BYTES;
        }
    }

    private final StoreStamps stamps;
    private final StoryViews views;
    private final CsrfTokens csrf;
    private final @Nullable Cache<Key, Entry> cache;
    private final String build = buildIdentity();
    private final long maxBytes;
    private volatile @Nullable Thread warmer;

    /** @param maxBytes bound of the kept bytes; 0 keeps nothing (every request renders, ETags and gzip still apply) */
    /** Story pages and JSON rendered (misses and warm-up), for tests and benchmarks of the hit rate. */
    private final java.util.concurrent.atomic.LongAdder storyRenders = new java.util.concurrent.atomic.LongAdder();

    /** Story pages and JSON rendered so far: every miss, and the warm-up's. */
    long storyRenders() {
        return storyRenders.sum();
    }

    PageCache(StoreStamps stamps, StoryViews views, CsrfTokens csrf, long maxBytes) {
        if (maxBytes < 0) throw new IllegalArgumentException("the page cache size must be at least 0 bytes, got " + maxBytes);
        this.stamps = stamps;
        this.views = views;
        this.csrf = csrf;
        this.maxBytes = maxBytes;
        this.cache = maxBytes == 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.weight()).build();
    }

    /**
     * Answers a story's page or JSON from the cache, rendering and keeping it on a miss; false (nothing sent) when
     * the story is not in the last reading of the store, so the caller answers as without a cache (redirect, 404).
     */
    boolean story(Context ctx, String id, Kind kind, StoryRenderer renderer) throws IOException {
        Entry e = entry(id, kind, renderer);
        if (e == null) return false;
        send(ctx, e);
        return true;
    }

    /** The kept entry of a story's page or JSON, made and kept on a miss; null when the story is not in the reading. */
    private @Nullable Entry entry(String id, Kind kind, StoryRenderer renderer) {
        StoreStamps.Snapshot snap = stamps.now();
        StoredView.Stamps s = snap.story(id);
        if (s == null) return null;
        // A stale or missing view is still shown (the previous or pending one), and queued for the rebuild.
        if (!s.current(views.version())) views.requestRebuild(id);
        String route = kind.name();
        // What the page is made from, topic tags and thread links included (stored after the views), as read by the
        // poller: built once per reading, so a hit builds no string.
        String source = snap.source(id);
        long now = kind == Kind.PAGE ? java.time.Instant.now().getEpochSecond() : 0;
        Entry e = source == null || cache == null ? null : cache.getIfPresent(new Key(route, id));
        if (e != null && !e.source().equals(source)) e = null;
        if (e != null && kind == Kind.PAGE && now - e.tokenBucket() > tokenMaxAgeSeconds(id)) e = null;
        if (e == null) {
            Optional<StoryViews.Stamped> v = views.stamped(id);
            if (v.isEmpty()) return null;
            long bucket = kind == Kind.PAGE ? csrf.bucket(java.time.Instant.ofEpochSecond(now)) : 0;
            String body = renderer.render(v.get().view(), bucket);
            storyRenders.increment();
            String type = kind == Kind.PAGE ? HTML_TYPE : JSON_TYPE;
            String madeFrom = StoreStamps.withLinks(v.get().source(), snap.linksOf(id));
            // The reading's own string when equal: a hit then compares sources by reference.
            if (madeFrom != null && madeFrom.equals(source)) madeFrom = source;
            e = entry(type, body.getBytes(StandardCharsets.UTF_8), route + "\n" + id + "\n" + madeFrom + "\n" + bucket, bucket,
                    String.valueOf(madeFrom));
            // Kept with what it was made from, which may be newer than the reading (the next poll finds it); it
            // replaces the page's previous version.
            if (madeFrom != null) keep(new Key(route, id), e);
        }
        return e;
    }

    /** How old story {@code id}'s kept page's token may get before the page is rendered again, in seconds. */
    static long tokenMaxAgeSeconds(String id) {
        return TOKEN_MAX_AGE.toSeconds() + Math.floorMod(id.hashCode(), TOKEN_AGE_SPREAD.toSeconds());
    }

    /**
     * Starts rendering the pages and JSON of every story (largest first), once {@code after} has ended, into the cache on a background
     * thread, until all are kept or the cache is {@link #WARM_FILL} full, so that even the first reader of a story
     * finds it; {@link #close} stops it. Returns the thread.
     */
    Thread warm(Ready after, java.util.function.Supplier<List<String>> storyIds, StoryRenderer page, StoryRenderer json) {
        Thread t = Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("page-cache-warm").unstarted(() -> {
            try {
                // After the start-up view rebuild: pages rendered from views about to be replaced would be wasted.
                after.await();
                List<String> ids = storyIds.get();
                for (String id : ids) {
                    if (Thread.currentThread().isInterrupted() || cache == null || weightedBytes() > WARM_FILL * maxBytes) return;
                    entry(id, Kind.PAGE, page);
                    entry(id, Kind.JSON, json);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // A closed store (shutdown) or a story that cannot be rendered: readers render on demand instead.
                LOG.info("page cache warm-up stopped: {}", e.toString());
            }
        });
        warmer = t;
        t.start();
        return t;
    }

    /**
     * A listing route kept under the store's generation: its 200 answers are kept per path and query; anything
     * else (an error, a redirect, an empty store's first-run page) is answered as the handler made it.
     */
    Handler listing(Handler handler) {
        return ctx -> {
            StoreStamps.Snapshot snap = stamps.now();
            String query = ctx.queryString() == null ? "" : ctx.queryString();
            if (snap.byStory().isEmpty() || query.length() > MAX_CACHED_QUERY_CHARS) {
                handler.handle(ctx);
                return;
            }
            Key key = new Key("LIST " + ctx.path(), query);
            Entry e = cache == null ? null : cache.getIfPresent(key);
            if (e != null && !e.source().equals(snap.generation())) e = null;
            if (e == null) {
                // The generation was read before the handler reads the store: what it renders is at least that new.
                handler.handle(ctx);
                InputStream result = ctx.resultInputStream();
                if (ctx.statusCode() != 200 || result == null) return;
                byte[] body = result.readAllBytes();
                String type = ctx.res().getContentType();
                e = entry(type == null ? HTML_TYPE : type, body, key.route() + "\n" + query + "\n" + snap.generation(), 0,
                        snap.generation());
                keep(key, e);
            }
            send(ctx, e);
        };
    }

    private void keep(Key key, Entry e) {
        if (cache != null && e.weight() <= MAX_ENTRY_BYTES) cache.put(key, e);
    }

    private Entry entry(String type, byte[] plain, String key, long tokenBucket, String source) {
        return new Entry(type, gzip(plain), plain.length, etag(key), tokenBucket, source);
    }

    private String etag(String key) {
        return "W/\"" + Hashes.sha256Hex(build + "\n" + key, 16) + "\"";
    }

    /**
     * 304 when the client holds this very entry; else its gzip bytes when accepted, or them inflated. Written to the
     * servlet response itself with its length: Javalin's result stream would copy the bytes through its compression
     * wrapper (which decides per response whether to compress bytes that are already compressed) and chunk them.
     */
    private static void send(Context ctx, Entry e) throws IOException {
        ctx.header("ETag", e.etag());
        ctx.header("Vary", "Accept-Encoding");
        // Cached by browsers and proxies, but asked again every time (a 304 when unchanged): a save shows at once.
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), e.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(e.contentType());
        jakarta.servlet.http.HttpServletResponse res = ctx.res();
        boolean head = ctx.method() == io.javalin.http.HandlerType.HEAD;
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            res.setContentLength(e.gzip().length);
            if (!head) res.getOutputStream().write(e.gzip());
        } else {
            res.setContentLength(e.plainLength());
            if (!head) {
                try (InputStream plain = new GZIPInputStream(new ByteArrayInputStream(e.gzip()), INFLATE_BUFFER_BYTES)) {
                    plain.transferTo(res.getOutputStream());
                }
            }
        }
    }

    /** Weak comparison, as If-None-Match asks: any listed tag (or {@code *}) equal to ours, W/ prefixes aside. */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        String ours = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || opaque(t).equals(ours)) return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** True when {@code gzip} (or {@code x-gzip}, {@code *}) is listed without {@code q=0}; allocates only for a q-value. */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) return false;
        String h = acceptEncoding;
        int n = h.length();
        for (int from = 0; from < n; ) {
            int end = h.indexOf(',', from);
            if (end < 0) end = n;
            int semi = h.indexOf(';', from);
            if (semi < 0 || semi > end) semi = end;
            int a = from;
            int b = semi;
            while (a < b && Character.isWhitespace(h.charAt(a))) a++;
            while (b > a && Character.isWhitespace(h.charAt(b - 1))) b--;
            if (is(h, a, b, "gzip") || is(h, a, b, "x-gzip") || is(h, a, b, "*")) {
                if (semi == end || !refused(h.substring(semi + 1, end))) return true;
            }
            from = end + 1;
        }
        return false;
    }

    private static boolean is(String h, int from, int to, String coding) {
        return to - from == coding.length() && h.regionMatches(true, from, coding, 0, coding.length());
    }

    /** Whether parameters {@code params} (after the coding's ';') hold {@code q=0} or an unreadable q. */
    private static boolean refused(String params) {
        for (String p : params.split(";")) {
            String q = p.strip().toLowerCase(Locale.ROOT);
            if (!q.startsWith("q=")) continue;
            try {
                return Double.parseDouble(q.substring(2)) <= 0;
            } catch (NumberFormatException ex) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        // zlib's default level (6), GZIPOutputStream's own: the usual size-for-time balance, paid once per entry.
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /** This build (jar size and time), so a new deployment's pages never match an old ETag; random when unknown. */
    private static String buildIdentity() {
        try {
            var source = PageCache.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p)) return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            // fall through: classes from a folder (tests, IDE) or an unreadable jar
        }
        byte[] nonce = new byte[8];
        new SecureRandom().nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    /** Entries kept (at most one per page and listing query), for tests of the bound; 0 when caching is off. */
    long entries() {
        if (cache == null) return 0;
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Kept bytes (gzip plus overhead), for benchmarks; 0 when caching is off. */
    long weightedBytes() {
        return cache == null ? 0 : cache.policy().eviction().flatMap(ev -> ev.weightedSize().isPresent()
                ? Optional.of(ev.weightedSize().getAsLong()) : Optional.empty()).orElse(0L);
    }

    @Override
    public void close() {
        Thread t = warmer;
        if (t != null) {
            t.interrupt();
            try {
                t.join(StoryViews.CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (cache != null) cache.invalidateAll();
    }
}
