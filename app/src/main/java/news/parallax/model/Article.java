package news.parallax.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One cleaned news article, the unit every stage after extraction works on.
 *
 * @param id        stable identifier: a JSONL record's own {@code id}, else derived from the URL or location
 * @param outlet    outlet name as given by the input (a record's {@code source}) or inferred from the domain
 * @param domain    registrable host of the article URL, lower case, without {@code www.}; null when unknown
 * @param url       article URL; null when the input carried none
 * @param title     headline, whitespace-normalised; may be empty but never null
 * @param published publication instant (a date-only value is midnight UTC); null when unknown
 * @param authors   bylines, in page order
 * @param text      cleaned body, paragraphs separated by one blank line
 * @param location  the file (with line for JSONL) or URL the article came from
 * @param language  ISO 639-1 code when detected or declared; null when unknown
 * @param extra     other fields of the input record kept verbatim (for example {@code bias}, {@code topic})
 */
public record Article(
        String id,
        String outlet,
        @Nullable String domain,
        @Nullable String url,
        String title,
        @Nullable Instant published,
        List<String> authors,
        String text,
        String location,
        @Nullable String language,
        Map<String, String> extra) {

    public Article {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
        authors = List.copyOf(authors);
        extra = Map.copyOf(extra);
    }

    /** Words of the body shown in place of a missing title. */
    private static final int UNTITLED_WORDS = 12;

    /**
     * What lists of headlines show for this article: its title, or, where the page or dump gave none,
     * "(no headline)" and the body's opening words, so that no entry is blank and none passes the
     * article's own words off as a headline its outlet wrote.
     */
    public String headline() {
        if (!title.isBlank()) return title;
        String[] words = text.strip().split("\\s+", UNTITLED_WORDS + 1);
        if (words.length == 0 || words[0].isEmpty()) return "(no headline)";
        String opening = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(UNTITLED_WORDS, words.length)));
        return "(no headline) " + opening + (words.length > UNTITLED_WORDS ? " …" : "");
    }

    /** Body paragraphs, in order. */
    public List<String> paragraphs() {
        return Paragraphs.split(text);
    }

    public Article withText(String newText) {
        return new Article(id, outlet, domain, url, title, published, authors, newText, location, language, extra);
    }

    public Article withTitle(String newTitle) {
        return new Article(id, outlet, domain, url, newTitle, published, authors, text, location, language, extra);
    }

    public Article withLanguage(@Nullable String newLanguage) {
        return new Article(id, outlet, domain, url, title, published, authors, text, location, newLanguage, extra);
    }
}
