package news.parallax.extract;

import org.jspecify.annotations.Nullable;

/**
 * Turns one HTML page into an {@link ExtractedPage}.
 *
 * <p>Contract: never returns null; a page that is not an article comes back with
 * {@code isArticle == false} and a reason; input that cannot be read as a page at all (binary data,
 * no text) throws {@link ExtractionException} naming the location. Must be thread-safe and finish
 * in bounded time and memory on any input.
 */
public interface HtmlExtractor {

    /**
     * @param html        the raw bytes as fetched or saved
     * @param location    file path or URL, used in errors and to infer the outlet when the page does not say
     * @param httpCharset charset from an HTTP Content-Type header, null when unknown
     */
    ExtractedPage extract(byte[] html, String location, @Nullable String httpCharset) throws ExtractionException;
}
