package news.parallax.analysis;

import news.parallax.model.StoryMembers;
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
        return of(story.articles(), story.copyOf(), registry);
    }

    /**
     * The story's independent sources: what every count of a story's sources reads ({@link SourceCounts}), so the
     * stored story, its page, the JSON routes and the CLI agree.
     */
    static StorySources of(List<Article> articles, Map<String, String> copyOfs, OutletRegistry registry) {
        List<Member> members = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Article a : articles) ids.add(a.id());
        for (Article a : articles) {
            Outlet o = resolve(a, registry).orElse(null);
            String domain = a.domain();
            // A columnist given as the record's source writes for the site of the URL: readers know the site.
            String bylineSite = o != null && isAuthor(o) ? domain : null;
            String key;
            String name;
            if (bylineSite != null) {
                key = "unrated:" + bylineSite;
                name = registry.find(bylineSite).map(Outlet::name).orElse(bylineSite);
            } else if (o != null) {
                key = o.id();
                name = o.name();
            } else {
                // Without a name or domain nothing says two articles share an outlet: each counts as its own source.
                key = domain != null ? "unrated:" + domain
                        : !a.outlet().isBlank() ? "unrated:" + a.outlet().strip().toLowerCase(Locale.ROOT) : "unrated:article:" + a.id();
                name = !a.outlet().isBlank() ? a.outlet() : domain != null ? domain : UNKNOWN_OUTLET;
            }
            Side side = o != null ? o.side() : Side.UNRATED;
            String copyOf = copyOfs.get(a.id());
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

    /** A rater's entry for a writer rather than a publication ("Guest Writer - Left", "Victor Hanson"). */
    static boolean isAuthor(Outlet o) {
        return o.domain().isEmpty() && o.kind() != null && o.kind().toLowerCase(Locale.ROOT).contains("author");
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
