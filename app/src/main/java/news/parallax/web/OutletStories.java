package news.parallax.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.model.StoryRef;
import news.parallax.outlets.ArticleOutlets;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Store;
import news.parallax.store.StoreException;

/**
 * Which stories an outlet appears in: every stored (outlet name, domain) pair is resolved once with
 * {@link ArticleOutlets}, the same rule story analysis uses, so the outlet page and the landscape agree.
 */
public final class OutletStories {
    private OutletStories() {}

    /** Stories with at least one article from {@code outlet}, most sources first, at most {@code limit}. */
    public static List<StoryRef> of(Store store, OutletRegistry registry, Outlet outlet, int limit) {
        Map<String, Integer> articlesByStory = new LinkedHashMap<>();
        Map<String, Optional<Outlet>> resolved = new HashMap<>();
        String sql = "SELECT a.outlet, a.domain, a.url, sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id";
        try {
            store.database().query(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        String domain = rs.getString(2);
                        String url = rs.getString(3);
                        // The domain stands for the URL here: lookups by URL path are rare and this keeps one lookup per pair.
                        Optional<Outlet> o = resolved.computeIfAbsent(name + "\u0000" + domain,
                                k -> ArticleOutlets.resolve(registry, domain != null ? null : url, domain, name));
                        if (o.isPresent() && o.get().id().equals(outlet.id())) articlesByStory.merge(rs.getString(4), 1, Integer::sum);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("list stories of outlet " + outlet.id() + " in " + store.location(), e);
        }
        List<StoryRef> refs = new ArrayList<>();
        for (String id : articlesByStory.keySet()) store.storyRef(id).ifPresent(refs::add);
        refs.sort((a, b) -> b.sourceCount() != a.sourceCount() ? Integer.compare(b.sourceCount(), a.sourceCount())
                : Integer.compare(b.articleCount(), a.articleCount()));
        return refs.size() > limit ? refs.subList(0, limit) : refs;
    }
}
