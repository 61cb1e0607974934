package news.parallax.fetch;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One feed of an OPML subscription list.
 *
 * @param xmlUrl   the feed URL
 * @param title    the outline's title or text; may be empty
 * @param htmlUrl  the site's home page; Parallax takes the outlet domain from it when present
 * @param category the enclosing outline's text (feed readers' folders); null at top level
 */
public record OpmlEntry(String xmlUrl, String title, @Nullable String htmlUrl, @Nullable String category) {
    public OpmlEntry {
        Objects.requireNonNull(xmlUrl, "xmlUrl");
        Objects.requireNonNull(title, "title");
    }
}
