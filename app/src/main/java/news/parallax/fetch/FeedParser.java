package news.parallax.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import news.parallax.model.Dates;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF ({@link FeedXml}), JSON Feed 1.x (Jackson), and
 * sitemaps, news sitemaps and sitemap indexes (crawler-commons) into {@link ParsedFeed}.
 *
 * <p>The format is recognised from the bytes, not the Content-Type, because feeds are often served
 * as text/html or text/plain. The encoding is found as {@link FeedEncoding} describes (byte-order
 * mark, XML declaration, HTTP charset, UTF-8, windows-1252). XML is read securely (DOCTYPEs accepted,
 * nothing external loaded, entity expansion capped) and, when it is not well-formed, recovered by a
 * tolerant second pass whose item count the warnings report ("recovered N items from malformed XML").
 *
 * <p>Titles and summaries come out as plain text: markup stripped (script and style dropped),
 * entities decoded, Atom 0.3 base64 content decoded; {@code dc:title} or {@code media:title} stand in
 * for a missing title. Links are resolved against {@code xml:base}, then the Content-Location, then
 * the feed URL, and canonicalised; items without a usable http(s) link are dropped; a GUID or URL seen
 * twice keeps its first item. Dates are read by {@link news.parallax.model.Dates}; one more than a day in the future or
 * before 1990 is dropped and the entry's note says why. A gzipped sitemap (.xml.gz) is unpacked with
 * the same size cap as HTTP bodies. Stateless and thread-safe.
 */
