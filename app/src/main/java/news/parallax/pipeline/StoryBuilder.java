package news.parallax.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.SourceCounts;
import news.parallax.analysis.StoryHeadline;
import news.parallax.cluster.Clustering;
import news.parallax.ingest.ArticleIds;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.StoredStory;

/**
 * Turns clustering groups into stored stories: stable ids, headline ({@link StoryHeadline}), source count
 * ({@link SourceCounts}, the one count every page, route and command shows) and time span.
 */
public final class StoryBuilder {
    private StoryBuilder() {}

    /**
     * The store's clustering order (oldest first, undated last, then id). Members are listed in it and the
     * story's id derives from the first, so a story found by live passes, whose articles arrived in another
     * order, gets the same id and listing as when the whole store is re-clustered.
     */
    static final Comparator<Article> STORE_ORDER = Comparator
            .comparing((Article a) -> a.published() == null ? Instant.MAX : a.published()).thenComparing(Article::id);

    /** The stored form of each group (members in {@link #STORE_ORDER}, headline, counts); {@code byId} holds every member. */
    public static List<StoredStory> build(Clustering clustering, Map<String, Article> byId, OutletRegistry registry) {
        List<StoredStory> out = new ArrayList<>(clustering.groups().size());
        for (Clustering.Group g : clustering.groups()) {
            List<Article> members = g.articleIds().stream().map(byId::get).sorted(STORE_ORDER).toList();
            List<String> ids = members.stream().map(Article::id).toList();
            Instant first = null;
            Instant last = null;
            for (Article a : members) {
                Instant p = a.published();
                if (p == null) continue;
                if (first == null || p.isBefore(first)) first = p;
                if (last == null || p.isAfter(last)) last = p;
            }
            // The page shows this same title (the analysis reads it from the stored story), so lists and page agree.
            String title = StoryHeadline.choose(members, g.copyOf(), registry);
            // The id follows the story's first article, so it survives re-clustering as the story grows.
            String id = ArticleIds.derive("story:" + ids.get(0)).substring(0, 12);
            StoryRef ref = new StoryRef(id, title, SourceCounts.independentSources(members, g.copyOf(), registry), members.size(), first, last, ids);
            out.add(new StoredStory(ref, g.copyOf(), g.reasons()));
        }
        return out;
    }
}
