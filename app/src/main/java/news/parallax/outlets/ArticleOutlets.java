package news.parallax.outlets;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Resolves an article's outlet the same way everywhere: story analysis, outlet pages, coverage figures. */
public final class ArticleOutlets {
    private ArticleOutlets() {}

    /**
     * URL first, then domain (the most specific), then the outlet name the record carries; a rated match wins
     * over an unrated one, so a satire-labelled subdomain does not hide a rated name. Empty when nothing matches:
     * the caller shows the article as unrated.
     */
    public static Optional<Outlet> resolve(OutletRegistry registry, @Nullable String url, @Nullable String domain, @Nullable String name) {
        Optional<Outlet> byDomain = Optional.empty();
        if (url != null && !url.isBlank()) byDomain = registry.find(url);
        if (byDomain.isEmpty() && domain != null && !domain.isBlank()) byDomain = registry.find(domain);
        if (byDomain.filter(Outlet::rated).isPresent()) return byDomain;
        Optional<Outlet> byName = name == null || name.isBlank() ? Optional.empty() : registry.find(name);
        if (byName.filter(Outlet::rated).isPresent()) return byName;
        return byDomain.or(() -> byName);
    }
}
