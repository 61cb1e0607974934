package news.parallax.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import news.parallax.model.Article;
import news.parallax.model.Side;
import news.parallax.outlets.ArticleOutlets;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A story's articles grouped into independent sources: each article resolved to a registry outlet (domain or URL
 * first, then the outlet name the record carries), syndicated copies set aside so that a wire story re-published by
 * ten outlets counts once, under the outlet that published the original.
 */
final class StorySources {

    /** One article with its resolved outlet. */
    record Member(Article article, @Nullable Outlet outlet, String sourceKey, String sourceName, Side side,
            @Nullable String copyOf) {
        boolean independent() {
            return copyOf == null;
        }
    }

    /** One independent outlet of the story and its original articles. */
    record Source(String key, String name, Side side, @Nullable Outlet outlet, List<Member> articles) {}

    /** Display name of an article that names no outlet and has no domain (a text dump, say). */
    static final String UNKNOWN_OUTLET = "Unknown outlet";

    private final List<Member> members;
    private final Map<String, Source> sources;

    private StorySources(List<Member> members, Map<String, Source> sources) {
        this.members = members;
        this.sources = sources;
    }

    static StorySources of(StoryMembers story, OutletRegistry registry) {
        List<Member> members = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Article a : story.articles()) ids.add(a.id());
        for (Article a : story.articles()) {
            Outlet o = resolve(a, registry).orElse(null);
            // Without a name or domain nothing says two articles share an outlet: each counts as its own source.
            String key = o != null ? o.id() : a.domain() != null ? "unrated:" + a.domain()
                    : !a.outlet().isBlank() ? "unrated:" + a.outlet().strip().toLowerCase(Locale.ROOT) : "unrated:article:" + a.id();
            String name = o != null ? o.name() : !a.outlet().isBlank() ? a.outlet() : a.domain() != null ? a.domain() : UNKNOWN_OUTLET;
            Side side = o != null ? o.side() : Side.UNRATED;
            String copyOf = story.copyOf().get(a.id());
            // A copy of an article that is not in the story is treated as an original: its source is otherwise uncounted.
            if (copyOf != null && !ids.contains(copyOf)) copyOf = null;
            members.add(new Member(a, o, key, name, side, copyOf));
        }
        Map<String, List<Member>> byKey = new LinkedHashMap<>();
        for (Member m : members) if (m.independent()) byKey.computeIfAbsent(m.sourceKey(), k -> new ArrayList<>()).add(m);
        Map<String, Source> sources = new LinkedHashMap<>();
        byKey.forEach((k, ms) -> sources.put(k, new Source(k, ms.get(0).sourceName(), ms.get(0).side(), ms.get(0).outlet(), ms)));
        return new StorySources(members, sources);
    }

    static Optional<Outlet> resolve(Article a, OutletRegistry registry) {
        return ArticleOutlets.resolve(registry, a.url(), a.domain(), a.outlet());
    }

    List<Member> members() {
        return members;
    }

    List<Member> independentMembers() {
        return members.stream().filter(Member::independent).toList();
    }

    Map<String, Source> sources() {
        return sources;
    }

    List<Source> sourcesOf(Side side) {
        return sources.values().stream().filter(s -> s.side() == side).toList();
    }
}
