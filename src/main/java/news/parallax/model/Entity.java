package news.parallax.model;

import java.util.List;
import java.util.Objects;

/**
 * A named entity of a story with the spelling variants seen across its articles.
 *
 * @param name     canonical spelling (the most frequent, then the longest)
 * @param type     PERSON, ORGANIZATION, LOCATION or OTHER
 * @param variants every distinct spelling seen, including {@code name}
 */
public record Entity(String name, String type, List<String> variants) {
    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        variants = List.copyOf(variants);
    }
}
