package news.parallax.extract;

/** Entry point to the extractors: {@code HtmlExtractors.standard().extract(bytes, location, charsetOrNull)}. */
public final class HtmlExtractors {
    private static final HtmlExtractor STANDARD = new DefaultHtmlExtractor();

    private HtmlExtractors() {}

    /**
     * The page as text, decoded the way the extractor decodes it (byte order mark, HTTP charset, meta
     * declaration, detection); for tools that hand pages to string-based extractors.
     */
    public static String decode(byte[] html, @org.jspecify.annotations.Nullable String httpCharset) {
        return PageDecoder.decode(html, httpCharset).text();
    }

    /** The generic extractor; thread-safe and shared. */
    public static HtmlExtractor standard() {
        return STANDARD;
    }
}