public final class FeedParser {
    /** More items than this in one document are ignored: no real feed needs them and memory stays bounded. */
    public static final int MAX_ENTRIES = 2_000;
    /** Child sitemaps read from one sitemap index. */
    public static final int MAX_CHILD_SITEMAPS = 50;
    /** Summaries are teasers: longer ones are cut at this many characters. */
    public static final int MAX_SUMMARY_CHARS = 2_000;
    private static final int SNIFF_CHARS = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!]|&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");
    /** Date elements in the order they are preferred: publication before update (RSS, Atom 0.3/1.0, Dublin Core). */
    private static final List<String> DATE_ELEMENTS = List.of("published", "pubDate", "issued", "date", "created", "updated",
            "modified");

    /** Namespaces of the formats themselves: RSS 0.9x/2.0 (none, or Userland's), RSS 0.90 and 1.0, Atom 0.3 and 1.0. */
    private static final Set<String> CORE = Set.of("", "http://backend.userland.com/rss2", "http://my.netscape.com/rdf/simple/0.9/",
            "http://purl.org/rss/1.0/", FeedXml.Ns.ATOM, FeedXml.Ns.ATOM03);

    private final long maxDecodedBytes;
    private final Clock clock;
    private final boolean linkFirstItem;

    public FeedParser() {
        this(FetchConfig.DEFAULT_MAX_BODY_BYTES);
    }

    public FeedParser(long maxDecodedBytes) {
        this(maxDecodedBytes, Clock.systemUTC(), false);
    }

    /**
     * @param clock         "now" for the future-date check
     * @param linkFirstItem give the first item the document URL as its link when it has none, so that an
     *                      evaluation can score its other fields (eval-feeds); never for crawling
     */
    public FeedParser(long maxDecodedBytes, Clock clock, boolean linkFirstItem) {
        this.maxDecodedBytes = maxDecodedBytes;
        this.clock = clock;
        this.linkFirstItem = linkFirstItem;
    }

    /** Note put on an entry that had no link and was given the document URL ({@code linkFirstItem}). */
    public static final String LINK_GIVEN = "no link: given the document URL for evaluation";

    public ParsedFeed parse(byte[] body, String url, @Nullable String contentType) throws FeedParseException {
        return parse(body, url, contentType, null);
    }

    /**
     * @param contentType     the HTTP Content-Type; its charset is used when the document declares none
     * @param contentLocation the HTTP Content-Location, the base of relative links (before {@code xml:base}); null when none
     */
    public ParsedFeed parse(byte[] body, String url, @Nullable String contentType, @Nullable String contentLocation)
            throws FeedParseException {
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = HttpFetcher.readCapped(in, maxDecodedBytes, "gunzipped document");
            } catch (IOException e) {
                throw new FeedParseException(url, "bad gzip data: " + e.getMessage(), e);
            }
        }
        String head = FeedEncoding.head(body, SNIFF_CHARS).replace("\uFEFF", "").strip();
        if (head.isEmpty()) throw new FeedParseException(url, "empty document");
        String httpCharset = HttpFetcher.charsetOf(contentType);
        if (head.startsWith("{")) return parseJsonFeed(body, url, httpCharset);
        if (!head.startsWith("<")) throw new FeedParseException(url, "neither XML nor JSON (starts with \""
                + oneLine(head.substring(0, Math.min(20, head.length()))) + "\")");
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("<urlset") || lower.contains("<sitemapindex")) return parseSitemap(body, url);
        return parseXmlFeed(body, url, httpCharset, contentLocation);
    }

    private ParsedFeed parseXmlFeed(byte[] body, String url, @Nullable String httpCharset, @Nullable String contentLocation)
            throws FeedParseException {
        FeedEncoding.Decoded decoded = FeedEncoding.decodeXml(body, httpCharset);
        FeedXml.Result xml = FeedXml.parse(decoded.text().strip());
        if (xml == null) throw new FeedParseException(url, "malformed feed: no XML element");
        FeedXml.Element root = xml.root();
        if (root.is("html")) throw new FeedParseException(url, "an HTML page, not a feed");
        ParsedFeed.Format format;
        FeedXml.Element channel;
        List<FeedXml.Element> items = new ArrayList<>();
        if (root.is("feed")) {
            format = ParsedFeed.Format.ATOM;
            channel = root;
            items.addAll(root.all("entry"));
        } else if (root.is("rss") || root.is("RDF") || root.is("channel")) {
            format = ParsedFeed.Format.RSS;
            // <rss> without <channel>: the items and title sit on the root.
            FeedXml.Element c = root.is("channel") ? root : root.first("channel");
            channel = c == null ? root : c;
            items.addAll(channel.all("item"));
            if (channel != root) items.addAll(root.all("item")); // RSS 1.0 puts items beside the channel
        } else {
            String why = xml.malformed() != null ? "malformed feed: " + xml.malformed()
                    : "not a feed: root element <" + root.name + ">";
            throw new FeedParseException(url, why);
        }
        String docBase = url;
        if (contentLocation != null) {
            String cl = resolveHttp(url, contentLocation);
            if (cl != null) docBase = cl; // a javascript: or otherwise unusable Content-Location is ignored
        }
        List<String> warnings = new ArrayList<>();
        Entries entries = new Entries(url);
        Instant now = clock.instant();
        int dateNotes = 0;
        String firstDateNote = null;
        for (FeedXml.Element item : items) {
            if (entries.list.size() >= MAX_ENTRIES) break;
            String link = linkOf(item, docBase);
            String note = null;
            if (link == null && linkFirstItem && entries.list.isEmpty() && item == items.get(0)) {
                link = url;
                note = LINK_GIVEN;
            }
            Dated date = dateOf(item, now);
            if (date.note() != null) {
                note = note == null ? date.note() : note + "; " + date.note();
                if (dateNotes++ == 0) firstDateNote = date.note();
            }
            entries.add(link, idOf(item), titleOf(item), date.instant(), summaryOf(item), note);
        }
        if (xml.malformed() != null) {
            warnings.add("recovered " + entries.list.size() + " items from malformed XML (" + xml.malformed() + ")");
        }
        if (dateNotes > 0) warnings.add(dateNotes + " item dates treated as missing (first: " + firstDateNote + ")");
        String title = titleOf(channel);
        return new ParsedFeed(format, oneLine(title), entries.list, List.of(), linkOf(channel, docBase),
                decoded.charset().name(), warnings);
    }

    /** A date, or why there is none. */
    private record Dated(@Nullable Instant instant, @Nullable String note) {}

    private static Dated dateOf(FeedXml.Element item, Instant now) {
        String unreadable = null;
        for (String name : DATE_ELEMENTS) {
            for (FeedXml.Element e : item.all(name)) {
                String s = e.text().strip();
                if (s.isEmpty()) continue;
                Optional<Instant> t = Dates.parse(s);
                if (t.isEmpty()) {
                    if (unreadable == null) unreadable = s;
                    continue;
                }
                String why = Dates.implausible(t.get(), now);
                return why == null ? new Dated(t.get(), null) : new Dated(null, why + ": treated as missing");
            }
        }
        String lastmod = item.attr("lastmod"); // CDF
        if (unreadable == null && lastmod != null && !lastmod.isBlank()) {
            Optional<Instant> t = Dates.parse(lastmod);
            if (t.isPresent()) {
                String why = Dates.implausible(t.get(), now);
                return why == null ? new Dated(t.get(), null) : new Dated(null, why + ": treated as missing");
            }
            unreadable = lastmod;
        }
        return new Dated(null, unreadable == null ? null
                : "unreadable date \"" + oneLine(unreadable.length() > 60 ? unreadable.substring(0, 60) : unreadable) + "\"");
    }

    private static @Nullable String idOf(FeedXml.Element item) {
        FeedXml.Element id = item.first("guid");
        if (id == null) id = item.first("id");
        if (id != null && !id.text().isBlank()) return id.text().strip();
        String about = item.attr("about");
        return about == null || about.isBlank() ? null : about.strip();
    }

    /** The item's (or channel's) web page: Atom alternate link, RSS link, CDF HREF, permalink guid, RDF about. */
    private static @Nullable String linkOf(FeedXml.Element item, String docBase) {
        for (FeedXml.Element l : item.all("link")) {
            if (!core(l, item)) continue; // a module's <x:link> is not the item's page
            String href = l.attr("href");
            if (href != null) {
                String rel = l.attr("rel");
                if (rel != null && !rel.isBlank() && !rel.strip().equalsIgnoreCase("alternate")) continue;
                String abs = resolveHttp(base(l, docBase), href.strip());
                if (abs != null) return abs;
            } else if (!l.text().isBlank()) {
                String abs = resolveHttp(base(l, docBase), l.text().strip());
                if (abs != null) return abs;
            }
        }
        String href = item.attr("href");
        if (href != null && !href.isBlank()) {
            String abs = resolveHttp(base(item, docBase), href.strip());
            if (abs != null) return abs;
        }
        FeedXml.Element guid = item.first("guid");
        // RSS 2.0: a guid is a permalink unless isPermaLink="false".
        if (guid != null && !"false".equalsIgnoreCase(String.valueOf(guid.attr("isPermaLink")).strip())) {
            String g = guid.text().strip();
            if (g.startsWith("http://") || g.startsWith("https://")) return g;
        }
        String about = item.attr("about");
        if (about != null && (about.startsWith("http://") || about.startsWith("https://"))) return about.strip();
        return null;
    }

    /** The base URL in effect at an element: its own and its ancestors' xml:base over the document's. */
    private static String base(FeedXml.Element e, String docBase) {
        String parentBase = e.parent == null ? docBase : base(e.parent, docBase);
        String xmlBase = e.attributes.get("xml:base");
        if (xmlBase == null || xmlBase.isBlank()) return parentBase;
        String resolved = resolveHttp(parentBase, xmlBase.strip());
        return resolved == null ? parentBase : resolved;
    }

    private static @Nullable String resolveHttp(String base, String ref) {
        try {
            URI r = URI.create(base).resolve(new URI(ref.replace(" ", "%20")));
            String scheme = r.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || r.getHost() == null)
                return null;
            return r.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** An element of the format itself: a core namespace, or the namespace of its item (early Atom drafts had their own). */
    private static boolean core(FeedXml.Element e, FeedXml.Element item) {
        return CORE.contains(e.ns) || e.ns.equals(item.ns);
    }

    private static String titleOf(FeedXml.Element item) {
        // The format's own title, in whatever namespace the format uses; module titles (dc:, media:, itunes:) are fallbacks.
        for (FeedXml.Element t : item.all("title")) {
            if (!core(t, item)) continue;
            String title = text(t);
            if (!title.isBlank()) return title;
        }
        return fallbackTitle(item);
    }

    /** dc:title, then media:title (also inside media:group or media:content). */
    private static String fallbackTitle(FeedXml.Element item) {
        FeedXml.Element dc = item.first("title", FeedXml.Ns.DC, FeedXml.Ns.DCTERMS);
        if (dc != null && !text(dc).isBlank()) return text(dc);
        FeedXml.Element media = mediaTitle(item, 0);
        return media == null ? "" : text(media);
    }

    private static FeedXml.@Nullable Element mediaTitle(FeedXml.Element e, int depth) {
        FeedXml.Element m = e.first("title", FeedXml.Ns.MEDIA);
        if (m != null && !m.text().isBlank()) return m;
        if (depth >= 2) return null;
        for (FeedXml.Element c : e.elements()) {
            if (FeedXml.Ns.MEDIA.equals(c.ns) && (c.is("group") || c.is("content"))) {
                FeedXml.Element found = mediaTitle(c, depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String summaryOf(FeedXml.Element item) {
        List<FeedXml.Element> candidates = new ArrayList<>();
        for (String name : List.of("summary", "description", "content", "abstract")) {
            for (FeedXml.Element e : item.all(name)) if (core(e, item)) candidates.add(e);
        }
        candidates.addAll(item.all("encoded", FeedXml.Ns.CONTENT));
        candidates.addAll(item.all("description", FeedXml.Ns.DC, FeedXml.Ns.DCTERMS));
        candidates.addAll(item.all("body")); // XHTML body inside an RSS item
        candidates.addAll(item.all("fullitem"));
        candidates.addAll(item.all("summary")); // itunes:summary, whatever the case of its namespace URI
        for (FeedXml.Element e : candidates) {
            String t = oneLine(text(e));
            if (!t.isEmpty()) return t.length() > MAX_SUMMARY_CHARS ? t.substring(0, MAX_SUMMARY_CHARS) : t;
        }
        return "";
    }

    /**
     * An element's content as plain text. Atom says how to read it ({@code type} text/html/xhtml, and
     * Atom 0.3's {@code mode} escaped/base64/xml); RSS does not, so text that looks like markup or holds
     * entities is read as HTML, which is what publishers mean by it.
     */
    static String text(FeedXml.Element e) {
        String type = String.valueOf(e.attr("type")).strip().toLowerCase(Locale.ROOT);
        String mode = String.valueOf(e.attr("mode")).strip().toLowerCase(Locale.ROOT);
        boolean hasElements = !e.elements().isEmpty();
        if (type.equals("xhtml") || type.contains("xhtml") || mode.equals("xml") || hasElements) return e.text();
        String raw = e.text();
        // Atom 0.3 says mode="base64"; Atom 1.0 (RFC 4287 section 4.1.3.3) base64-encodes any type that is neither text/* nor XML.
        boolean binary = type.contains("/") && !type.startsWith("text/") && !type.endsWith("+xml") && !type.endsWith("/xml");
        if (mode.equals("base64") || binary) raw = base64(raw);
        if ((type.equals("text") || type.equals("text/plain")) && !mode.equals("escaped")) return raw;
        if (binary) return MARKUP.matcher(raw).find() ? htmlText(raw) : raw;
        boolean html = type.equals("html") || type.equals("text/html") || mode.equals("escaped");
        return html || MARKUP.matcher(raw).find() ? htmlText(raw) : raw;
    }

    private static String base64(String raw) {
        try {
            return new String(Base64.getMimeDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // labelled base64 but is not: keep what is there
        }
    }

    /** HTML as the text a reader sees: tags removed, script and style dropped, entities decoded. */
    static String htmlText(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }

    private ParsedFeed parseJsonFeed(byte[] body, String url, @Nullable String httpCharset) throws FeedParseException {
        FeedEncoding.Decoded decoded = FeedEncoding.decodeJson(body, httpCharset);
        JsonNode root;
        try {
            root = JSON.readTree(decoded.text());
        } catch (IOException e) {
            throw new FeedParseException(url, "malformed JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new FeedParseException(url, "JSON that is not an object: not a JSON Feed");
        String version = root.path("version").asText("");
        if (!version.startsWith("https://jsonfeed.org/version/") && !version.startsWith("http://jsonfeed.org/version/"))
            throw new FeedParseException(url, "JSON without a jsonfeed.org version: not a JSON Feed");
        Entries entries = new Entries(url);
        List<String> warnings = new ArrayList<>();
        Instant now = clock.instant();
        int dateNotes = 0;
        String firstDateNote = null;
        for (JsonNode item : root.path("items")) {
            if (entries.list.size() >= MAX_ENTRIES) break;
            String link = item.path("url").asText(null);
            if (link == null) link = item.path("external_url").asText(null);
            String note = null;
            if (link == null && linkFirstItem && entries.list.isEmpty()) {
                link = url;
                note = LINK_GIVEN;
            }
            String dateText = item.path("date_published").asText(item.path("date_modified").asText(null));
            Instant date = null;
            if (dateText != null) {
                Optional<Instant> t = Dates.parse(dateText);
                String why = t.isEmpty() ? "unreadable date \"" + oneLine(dateText) + "\""
                        : Dates.implausible(t.get(), now);
                if (why == null) date = t.get();
                else {
                    note = note == null ? why : note + "; " + why;
                    if (dateNotes++ == 0) firstDateNote = why;
                }
            }
            String title = item.path("title").asText("");
            if (MARKUP.matcher(title).find()) title = htmlText(title);
            String summary = item.path("summary").asText(item.path("content_text").asText(""));
            if (summary.isBlank()) summary = htmlText(item.path("content_html").asText(""));
            summary = oneLine(summary);
            if (summary.length() > MAX_SUMMARY_CHARS) summary = summary.substring(0, MAX_SUMMARY_CHARS);
            entries.add(link, item.path("id").asText(null), title, date, summary, note);
        }
        if (dateNotes > 0) warnings.add(dateNotes + " item dates treated as missing (first: " + firstDateNote + ")");
        String home = root.path("home_page_url").asText(null);
        return new ParsedFeed(ParsedFeed.Format.JSON_FEED, oneLine(root.path("title").asText("")), entries.list, List.of(),
                home == null ? null : resolveHttp(url, home), decoded.charset().name(), warnings);
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
            // C1 controls in feed text are windows-1252 bytes or references (&#146;) meant as its characters.
            char c = FeedEncoding.c1AsWindows1252(s.charAt(i));
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return WHITESPACE.matcher(b).replaceAll(" ").strip();
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
            add(link, guid, title, published, "", null);
        }

        void add(@Nullable String link, @Nullable String guid, @Nullable String title, @Nullable Instant published,
                String summary, @Nullable String note) {
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
            list.add(new FeedEntry(url, g, oneLine(nullToEmpty(title)), published, summary, note));
        }
    }
}
