package news.parallax.claims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import news.parallax.model.Article;

/**
 * The five seed documents as articles: headline plus body paragraphs, chrome dropped.
 *
 * <p>The product's cleaner strips chrome; this fixture keeps it out of the claims tests with crude
 * rules: body paragraphs are lines of at least {@link #MIN_BODY_LINE_CHARS} characters, kept once, up
 * to the first trailer line ("Media landscape", "Read next", "Loving Newspoint", "Support The-News").
 */
final class SeedStory {
    static final Path DIR = Path.of("../shared/seeds");
    private static final int MIN_BODY_LINE_CHARS = 60;
    private static final List<String> TRAILERS = List.of("Tags:", "Media landscape", "Read next", "Loving Newspoint",
            "Support The-News", "Popular news");
    /** The story ran in October 2024 (DESIGN.md); the dumps carry no machine-readable date. */
    private static final Map<String, String> DATES = Map.of(
            "000", "2024-10-18", "001", "2024-10-19", "002", "2025-06-19", "003", "2024-10-20", "004", "2024-10-23");

    private SeedStory() {}

    static boolean present() {
        return Files.isDirectory(DIR);
    }

    static List<Article> articles() throws IOException {
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.sorted().toList()) out.add(article(f));
        }
        return out;
    }

    static Article article(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String title = "";
        Set<String> body = new LinkedHashSet<>();
        for (String raw : lines) {
            String line = raw.strip().replaceFirst("^•\\s*", "");
            if (TRAILERS.stream().anyMatch(line::startsWith)) break;
            if (title.isEmpty() && line.length() > 20 && !line.startsWith("Main /")) {
                title = line;
                continue;
            }
            if (line.equals(title) || line.startsWith("Main /")) continue;
            if (line.length() >= MIN_BODY_LINE_CHARS || line.startsWith("Source:")) body.add(line);
        }
        String name = file.getFileName().toString();
        String prefix = name.substring(0, 3);
        Instant date = Instant.parse(DATES.getOrDefault(prefix, "2024-10-20") + "T00:00:00Z");
        return new Article(name.replace(".txt", ""), "seed-" + prefix, null, null, title, date, List.of(),
                String.join("\n\n", body), file.toString(), "en", Map.of());
    }
}
