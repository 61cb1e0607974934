package news.parallax.fetch;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An article page as fetched, handed to an {@link ArticleSink}.
 *
 * @param url          canonical item URL: the article's identity
 * @param finalUrl     where the page was found after redirects
 * @param html         raw page bytes, decoded from gzip but not from their charset
 * @param httpCharset  charset from the Content-Type header; null when absent
 * @param outletDomain the source's outlet domain, else null (the registry then uses the URL's domain)
 * @param feedTitle    headline the feed gave; may be empty
 * @param feedPublished publication time the feed gave; null when absent
 */
public record FetchedArticle(
        String url,
        String finalUrl,
        byte[] html,
        @Nullable String httpCharset,
        @Nullable String outletDomain,
        String feedTitle,
        @Nullable Instant feedPublished,
        String sourceUrl) {

    public FetchedArticle {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(feedTitle, "feedTitle");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
    }
}
