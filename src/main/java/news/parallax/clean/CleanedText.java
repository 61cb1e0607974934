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
 */
public record CleanedText(String title, List<String> paragraphs, @Nullable String attribution) {
    public CleanedText {
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
    }
}
