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
import news.parallax.model.Domains;
import news.parallax.model.Side;

/**
 * Bench command: how many records of a JSONL(.gz) article file resolve to a rated outlet, by URL domain first and
 * then by the record's {@code source} name, and how often the resolved side agrees with the record's own
 * {@code bias} field where it has one.
 *
 * <p>Run: {@code java -cp "$EVAL_CP" news.parallax.outlets.RegistryCoverage
 * ../shared/data/articles/allsides-articles.jsonl.gz [data dir with outlets.json]}
 */
public final class RegistryCoverage {
    private static final int TOP_MISSES = 25;

    /** What {@link #measure} counted. */
    public record Result(int records, int rated, int ratedByDomainAlone, int ratedByNameAlone, int knownUnrated,
            int withDeclaredSide, int sideAgrees, Map<Side, Integer> sides, Map<String, Integer> misses, long millis) {
        public double ratedShare() {
            return records == 0 ? 0 : (double) rated / records;
        }
    }

    private RegistryCoverage() {}

    /** Resolves every record: URL domain first; a domain without a position falls back to the record's name. */
    public static Result measure(Path file, DefaultOutletRegistry registry) throws IOException {
        int total = 0, domainOnly = 0, nameOnly = 0, rated = 0, unrated = 0, withDeclared = 0, agree = 0;
        Map<String, Integer> misses = new HashMap<>();
        Map<Side, Integer> sides = new EnumMap<>(Side.class);
        long t0 = System.nanoTime();
        try (var raw = Files.newInputStream(file);
                var in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode r;
                try {
                    r = RegistryFile.json().readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + " line " + lineNo + ": not a JSON object", e);
                }
                total++;
                String url = r.path("url").asText("");
                String source = r.path("source").asText("");
                Optional<Outlet> byDomain = url.isEmpty() ? Optional.empty() : registry.findByDomain(url);
                Optional<Outlet> byName = registry.findByName(source);
                if (byDomain.filter(Outlet::rated).isPresent()) domainOnly++;
                if (byName.filter(Outlet::rated).isPresent()) nameOnly++;
                Optional<Outlet> o = byDomain.filter(Outlet::rated).or(() -> byName.filter(Outlet::rated)).or(() -> byDomain).or(() -> byName);
                if (o.isPresent() && o.get().rated()) {
                    rated++;
                    sides.merge(o.get().side(), 1, Integer::sum);
                    Optional<Side> declared = Side.parse(r.path("bias").asText(""));
                    if (declared.isPresent()) {
                        withDeclared++;
                        if (declared.get() == o.get().side()) agree++;
                    }
                } else {
                    if (o.isPresent()) unrated++;
                    misses.merge(source + " <" + Domains.host(url).orElse("-") + ">", 1, Integer::sum);
                }
            }
        }
        return new Result(total, rated, domainOnly, nameOnly, unrated, withDeclared, agree, sides, misses,
                (System.nanoTime() - t0) / 1_000_000);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RegistryCoverage <articles.jsonl[.gz]> [data dir]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        DefaultOutletRegistry registry = args.length > 1 ? OutletRegistries.standard(Path.of(args[1])) : OutletRegistries.bundled();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        Result r = measure(Path.of(args[0]), registry);
        System.out.printf(Locale.ROOT, "registry: %d outlets, %d with a position (loaded in %d ms)%n",
                registry.all().size(), registry.all().stream().filter(Outlet::rated).count(), loadMs);
        System.out.printf(Locale.ROOT, "records: %d; resolved to a rated outlet: %d (%.2f%%); known but unrated: %d; unknown: %d%n",
                r.records(), r.rated(), 100 * r.ratedShare(), r.knownUnrated(), r.records() - r.rated() - r.knownUnrated());
        System.out.printf(Locale.ROOT, "rated by url domain alone: %d (%.2f%%); by source name alone: %d (%.2f%%)%n",
                r.ratedByDomainAlone(), 100.0 * r.ratedByDomainAlone() / Math.max(1, r.records()), r.ratedByNameAlone(),
                100.0 * r.ratedByNameAlone() / Math.max(1, r.records()));
        System.out.printf(Locale.ROOT, "side agrees with the record's own bias label: %d of %d (%.2f%%); sides %s%n",
                r.sideAgrees(), r.withDeclaredSide(), 100.0 * r.sideAgrees() / Math.max(1, r.withDeclaredSide()), r.sides());
        System.out.printf(Locale.ROOT, "lookup time: %d ms for %d records (JSON parsing included)%n", r.millis(), r.records());
        System.out.println("most frequent records without a rated outlet:");
        r.misses().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP_MISSES)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
    }
}
