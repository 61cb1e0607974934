package news.parallax.topics;

import java.util.List;
import java.util.Objects;

/**
 * A person, organisation or place named across stories.
 *
 * @param slug     its name in URLs ({@code /topic/donald-trump}); kept while the topic lives, even when its name changes
 * @param name     how it is written: the spelling most of its stories use (a full name before a surname)
 * @param kind     "person", "organization", "place" or "other", as most of its stories typed it
 * @param variants every spelling merged into it ("Trump", "Donald J. Trump", "President Trump" is "Trump" with a title)
 * @param storyIds its stories, in no particular order
 */
public record Topic(String slug, String name, String kind, List<String> variants, List<String> storyIds) {
    public Topic {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        variants = List.copyOf(variants);
        storyIds = List.copyOf(storyIds);
    }

    public int storyCount() {
        return storyIds.size();
    }
}
