package news.parallax.clean;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A text dump after cleaning.
 *
 * @param title       the headline found in the dump, empty when none stood out
 * @param paragraphs  body paragraphs in order
 * @param attribution a source credit found in the chrome ("bbc.com", "Reuters"), null when none
 * @param dateline    the dump's own date and time as written ("19-Oct, 10:44"), null when none
 * @param published   that date as an instant (UTC) when it names its year; null otherwise (a year is never guessed)
 */
public record CleanedText(String title, List<String> paragraphs, @Nullable String attribution, @Nullable String dateline,
        java.time.@Nullable Instant published) {
    public CleanedText {
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
    }

    public CleanedText(String title, List<String> paragraphs, @Nullable String attribution) {
        this(title, paragraphs, attribution, null, null);
    }
}
