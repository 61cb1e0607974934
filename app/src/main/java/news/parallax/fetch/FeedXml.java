package news.parallax.fetch;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads feed XML into a small namespace-resolved tree, securely and tolerantly.
 *
 * <p>The strict pass is the JDK's SAX parser with DOCTYPEs allowed (the Netscape RSS 0.91 one is in
 * real feeds) but nothing external ever read: no external DTD, no external general or parameter
 * entities (an XXE {@code SYSTEM "file:///etc/passwd"} reference is skipped, not loaded), and entity
 * expansion capped at {@link #MAX_ENTITY_EXPANSIONS} with a size cap, so a billion-laughs document
 * fails fast instead of filling memory. An entity the document does not declare (HTML's
 * {@code &nbsp;} under an unread DTD) is replaced by the HTML character of that name.
 *
 * <p>When the strict pass finds the document not well-formed (undeclared prefixes, unknown entities,
 * bare ampersands, a body cut short, ...), {@link #parse} reads it again with jsoup's XML parser,
 * which recovers what a browser would: unclosed elements are closed, HTML entities decoded, unknown
 * ones kept as text. jsoup does not read DTDs, so nothing is expanded or fetched there either.
 * Prefixes are resolved from the {@code xmlns} declarations in scope and, when undeclared, from the
 * namespaces feeds mean by them ({@code itunes:}, {@code dc:}, {@code media:}, ...). Stateless and
 * thread-safe.
 */
final class FeedXml {
    /** Entity expansions allowed per document: real feeds declare a handful; billion laughs needs billions. */
    static final int MAX_ENTITY_EXPANSIONS = 1_000;
    /** Characters all entity expansions of one document may add together. */
    static final int MAX_ENTITY_CHARS = 100_000;
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** Namespaces feeds use with undeclared prefixes, by prefix. */
    private static final Map<String, String> KNOWN_PREFIXES = Map.ofEntries(
            Map.entry("dc", Ns.DC), Map.entry("dcterms", Ns.DCTERMS), Map.entry("content", Ns.CONTENT),
            Map.entry("atom", Ns.ATOM), Map.entry("rdf", Ns.RDF), Map.entry("media", Ns.MEDIA), Map.entry("itunes", Ns.ITUNES),
            Map.entry("xhtml", Ns.XHTML), Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"), Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("georss", "http://www.georss.org/georss"), Map.entry("xml", XML_NS));

    /** Namespace URIs the feed reader looks for. */
    static final class Ns {
        static final String ATOM = "http://www.w3.org/2005/Atom";
        static final String ATOM03 = "http://purl.org/atom/ns#";
        static final String DC = "http://purl.org/dc/elements/1.1/";
        static final String DCTERMS = "http://purl.org/dc/terms/";
        static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
        static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        static final String MEDIA = "http://search.yahoo.com/mrss/";
        static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
        static final String XHTML = "http://www.w3.org/1999/xhtml";

        private Ns() {}
    }

    /** An element: namespace URI ("" for none), local name, attributes by local name ({@code xml:base} as "xml:base"), children. */
    static final class Element {
        final String ns;
        final String name;
        final Map<String, String> attributes;
        final List<Object> children = new ArrayList<>();
        final @Nullable Element parent;

        Element(String ns, String name, Map<String, String> attributes, @Nullable Element parent) {
            this.ns = ns;
            this.name = name;
            this.attributes = attributes;
            this.parent = parent;
        }

        @Nullable String attr(String key) {
            String v = attributes.get(key);
            if (v == null) {
                for (Map.Entry<String, String> e : attributes.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
            }
            return v;
        }

        boolean is(String localName) {
            return name.equalsIgnoreCase(localName);
        }

        List<Element> elements() {
            List<Element> out = new ArrayList<>();
            for (Object c : children) if (c instanceof Element e) out.add(e);
            return out;
        }

        /** Child elements with this local name (any case) in one of the namespaces ({@code ""} for none); any namespace when none is given. */
        List<Element> all(String localName, String... namespaces) {
            List<Element> out = new ArrayList<>();
            for (Object c : children) {
                if (c instanceof Element e && e.is(localName) && (namespaces.length == 0 || List.of(namespaces).contains(e.ns))) out.add(e);
            }
            return out;
        }

        @Nullable Element first(String localName, String... namespaces) {
            List<Element> l = all(localName, namespaces);
            return l.isEmpty() ? null : l.get(0);
        }

        /** Concatenated text of the subtree, without script and style. */
        String text() {
            StringBuilder b = new StringBuilder();
            appendText(b);
            return b.toString();
        }

        private void appendText(StringBuilder b) {
            for (Object c : children) {
                if (c instanceof String s) b.append(s);
                else if (c instanceof Element e && !e.is("script") && !e.is("style")) e.appendText(b);
            }
        }
    }

    /** A parsed document and, when the strict pass failed, why. */
    record Result(Element root, @Nullable String malformed) {}

    private static final SAXParserFactory FACTORY = secureFactory();
    /** Building a JDK SAX parser costs more than parsing a small feed: one per thread, reset before each use. */
    private static final ThreadLocal<@Nullable SAXParser> PARSERS = ThreadLocal.withInitial(() -> {
        try {
            return FACTORY.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            return null;
        }
    });

    private FeedXml() {}

    /** Parses strictly, or tolerantly when the text is not well-formed; null root only when nothing element-like is there. */
    static @Nullable Result parse(String text) {
        String clean = legalXmlChars(text);
        try {
            return new Result(strict(clean), null);
        } catch (SAXException | IOException e) {
            Element root = lenient(clean);
            return root == null ? null : new Result(root, describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof SAXParseException p) return "line " + p.getLineNumber() + ": " + p.getMessage();
        return String.valueOf(e.getMessage());
    }

    static Element strict(String text) throws SAXException, IOException {
        SAXParser parser = PARSERS.get();
        if (parser == null) throw new SAXException("XML parser not available");
        parser.reset();
        setLimit(parser, "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", MAX_ENTITY_EXPANSIONS);
        setLimit(parser, "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", MAX_ENTITY_CHARS);
        setLimit(parser, "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", MAX_ENTITY_CHARS);
        XMLReader reader = parser.getXMLReader();
        TreeBuilder builder = new TreeBuilder();
        reader.setContentHandler(builder);
        reader.setErrorHandler(builder);
        // Belt and braces: should anything still ask for an external entity or DTD, it gets nothing.
        reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        reader.parse(new InputSource(new StringReader(text)));
        if (builder.root == null) throw new SAXException("no root element");
        return builder.root;
    }

    private static void setLimit(SAXParser parser, String property, int value) {
        try {
            parser.setProperty(property, String.valueOf(value));
        } catch (SAXException e) {
            // a non-JDK parser without these properties: FEATURE_SECURE_PROCESSING's own limits apply
        }
    }

    private static SAXParserFactory secureFactory() {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        f.setXIncludeAware(false);
        return f;
    }

    /** Builds the tree from SAX events. */
    private static final class TreeBuilder extends DefaultHandler {
        @Nullable Element root;
        private final Deque<Element> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            flush();
            Map<String, String> attrs = new HashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                String local = atts.getLocalName(i).isEmpty() ? atts.getQName(i) : atts.getLocalName(i);
                attrs.put(XML_NS.equals(atts.getURI(i)) ? "xml:" + local : local, atts.getValue(i));
            }
            Element parent = open.peek();
            Element e = new Element(uri == null ? "" : uri, localName.isEmpty() ? qName : localName, attrs, parent);
            if (parent == null) root = e;
            else parent.children.add(e);
            open.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flush();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) text.append(ch, start, length);
        }

        @Override
        public void skippedEntity(String name) {
            // Undeclared under a DTD that is not read (RSS 0.91's &nbsp;), or external (XXE): HTML's meaning or nothing.
            if (!open.isEmpty() && !name.startsWith("%")) text.append(Entities.getByName(name));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        private void flush() {
            if (text.length() > 0 && !open.isEmpty()) {
                open.peek().children.add(text.toString());
            }
            text.setLength(0);
        }
    }

    /** jsoup's XML parser, then prefixes resolved into namespaces; null when the text holds no element. */
    static @Nullable Element lenient(String text) {
        org.jsoup.nodes.Document doc = Jsoup.parse(text, "", Parser.xmlParser());
        for (org.jsoup.nodes.Element e : doc.children()) {
            return convert(e, null, Map.of());
        }
        return null;
    }

    private static Element convert(org.jsoup.nodes.Element source, @Nullable Element parent, Map<String, String> scope) {
        Map<String, String> prefixes = scope;
        for (org.jsoup.nodes.Attribute a : source.attributes()) {
            String key = a.getKey();
            if (key.equals("xmlns") || key.startsWith("xmlns:")) {
                if (prefixes == scope) prefixes = new HashMap<>(scope);
                prefixes.put(key.equals("xmlns") ? "" : key.substring(6), a.getValue());
            }
        }
        String tag = source.tagName();
        int colon = tag.indexOf(':');
        String prefix = colon < 0 ? "" : tag.substring(0, colon);
        String local = colon < 0 ? tag : tag.substring(colon + 1);
        String ns = prefixes.get(prefix);
        if (ns == null) ns = prefix.isEmpty() ? "" : KNOWN_PREFIXES.getOrDefault(prefix.toLowerCase(Locale.ROOT), "");
        Map<String, String> attrs = new HashMap<>();
        for (org.jsoup.nodes.Attribute a : source.attributes()) {
            String key = a.getKey();
            if (key.equals("xmlns") || key.startsWith("xmlns:")) continue;
            int c = key.indexOf(':');
            attrs.put(key.startsWith("xml:") ? key : c < 0 ? key : key.substring(c + 1), a.getValue());
        }
        Element e = new Element(ns, local, attrs, parent);
        for (Node child : source.childNodes()) {
            if (child instanceof TextNode t) e.children.add(t.getWholeText());
            else if (child instanceof org.jsoup.nodes.DataNode d) e.children.add(d.getWholeData());
            else if (child instanceof org.jsoup.nodes.Element c) e.children.add(convert(c, e, prefixes));
        }
        return e;
    }

    /**
     * The text without characters XML 1.0 forbids (C0 controls other than tab and line breaks,
     * unpaired surrogates, U+FFFE/U+FFFF): a stray control character in one title should not make the
     * whole feed ill-formed.
     */
    static String legalXmlChars(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            else if (Character.isLowSurrogate(c)) ok = i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            else ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xfffe && c != 0xffff);
            if (!ok && b == null) {
                b = new StringBuilder(s.length());
                b.append(s, 0, i);
            }
            if (b != null) b.append(ok ? c : ' ');
        }
        return b == null ? s : b.toString();
    }
}
