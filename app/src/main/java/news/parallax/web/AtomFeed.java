package news.parallax.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import org.jspecify.annotations.Nullable;

/**
 * Atom 1.0 (RFC 4287) feeds of stories, written with {@link XMLStreamWriter} so every title and summary is escaped
 * by construction. One entry per story: its headline, summary, source count and landscape; the entry content is
 * XHTML built from text nodes only (no markup from articles, no script).
 */
final class AtomFeed {
    static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    /**
     * Entry and feed ids are tag URIs (RFC 4151) under this authority and date, so they stay the same whichever host
     * name a reader subscribes through; the story id inside stays stable across re-clustering (see the store).
     */
    static final String TAG_PREFIX = "tag:parallax,2026:";
    /** The updated time of an entry whose story has no dated article, and of an empty feed: fixed, so it never churns. */
    static final Instant UNDATED = Instant.EPOCH;
    /** XML 1.0 forbids most control characters even escaped; article titles from the web sometimes hold them. */
    private static final String XML_ILLEGAL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]";

    private AtomFeed() {}

    /**
     * One entry.
     *
     * @param summary   the story's neutral summary; null when not analysed (the landscape is still given)
     * @param category  a label for feed readers ("largest", "blindspot-left"); null for none
     * @param extra     more lines of the content, as plain text (the briefing's figures in dispute)
     */
    record Entry(StoryOverview story, @Nullable String summary, @Nullable String category, List<String> extra) {
        Entry {
            extra = List.copyOf(extra);
        }
    }

    /**
     * The feed document.
     *
     * @param base      absolute origin of this server as the reader reached it ("http://host:port")
     * @param selfPath  the feed's own path and query
     * @param pagePath  the HTML page the feed mirrors
     * @param feedKey   the feed's id under {@link #TAG_PREFIX} ("feed/top")
     */
    static String write(String base, String title, String selfPath, String pagePath, String feedKey, List<Entry> entries) {
        Instant updated = entries.stream().map(e -> updated(e.story())).max(Instant::compareTo).orElse(UNDATED);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("utf-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", TAG_PREFIX + feedKey);
            text(x, "title", title);
            text(x, "updated", updated.toString());
            link(x, "self", base + selfPath, "application/atom+xml");
            link(x, "alternate", base + pagePath, "text/html");
            x.writeStartElement("author");
            text(x, "name", "Parallax");
            x.writeEndElement();
            x.writeStartElement("generator");
            x.writeCharacters("Parallax");
            x.writeEndElement();
            for (Entry e : entries) entry(x, base, e);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Atom feed " + selfPath, e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, String base, Entry e) throws XMLStreamException {
        StoryOverview o = e.story();
        StoryView.Landscape l = o.landscape();
        x.writeStartElement("entry");
        text(x, "id", TAG_PREFIX + "story/" + Fmt.segment(o.story().id()));
        text(x, "title", o.story().title());
        text(x, "updated", updated(o).toString());
        if (o.story().firstSeen() != null) text(x, "published", o.story().firstSeen().toString());
        link(x, "alternate", base + Fmt.storyHref(o.story().id()), "text/html");
        if (e.category() != null) {
            x.writeEmptyElement("category");
            x.writeAttribute("term", e.category());
        }
        String counts = Fmt.plural(l.total(), "source", "sources") + ", " + Fmt.plural(o.story().articleCount(), "article", "articles")
                + ". Left " + l.left() + ", center " + l.center() + ", right " + l.right() + ", unrated " + l.unrated() + ".";
        String blindspot = o.blindspot() == null ? null
                : "Blindspot for the " + o.blindspot().side() + ": covered mostly by the " + o.blindspot().dominantSide() + ".";
        if (e.summary() != null && !e.summary().isBlank()) text(x, "summary", e.summary());
        x.writeStartElement("content");
        x.writeAttribute("type", "xhtml");
        x.writeStartElement("div");
        x.writeDefaultNamespace(XHTML);
        if (e.summary() != null && !e.summary().isBlank()) para(x, "summary", e.summary());
        para(x, "landscape", counts);
        if (blindspot != null) para(x, "blindspot", blindspot);
        for (String line : e.extra()) para(x, "extra", line);
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    /** The story's last article time; {@link #UNDATED} when none is dated. */
    static Instant updated(StoryOverview o) {
        Instant t = o.story().lastSeen() != null ? o.story().lastSeen() : o.story().firstSeen();
        return t == null ? UNDATED : t;
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    private static void para(XMLStreamWriter x, String cls, String value) throws XMLStreamException {
        x.writeStartElement("p");
        x.writeAttribute("class", cls);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private static String clean(String s) {
        return s.replaceAll(XML_ILLEGAL, "");
    }
}
