package news.parallax.extract;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.parallax.model.Dates;
import news.parallax.model.Domains;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The generic article extractor: no per-site rules, only what pages declare and the shape of their text.
 *
 * <h2>The cascade</h2>
 * <ol>
 *   <li><b>Sniffing.</b> Empty input, images, archives, PDFs and binary junk are rejected with an
 *       {@link ExtractionException} naming what they look like. Input beyond {@link #MAX_RAW_BYTES}, and
 *       markup beyond {@link #MAX_PAGE_BYTES} after slimming, is cut off, as a truncated download would
 *       be, which bounds time and memory.</li>
 *   <li><b>Slimming.</b> {@link MarkupSlimmer} drops script (except JSON-LD), style and SVG bodies,
 *       comments and the attributes no stage reads from the raw bytes: most of a modern page's bytes, and
 *       none of its text.</li>
 *   <li><b>Decoding.</b> {@link PageDecoder}: byte order mark, then the HTTP charset, then a
 *       {@code <meta>} declaration, then detection by which legacy charset decodes to the most
 *       plausible script; a declared legacy charset loses to well-formed multi-byte UTF-8.</li>
 *   <li><b>Parsing</b> with jsoup's HTML5 parser, which repairs malformed and truncated markup. Every
 *       later walk over the tree is iterative or a bounded ancestor walk, so 10,000-level nesting
 *       cannot overflow the stack.</li>
 *   <li><b>Declared metadata.</b> {@link MetadataReader} collects JSON-LD (the most article-like object,
 *       NewsArticle first, including {@code @graph}), OpenGraph, {@code meta} tags, microdata,
 *       {@code <time>} and {@code rel=canonical}, each as a ranked list of candidates.</li>
 *   <li><b>Body.</b> The page is split into text blocks. {@link ContentScorer} rates each as content
 *       (sentence-length, mostly unlinked) or noise, sums both bottom-up and takes the element with
 *       the most content net of half its noise as the body container, which joins bodies split by ads
 *       and stops below page chrome. Navigation, asides, figures and captions, hidden elements and form
 *       controls are never read; furniture (elements whose class or id names share bars, related
 *       lists, cookie and newsletter prompts, comments, ads, bylines; and lists of headline links) is
 *       dropped, with guards that keep an element holding most of the page's text, one also named as
 *       article content, or a long run of clean prose. Inside the container, blocks that are mostly
 *       links, the headline again, bylines, lone dates, short fragments without sentence punctuation,
 *       headings that introduce nothing but links, and repeats are dropped.</li>
 *   <li><b>Reconciliation.</b> Where declared values disagree, the one that agrees with visible text
 *       wins: a heading printed as kicker over headline picks the declared headline naming it; else a
 *       declared headline is used when a visible {@code <h1>} corroborates it (the {@code <h1>} when the
 *       declared one only adds a site or section affix), else the {@code <h1>}; the first author source
 *       whose names all appear on the page, then links to author pages under the headline; a publication date
 *       confirmed by a {@code <time>} element; then {@code <time>}, the URL path and dates written in
 *       date-named elements as fallbacks.</li>
 *   <li><b>Article or not.</b> A page with no running text, a body shorter than
 *       {@link #MIN_ARTICLE_CHARS}, or headline links outweighing its body is reported as not an
 *       article, with the reason.</li>
 *   <li><b>Language</b> by OpenNLP's language detector on the start of the body (kana and Hangul
 *       settle Japanese and Korean directly), falling back to the page's declaration when the text is
 *       short or the model unsure.</li>
 * </ol>
 *
 * <p>docs/extraction.md gives every threshold and the reasons. Thread-safe and stateless; obtain it
 * from {@link HtmlExtractors#standard()}.
 */
public final class DefaultHtmlExtractor implements HtmlExtractor {
    /** Bytes beyond this are ignored before anything else is done; it bounds memory on hostile input. */
    public static final int MAX_RAW_BYTES = 64 * 1024 * 1024;
    /** Markup beyond this, after scripts and styles are dropped, is ignored; no real article page needs more. */
    public static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;
    /** A body shorter than this is not an article (a stub, a video page, an error page). */
    public static final int MIN_ARTICLE_CHARS = 250;
    /** A page declared not free whose body is shorter than this is the paywall's teaser, not the article. */
    static final int PAYWALL_STUB_MAX_CHARS = 1000;
    /** A short page with at least this many pictures is a gallery. */
    static final int MIN_GALLERY_PICTURES = 4;
    /** Headline-link text inside the body container above this multiple of the body text means a list page. */
    static final double LIST_PAGE_LINK_RATIO = 1.0;
    /** On pages declared collections, headline links anywhere above this multiple of the body mean a list page. */
    static final double UNDECLARED_LIST_PAGE_LINK_RATIO = 3.0;
    /**
     * ... unless the body holds at least this many characters of running text: a section front's intro is a few lines,
     * while small sites declare every page {@code og:type=website} and surround articles with long link menus.
     */
    static final int DECLARED_LIST_PAGE_MAX_BODY_CHARS = 2000;
    /** Output blocks with more of their text in links than this are link lists or "read more" lines. */
    static final double MAX_BODY_LINK_DENSITY = 0.5;
    /** Blocks shorter than this must end like a sentence to be kept (drops "Advertisement", "Share"). */
    static final int MIN_UNPUNCTUATED_CHARS = 30;
    /** Bylines and date lines are short; longer blocks that mention an author are prose. */
    static final int MAX_BYLINE_CHARS = 120;
    /** Ancestor walks stop after this many steps; real pages nest far less, hostile ones far more. */
    static final int MAX_ANCESTOR_STEPS = 256;
    /** Outlet names shorter than this are not compared with author names (too many accidental prefixes). */
    static final int MIN_OUTLET_KEY_CHARS = 3;
    /** An h1 shorter than this (letters and digits) is not matched inside the title tag. */
    static final int MIN_TITLE_KEY_CHARS = 4;
    /** A byline naming more people than this is an author list (a team box), not this article's byline. */
    static final int MAX_BYLINE_NAMES = 4;
    /** Paragraphs at least this long are prose, for telling a byline line from a list of bold items. */
    static final int MIN_PROSE_PARAGRAPH_CHARS = 100;

    /** Headings examined per level (h1, h2) for a printed kicker and headline; the headline is near the top. */
    static final int MAX_SPLIT_HEADINGS = 12;
    /** A headline agreed on by the page and a declaration with another kicker must be this long (letters and digits). */
    static final int MIN_AGREED_HEADLINE_KEY_CHARS = 20;
    /** Headings longer than this are treated as paragraphs. */
    static final int MAX_HEADING_CHARS = 200;

    /** Characters a sentence (or a quoted or bracketed one) ends with, in the scripts the sets hold. */
    private static final String SENTENCE_END_CHARS = ".!?…:;\"'”»)]।。！？";
    /** A date or time anywhere in a line (searched with {@code find}). */
    private static final Pattern DATE_IN_LINE = Pattern.compile(
            "(?i)(\\d{1,2}[./]\\s?\\d{1,2}[./]\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}"
                    + "|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez)[a-zä]*\\.?\\s+\\d{1,2}"
                    + "|\\d{1,2}\\.?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez))");
    /** The same as a whole line; only for text with line breaks, where {@code .*} around the date must not cross them. */
    private static final Pattern DATE_LINE = Pattern.compile("(?i).*" + DATE_IN_LINE.pattern().substring(4) + ".*");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|\\-–—:·»]\\s+|\\s+::\\s+");
    /** Between a kicker and its headline a colon needs no space before it ("Transport: Council approves tram"). */
    private static final Pattern KICKER_SEPARATORS = Pattern.compile("\\s*[:|]\\s+|\\s+[\\-–—·»]\\s+");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_WORD = Pattern.compile("\\W+");
    /** "Jane Roe/John Doe": a slash between names, spaced so that the author splitter sees a separator. */
    private static final Pattern SLASH_BETWEEN_LETTERS = Pattern.compile("(?<=\\p{L})/(?=\\p{L})");

    /** Start of the reason given for pages whose body is too short to be an article. */
    static final String SHORT_BODY_REASON = "body text too short";

    private static final boolean DEBUG = System.getenv("PARALLAX_EXTRACT_DEBUG") != null;

    @Override
    public ExtractedPage extract(byte[] html, String location, @Nullable String httpCharset) throws ExtractionException {
        if (html == null) throw new ExtractionException(location, "no content (null)");
        if (html.length == 0) throw new ExtractionException(location, "empty page (0 bytes)");
        String binary = Sniffer.binaryKind(html);
        if (binary != null) throw new ExtractionException(location, "not an HTML page: " + binary);
        Document doc = parse(html, location, httpCharset);
        try {
            return extract(doc, location, null);
        } catch (StackOverflowError e) {
            throw new ExtractionException(location, "page structure too deep to analyse", new RuntimeException(e.toString()));
        }
    }

    /** Slimming, decoding and parsing: the page as every later stage sees it. */
    static Document parse(byte[] html, String location, @Nullable String httpCharset) throws ExtractionException {
        // Slim first, so that megabytes of inline script ahead of the article do not push it past the cut.
        byte[] bytes = html.length > MAX_RAW_BYTES ? Arrays.copyOf(html, MAX_RAW_BYTES) : html;
        Charset bom = PageDecoder.bomCharset(bytes);
        if (bom == null || bom.equals(StandardCharsets.UTF_8)) bytes = MarkupSlimmer.slim(bytes);
        if (bytes.length > MAX_PAGE_BYTES) bytes = Arrays.copyOf(bytes, MAX_PAGE_BYTES);
        PageDecoder.Decoded decoded = PageDecoder.decode(bytes, httpCharset);
        Document doc;
        try {
            doc = Parser.htmlParser().parseInput(decoded.text(), baseUri(location));
        } catch (RuntimeException e) {
            throw new ExtractionException(location, "HTML parser failed: " + e, e);
        }
        return doc;
    }

    private static String baseUri(String location) {
        return location.startsWith("http://") || location.startsWith("https://") ? location : "";
    }

    /**
     * Sees, for training the block classifier, every visible block of a page, their features and which of them
     * the rules left out and the classifier was asked about (test scope: {@code BlockModelTrainer}).
     */
    interface BlockProbe {
        /** @param candidates blocks the rules left out, which the classifier may add */
        void candidates(List<TextBlock> blocks, BlockFeatures features, List<Integer> candidates);

        /** The body before the in-root boilerplate step, with what that step knows of each block. */
        default void output(List<TextBlock> body, InRootBoilerplate.Signals[] signals) {}
    }

    /** The extraction, with a probe that sees the classifier's candidates (null in production). */
    ExtractedPage extract(byte[] html, String location, @Nullable String httpCharset, @Nullable BlockProbe probe)
            throws ExtractionException {
        Document doc = parse(html, location, httpCharset);
        return extract(doc, location, probe);
    }

    private ExtractedPage extract(Document doc, String location, @Nullable BlockProbe probe) throws ExtractionException {
        PageIndex index = PageIndex.of(doc);
        Boilerplate.setMainHolders(index.mainHolders);
        try {
            return extract(doc, index, location, probe);
        } finally {
            Boilerplate.setMainHolders(null);
        }
    }

    private ExtractedPage extract(Document doc, PageIndex index, String location, @Nullable BlockProbe probe) throws ExtractionException {
        DeclaredMetadata meta = MetadataReader.read(index, location);
        Element body = doc.body();
        List<String> headings = visibleH1s(index);
        Set<String> titleTexts = new HashSet<>(headings);
        titleTexts.addAll(meta.titles());

        ContentScorer scorer = new ContentScorer(titleTexts);
        BlockCollector.walk(body, Boilerplate::isIgnored, scorer);
        scorer.finish();

        StringBuilder visible = new StringBuilder();
        int teaserLinkChars = 0;
        for (TextBlock b : scorer.blocks) {
            visible.append(b.text()).append('\n');
            if (ContentScorer.isHeadlineLink(b)) {
                teaserLinkChars += b.length();
            }
        }
        String visibleText = visible.toString();
        if (visibleText.isBlank() && meta.titles().isEmpty() && meta.titleTag().isEmpty()) {
            throw new ExtractionException(location, "page has no text");
        }

        String title = chooseTitle(meta, headings, splitHeadings(index), visibleText);
        String canonical = meta.canonicalUrl();
        String pageUrl = canonical != null ? canonical : location;
        String domain = Domains.ofUrl(pageUrl);
        // The host, not the registrable domain, tells the outlet's own name from an author's: on news.example.org
        // an "Example Press Agency" credited beside the writer is another organisation.
        String host = domain == null ? null : Domains.host(pageUrl).orElse(null);
        List<String> authors = chooseAuthors(meta, index, visibleText, meta.siteName(), host);
        OffsetDateTime published = choosePublished(meta, location);

        Element container = scorer.bestContainer();
        if (DEBUG && System.getenv("PARALLAX_EXTRACT_DEBUG").equals("blocks")) {
            for (TextBlock b : scorer.blocks) {
                System.err.printf("  [%s %d ld=%.2f %s] %s | %s%n", b.kind(), b.length(), b.linkDensity(), ContentScorer.isContent(b) ? "C" : "-",
                        b.text().length() > 80 ? b.text().substring(0, 80) : b.text(), b.owner().normalName() + "." + b.owner().className());
            }
        }
        if (DEBUG && container != null) {
            Element x = container;
            for (int i = 0; i < 6 && x != null; i++, x = x.parent()) {
                ContentScorer.Sums s = scorer.sums(x);
                System.err.printf("  %s.%s content=%.0f noise=%.0f raw=%.0f score=%.0f furniture=%s%n", x.normalName(),
                        x.className().length() > 40 ? x.className().substring(0, 40) : x.className(), s.keptContent, s.keptNoise, s.rawContent, s.score(), scorer.isFurniture(x));
            }
        }
        List<Element> roots = container == null ? List.of() : bodyRoots(container, scorer);
        Body ruledBody = container == null ? Body.EMPTY : bodyParagraphs(roots, scorer, title, authors);
        List<TextBlock> ruled = ruledBody.blocks();
        // Whether the page is an article is judged on what the rules keep: the classifier only adds to a body.
        int bodyChars = 0;
        for (TextBlock b : ruled) bodyChars += b.weight();
        List<TextBlock> bodyBlocks = container == null ? List.of() : withClassifiedBlocks(ruledBody, roots, container, scorer, title, authors, probe);
        if (!bodyBlocks.isEmpty()) {
            Set<Element> rootSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            rootSet.addAll(roots);
            InRootBoilerplate.Signals[] signals = InRootBoilerplate.signals(bodyBlocks, rootSet, scorer, probe != null);
            if (probe != null) probe.output(bodyBlocks, signals);
            bodyBlocks = InRootBoilerplate.filter(bodyBlocks, signals);
        }
        List<String> paragraphs = texts(bodyBlocks);

        String reason = null;
        int containerTeaserChars = container == null ? 0 : teaserLinkChars(scorer.blocks, container);
        if (container == null && teaserLinkChars > LIST_PAGE_LINK_RATIO * MIN_ARTICLE_CHARS) {
            reason = "list page: " + teaserLinkChars + " characters of headline links, no paragraph of running text outside them";
        } else if (container == null) {
            reason = shortPageKind(meta, body) + "no paragraph of running text";
        } else if (bodyChars < MIN_ARTICLE_CHARS && teaserLinkChars > LIST_PAGE_LINK_RATIO * MIN_ARTICLE_CHARS) {
            reason = "list page: " + teaserLinkChars + " characters of headline links, only " + bodyChars + " of body text";
        } else if (bodyChars < MIN_ARTICLE_CHARS) {
            reason = shortPageKind(meta, body) + SHORT_BODY_REASON + " (" + bodyChars + " characters, need " + MIN_ARTICLE_CHARS + ")";
        } else if (meta.declaresPaywall() && bodyChars < PAYWALL_STUB_MAX_CHARS) {
            // Pages that serve the whole text to search engines are articles, however they are marked.
            reason = "paywall stub: declared not free to read, " + SHORT_BODY_REASON + " to be the whole article (" + bodyChars
                    + " characters)";
        } else if (containerTeaserChars > LIST_PAGE_LINK_RATIO * bodyChars) {
            reason = "list page: " + containerTeaserChars + " characters of headline links among " + bodyChars + " of text";
        } else if (!meta.declaresArticle() && meta.declaresListPage() && bodyChars < DECLARED_LIST_PAGE_MAX_BODY_CHARS
                && teaserLinkChars > UNDECLARED_LIST_PAGE_LINK_RATIO * bodyChars) {
            reason = "list page: declared a collection, " + teaserLinkChars + " characters of headline links against "
                    + bodyChars + " of text";
        }

        String outlet = meta.siteName() != null ? meta.siteName() : domain;
        String text = String.join("\n", paragraphs);
        String language = Languages.detect(text.isEmpty() ? title : text, meta.declaredLanguage());
        // A stub's short body is still the page's text; a list page's "body" would be teasers.
        boolean keepBody = reason == null || (BodyRule.SHORT_BODY_KEPT.on() && reason.contains(SHORT_BODY_REASON));
        return new ExtractedPage(location, reason == null, reason, title, authors, published, canonical, outlet,
                domain, language, keepBody ? paragraphs : List.of());
    }

    // ---- body ----

    /**
     * What a page with too little text is, for the reason given: a video page (declared, or a player in
     * place of the text), a gallery (declared, or several pictures and captions for text), a paywall stub
     * (declared not free), or nothing more specific ("").
     */
    private static String shortPageKind(DeclaredMetadata meta, Element body) {
        if (meta.declaresPaywall()) return "paywall stub: ";
        if (meta.declaresVideo() || body.selectFirst("video, iframe[src*=player], iframe[src*=video], iframe[src*=embed]") != null) {
            return "video page: ";
        }
        if (meta.declaresGallery() || body.select("figure, picture, img").size() >= MIN_GALLERY_PICTURES) return "gallery: ";
        return "";
    }

    /** Characters of headline-shaped links (whole blocks that are links of headline length) inside the container. */
    private static int teaserLinkChars(List<TextBlock> blocks, Element container) {
        int chars = 0;
        for (TextBlock b : blocks) {
            if (ContentScorer.isHeadlineLink(b) && isInside(b.owner(), container)) {
                chars += b.length();
            }
        }
        return chars;
    }

    /**
     * A byline that is only links to the authors' pages: the first such link under the headline and the
     * author links beside it (same parent), so "more by" boxes further down are not read. Weaker than any
     * declared or marked-up byline, as teaser cards link their authors too.
     */
    private static List<String> authorLinkNames(PageIndex index) {
        int headline = index.h1s.isEmpty() ? 0 : index.position(index.h1s.getFirst());
        Set<String> names = new LinkedHashSet<>();
        for (Element e : index.authorLinks) {
            if (index.position(e) < headline || insideFurnitureOrHidden(e)) continue;
            Element parent = e.parent();
            for (Element link : index.authorLinks) {
                if (link.parent() != parent || names.size() >= MAX_BYLINE_NAMES) continue;
                String t = Text.normalize(link.text());
                if (t.length() <= MAX_BYLINE_CHARS) names.addAll(Authors.split(t));
            }
            break;
        }
        return new ArrayList<>(names);
    }

    /**
     * A byline printed as a paragraph of bold names next to the prose ({@code <p><strong>Jane Roe/John
     * Doe</strong></p>} above the first paragraph or below the last), as small sites without byline markup
     * do. Only names count (every word capitalised, no sentence punctuation), and only a line that is the
     * first bold line of its parent or its parent's last paragraph, so bold subheads inside the text are not
     * taken for names.
     */
    private static List<String> boldLineNames(PageIndex index) {
        int headline = index.h1s.isEmpty() ? 0 : index.position(index.h1s.getFirst());
        for (Element p : index.boldLines) {
            if (index.position(p) < headline || insideFurnitureOrHidden(p)) continue;
            String t = Text.normalize(p.text());
            if (t.isEmpty() || t.length() > MAX_BYLINE_CHARS || endsLikeSentence(t)) continue;
            Element parent = p.parent();
            if (parent == null) continue;
            boolean firstBold = parent.children().stream().filter(index.boldLines::contains).findFirst().orElse(null) == p;
            boolean lastParagraph = parent.children().stream().filter(c -> c.normalName().equals("p"))
                    .reduce((a, b) -> b).orElse(null) == p;
            if (!firstBold && !lastParagraph) continue;
            if (!nextToProse(p)) continue;
            List<String> names = Authors.split(SLASH_BETWEEN_LETTERS.matcher(t).replaceAll(" / "));
            if (names.isEmpty() || names.size() > MAX_BYLINE_NAMES || !names.stream().allMatch(DefaultHtmlExtractor::looksLikePersonName)) continue;
            return names;
        }
        return List.of();
    }

    private static boolean nextToProse(Element e) {
        for (Element s : new Element[] {e.previousElementSibling(), e.nextElementSibling()}) {
            if (s != null && s.normalName().equals("p") && s.text().length() >= MIN_PROSE_PARAGRAPH_CHARS) return true;
        }
        return false;
    }

    /** Two to four words, each starting with a capital letter ("Jane Roe", "MTHOBISI SITHOLE", "Lê Phương"). */
    static boolean looksLikePersonName(String name) {
        String[] words = SPACES.split(name);
        if (words.length < 2 || words.length > 4) return false;
        for (String w : words) if (!Character.isUpperCase(w.codePointAt(0))) return false;
        return true;
    }

    /** Bounded ancestor walk, so 10,000-level pages stay linear in practice. */
    private static boolean isInside(Element e, Element container) {
        Element x = e;
        for (int i = 0; i < MAX_ANCESTOR_STEPS && x != null; i++, x = x.parent()) {
            if (x == container) return true;
        }
        return false;
    }

    /** A sibling of the container scoring at least this share of the container's score is part of the body. */
    static final double SIBLING_MIN_SCORE_SHARE = 0.2;

    /**
     * The container and, with {@link BodyRule#SIBLING_CONTENT}, those of its siblings that carry a good
     * share of its score themselves (a recipe's steps beside its ingredients, a body split by a layout
     * column the container rule does not climb over), in document order.
     */
    static List<Element> bodyRoots(Element container, ContentScorer scorer) {
        Element parent = container.parent();
        if (!BodyRule.SIBLING_CONTENT.on() || parent == null) return List.of(container);
        double own = scorer.sums(container).score();
        List<Element> out = new ArrayList<>();
        for (int i = 0, size = parent.childNodeSize(); i < size; i++) {
            if (!(parent.childNode(i) instanceof Element sib)) continue;
            if (sib == container) {
                out.add(sib);
                continue;
            }
            if (scorer.isFurniture(sib) || Boilerplate.isIgnored(sib)) continue;
            ContentScorer.Sums s = scorer.sums(sib);
            if (s.score() >= SIBLING_MIN_SCORE_SHARE * own && s.keptContent >= 2 * ContentScorer.MIN_CONTENT_BLOCK_CHARS
                    && !ContentScorer.isLinkList(s)) out.add(sib);
        }
        return out;
    }

    /** The blocks the rules keep as the body, with the letters-and-digits key of each ({@link Text#key}). */
    record Body(List<TextBlock> blocks, List<String> keys) {
        static final Body EMPTY = new Body(List.of(), List.of());
    }

    private static Body bodyParagraphs(List<Element> roots, ContentScorer scorer, String title, List<String> authors) {
        List<TextBlock> blocks = new ArrayList<>();
        for (Element root : roots) {
            List<TextBlock> walked = scorer.blocksOf(root);
            blocks.addAll(walked != null ? walked
                    : BlockCollector.blocks(root, e -> e != root && (Boilerplate.isIgnored(e) || scorer.isFurniture(e))));
        }
        String titleKey = Text.key(title);
        Set<String> authorKeys = new HashSet<>();
        for (String a : authors) authorKeys.add(Text.key(a));
        List<TextBlock> kept = new ArrayList<>();
        List<String> keptKeys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int bi = 0; bi < blocks.size(); bi++) {
            TextBlock b = blocks.get(bi);
            // The cheap tests before the key: most blocks a container holds pass them.
            if (b.kind() == TextBlock.Kind.TITLE_HEADING || b.linkDensity() > MAX_BODY_LINK_DENSITY) continue;
            String key = Text.key(b.text());
            if (key.isEmpty() || key.equals(titleKey)) continue;
            boolean heading = b.kind() == TextBlock.Kind.HEADING && b.length() <= MAX_HEADING_CHARS;
            if (!heading && b.weight() < MIN_UNPUNCTUATED_CHARS && !endsLikeSentence(b.text())
                    && !(BodyRule.SHORT_LIST_ITEMS.on() && isListItemOfLongList(b))) continue;
            if (b.length() <= MAX_BYLINE_CHARS && isBylineOrDate(b.text(), key, authorKeys)) continue;
            if (!seen.add(key)) continue;
            kept.add(b);
            keptKeys.add(key);
        }
        if (BodyRule.TRAILING_NON_PROSE.on()) {
            // Headings and short lines after the last substantial block are the article's furniture:
            // "Schlagworte", "Über den Autor", "Was this helpful?", labels of share buttons.
            int last = kept.size() - 1;
            while (last >= 0 && !isSubstantial(kept.get(last))) last--;
            if (last >= 0) {
                kept = new ArrayList<>(kept.subList(0, last + 1));
                keptKeys = new ArrayList<>(keptKeys.subList(0, last + 1));
            }
        }
        // A heading followed by no prose introduces a link list or an empty box, not a section.
        List<TextBlock> out = new ArrayList<>();
        List<String> outKeys = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            TextBlock b = kept.get(i);
            if (isHeadingLike(b)) {
                TextBlock next = i + 1 < kept.size() ? kept.get(i + 1) : null;
                if (next == null || isHeadingLike(next)) continue;
            }
            out.add(b);
            outKeys.add(keptKeys.get(i));
        }
        return new Body(out, outKeys);
    }

    /**
     * The rules' body plus the page's other visible blocks that {@link BlockClassifier} takes for article text
     * (a lead paragraph outside the container, ingredients beside the steps, a subhead the rules dropped), in
     * page order. Blocks mostly linked, the headline, bylines and repeats are never added.
     */
    private static List<TextBlock> withClassifiedBlocks(Body body, List<Element> bodyRoots, Element container, ContentScorer scorer,
            String title, List<String> authors, @Nullable BlockProbe probe) {
        List<TextBlock> ruled = body.blocks();
        BlockClassifier model = BlockClassifier.standard();
        if (model == null && probe == null) return ruled;
        List<TextBlock> all = scorer.blocks;
        int n = all.size();
        // Each block the rules kept, found among the page's blocks by its element and text.
        java.util.Map<Element, List<Integer>> byOwner = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) byOwner.computeIfAbsent(all.get(i).owner(), k -> new ArrayList<>(2)).add(i);
        boolean[] kept = new boolean[n];
        int[] ruledAt = new int[ruled.size()];
        Set<String> keys = new HashSet<>();
        double bodyWeight = 0;
        for (int j = 0; j < ruled.size(); j++) {
            TextBlock r = ruled.get(j);
            keys.add(body.keys().get(j));
            bodyWeight += r.weight();
            ruledAt[j] = -1;
            for (int i : byOwner.getOrDefault(r.owner(), List.of())) {
                if (!kept[i] && all.get(i).text().equals(r.text())) {
                    kept[i] = true;
                    ruledAt[j] = i;
                    break;
                }
            }
        }
        Set<Element> roots = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        roots.addAll(bodyRoots);
        BlockFeatures features = new BlockFeatures(all, kept, roots, scorer, container, bodyWeight);
        String titleKey = Text.key(title);
        Set<String> authorKeys = new HashSet<>();
        for (String a : authors) authorKeys.add(Text.key(a));
        if (probe != null) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (mayAdd(all.get(i), kept[i]) && isNewText(all.get(i), titleKey, keys, authorKeys)) candidates.add(i);
            }
            probe.candidates(all, features, candidates);
        }
        if (model == null) return ruled;
        // Page order: a kept block at its page position; one the rules kept but the page walk split differently
        // right after the kept block before it.
        List<long[]> order = new ArrayList<>();
        List<TextBlock> text = new ArrayList<>();
        int last = -1;
        for (int j = 0; j < ruled.size(); j++) {
            if (ruledAt[j] >= 0) last = ruledAt[j];
            order.add(new long[] {last, j, text.size()});
            text.add(ruled.get(j));
        }
        // The cheap tests first and the text tests last: most blocks fail the model, few are added.
        for (int i = 0; i < n; i++) {
            TextBlock b = all.get(i);
            if (!mayAdd(b, kept[i]) || !model.isContent(features.of(i)) || !isNewText(b, titleKey, keys, authorKeys)) continue;
            // Consent boxes, comment threads and newsletter prompts are never the article, however they read.
            if (insideFurnitureOrHidden(b.owner())) continue;
            keys.add(Text.key(b.text()));
            order.add(new long[] {i, Integer.MAX_VALUE, text.size()});
            text.add(b);
        }
        order.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<TextBlock> out = new ArrayList<>(order.size());
        for (long[] o : order) out.add(text.get((int) o[2]));
        return out;
    }

    /** A block the rules left out that the classifier may add: not the headline, not mostly links. */
    private static boolean mayAdd(TextBlock b, boolean kept) {
        return !kept && b.kind() != TextBlock.Kind.TITLE_HEADING && b.linkDensity() <= MAX_BODY_LINK_DENSITY;
    }

    /** Text the body does not have yet, and no headline, byline or date line. */
    private static boolean isNewText(TextBlock b, String titleKey, Set<String> keys, Set<String> authorKeys) {
        String key = Text.key(b.text());
        if (key.isEmpty() || key.equals(titleKey) || keys.contains(key)) return false;
        return !(b.length() <= MAX_BYLINE_CHARS && isBylineOrDate(b.text(), key, authorKeys));
    }

    private static List<String> texts(List<TextBlock> blocks) {
        List<String> out = new ArrayList<>(blocks.size());
        for (TextBlock b : blocks) out.add(b.text());
        return out;
    }

    /** Whether the element sits in one of the body roots with no furniture between (bounded walk). */
    static boolean insideRoots(Element e, Set<Element> roots, ContentScorer scorer) {
        Element x = e;
        for (int i = 0; i < MAX_ANCESTOR_STEPS && x != null; i++, x = x.parent()) {
            if (roots.contains(x)) return true;
            if (scorer.isFurniture(x)) return false;
        }
        return false;
    }

    /**
     * Whether the text ends with sentence punctuation, on one line (a line break anywhere means no: this is
     * {@code .*[.!?…]$} matched against the whole text, written out because it runs on every block).
     */
    static boolean endsLikeSentence(String text) {
        int n = text.length();
        return n > 0 && SENTENCE_END_CHARS.indexOf(text.charAt(n - 1)) >= 0 && !hasLineBreak(text);
    }

    /** The characters Java's {@code .} does not match: a line break. */
    private static boolean hasLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    /** Whether the line holds a date or time anywhere; text with line breaks is matched as the whole-line pattern. */
    private static boolean isDateLine(String text) {
        if (!hasAsciiDigit(text)) return false; // every form of the pattern has a digit ({@code \\d} is 0-9 here)
        return hasLineBreak(text) ? DATE_LINE.matcher(text).matches() : DATE_IN_LINE.matcher(text).find();
    }

    private static boolean hasAsciiDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    /** Not a heading and not a short line: a block long enough to be content, or an item of a long list. */
    static boolean isSubstantial(TextBlock b) {
        return !isHeadingLike(b) && (b.weight() >= ContentScorer.MIN_CONTENT_BLOCK_CHARS || isListItemOfLongList(b));
    }

    /** A heading: it needs prose after it to be kept. */
    static boolean isHeadingLike(TextBlock b) {
        return b.kind() == TextBlock.Kind.HEADING;
    }

    /** Items a list or table holds at least this many of are its content (ingredients, specifications), not labels. */
    static final int MIN_LIST_ITEMS = 3;

    /**
     * An unlinked item of a list ({@code ul}, {@code ol}, {@code dl}) or a cell of a table with at least
     * {@link #MIN_LIST_ITEMS} items or rows: short list entries ("200 g Zucker") are content, not
     * "Share"-style fragments, which stand alone.
     */
    static boolean isListItemOfLongList(TextBlock b) {
        if (b.linkChars() > 0) return false;
        if (b.kind() != TextBlock.Kind.LIST_ITEM && b.kind() != TextBlock.Kind.CELL) return false;
        Element x = b.owner();
        for (int i = 0; i < 6 && x != null; i++, x = x.parent()) {
            switch (x.normalName()) {
                case "ul", "ol", "dl" -> { return Dom.childElementCount(x) >= MIN_LIST_ITEMS; }
                case "tbody", "thead" -> { return Dom.childElementCount(x) >= MIN_LIST_ITEMS; }
                case "table" -> { return Dom.hasAtLeast(x, "tr", MIN_LIST_ITEMS); }
                default -> { }
            }
        }
        return false;
    }

    private static boolean isBylineOrDate(String text, String key, Set<String> authorKeys) {
        for (String a : authorKeys) {
            if (!a.isEmpty() && key.contains(a) && key.length() <= a.length() * 3 + 20) return true;
        }
        if (!endsLikeSentence(text) || text.length() < 60) {
            // A short line that is mostly a date or time: "Updated 3:45 PM, May 3, 2024".
            return isDateLine(text) && SPACES.split(text).length <= 8;
        }
        return false;
    }

    // ---- title ----

    /**
     * The visible h1s, led by the first visible heading that microdata marks as the headline: an h1 can be
     * an SEO line in a breadcrumb while {@code <h2 itemprop="headline">} is the printed headline.
     */
    private static List<String> visibleH1s(PageIndex index) {
        List<String> out = new ArrayList<>();
        for (Element h : index.headlineProps) {
            if (isHidden(h)) continue;
            String t = Text.normalize(h.text());
            if (!t.isEmpty() && t.length() <= 400) out.add(t);
            break;
        }
        for (Element h : index.h1s) {
            if (isHidden(h)) continue;
            String t = Text.normalize(h.text());
            if (!t.isEmpty() && t.length() <= 400) out.add(t);
            if (out.size() >= 10) break;
        }
        return out;
    }

    /** Checks the element and a bounded number of ancestors, so deep pages stay cheap. */
    static boolean isHidden(Element e) {
        Element x = e;
        for (int i = 0; i < 64 && x != null; i++, x = x.parent()) {
            if (Boilerplate.isIgnored(x)) return true;
        }
        return false;
    }

    /**
     * A heading printed as two elements, a short kicker over the headline
     * ({@code <h2><span>Transport</span><span>Council approves tram</span></h2>}).
     */
    record SplitHeading(String kicker, String headline) {}

    /** Visible h1s and h2s printed as kicker and headline, h1s first. */
    static List<SplitHeading> splitHeadings(PageIndex index) {
        List<SplitHeading> out = new ArrayList<>();
        for (List<Element> level : List.of(index.h1s, index.h2s)) {
            int examined = 0;
            for (Element h : level) {
                if (examined++ >= MAX_SPLIT_HEADINGS) break;
                if (isHidden(h)) continue;
                SplitHeading s = splitHeading(h);
                if (s != null) out.add(s);
            }
        }
        return out;
    }

    /**
     * The kicker and headline of a heading made of exactly two visible child elements and no loose text, the
     * first shorter than the second; null for any other heading. Hidden separators between them
     * ({@code aria-hidden} dashes) do not count; a single wrapper element is looked through.
     */
    static @Nullable SplitHeading splitHeading(Element heading) {
        Element h = heading;
        for (int depth = 0; depth < 4; depth++) {
            List<String> parts = new ArrayList<>();
            Element only = null;
            for (org.jsoup.nodes.Node child : h.childNodes()) {
                if (child instanceof org.jsoup.nodes.TextNode t) {
                    if (!t.isBlank()) return null;
                } else if (child instanceof Element c && !Boilerplate.isIgnored(c)) {
                    String t = Text.normalize(c.text());
                    if (!t.isEmpty()) {
                        parts.add(t);
                        only = c;
                    }
                }
            }
            if (parts.size() == 1 && only != null) {
                h = only;
                continue;
            }
            if (parts.size() != 2 || parts.get(0).length() >= parts.get(1).length()) return null;
            return new SplitHeading(parts.get(0), parts.get(1));
        }
        return null;
    }

    static String chooseTitle(DeclaredMetadata meta, List<String> h1s, List<SplitHeading> split, String visibleText) {
        List<String> declared = new ArrayList<>(meta.titles());
        String stripped = stripSiteName(meta.titleTag(), meta.siteName());
        if (!stripped.isEmpty()) declared.add(stripped);
        // 0. A heading printed as kicker over headline settles whether the title carries the kicker: a declared
        // headline naming the printed headline alone, else one naming kicker and headline together. This
        // comes first because such pages often have an SEO h1 (breadcrumb, navigation) with another wording.
        for (SplitHeading s : split) {
            for (String d : declared) if (Text.key(d).equals(Text.key(s.headline()))) return d;
        }
        for (SplitHeading s : split) {
            String both = Text.key(s.kicker()) + Text.key(s.headline());
            for (String d : declared) if (Text.key(d).equals(both)) return d;
        }
        // A declaration with a different kicker in front of the printed headline: the part both agree on.
        for (SplitHeading s : split) {
            String k = Text.key(s.headline());
            if (k.length() < MIN_AGREED_HEADLINE_KEY_CHARS) continue;
            for (String d : declared) if (endsWithPart(d, k)) return s.headline();
        }
        // 1. A visible h1 that says the same as a declared headline.
        // The declared spelling wins over the h1's: same words, but h1s often lose separators between spans.
        for (String h : h1s) {
            for (String d : declared) if (Text.key(h).equals(Text.key(d))) return d;
        }
        // 2. A declared headline printed somewhere on the page (sites that use h2 for it).
        String visibleKey = "\n" + visibleText;
        for (String d : declared) {
            if (d.length() >= 10 && visibleKey.contains("\n" + d + "\n")) return d;
        }
        // 3. A visible h1 close to a declared headline (declared one carries a kicker, or other words). When the
        // declared one is the h1 followed by a separator and an affix ("Headline - Site", "Headline | Section"),
        // the affix names the site or section and the h1 is the headline.
        for (String h : h1s) {
            for (String d : declared) {
                if (wordOverlap(h, d) < 0.6) continue;
                String k = Text.key(h);
                return k.length() >= MIN_TITLE_KEY_CHARS && startsWithPart(d, k) ? h : d;
            }
        }
        // 4. A visible h1 that is part of the title tag ("Headline | Site" with an unrecognised site part).
        String titleKey = Text.key(meta.titleTag());
        for (String h : h1s) {
            String k = Text.key(h);
            if (k.length() >= MIN_TITLE_KEY_CHARS && titleKey.contains(k)) return h;
        }
        if (!declared.isEmpty()) return declared.getFirst();
        if (!h1s.isEmpty()) return h1s.getFirst();
        return meta.titleTag();
    }

    /** Whether the title starts with a part, followed by a separator, whose letters and digits are {@code key}. */
    static boolean startsWithPart(String title, String key) {
        var m = KICKER_SEPARATORS.matcher(title);
        while (m.find()) {
            if (Text.key(title.substring(0, m.start())).equals(key)) return true;
        }
        return false;
    }

    /** Whether the title has a part after a separator ("Kicker: Headline") whose letters and digits are {@code key}. */
    static boolean endsWithPart(String title, String key) {
        var m = KICKER_SEPARATORS.matcher(title);
        while (m.find()) {
            if (Text.key(title.substring(m.end())).equals(key)) return true;
        }
        return false;
    }

    /** Drops "| Site Name" style parts from a title tag: the part naming the site, else the shorter side. */
    static String stripSiteName(String titleTag, @Nullable String siteName) {
        String[] parts = TITLE_SEPARATORS.split(titleTag);
        if (parts.length == 1) return titleTag;
        if (siteName != null) {
            String siteKey = Text.key(siteName);
            List<String> rest = new ArrayList<>();
            for (String p : parts) {
                String k = Text.key(p);
                if (!k.isEmpty() && !siteKey.startsWith(k) && !k.startsWith(siteKey)) rest.add(p);
            }
            if (rest.size() == 1) return rest.getFirst();
        }
        String longest = parts[0];
        for (String p : parts) if (p.length() > longest.length()) longest = p;
        return longest;
    }

    static double wordOverlap(String a, String b) {
        Set<String> wa = new HashSet<>(List.of(NON_WORD.split(a.toLowerCase(Locale.ROOT))));
        Set<String> wb = new HashSet<>(List.of(NON_WORD.split(b.toLowerCase(Locale.ROOT))));
        wa.remove("");
        wb.remove("");
        if (wa.isEmpty() || wb.isEmpty()) return 0;
        int common = 0;
        for (String w : wa) if (wb.contains(w)) common++;
        return (double) common / Math.min(wa.size(), wb.size());
    }

    // ---- authors ----

    static List<String> chooseAuthors(DeclaredMetadata meta, PageIndex index, String visibleText,
            @Nullable String siteName, @Nullable String domain) {
        List<String> people = choosePeople(meta, index, visibleText, siteName, domain);
        // A JSON-LD author list naming writers and an organisation (an agency; not the outlet itself) credits
        // both: when its writers are the byline, so is the organisation.
        List<String> agencies = withoutOutlet(meta.organizationAuthors(), siteName, domain);
        if (agencies.isEmpty() || people.isEmpty() || !sameNames(people, meta.jsonLdPeople())) return people;
        List<String> all = new ArrayList<>(people);
        all.addAll(agencies);
        return Authors.dedupe(all);
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        Set<String> ka = new HashSet<>();
        for (String n : a) ka.add(Text.key(n));
        Set<String> kb = new HashSet<>();
        for (String n : b) kb.add(Text.key(n));
        return ka.equals(kb);
    }

    private static List<String> choosePeople(DeclaredMetadata meta, PageIndex index, String visibleText,
            @Nullable String siteName, @Nullable String domain) {
        List<List<String>> sources = new ArrayList<>();
        List<String> outletNames = new ArrayList<>(meta.organizationAuthors());
        // The outlet named as author is only a fallback: a person named by another source is the byline.
        for (List<String> source : meta.authorSources()) {
            List<String> people = withoutOutlet(source, siteName, domain);
            if (people.size() < source.size()) outletNames.addAll(source);
            sources.add(people);
        }
        sources.add(withoutOutlet(bylineNames(index), siteName, domain));
        sources.removeIf(List::isEmpty);
        if (sources.isEmpty()) {
            List<String> linked = withoutOutlet(authorLinkNames(index), siteName, domain);
            if (linked.isEmpty()) linked = withoutOutlet(boldLineNames(index), siteName, domain);
            return Authors.dedupe(linked.isEmpty() ? outletNames : linked);
        }
        if (sources.size() > 1) {
            // A name the page prints only as the editor's ("Editor: Jane Roe") is not the writer, when a source names another.
            List<List<String>> writers = new ArrayList<>(sources);
            writers.removeIf(names -> names.stream().allMatch(n -> onlyAsEditor(n, visibleText)));
            if (!writers.isEmpty()) sources = writers;
        }
        if (sources.size() == 1) return Authors.dedupe(sources.getFirst());
        String visibleKey = Text.key(visibleText);
        // Prefer the first source whose names all appear on the page.
        for (List<String> names : sources) {
            boolean allVisible = true;
            for (String n : names) allVisible &= isPrinted(n, visibleKey);
            if (allVisible) return Authors.dedupe(names);
        }
        return Authors.dedupe(sources.getFirst());
    }

    private static final Pattern EDITOR_LABEL = Pattern.compile("(?i)\\b(editor|edited by|editing by)\\s*:?\\s*$");

    /** Whether every time the page prints the name, an editor label ("Editor:", "Edited by") precedes it. */
    static boolean onlyAsEditor(String name, String visibleText) {
        int at = visibleText.indexOf(name);
        if (at < 0) return false;
        for (; at >= 0; at = visibleText.indexOf(name, at + 1)) {
            int lineStart = visibleText.lastIndexOf('\n', at) + 1;
            if (!EDITOR_LABEL.matcher(visibleText.substring(lineStart, at)).find()) return false;
        }
        return true;
    }

    /** Whether the page prints the name, or its first and last words together: bylines often drop middle names. */
    static boolean isPrinted(String name, String visibleKey) {
        if (visibleKey.contains(Text.key(name))) return true;
        String[] words = SPACES.split(name);
        return words.length > 2 && visibleKey.contains(Text.key(words[0]) + Text.key(words[words.length - 1]));
    }

    /** Many pages name the outlet itself as author; that is not a byline. */
    static List<String> withoutOutlet(List<String> names, @Nullable String siteName, @Nullable String domain) {
        List<String> outletKeys = new ArrayList<>();
        if (siteName != null) outletKeys.add(Text.key(siteName));
        if (domain != null) {
            outletKeys.add(Text.key(domain));
            outletKeys.add(Text.key(domain.split("\\.")[0]));
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String k = Text.key(n);
            boolean outlet = false;
            for (String o : outletKeys) {
                if (o.length() >= MIN_OUTLET_KEY_CHARS && k.length() >= MIN_OUTLET_KEY_CHARS && (k.startsWith(o) || o.startsWith(k))) outlet = true;
            }
            if (!outlet) out.add(n);
        }
        return out;
    }

    /**
     * Names from visible byline markup: itemprop/rel=author first, else the first byline- or
     * author-named element. Markup inside comment threads and other furniture is skipped, and an
     * element naming more than {@link #MAX_BYLINE_NAMES} people is an author list, not a byline.
     */
    private static List<String> bylineNames(PageIndex index) {
        Set<String> names = new LinkedHashSet<>();
        for (Element e : index.authorMarkup) {
            if (names.size() >= MAX_BYLINE_NAMES) break;
            if (insideFurnitureOrHidden(e)) continue;
            Element name = e.selectFirst("[itemprop=name]");
            if (name != null) e = name;
            String t = Text.normalize(e.hasAttr("content") ? e.attr("content") : e.text());
            if (t.length() <= MAX_BYLINE_CHARS) names.addAll(Authors.split(t));
        }
        if (!names.isEmpty()) return new ArrayList<>(names);
        // Bylines sit under the headline; author names above it belong to navigation or teasers.
        int headline = index.h1s.isEmpty() ? 0 : index.position(index.h1s.getFirst());
        // Two passes: a line introduced as a byline ("By Jane Roe") first, then any byline-named element, as
        // those also hold brand labels and role lines.
        for (boolean introduced : new boolean[] {true, false}) {
            for (Element e : index.bylineClasses) {
                if (index.position(e) < headline) continue;
                if (Dom.childElementCount(e) > 6 || !Boilerplate.hasBylineWord(e.className()) || insideFurnitureOrHidden(e)) continue;
                String t = Text.normalize(e.text());
                if (t.isEmpty() || t.length() > MAX_BYLINE_CHARS || insideTeaserLink(e, t)) continue;
                if (introduced && !Authors.isIntroduced(t)) continue;
                List<String> found = Authors.split(t);
                if (found.size() > MAX_BYLINE_NAMES) continue;
                if (!found.isEmpty()) return found;
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Whether the element sits in a link whose text says more than it does: a teaser card linking to another
     * article, whose byline is that article's.
     */
    static boolean insideTeaserLink(Element e, String text) {
        Element x = e.parent();
        for (int i = 0; i < MAX_ANCESTOR_STEPS && x != null; i++, x = x.parent()) {
            if (x.normalName().equals("a")) return Text.normalize(x.text()).length() > text.length();
        }
        return false;
    }

    /** Bounded ancestor walk for ignored elements and comment threads, consent boxes and the like. */
    private static boolean insideFurnitureOrHidden(Element e) {
        Element x = e;
        for (int i = 0; i < MAX_ANCESTOR_STEPS && x != null; i++, x = x.parent()) {
            if (Boilerplate.isIgnored(x) || Boilerplate.looksLikeStrongFurniture(x)) return true;
        }
        return false;
    }

    // ---- date ----

    static @Nullable OffsetDateTime choosePublished(DeclaredMetadata meta, String location) {
        List<OffsetDateTime> declared = meta.published();
        if (declared.size() > 1) {
            // Where declarations disagree on the day, prefer one a visible <time> element confirms.
            for (OffsetDateTime d : declared) {
                for (OffsetDateTime t : meta.timeElements()) {
                    if (t.toInstant().equals(d.toInstant()) || sameDay(t, d)) return d;
                }
            }
        }
        if (!declared.isEmpty()) return declared.getFirst();
        if (!meta.timeElements().isEmpty()) return meta.timeElements().getFirst();
        OffsetDateTime fromUrl = Dates.fromUrl(meta.canonicalUrl() != null ? meta.canonicalUrl() : location);
        if (fromUrl != null) return fromUrl;
        return meta.textDates().isEmpty() ? null : meta.textDates().getFirst();
    }


    private static boolean sameDay(OffsetDateTime a, OffsetDateTime b) {
        return a.toLocalDate().equals(b.withOffsetSameInstant(a.getOffset()).toLocalDate());
    }

}
