package news.parallax.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * The elements the metadata readers need, gathered in one iterative pass over the page instead of one
 * CSS query each (every jsoup query walks the whole tree). Not thread-safe; one per page.
 */
final class PageIndex {
    /** Candidates kept per list; real pages have a handful, hostile ones millions. */
    static final int MAX_PER_LIST = 200;

    /** Meta tag content by lower-case property, name, itemprop or http-equiv, in page order. */
    final Map<String, List<String>> metas = new HashMap<>();
    final List<String> jsonLd = new ArrayList<>();
    @Nullable Element title;
    /**
     * The first {@code <meta name|itemprop="headline">} in the head: it describes the page, where one in the
     * body may belong to a teaser's microdata.
     */
    @Nullable String headHeadline;
    @Nullable String canonicalHref;
    String htmlLang = "";
    final List<Element> datePublished = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    /** Elements whose class or itemprop mentions a date, time, byline or meta line. */
    final List<Element> dateLabels = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>();
    /** Second-level headings: many sites print the headline (kicker plus headline) as an h2 under a breadcrumb h1. */
    final List<Element> h2s = new ArrayList<>();
    /** itemprop=author and rel=author elements. */
    final List<Element> authorMarkup = new ArrayList<>();
    /** Links to an author's page ({@code /author/jane-roe}, {@code /autoren/name/...}): bylines are often only that. */
    final List<Element> authorLinks = new ArrayList<>();
    /** Path segments of author pages, in the languages of common news sites. */
    private static final java.util.regex.Pattern AUTHOR_PAGE = java.util.regex.Pattern.compile(
            "(?i)/(authors?|autor|autoren|autores|auteurs?|autore|autori|journalists?|redakteur|redaktion/autoren)/[^/?#]+");
    /** Headings marked as the headline by microdata ({@code <h2 itemprop="headline">}). */
    final List<Element> headlineProps = new ArrayList<>();
    /** Paragraphs that are one bold element and nothing else ({@code <p><strong>Jane Roe</strong></p>}). */
    final List<Element> boldLines = new ArrayList<>();
    /** Substring pre-test (String.indexOf is fast) for the usual spellings of author-page paths. */
    private static boolean mayBeAuthorPage(String href) {
        return href.indexOf("aut") >= 0 || href.indexOf("Aut") >= 0 || href.indexOf("AUT") >= 0
                || href.indexOf("ournalist") >= 0 || href.indexOf("edakt") >= 0;
    }

    /**
     * Every element that holds a {@code <main>} or {@code role=main} element below it: a landmark that holds none is
     * furniture without being searched ({@link Boilerplate#isIgnored}).
     */
    final java.util.Set<Element> mainHolders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Elements whose class mentions byline or author. */
    final List<Element> bylineClasses = new ArrayList<>();

    /** Document-order position of the elements listed above, to tell what comes after the headline. */
    final Map<Element, Integer> order = new java.util.IdentityHashMap<>();
    private int position;

    static PageIndex of(Document doc) {
        PageIndex ix = new PageIndex();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) ix.add(e);
        }, doc);
        return ix;
    }

    private void add(Element e) {
        position++;
        if (e.normalName().equals("main") || (e.attributesSize() > 0 && e.attr("role").equalsIgnoreCase("main"))) {
            // Each holder once: the walk up stops where an earlier main's walk passed, so nested mains stay linear.
            for (Element x = e.parent(); x != null && mainHolders.add(x); x = x.parent()) { }
        }
        switch (e.normalName()) {
            case "html" -> htmlLang = e.attr("lang");
            case "meta" -> {
                String k = e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name")
                        : e.hasAttr("itemprop") ? e.attr("itemprop") : e.attr("http-equiv");
                if (headHeadline == null && k.equalsIgnoreCase("headline") && e.parent() != null
                        && e.parent().normalName().equals("head") && !Text.normalize(e.attr("content")).isEmpty()) {
                    headHeadline = Text.normalize(e.attr("content"));
                }
                if (!k.isEmpty() && e.hasAttr("content")) {
                    List<String> values = metas.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>());
                    if (values.size() < MAX_PER_LIST) values.add(e.attr("content"));
                }
            }
            case "script" -> {
                if (e.attr("type").equalsIgnoreCase("application/ld+json") && jsonLd.size() < MAX_PER_LIST) jsonLd.add(e.data());
            }
            case "title" -> {
                if (title == null) title = e;
            }
            case "link" -> {
                if (canonicalHref == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) canonicalHref = e.attr("href");
            }
            case "time" -> addLimited(times, e);
            case "h1" -> addLimited(h1s, e);
            case "h2" -> addLimited(h2s, e);
            case "p" -> {
                Element only = Dom.onlyChildElement(e);
                if (only != null && (only.normalName().equals("strong") || only.normalName().equals("b"))) addLimited(boldLines, e);
            }
            case "a" -> {
                // Cheap test first: pages have hundreds of links and almost none go to an author page.
                String href = e.attr("href");
                if (mayBeAuthorPage(href) && AUTHOR_PAGE.matcher(href).find()) addLimited(authorLinks, e);
            }
            default -> { }
        }
        if (e.attributesSize() == 0) {
            // No itemprop, rel or class to read (most elements).
            if (e.normalName().equals("time")) addLimited(dateLabels, e);
            return;
        }
        String itemprop = e.attr("itemprop");
        if (!itemprop.isEmpty()) {
            if (itemprop.equals("datePublished")) addLimited(datePublished, e);
            if (itemprop.equals("author")) addLimited(authorMarkup, e);
            if (itemprop.contains("headline") && isH1To3(e.normalName())) addLimited(headlineProps, e);
            if (itemprop.toLowerCase(Locale.ROOT).contains("date")) addLimited(dateLabels, e);
        }
        if (e.attr("rel").equalsIgnoreCase("author")) addLimited(authorMarkup, e);
        String cls = e.className();
        if (!cls.isEmpty()) {
            String c = cls.toLowerCase(Locale.ROOT);
            if (c.contains("date") || c.contains("time") || c.contains("byline") || c.contains("meta")) addLimited(dateLabels, e);
            if (c.contains("byline") || c.contains("author")) addLimited(bylineClasses, e);
        } else if (e.normalName().equals("time")) {
            addLimited(dateLabels, e);
        }
    }

    private static boolean isH1To3(String tag) {
        return tag.equals("h1") || tag.equals("h2") || tag.equals("h3");
    }

    private void addLimited(List<Element> list, Element e) {
        if (list.size() < MAX_PER_LIST) {
            list.add(e);
            order.put(e, position);
        }
    }

    /** Position of a listed element in document order; 0 for elements not listed. */
    int position(Element e) {
        return order.getOrDefault(e, 0);
    }

    @Nullable String meta(String key) {
        List<String> values = metas.get(key);
        if (values == null) return null;
        for (String v : values) {
            String n = Text.normalize(v);
            if (!n.isEmpty()) return n;
        }
        return null;
    }

    List<String> metaValues(String key) {
        return metas.getOrDefault(key, List.of());
    }
}
