package news.parallax.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import news.parallax.model.Dates;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/** Reads {@link DeclaredMetadata} from a parsed page. Stateless and thread-safe. */
final class MetadataReader {
    /** JSON-LD scripts larger than this are skipped: real article markup is a few kilobytes. */
    static final int MAX_JSON_LD_CHARS = 2_000_000;
    /** JSON nesting deeper than this is not article markup; Jackson rejects it before recursing further. */
    static final int MAX_JSON_DEPTH = 64;
    /** How many JSON objects are examined per page at most. */
    static final int MAX_JSON_OBJECTS = 5_000;

    /** Date-named elements examined at most. */
    static final int MAX_TEXT_DATES = 20;
    /** Elements with more children than this are containers, not date labels. */
    static final int MAX_DATE_ELEMENT_CHILDREN = 4;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .build())
            .build();

    private static final List<String> PUBLISHED_META = List.of(
            "article:published_time", "og:article:published_time", "article:published", "datepublished",
            "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "date", "dc.date",
            "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.issued", "dcterms.date",
            "parsely-pub-date", "sailthru.date", "article.published", "article_date_original",
            "cxenseparse:recs:publishtime", "originalpublicationdate", "og:published_time");
    private static final List<String> AUTHOR_META = List.of(
            "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
            "byl", "twitter:creator:name", "cxenseparse:author", "twitter:misc:written by");
    /** Label values of twitter:labelN/dataN pairs (as SEO plugins write them) that mark the author. */
    private static final java.util.regex.Pattern WRITTEN_BY_LABEL = java.util.regex.Pattern.compile(
            "(?i)written by|geschrieben von|verfasst von|escrito por|écrit par|scritto da|geschreven door|skrevet af|skrevet av|skriven av");

    private MetadataReader() {}

    static DeclaredMetadata read(PageIndex doc, String location) {
        JsonLdArticle ld = readJsonLd(doc);
        List<String> titles = new ArrayList<>();
        addIfPresent(titles, ld.headline);
        // schema.org's headline written as a meta tag in the head (itemprop or name=): the bare headline, where
        // og:title and the title tag often carry the site and section.
        addIfPresent(titles, doc.headHeadline);
        addIfPresent(titles, doc.meta("og:title"));
        addIfPresent(titles, doc.meta("twitter:title"));
        Element titleEl = doc.title;
        String titleTag = titleEl == null ? "" : Text.normalize(titleEl.text());

        List<List<String>> authorSources = new ArrayList<>();
        if (!ld.authors.isEmpty()) authorSources.add(ld.authors);
        // Organisations come last: a person named anywhere on the page is the better byline.
        List<String> organizations = new ArrayList<>(ld.organizationAuthors);
        for (String key : AUTHOR_META) {
            List<String> names = new ArrayList<>();
            for (String v : doc.metaValues(key)) {
                if (!v.startsWith("http") && !v.startsWith("@")) names.addAll(Authors.split(v));
            }
            if (!names.isEmpty()) authorSources.add(names);
        }
        for (int i = 1; i <= 4; i++) {
            String label = doc.meta("twitter:label" + i);
            String data = doc.meta("twitter:data" + i);
            if (label != null && data != null && WRITTEN_BY_LABEL.matcher(label).find()) {
                List<String> names = Authors.split(data);
                if (!names.isEmpty()) authorSources.add(names);
            }
        }

        List<OffsetDateTime> published = new ArrayList<>();
        addIfPresent(published, Dates.pageDate(ld.published));
        for (String key : PUBLISHED_META) addIfPresent(published, Dates.pageDate(doc.meta(key)));
        for (Element e : doc.datePublished) {
            addIfPresent(published, Dates.pageDate(e.hasAttr("content") ? e.attr("content") : e.attr("datetime")));
        }
        List<OffsetDateTime> times = new ArrayList<>();
        for (Element t : doc.times) {
            if (!t.hasAttr("datetime")) continue;
            OffsetDateTime d = Dates.pageDate(t.attr("datetime"));
            if (d != null) {
                if (t.hasAttr("pubdate")) published.add(d);
                times.add(d);
            }
        }
        addIfPresent(published, Dates.pageDate(ld.created));
        List<OffsetDateTime> textDates = new ArrayList<>();
        for (Element e : doc.dateLabels) {
            if (textDates.size() >= MAX_TEXT_DATES) break;
            if (Dom.childElementCount(e) > MAX_DATE_ELEMENT_CHILDREN) continue;
            addIfPresent(textDates, Dates.parseText(e.ownText().isEmpty() ? e.text() : e.ownText()));
        }

        String canonical = null;
        if (doc.canonicalHref != null) canonical = absolute(doc.canonicalHref, location);
        if (canonical == null) canonical = absolute(doc.meta("og:url"), location);
        if (canonical == null) canonical = absolute(ld.url, location);
        if (canonical == null && (location.startsWith("http://") || location.startsWith("https://"))) canonical = location;

        String siteName = firstNonBlank(doc.meta("og:site_name"), ld.publisher, doc.meta("application-name"));
        String declaredLanguage = firstNonBlank(doc.htmlLang, ld.language, doc.meta("og:locale"), doc.meta("content-language"));

        List<String> types = new ArrayList<>(ld.types);
        String ogType = doc.meta("og:type");
        if (ogType != null && !ogType.isBlank()) types.add("og:" + ogType.trim().toLowerCase(Locale.ROOT));
        if (ogType != null && ogType.trim().equalsIgnoreCase("article")) types.add("article");

        return new DeclaredMetadata(titles, titleTag, authorSources, organizations, ld.authors, published, times, textDates, canonical, siteName,
                declaredLanguage, types, ld.body == null ? "" : ld.body);
    }

    // ---- JSON-LD ----

    /** The most article-like JSON-LD object on the page. */
    static final class JsonLdArticle {
        @Nullable String headline;
        List<String> authors = List.of();
        /** Authors the markup types as organisations: the outlet or an agency rather than a writer. */
        List<String> organizationAuthors = List.of();
        @Nullable String published;
        @Nullable String created;
        @Nullable String url;
        @Nullable String publisher;
        @Nullable String language;
        @Nullable String body;
        final Set<String> types = new LinkedHashSet<>();
        int rank = -1;
    }

    static JsonLdArticle readJsonLd(PageIndex doc) {
        JsonLdArticle best = new JsonLdArticle();
        for (String json : doc.jsonLd) {
            if (json.length() > MAX_JSON_LD_CHARS) continue;
            JsonNode root;
            try {
                root = JSON.readTree(json.trim());
            } catch (Exception e) {
                continue; // broken markup is common and never fatal
            }
            if (root == null) continue;
            // Iterative walk: @graph arrays, nested arrays and mainEntity objects all hold candidates.
            List<JsonNode> stack = new ArrayList<>();
            stack.add(root);
            int seen = 0;
            while (!stack.isEmpty() && seen++ < MAX_JSON_OBJECTS) {
                JsonNode n = stack.removeLast();
                if (n.isArray()) {
                    for (int i = n.size() - 1; i >= 0; i--) stack.add(n.get(i));
                } else if (n.isObject()) {
                    considerObject(n, best);
                    for (String key : List.of("@graph", "mainEntity", "itemListElement")) {
                        JsonNode child = n.get(key);
                        if (child != null && (child.isArray() || child.isObject())) stack.add(child);
                    }
                }
            }
        }
        return best;
    }

    private static void considerObject(JsonNode n, JsonLdArticle best) {
        List<String> types = new ArrayList<>();
        JsonNode t = n.get("@type");
        if (t != null && t.isTextual()) types.add(t.asText().toLowerCase(Locale.ROOT));
        if (t != null && t.isArray()) for (JsonNode x : t) if (x.isTextual()) types.add(x.asText().toLowerCase(Locale.ROOT));
        best.types.addAll(types);
        // schema.org's paywall markup: the article declares that readers must pay for it.
        JsonNode free = n.get("isAccessibleForFree");
        if (free != null && (free.isBoolean() ? !free.asBoolean() : free.asText("").trim().equalsIgnoreCase("false"))) {
            best.types.add(DeclaredMetadata.NOT_FREE);
        }
        int rank = 0;
        for (String type : types) {
            if (type.contains("newsarticle") || type.equals("reportage")) rank = Math.max(rank, 3);
            else if (type.endsWith("article") || type.equals("blogposting") || type.equals("liveblogposting")) rank = Math.max(rank, 2);
            else if (type.equals("webpage") && n.has("headline")) rank = Math.max(rank, 1);
        }
        if (rank == 0 || rank <= best.rank) return;
        best.rank = rank;
        best.headline = text(n.get("headline"));
        if (best.headline == null) best.headline = text(n.get("name"));
        best.authors = names(n.get("author"), false);
        if (best.authors.isEmpty()) best.authors = names(n.get("creator"), false);
        best.organizationAuthors = names(n.get("author"), true);
        best.published = text(n.get("datePublished"));
        best.created = text(n.get("dateCreated"));
        best.url = text(n.get("url"));
        JsonNode page = n.get("mainEntityOfPage");
        if (best.url == null && page != null) best.url = page.isObject() ? text(page.get("@id")) : text(page);
        JsonNode pub = n.get("publisher");
        if (pub != null) best.publisher = pub.isObject() ? text(pub.get("name")) : text(pub);
        best.language = text(n.get("inLanguage"));
        best.body = text(n.get("articleBody"));
    }

    /** Author names, either only those not typed Organization or only those that are. */
    private static List<String> names(@Nullable JsonNode n, boolean organizations) {
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        List<JsonNode> items = new ArrayList<>();
        if (n.isArray()) n.forEach(items::add);
        else items.add(n);
        for (JsonNode item : items) {
            boolean organization = item.isObject() && item.path("@type").asText("").toLowerCase(Locale.ROOT).contains("organization");
            if (organization != organizations) continue;
            String name = item.isObject() ? text(item.get("name")) : text(item);
            if (name == null && item.isObject()) {
                String given = text(item.get("givenName"));
                String family = text(item.get("familyName"));
                if (given != null || family != null) name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
            }
            if (name != null && !name.startsWith("http")) out.addAll(Authors.split(name));
        }
        return out;
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isArray()) return n.isEmpty() ? null : text(n.get(0));
        if (n.isObject()) return null;
        String s = Text.normalize(org.jsoup.parser.Parser.unescapeEntities(n.asText(), false));
        return s.isEmpty() ? null : s;
    }

    static @Nullable String absolute(@Nullable String href, String location) {
        if (href == null || href.isBlank()) return null;
        String h = href.trim();
        try {
            URI u = new URI(h);
            if (u.isAbsolute()) return (u.getScheme().equals("http") || u.getScheme().equals("https")) ? h : null;
            if (location.startsWith("http://") || location.startsWith("https://")) return new URI(location).resolve(u).toString();
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private static <T> void addIfPresent(List<T> list, @Nullable T value) {
        if (value != null && !(value instanceof String s && s.isBlank())) list.add(value);
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.trim();
        return null;
    }
}
