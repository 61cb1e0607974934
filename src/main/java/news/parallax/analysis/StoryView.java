package news.parallax.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import news.parallax.cluster.Clustering.JoinReason;
import news.parallax.model.Claim;
import news.parallax.model.Entity;
import org.jspecify.annotations.Nullable;

/**
 * Everything the story page and the story JSON show. Field names are the JSON contract
 * documented in the README; add fields freely, never rename.
 *
 * @param summary     neutral full-story summary, sentences joined by spaces
 * @param sourceCount independent outlets (syndicated copies counted once)
 * @param landscape   independent sources per side
 * @param keyPoints   per side ("left", "center", "right"): sentences; empty where coverage is lacking
 */
public record StoryView(
        String id,
        String title,
        String summary,
        int sourceCount,
        int articleCount,
        Landscape landscape,
        Map<String, List<String>> keyPoints,
        List<ArticleView> articles,
        List<Claim> claims,
        List<Entity> entities,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen) {

    public StoryView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        keyPoints = Map.copyOf(keyPoints);
        articles = List.copyOf(articles);
        claims = List.copyOf(claims);
        entities = List.copyOf(entities);
    }

    /** Independent sources per side. */
    public record Landscape(int left, int center, int right, int unrated) {
        public int rated() {
            return left + center + right;
        }

        public int total() {
            return rated() + unrated;
        }
    }

    /**
     * One member article as shown.
     *
     * @param bias     "left", "center", "right" or "unrated"
     * @param location file or URL it came from
     * @param copyOf   id of the original when this is a syndicated copy, else null
     * @param reason   why it joined the story; null for the first article
     */
    public record ArticleView(
            String id,
            String outlet,
            String bias,
            String title,
            @Nullable String url,
            @Nullable Instant published,
            String location,
            String text,
            @Nullable String copyOf,
            @Nullable JoinReason reason) {}
}
