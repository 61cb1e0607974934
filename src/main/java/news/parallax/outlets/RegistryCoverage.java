package news.parallax.outlets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import news.parallax.model.Side;

/**
 * Bench command: how many records of a JSONL(.gz) article file resolve to a rated outlet, by URL domain first and
 * then by the record's {@code source} name, and how often the resolved side agrees with the record's own
 * {@code bias} field where it has one.
 *
 * <p>Run: {@code java -cp target/classes:$(cat cp.txt) news.parallax.outlets.RegistryCoverage
 * ../shared/data/articles/allsides-articles.jsonl.gz [data dir with outlets.json]}
 */
public final class RegistryCoverage {
    private static final int TOP_MISSES = 25;

    private RegistryCoverage() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RegistryCoverage <articles.jsonl[.gz]> [data dir]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        DefaultOutletRegistry registry = args.length > 1 ? OutletRegistries.standard(Path.of(args[1])) : OutletRegistries.bundled();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        int total = 0, domainOnly = 0, nameOnly = 0, byDomain = 0, byName = 0, ratedHits = 0, unratedHits = 0, withDeclared = 0, agree = 0;
        Map<String, Integer> misses = new HashMap<>();
        Map<Side, Integer> sides = new EnumMap<>(Side.class);
        Path file = Path.of(args[0]);
        long t1 = System.nanoTime();
        try (var raw = Files.newInputStream(file);
                var in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode r = RegistryFile.json().readTree(line);
                total++;
                String url = r.path("url").asText("");
                String source = r.path("source").asText("");
                if (!url.isEmpty() && registry.findByDomain(url).filter(Outlet::rated).isPresent()) domainOnly++;
                if (registry.findByName(source).filter(Outlet::rated).isPresent()) nameOnly++;
                Optional<Outlet> o = url.isEmpty() ? Optional.empty() : registry.findByDomain(url);
                // A domain without a position (a satire or unrated site) falls through to the record's name.
                if (o.isPresent() && o.get().rated()) byDomain++;
                else {
                    Optional<Outlet> n = registry.findByName(source);
                    if (n.isPresent() && (n.get().rated() || o.isEmpty())) {
                        o = n;
                        byName++;
                    } else if (o.isPresent()) byDomain++;
                }
                if (o.isPresent() && o.get().rated()) {
                    ratedHits++;
                    sides.merge(o.get().side(), 1, Integer::sum);
                    Optional<Side> declared = Side.parse(r.path("bias").asText(""));
                    if (declared.isPresent()) {
                        withDeclared++;
                        if (declared.get() == o.get().side()) agree++;
                    }
                } else {
                    if (o.isPresent()) unratedHits++;
                    misses.merge(source + " <" + Domains.domainOf(url).orElse("-") + ">", 1, Integer::sum);
                }
            }
        }
        long scanMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf(Locale.ROOT, "registry: %d outlets, %d with a position (loaded in %d ms)%n",
                registry.all().size(), registry.all().stream().filter(Outlet::rated).count(), loadMs);
        System.out.printf(Locale.ROOT, "records: %d; resolved to a rated outlet: %d (%.2f%%); matched by domain %d, by name %d;"
                + " known but unrated: %d; unknown: %d%n", total, ratedHits, 100.0 * ratedHits / Math.max(1, total),
                byDomain, byName, unratedHits, total - ratedHits - unratedHits);
        System.out.printf(Locale.ROOT, "rated by url domain alone: %d (%.2f%%); by source name alone: %d (%.2f%%)%n",
                domainOnly, 100.0 * domainOnly / Math.max(1, total), nameOnly, 100.0 * nameOnly / Math.max(1, total));
        System.out.printf(Locale.ROOT, "side agrees with the record's own bias label: %d of %d (%.2f%%); sides %s%n",
                agree, withDeclared, 100.0 * agree / Math.max(1, withDeclared), sides);
        System.out.printf(Locale.ROOT, "lookup time: %d ms for %d records%n", scanMs, total);
        System.out.println("most frequent records without a rated outlet:");
        misses.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP_MISSES)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
    }
}
