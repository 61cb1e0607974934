package news.parallax.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Hashes;
import news.parallax.store.StoredView;
import org.jspecify.annotations.Nullable;

/**
 * Rendered responses kept in memory (issue 19: p99 at 64 readers), so a request that hits costs a map look-up and
 * a write: no store read, no gunzip, no JSON parse, no template, no compression.
 *
 * <p>A story page or story JSON is kept under what it was made from (the stored view's stamp and version, or the
 * pending view's story stamp; see {@link StoryViews.Stamped}); a request finds its entry through the stamps of
 * {@link StoreStamps}, re-read from the store every {@link StoreStamps#POLL}. So after any save, by this process or
 * another on the same store, a page changes within one poll; several web nodes on one PostgreSQL each key on what
 * they read. Listing pages (home, blindspots, outlet pages, their JSON) are kept under the store's generation, which
 * any story or view change moves. Each entry holds the plain and the gzip bytes (served as they are to clients that
 * accept gzip) and a weak ETag over its key and this build, answered with 304 on {@code If-None-Match}. Bounded by
 * bytes (plain plus gzip); the least valuable entries are evicted first. Thread-safe.
 */
final class PageCache implements AutoCloseable {
    /** Default bound of the kept bytes (plain plus gzip), 128 MiB: every view of the full corpus's largest 2,000 stories. */
    static final long DEFAULT_MAX_BYTES = 128L << 20;
    /** Entries larger than this are served but not kept: one huge story must not flush the rest. */
    static final int MAX_ENTRY_BYTES = 8 << 20;
    /** Longest query string a listing is cached under; longer ones are rendered each time (no cache flooding by query). */
    static final int MAX_CACHED_QUERY_CHARS = 100;
    /** Per-entry overhead counted besides the bytes (key, headers, map node), in bytes. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    /** Listing routes kept under the store's generation ({@link #listing}): what they show changes only with stories and views. */
    static final java.util.Set<String> LISTINGS = java.util.Set.of("/", "/blindspots", "/outlet/<id>", "/api/stories", "/api/feed",
            "/api/blindspots", "/api/outlets/<id>");

    /** What a story response is: its page or its JSON. */
    enum Kind { PAGE, JSON }

    /** Renders a story's view; {@code tokenBucket} is the form-token time step the page is made for. */
    @FunctionalInterface
    interface StoryRenderer {
        String render(StoryView view, long tokenBucket);
    }

    private record Key(String route, String id, String source, long bucket) {}

    private record Entry(String contentType, byte[] plain, byte[] gzip, String etag) {
        int weight() {
            return plain.length + gzip.length + ENTRY_OVERHEAD_BYTES;
        }
    }

    private final StoreStamps stamps;
    private final StoryViews views;
    private final CsrfTokens csrf;
    private final @Nullable Cache<Key, Entry> cache;
    private final String build = buildIdentity();

    /** @param maxBytes bound of the kept bytes; 0 keeps nothing (every request renders, ETags and gzip still apply) */
    PageCache(StoreStamps stamps, StoryViews views, CsrfTokens csrf, long maxBytes) {
        if (maxBytes < 0) throw new IllegalArgumentException("the page cache size must be at least 0 bytes, got " + maxBytes);
        this.stamps = stamps;
        this.views = views;
        this.csrf = csrf;
        this.cache = maxBytes == 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.weight()).build();
    }

    /**
     * Answers a story's page or JSON from the cache, rendering and keeping it on a miss; false (nothing sent) when
     * the story is not in the last reading of the store, so the caller answers as without a cache (redirect, 404).
     */
    boolean story(Context ctx, String id, Kind kind, StoryRenderer renderer) {
        StoredView.Stamps s = stamps.now().story(id);
        if (s == null) return false;
        // A stale or missing view is still shown (the previous or pending one), and queued for the rebuild.
        if (!s.current(views.version())) views.requestRebuild(id);
        long bucket = kind == Kind.PAGE ? csrf.bucket(java.time.Instant.now()) : 0;
        String route = kind.name();
        String source = StoryViews.source(s);
        Entry e = source == null || cache == null ? null : cache.getIfPresent(new Key(route, id, source, bucket));
        if (e == null) {
            Optional<StoryViews.Stamped> v = views.stamped(id);
            if (v.isEmpty()) return false;
            String body = renderer.render(v.get().view(), bucket);
            String type = kind == Kind.PAGE ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
            String madeFrom = v.get().source();
            e = entry(type, body.getBytes(StandardCharsets.UTF_8), route + "\n" + id + "\n" + madeFrom + "\n" + bucket);
            // Kept under what it was made from, which may be newer than the reading: the next poll finds it.
            if (madeFrom != null) keep(new Key(route, id, madeFrom, bucket), e);
        }
        send(ctx, e);
        return true;
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
            Key key = new Key("LIST " + ctx.path(), query, snap.generation(), 0);
            Entry e = cache == null ? null : cache.getIfPresent(key);
            if (e == null) {
                // The generation was read before the handler reads the store: what it renders is at least that new.
                handler.handle(ctx);
                InputStream result = ctx.resultInputStream();
                if (ctx.statusCode() != 200 || result == null) return;
                byte[] body = result.readAllBytes();
                String type = ctx.res().getContentType();
                e = entry(type == null ? "text/html; charset=utf-8" : type, body, key.toString());
                keep(key, e);
            }
            send(ctx, e);
        };
    }

    private void keep(Key key, Entry e) {
        if (cache != null && e.weight() <= MAX_ENTRY_BYTES) cache.put(key, e);
    }

    private Entry entry(String type, byte[] plain, String key) {
        return new Entry(type, plain, gzip(plain), "W/\"" + Hashes.sha256Hex(build + "\n" + key, 16) + "\"");
    }

    /** 304 when the client holds this very entry; else its gzip bytes when accepted, or its plain bytes. */
    private static void send(Context ctx, Entry e) {
        ctx.header("ETag", e.etag());
        ctx.header("Vary", "Accept-Encoding");
        // Cached by browsers and proxies, but asked again every time (a 304 when unchanged): a save shows at once.
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), e.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(e.contentType());
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(e.gzip());
        } else {
            ctx.result(e.plain());
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

    /** True when {@code gzip} is listed without {@code q=0}. */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.strip().split(";");
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) continue;
            boolean refused = false;
            for (int i = 1; i < p.length; i++) {
                String q = p[i].strip().toLowerCase(Locale.ROOT);
                if (q.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(q.substring(2)) <= 0;
                    } catch (NumberFormatException ex) {
                        refused = true;
                    }
                }
            }
            if (!refused) return true;
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

    /** Kept bytes (plain plus gzip plus overhead) and entries, for benchmarks; 0 when caching is off. */
    long weightedBytes() {
        return cache == null ? 0 : cache.policy().eviction().flatMap(ev -> ev.weightedSize().isPresent()
                ? Optional.of(ev.weightedSize().getAsLong()) : Optional.empty()).orElse(0L);
    }

    @Override
    public void close() {
        if (cache != null) cache.invalidateAll();
    }
}
