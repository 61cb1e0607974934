package news.parallax.analysis;

import news.parallax.model.StoryMembers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import news.parallax.model.Article;
import news.parallax.model.StoryRef;

/** Builders for hand-written test stories. */
final class Fixtures {
    static final Path SEEDS = Path.of("../shared/seeds");

    private Fixtures() {}

    static Article article(String id, String outlet, String domain, String title, String published, String text) {
        return new Article(id, outlet, domain, "https://" + domain + "/" + id, title, Instant.parse(published), List.of(),
                text, "fixture:" + id, "en", Map.of());
    }

    static StoryMembers story(List<Article> articles, Map<String, String> copyOf) {
        StoryRef ref = new StoryRef("s1", articles.get(0).title(), articles.size(), articles.size(), articles.get(0).published(),
                articles.get(articles.size() - 1).published(), articles.stream().map(Article::id).toList());
        return new StoryMembers(ref, articles, copyOf, Map.of());
    }

    /** The five seed documents as articles of unknown outlets: first line as title, the rest as body. */
    static List<Article> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> {
                try {
                    String content = Files.readString(p);
                    int nl = content.indexOf('\n');
                    String name = p.getFileName().toString().replace(".txt", "");
                    return new Article(name, "Seed outlet " + name.substring(0, 3), "seed" + name.substring(0, 3) + ".example",
                            null, content.substring(0, nl).strip(), Instant.parse("2024-10-18T00:00:00Z"), List.of(),
                            content.substring(nl + 1), p.toString(), "en", Map.of());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
