package news.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import news.parallax.claims.ClaimAnalyzer;
import news.parallax.claims.JsonlArticles;
import news.parallax.claims.ClaimTable;
import news.parallax.claims.StoryArticles;
import news.parallax.claims.StoryClaims;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code claims STORY [--json]}: who reports which figures in a story, attributed to whom, and where they disagree.
 *
 * <p>STORY is a story id of the store (when a {@link StoryArticles} lookup is supplied), a folder of
 * text files (first line headline, then body), or a JSONL(.gz) file of articles.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "Claim-level comparison of a story: figures, sources, stances, disagreements.")
public final class ClaimsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STORY", description = "story id, folder of .txt articles, or .jsonl(.gz) file")
    String story;

    @Option(names = "--json", description = "print claims, entities and groups as JSON")
    boolean json;

    @Mixin
    DataOption data;

    private final @Nullable StoryArticles stored;

    /** A command that reads stories from files only. */
    public ClaimsCommand() {
        this(null);
    }

    /** A command that also finds stored stories by id through {@code stored}. */
    public ClaimsCommand(@Nullable StoryArticles stored) {
        this.stored = stored;
    }

    /** Runs the command without the launcher ({@code java -cp ... news.parallax.cli.ClaimsCommand}). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ClaimsCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Article> articles = load();
        if (articles.isEmpty()) {
            System.err.println("claims: no articles for story " + story);
            return 1;
        }
        StoryClaims claims = new ClaimAnalyzer().analyze(articles);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            System.out.println(mapper.writeValueAsString(claims));
        } else {
            System.out.print(ClaimTable.render(claims));
        }
        return 0;
    }

    private List<Article> load() throws Exception {
        Path path = Path.of(story);
        if (Files.isDirectory(path)) return textFolder(path);
        if (Files.isRegularFile(path)) return JsonlArticles.read(path, id -> true, Integer.MAX_VALUE);
        if (stored == null) throw new IllegalArgumentException("claims: no such file or folder: " + story);
        return stored.find(story, data.dir(), data.db());
    }

    private static List<Article> textFolder(Path dir) throws Exception {
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                String title = lines.isEmpty() ? "" : lines.get(0).strip();
                String body = String.join("\n", lines.subList(Math.min(1, lines.size()), lines.size()));
                out.add(new Article(f.getFileName().toString().replaceFirst("\\.txt$", ""), dir.getFileName().toString(),
                        null, null, title, null, List.of(), body, f.toString(), null, Map.of()));
            }
        }
        return out;
    }
}
