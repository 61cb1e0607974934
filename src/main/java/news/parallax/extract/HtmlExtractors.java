package news.parallax.extract;

/** Entry point to the extractors: {@code HtmlExtractors.standard().extract(bytes, location, charsetOrNull)}. */
public final class HtmlExtractors {
    private static final HtmlExtractor STANDARD = new DefaultHtmlExtractor();

    private HtmlExtractors() {}

    /** The generic extractor; thread-safe and shared. */
    public static HtmlExtractor standard() {
        return STANDARD;
    }
}
