package news.parallax.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads and writes OPML 1.0/2.0 subscription lists, the format feed readers import and export.
 *
 * <p>Every outline with an {@code xmlUrl} is a feed, at any depth; an enclosing outline without one
 * is a folder and becomes the feed's category. DOCTYPEs are refused. Stateless and thread-safe.
 */
public final class Opml {
    private Opml() {}

    public static List<OpmlEntry> read(InputStream in, String location) throws FeedParseException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(in);
        } catch (SAXException | IOException e) {
            throw new FeedParseException(location, "not readable as OPML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equalsIgnoreCase("opml"))
            throw new FeedParseException(location, "root element is <" + root.getTagName() + ">, not <opml>");
        List<OpmlEntry> out = new ArrayList<>();
        NodeList bodies = root.getElementsByTagName("body");
        if (bodies.getLength() == 0) throw new FeedParseException(location, "OPML without <body>");
        collect((Element) bodies.item(0), null, out);
        return out;
    }

    private static void collect(Element parent, @Nullable String category, List<OpmlEntry> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !e.getTagName().equalsIgnoreCase("outline")) continue;
            String xmlUrl = e.getAttribute("xmlUrl").strip();
            String title = !e.getAttribute("title").isBlank() ? e.getAttribute("title") : e.getAttribute("text");
            if (!xmlUrl.isEmpty()) {
                String html = e.getAttribute("htmlUrl").strip();
                out.add(new OpmlEntry(xmlUrl, title.strip(), html.isEmpty() ? null : html, category));
            }
            collect(e, xmlUrl.isEmpty() && !title.isBlank() ? title.strip() : category, out);
        }
    }

    /** Writes OPML 2.0, one folder outline per category, in the order given. */
    public static void write(List<OpmlEntry> entries, String title, OutputStream out) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            Document doc = f.newDocumentBuilder().newDocument();
            Element opml = doc.createElement("opml");
            opml.setAttribute("version", "2.0");
            doc.appendChild(opml);
            Element head = doc.createElement("head");
            Element t = doc.createElement("title");
            t.setTextContent(title);
            head.appendChild(t);
            opml.appendChild(head);
            Element body = doc.createElement("body");
            opml.appendChild(body);
            java.util.Map<String, Element> folders = new java.util.LinkedHashMap<>();
            for (OpmlEntry e : entries) {
                Element parent = body;
                if (e.category() != null) {
                    parent = folders.computeIfAbsent(e.category(), c -> {
                        Element folder = doc.createElement("outline");
                        folder.setAttribute("text", c);
                        body.appendChild(folder);
                        return folder;
                    });
                }
                Element o = doc.createElement("outline");
                o.setAttribute("type", "rss");
                o.setAttribute("text", e.title());
                o.setAttribute("title", e.title());
                o.setAttribute("xmlUrl", e.xmlUrl());
                if (e.htmlUrl() != null) o.setAttribute("htmlUrl", e.htmlUrl());
                parent.appendChild(o);
            }
            Transformer tr = TransformerFactory.newInstance().newTransformer();
            tr.setOutputProperty(OutputKeys.INDENT, "yes");
            tr.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            tr.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            tr.transform(new DOMSource(doc), new StreamResult(out));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write OPML: " + e.getMessage(), e);
        }
    }
}
