package news.parallax.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom (Rome), JSON Feed 1.x (Jackson), and sitemaps, news sitemaps and
 * sitemap indexes (crawler-commons) into {@link ParsedFeed}.
 *
 * <p>The format is recognised from the bytes, not the Content-Type, because feeds are often served
 * as text/html or text/plain. Relative links are resolved against the feed URL and canonicalised;
 * items without a usable http(s) link are dropped; a GUID or URL seen twice keeps its first item.
 * A gzipped sitemap (.xml.gz) is unpacked with the same size cap as HTTP bodies. DOCTYPEs are refused
 * (XML entity expansion). Stateless and thread-safe.
 */
public final class FeedParser {
    /** More items than this in one document are ignored: no real feed needs them and memory stays bounded. */
    public static final int MAX_ENTRIES = 2_000;
    /** Child sitemaps read from one sitemap index. */
    public static final int MAX_CHILD_SITEMAPS = 50;
    private static final int SNIFF_BYTES = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxDecodedBytes;

    public FeedParser() {
        this(FetchConfig.DEFAULT_MAX_BODY_BYTES);
    }

    public FeedParser(long maxDecodedBytes) {
        this.maxDecodedBytes = maxDecodedBytes;
    }

    public ParsedFeed parse(byte[] body, String url, @Nullable String contentType) throws FeedParseException {
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = HttpFetcher.readCapped(in, maxDecodedBytes, "gunzipped document");
            } catch (IOException e) {
                throw new FeedParseException(url, "bad gzip data: " + e.getMessage(), e);
            }
        }
        String head = sniff(body);
        if (head.isEmpty()) throw new FeedParseException(url, "empty document");
        if (head.startsWith("{")) return parseJsonFeed(body, url);
        if (!head.startsWith("<")) throw new FeedParseException(url, "neither XML nor JSON (starts with \""
                + head.substring(0, Math.min(20, head.length())) + "\")");
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("<urlset") || lower.contains("<sitemapindex")) return parseSitemap(body, url);
        if (lower.contains("<html")) throw new FeedParseException(url, "an HTML page, not a feed");
        return parseRomeFeed(body, url, HttpFetcher.charsetOf(contentType));
    }

    private static String sniff(byte[] body) {
        int start = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf)
            start = 3;
        // ISO-8859-1 maps bytes one to one: enough to spot "<rss", "<urlset" or "{" in any ASCII-compatible charset.
        return new String(body, start, Math.min(SNIFF_BYTES, body.length - start), StandardCharsets.ISO_8859_1).strip();
    }

    /**
     * The document's own encoding (BOM, XML declaration) is tried first: servers' Content-Type charsets
     * are wrong more often than feeds' declarations. When the bytes are invalid in it (a "wrong charset"
     * feed), the HTTP charset is tried, then UTF-8 with replacement characters, so a few bad bytes do
     * not lose the whole feed.
     */
    private ParsedFeed parseRomeFeed(byte[] body, String url, @Nullable String httpCharset) throws FeedParseException {
        SyndFeed feed = null;
        Exception first = null;
        if (httpCharset != null && !declaresEncoding(body) && java.nio.charset.Charset.isSupported(httpCharset)) {
            // No BOM, no encoding="...": the HTTP charset is the only statement there is.
            try {
                feed = buildRome(new StringReader(new String(body, java.nio.charset.Charset.forName(httpCharset))));
            } catch (Exception e) {
                first = e;
            }
        }
        if (feed == null) {
            try {
                feed = buildRome(new XmlReader(new ByteArrayInputStream(body), true));
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        if (feed == null) {
            List<java.nio.charset.Charset> fallbacks = new ArrayList<>();
            if (httpCharset != null && java.nio.charset.Charset.isSupported(httpCharset))
                fallbacks.add(java.nio.charset.Charset.forName(httpCharset));
            fallbacks.add(StandardCharsets.UTF_8);
            for (java.nio.charset.Charset cs : fallbacks) {
                try {
                    String text = new String(body, cs).replaceFirst("^\\uFEFF", "")
                            .replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
                    feed = buildRome(new StringReader(text));
                    break;
                } catch (Exception ignored) {
                    // next fallback; the first error is the one reported
                }
            }
            if (feed == null) throw new FeedParseException(url, "malformed feed: " + rootMessage(first), first);
        }
        ParsedFeed.Format format = feed.getFeedType() != null && feed.getFeedType().startsWith("atom") ? ParsedFeed.Format.ATOM
                : ParsedFeed.Format.RSS;
        Entries entries = new Entries(url);
        for (SyndEntry e : feed.getEntries()) {
            String link = e.getLink();
            if (link == null || link.isBlank()) {
                for (SyndLink l : e.getLinks()) {
                    if (l.getRel() == null || l.getRel().equals("alternate")) {
                        link = l.getHref();
                        break;
                    }
                }
            }
            // RSS items with a permalink guid and no <link> still point at the article.
            if ((link == null || link.isBlank()) && e.getUri() != null && e.getUri().startsWith("http")) link = e.getUri();
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            entries.add(link, e.getUri(), e.getTitle(), date == null ? null : date.toInstant());
        }
        return new ParsedFeed(format, oneLine(nullToEmpty(feed.getTitle())), entries.list, List.of());
    }

    private static boolean declaresEncoding(byte[] body) {
        if (body.length >= 2 && ((body[0] & 0xff) == 0xfe || (body[0] & 0xff) == 0xff || (body[0] & 0xff) == 0xef))
            return true; // a BOM
        String head = sniff(body);
        int end = head.indexOf("?>");
        return head.startsWith("<?xml") && end > 0 && head.substring(0, end).contains("encoding");
    }

    private static SyndFeed buildRome(java.io.Reader reader) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return input.build(reader);
    }

    private ParsedFeed parseJsonFeed(byte[] body, String url) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new FeedParseException(url, "malformed JSON: " + e.getMessage(), e);
        }
        String version = root.path("version").asText("");
        if (!version.startsWith("https://jsonfeed.org/version/"))
            throw new FeedParseException(url, "JSON without a jsonfeed.org version: not a JSON Feed");
        Entries entries = new Entries(url);
        for (JsonNode item : root.path("items")) {
            String link = item.path("url").asText(null);
            if (link == null) link = item.path("external_url").asText(null);
            String date = item.path("date_published").asText(item.path("date_modified").asText(null));
            entries.add(link, item.path("id").asText(null), item.path("title").asText(""), parseInstant(date));
        }
        return new ParsedFeed(ParsedFeed.Format.JSON_FEED, oneLine(root.path("title").asText("")), entries.list, List.of());
    }

    private ParsedFeed parseSitemap(byte[] body, String url) throws FeedParseException {
        SiteMapParser parser = new SiteMapParser(false); // lenient: news sitemaps often list other hosts/paths
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap("text/xml", body, URI.create(url).toURL());
        } catch (Exception e) {
            throw new FeedParseException(url, "malformed sitemap: " + rootMessage(e), e);
        }
        if (map instanceof SiteMapIndex index) {
            List<String> children = new ArrayList<>();
            // Indexes of big sites list years of archives; the newest children hold the news.
            List<AbstractSiteMap> sorted = new ArrayList<>(index.getSitemaps());
            sorted.sort(java.util.Comparator.comparing((AbstractSiteMap m) -> m.getLastModified(),
                    java.util.Comparator.nullsLast(java.util.Comparator.<Date>reverseOrder())));
            for (AbstractSiteMap child : sorted) {
                if (children.size() >= MAX_CHILD_SITEMAPS) break;
                children.add(child.getUrl().toString());
            }
            return new ParsedFeed(ParsedFeed.Format.SITEMAP_INDEX, "", List.of(), children);
        }
        Entries entries = new Entries(url);
        for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
            String title = "";
            Instant published = u.getLastModified() == null ? null : u.getLastModified().toInstant();
            ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
            if (news != null && news.length > 0 && news[0] instanceof NewsAttributes n) {
                title = nullToEmpty(n.getTitle());
                if (n.getPublicationDateTime() != null) published = n.getPublicationDateTime().toInstant();
            }
            entries.add(u.getUrl().toString(), null, title, published);
        }
        return new ParsedFeed(ParsedFeed.Format.SITEMAP, "", entries.list, List.of());
    }

    private static @Nullable Instant parseInstant(@Nullable String iso) {
        if (iso == null || iso.isBlank()) return null;
        try {
            return OffsetDateTime.parse(iso.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * Feed text as one clean line: control characters (a JSON Feed may carry "\u0000", which
     * PostgreSQL text refuses, failing the whole feed's batch) and line breaks become spaces.
     */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** Collects entries, dropping unusable links and repeated GUIDs or URLs. */
    private static final class Entries {
        final String base;
        final List<FeedEntry> list = new ArrayList<>();
        final Set<String> guids = new HashSet<>();
        final Map<String, Boolean> urls = new LinkedHashMap<>();

        Entries(String base) {
            this.base = base;
        }

        void add(@Nullable String link, @Nullable String guid, @Nullable String title, @Nullable Instant published) {
            if (list.size() >= MAX_ENTRIES || link == null || link.isBlank()) return;
            String url;
            try {
                url = UrlCanonicalizer.resolve(base, link);
            } catch (IllegalArgumentException e) {
                return; // mailto:, javascript: and broken links are not articles
            }
            String g = guid == null || guid.isBlank() ? null : oneLine(guid);
            if (g != null && !guids.add(g)) return;
            if (urls.putIfAbsent(url, Boolean.TRUE) != null) return;
            list.add(new FeedEntry(url, g, oneLine(nullToEmpty(title)), published));
        }
    }
}
