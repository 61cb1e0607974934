package news.parallax.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Shapes of page furniture recognised without per-site rules: tags that never hold article text,
 * hidden elements, ARIA landmarks for navigation, and class or id words that name navigation,
 * sharing, related-article lists, cookie and newsletter prompts, comments, ads and captions.
 */
final class Boilerplate {
    private Boilerplate() {}

    /** Tags whose content is never article text (media, scripts, forms controls, navigation, captions). */
    static final Set<String> IGNORED_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
            "video", "audio", "picture", "img", "button", "input", "select", "textarea", "option", "nav",
            "aside", "footer", "figure", "figcaption", "head", "title", "meta", "link", "dialog", "menu", "label");

    /** ARIA roles of page furniture. */
    static final Set<String> IGNORED_ROLES = Set.of(
            "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "search",
            "menu", "menubar", "toolbar", "button", "figure");

    /** Whole words in class or id values that name page furniture. */
    static final Set<String> FURNITURE_WORDS = Set.of(
            "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar", "share",
            "sharing", "sharebar", "social", "socials", "related", "recommended", "recommendations",
            "recirculation", "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies",
            "consent", "gdpr", "comment", "comments", "disqus", "promo", "promotion", "advert",
            "advertisement", "advertising", "ad", "ads", "adslot", "adunit", "banner", "sponsor", "sponsored",
            "outbrain", "taboola", "popup", "modal", "overlay", "caption", "credit", "credits", "tags",
            "taglist", "widget", "toolbar", "print", "skip", "trending", "popular", "byline", "author",
            "authors", "timestamp", "dateline", "date", "rating", "login", "more", "teaser",
            "teasers", "slideshow", "gallery", "carousel", "video", "player", "audio", "podcast", "copyright",
            "disclaimer", "masthead", "topbar", "toc", "jump", "infobox", "tweet", "instagram");

    /**
     * Furniture words that no article container ever carries, so an element named with one is dropped
     * even when it holds most of the page's text (a consent dialog longer than a short news item).
     */
    static final Set<String> STRONG_FURNITURE_WORDS = Set.of(
            "cookie", "cookies", "consent", "gdpr", "onetrust", "cmp", "newsletter", "disqus", "comments", "modal", "popup");

    /** Class values that hide content from sighted readers, compared after dropping separators. */
    static final Set<String> SCREEN_READER_CLASSES = Set.of(
            "sronly", "visuallyhidden", "screenreaderonly", "screenreadertext", "offscreen");

    /** Never looked into at all. */
    static boolean isIgnored(Element e) {
        String tag = e.normalName();
        if (IGNORED_TAGS.contains(tag)) {
            if (tag.equals("noscript")) return !BodyRule.NOSCRIPT_TEXT.on();
            return !(LANDMARK_TAGS.contains(tag) && holdsMain(e));
        }
        if (e.attributesSize() == 0) return false; // most elements; the tests below all read attributes
        String role = e.attr("role");
        if (!role.isEmpty() && IGNORED_ROLES.contains(role.toLowerCase(Locale.ROOT))) return !holdsMain(e);
        if ("true".equalsIgnoreCase(e.attr("aria-hidden"))) return true;
        if ("true".equalsIgnoreCase(e.attr("aria-modal"))) return true;
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (s.contains("display:none") || s.contains("visibility:hidden")) return true;
        }
        String cls = e.className();
        if (!cls.isEmpty() && (cls.contains("only") || cls.contains("hidden") || cls.contains("offscreen") || cls.contains("screen"))) {
            for (String c : cls.split(" ")) {
                if (SCREEN_READER_CLASSES.contains(c.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT))) return true;
            }
        }
        return false;
    }

    /**
     * While the extractor reads a page on this thread: the elements of that page that hold a main element
     * ({@link PageIndex#mainHolders}), so that a landmark holding none is known without walking it. Null outside
     * an extraction; then every landmark is walked.
     */
    private static final ThreadLocal<Set<Element>> MAIN_HOLDERS = new ThreadLocal<>();

    static void setMainHolders(@Nullable Set<Element> holders) {
        if (holders == null) MAIN_HOLDERS.remove();
        else MAIN_HOLDERS.set(holders);
    }

    /** Landmark tags that unclosed markup can stretch over the whole page. */
    private static final Set<String> LANDMARK_TAGS = Set.of("nav", "aside", "footer", "header");
    /** Elements searched for a main element inside a landmark; bounds the cost on hostile pages. */
    static final int MAX_LANDMARK_SCAN_ELEMENTS = 5_000;

    /**
     * A landmark holding the page's {@code <main>} (or {@code role=main}) is not furniture: an unclosed
     * {@code <header role=banner>} swallows the whole page in the parser's repair.
     */
    private static boolean holdsMain(Element landmark) {
        if (!BodyRule.LANDMARK_HOLDING_MAIN.on()) return false;
        @Nullable Set<Element> holders = MAIN_HOLDERS.get();
        if (holders != null && !holders.contains(landmark)) return false; // the usual case, known without a walk
        boolean[] found = {false};
        int[] seen = {0};
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (!(node instanceof Element x)) return FilterResult.SKIP_ENTIRELY;
                if (++seen[0] > MAX_LANDMARK_SCAN_ELEMENTS) return FilterResult.STOP;
                if (x != landmark && (x.normalName().equals("main") || x.attr("role").equalsIgnoreCase("main"))) {
                    found[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, landmark);
        return found[0];
    }

    /** Words of article containers; they outweigh weak furniture words ("sidebar-grid__content article__content"). */
    static final Set<String> ARTICLE_WORDS = Set.of("article", "story", "body", "entry", "post", "content", "text", "main");

    /**
     * Flags from {@link #classify}: a weak furniture word (callers still keep such an element when it
     * holds most of the page's text, as {@code <body class="has-sidebar">} is not a sidebar), a strong
     * one, and a word of article containers.
     */
    static final int WEAK = 1, STRONG = 2, ARTICLE = 4;

    /** Set, besides the others, for words of {@link #FURNITURE_WORDS} itself (the strong words are not all in it). */
    private static final int LISTED = 8;

    /**
     * The words and their flags in an open-addressing table keyed by the word's {@code String.hashCode}, so that a
     * class value is looked up word by word without building a string per word: this runs on every element of
     * every page, and again on the ancestors of every block the classifier looks at.
     */
    private static final int TABLE_SLOTS = 1024;
    private static final String[] TABLE_WORDS = new String[TABLE_SLOTS];
    private static final int[] TABLE_FLAGS = new int[TABLE_SLOTS];

    static {
        Map<String, Integer> flags = new HashMap<>();
        for (String w : FURNITURE_WORDS) flags.merge(w, WEAK | LISTED, (a, b) -> a | b);
        for (String w : STRONG_FURNITURE_WORDS) flags.merge(w, STRONG | WEAK, (a, b) -> a | b);
        for (String w : ARTICLE_WORDS) flags.merge(w, ARTICLE, (a, b) -> a | b);
        for (Map.Entry<String, Integer> e : flags.entrySet()) {
            int slot = slot(e.getKey().hashCode());
            while (TABLE_WORDS[slot] != null) slot = (slot + 1) & (TABLE_SLOTS - 1);
            TABLE_WORDS[slot] = e.getKey();
            TABLE_FLAGS[slot] = e.getValue();
        }
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (TABLE_SLOTS - 1);
    }

    /**
     * The word classes found in an element's class and id, as {@link #WEAK}, {@link #STRONG} and
     * {@link #ARTICLE} flags, in one scan (this runs on every element of every page).
     */
    static int classify(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) return 0;
        return (flags(cls) | flags(id)) & ~LISTED;
    }

    /**
     * The flags of the words of a class or id value. Words are split at non-alphanumerics and at lower-to-upper
     * case changes ("shareBar" is "share" and "bar"), and compared in lower case.
     */
    private static int flags(String value) {
        int flags = 0;
        int n = value.length();
        int start = -1;
        int hash = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? value.charAt(i) : ' ';
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            boolean camelBreak = alnum && c >= 'A' && c <= 'Z' && i > 0 && Character.isLowerCase(value.charAt(i - 1));
            if ((!alnum || camelBreak) && start >= 0) {
                flags |= lookup(value, start, i, hash);
                start = -1;
            }
            if (alnum) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
        }
        return flags;
    }

    /** The flags of the word {@code value[start, end)} in lower case (ASCII letters and digits only), 0 if none. */
    private static int lookup(String value, int start, int end, int hash) {
        int len = end - start;
        for (int slot = slot(hash); TABLE_WORDS[slot] != null; slot = (slot + 1) & (TABLE_SLOTS - 1)) {
            String w = TABLE_WORDS[slot];
            if (w.length() == len && w.hashCode() == hash && value.regionMatches(true, start, w, 0, len)) return TABLE_FLAGS[slot];
        }
        return 0;
    }

    /** True when the class or id carries a word from {@link #STRONG_FURNITURE_WORDS}. */
    static boolean looksLikeStrongFurniture(Element e) {
        return (classify(e) & STRONG) != 0;
    }

    /**
     * A class word starting with "author" or "byline" ("authorname", "byline__name", "metaInfoAuthorList": camel
     * case splits words too), but not "authority".
     */
    private static final java.util.regex.Pattern BYLINE_WORD_BREAKS = java.util.regex.Pattern.compile("[^A-Za-z]+|(?<=[a-z])(?=[A-Z])");

    static boolean hasBylineWord(String value) {
        for (String w : BYLINE_WORD_BREAKS.split(value)) {
            w = w.toLowerCase(Locale.ROOT);
            if ((w.startsWith("author") && !w.startsWith("authorit")) || w.startsWith("byline")) return true;
        }
        return false;
    }

    static boolean hasFurnitureWord(String value) {
        return (flags(value) & LISTED) != 0;
    }

    /**
     * True when one of the words of a class or id value is in {@code words}. Words are split at
     * non-alphanumerics and at lower-to-upper case changes ("shareBar" is "share" and "bar"); hand-rolled
     * because this runs on every element of every page.
     */
    static boolean hasWord(String value, Set<String> words) {
        int n = value.length();
        StringBuilder w = new StringBuilder(16);
        for (int i = 0; i <= n; i++) {
            char c = i < n ? value.charAt(i) : ' ';
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            boolean camelBreak = alnum && c >= 'A' && c <= 'Z' && i > 0 && Character.isLowerCase(value.charAt(i - 1));
            if (!alnum || camelBreak) {
                if (!w.isEmpty() && words.contains(w.toString())) return true;
                w.setLength(0);
            }
            if (alnum) w.append(Character.toLowerCase(c));
        }
        return false;
    }
}
