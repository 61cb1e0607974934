package news.parallax.extract;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself in markup the reader does not see: JSON-LD, OpenGraph, {@code meta}
 * tags, {@code <time>} and {@code rel=canonical}. Each field lists candidates in order of trust.
 *
 * @param titles          headline candidates: JSON-LD headline, the head's headline meta tag, og:title, twitter:title
 * @param titleTag        the raw {@code <title>} text, empty when absent
 * @param authorSources   author name lists, one per source, most trusted first
 * @param organizationAuthors JSON-LD authors typed as organisations, used only when no person is named, or beside
 *                        the people of the same JSON-LD author list
 * @param jsonLdPeople    the JSON-LD authors that are not organisations (also the first of {@code authorSources})
 * @param published       publication date candidates, most trusted first
 * @param timeElements    dates of visible {@code <time>} elements, in page order
 * @param textDates       dates written as text in date-named elements, in page order
 * @param articleTypes    JSON-LD and og:type values found (lower case), to tell articles from other pages
 * @param articleBody     JSON-LD articleBody, empty when absent
 */
record DeclaredMetadata(
        List<String> titles,
        String titleTag,
        List<List<String>> authorSources,
        List<String> organizationAuthors,
        List<String> jsonLdPeople,
        List<OffsetDateTime> published,
        List<OffsetDateTime> timeElements,
        List<OffsetDateTime> textDates,
        @Nullable String canonicalUrl,
        @Nullable String siteName,
        @Nullable String declaredLanguage,
        List<String> articleTypes,
        String articleBody) {

    /** True when JSON-LD or OpenGraph call the page an article of some kind. */
    boolean declaresArticle() {
        for (String t : articleTypes) {
            if (t.endsWith("article") || t.equals("blogposting") || t.equals("reportage") || t.equals("report")
                    || t.equals("liveblogposting") || t.equals("analysisnewsarticle")) return true;
        }
        return false;
    }

    /** Marker among {@code articleTypes} for JSON-LD declaring {@code isAccessibleForFree: false}. */
    static final String NOT_FREE = "isaccessibleforfree:false";

    /** True when JSON-LD declares the article not free to read (schema.org paywall markup). */
    boolean declaresPaywall() {
        return articleTypes.contains(NOT_FREE);
    }

    /** True when JSON-LD or OpenGraph declare a video (VideoObject, og:type video.*). */
    boolean declaresVideo() {
        for (String t : articleTypes) {
            if (t.equals("videoobject") || t.startsWith("og:video")) return true;
        }
        return false;
    }

    /** True when JSON-LD declares an image gallery. */
    boolean declaresGallery() {
        return articleTypes.contains("imagegallery") || articleTypes.contains("mediagallery");
    }

    /** True when the page declares itself a collection, a home page or a search page. */
    boolean declaresListPage() {
        for (String t : articleTypes) {
            if (t.equals("collectionpage") || t.equals("itemlist") || t.equals("searchresultspage")
                    || t.equals("website") || t.equals("og:website")) return true;
        }
        return false;
    }
}
