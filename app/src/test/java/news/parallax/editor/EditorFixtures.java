package news.parallax.editor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.parallax.cluster.ClusterConfig;
import news.parallax.cluster.StandardStoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.pipeline.Pipeline;
import news.parallax.pipeline.ProgressListener;
import news.parallax.store.Store;

/** A small store for the editor tests (web, command line, browser): four real stories the real clusterer forms. */
public final class EditorFixtures {
    private EditorFixtures() {}

    public static Article article(String id, long minutes, String title, String text) {
        return new Article(id, "Outlet " + id, null, null, title, Instant.parse("2019-03-04T08:00:00Z").plusSeconds(60 * minutes), List.of(),
                text, "test", "en", Map.of());
    }

    /** Four stories of two articles or more, as the clusterer groups them: storm (3), chess (2), quake (2), fire (2). */
    public static final List<Article> ARTICLES = List.of(
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

    /** Stores the articles and clusters them (no embeddings: fast and fixed). */
    public static void fill(Store store) {
        store.insert(ARTICLES);
        new Pipeline(store, HtmlExtractors.standard(),
                new StandardStoryClusterer(ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE), null))
                .recluster(ProgressListener.NONE);
    }

}
