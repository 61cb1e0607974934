package news.parallax.cli;

import java.util.concurrent.Callable;
import news.parallax.internal.Json;
import news.parallax.search.SearchFilters;
import news.parallax.search.SearchIndex;
import news.parallax.search.SearchResult;
import news.parallax.search.SearchSyntaxException;
import news.parallax.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search stories and articles in the store: words, \"quoted phrases\", a OR b, -word to exclude.",
                "Exit status 2 with a message for a malformed query or filter."})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (several arguments are joined by spaces).")
    String[] query;

    @Option(names = "--json", description = "One JSON object: query, stories (id, title, sourceCount, articleCount, firstSeen, "
            + "lastSeen, matchedArticles, titleMatch, blindspot, score), articles (id, storyId, title, outlet, url, published, side, score).")
    boolean json;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Articles published on or after this day (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Articles published on or before this day (UTC).")
    String to;

    @Option(names = "--outlet", paramLabel = "NAME", description = "Only articles of this outlet (name or domain).")
    String outlet;

    @Option(names = "--side", paramLabel = "SIDE", description = "Only articles from left, center or right outlets.")
    String side;

    @Option(names = "--blindspots", description = "Only stories that are a blindspot for one side.")
    boolean blindspots;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + SearchFilters.DEFAULT_LIMIT,
            description = "At most N stories and N articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        SearchFilters filters;
        try {
            filters = new SearchFilters(SearchFilters.day("--from", from), SearchFilters.day("--to", to), outlet,
                    SearchFilters.side(side), blindspots, limit);
        } catch (SearchSyntaxException e) {
            System.err.println("search: " + e.getMessage());
            return 2;
        }
        try (Store store = Services.store(data)) {
            SearchResult result = new SearchIndex(store, Services.registry(data.dir())).search(String.join(" ", query), filters);
            if (json) {
                System.out.println(Json.write(result));
                return 0;
            }
            System.out.printf("Stories (%d)%n", result.stories().size());
            for (SearchResult.StoryHit s : result.stories()) {
                System.out.printf("  %s  %6.3f  %3d sources  %3d matched%s  %s%n", s.id(), s.score(), s.sourceCount(), s.matchedArticles(),
                        s.blindspot() == null ? "" : "  blindspot:" + s.blindspot(), s.title());
            }
            System.out.printf("Articles (%d)%n", result.articles().size());
            for (SearchResult.ArticleHit a : result.articles()) {
                System.out.printf("  %s  %6.3f  %-10s %-7s %s  %s%n", a.published() == null ? "undated   " : a.published().toString().substring(0, 10),
                        a.score(), a.outlet().length() > 10 ? a.outlet().substring(0, 10) : a.outlet(), a.side(), a.title(),
                        a.storyId() == null ? "" : "[" + a.storyId() + "]");
            }
            return 0;
        } catch (SearchSyntaxException e) {
            System.err.println("search: " + e.getMessage());
            return 2;
        }
    }
}
