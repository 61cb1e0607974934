package news.parallax.extract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link HtmlExtractor} found on one page.
 *
 * @param isArticle        false for section fronts, list pages and pages without an article body
 * @param notArticleReason why {@code isArticle} is false; null for articles
 * @param published        publication time with its offset where the page gives one (UTC midnight for a bare date)
 * @param paragraphs       body paragraphs in reading order; on pages that are not articles, the few
 *                         paragraphs of a page whose body is merely short (stub, gallery, video page,
 *                         paywall teaser), none on list pages and pages without running text
 */
public record ExtractedPage(
        String location,
        boolean isArticle,
        @Nullable String notArticleReason,
        String title,
        List<String> authors,
        @Nullable OffsetDateTime published,
        @Nullable String canonicalUrl,
        @Nullable String outlet,
        @Nullable String domain,
        @Nullable String language,
        List<String> paragraphs) {

    public ExtractedPage {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        paragraphs = List.copyOf(paragraphs);
    }

    /** Paragraphs joined by blank lines. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
