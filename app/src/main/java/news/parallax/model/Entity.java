package news.parallax.model;

import java.util.List;
import java.util.Objects;

/**
 * A named entity of a story with the spelling variants seen across its articles.
 *
 * @param name     canonical spelling (the most frequent, then the longest)
 * @param type     PERSON, ORGANIZATION, LOCATION or OTHER
 * @param variants every distinct spelling seen, including {@code name}
 * @param titles   titles and roles seen before the name ("Ukrainian President", "NATO chief"), in order
 *                 of first appearance; empty when none
 */
public record Entity(String name, String type, List<String> variants, List<String> titles) {
    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        variants = List.copyOf(variants);
        titles = List.copyOf(titles);
    }

    /** An entity without recorded titles. */
    public Entity(String name, String type, List<String> variants) {
        this(name, type, variants, List.of());
    }
}
