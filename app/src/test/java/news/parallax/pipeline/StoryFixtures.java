package news.parallax.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.store.Store;

/**
 * Hand-written articles and the real clusterer without embeddings (fast and fixed), shared by the tests that store and
 * cluster a few stories: pipeline passes, corrections, permalinks, the editor's web and command-line tests.
 */
public final class StoryFixtures {
    private StoryFixtures() {}

    /** When the fixtures' articles start: {@link #article}'s minutes count from here. */
    public static final Instant T0 = Instant.parse("2019-03-04T08:00:00Z");

    /** An article of outlet "Outlet ID", published {@code minutes} after {@link #T0}, with no domain or URL. */
    public static Article article(String id, long minutes, String title, String text) {
        return new Article(id, "Outlet " + id, null, null, title, T0.plusSeconds(60 * minutes), List.of(), text, "test", "en", Map.of());
    }

    /** Four stories of two articles or more, as the clusterer groups them: storm (3), chess (2), quake (2), fire (2). */
    public static final List<Article> FOUR_STORIES = List.of(
            article("storm-1", 0, "Storm Hilda floods harbour town of Eastport",
                    "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 Eastport residents from their homes."),
            article("storm-2", 60, "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                    "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall."),
            article("storm-3", 90, "Storm Hilda: Eastport sea wall gives way, 2,300 evacuated",
                    "Storm Hilda broke through the Eastport sea wall and 2,300 residents of Eastport were evacuated."),
            article("chess-1", 10, "Petrova wins world chess title from Vik in Oslo",
                    "Anya Petrova won the world chess championship in Oslo on Sunday, beating Lars Vik in a rapid tiebreak."),
            article("chess-2", 120, "Vik loses chess crown to Petrova after Oslo tiebreak",
                    "Lars Vik lost his world chess title to Anya Petrova in Oslo after a rapid tiebreak."),
            article("quake-1", 20, "Earthquake shakes Mirel, toppling the old cathedral tower",
                    "A magnitude 6.1 earthquake shook the city of Mirel, toppling the tower of the old cathedral and cutting power."),
            article("quake-2", 130, "Mirel cathedral tower falls in magnitude 6.1 earthquake",
                    "The old cathedral tower of Mirel fell when a magnitude 6.1 earthquake struck the city, cutting power."),
            article("fire-1", 30, "Wildfire in Carrow County forces ranchers to flee",
                    "A wildfire raced across Carrow County grassland, forcing ranchers and their cattle to flee the flames."),
            article("fire-2", 140, "Carrow County ranchers flee grassland wildfire",
                    "Ranchers in Carrow County fled with their cattle as the grassland wildfire raced toward their farms."));

    /** The standard clusterer without embeddings. */
    public static StandardStoryClusterer clusterer() {
        return new StandardStoryClusterer(ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null);
    }

    /** A pipeline over {@code store} with the standard extractor and {@link #clusterer()}. */
    public static Pipeline pipeline(Store store) {
        return new Pipeline(store, HtmlExtractors.standard(), clusterer());
    }

    /** The stored stories as sets of article ids. */
    public static Set<Set<String>> partition(Store store) {
        return store.stories(0).stream().map(r -> Set.copyOf(r.articleIds())).collect(Collectors.toSet());
    }

    /** The id of the stored story holding {@code articleId}. */
    public static String storyOf(Store store, String articleId) {
        return store.stories(0).stream().filter(r -> r.articleIds().contains(articleId)).findFirst().orElseThrow().id();
    }
}
