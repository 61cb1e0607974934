package news.parallax.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import news.parallax.extract.eval.FundusPage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Evidence tool for the title rule (test scope, not part of the product): for each labelled page, which
 * single title source equals the label after whitespace normalisation; the best any fixed priority order
 * over the sources can do; whether the label's source is consistent within a publisher; and the bound of
 * picking the right source on every page. Sources are read exactly as the extractor reads them.
 *
 * <pre>mvn -q -o -DskipTests package && java -cp "eval/target/test-classes:$EVAL_CP" \
 *     news.parallax.extract.TitleSourceEvidence DIR [--pages]</pre>
 * ({@code EVAL_CP} as in README.md: the product's and the eval module's jars and lib folders).
 */
public final class TitleSourceEvidence {
    /** The single sources a fixed order chooses among. */
    enum Source { LD, META_HEADLINE, OG, TWITTER, TITLE_STRIPPED, H1 }

    record Row(FundusPage page, String publisher, Map<Source, String> values, Set<Source> matches,
            boolean rawTitleMatches, boolean anyH1Matches, boolean oursMatches, String label) {}

    public static void main(String[] args) throws Exception {
        List<FundusPage> pages = FundusPage.load(Path.of(args[0]));
        boolean listPages = Arrays.asList(args).contains("--pages");
        List<Row> rows = new ArrayList<>();
        for (FundusPage p : pages) rows.add(row(p));
        if (listPages) {
            for (Row r : rows) {
                System.out.printf("%s %-40s ours=%s match=%s%n", r.page.english() ? "en" : "xx",
                        r.page.file().getFileName(), r.oursMatches ? "ok" : "MISS", r.matches);
            }
            System.out.println();
        }
        report("english", rows, r -> r.page.english());
        report("all", rows, r -> true);
        publishers(rows);
    }

    private static Row row(FundusPage p) throws ExtractionException {
        String location = p.url().isEmpty() ? p.file().toString() : p.url();
        byte[] html = p.html();
        Document doc = DefaultHtmlExtractor.parse(html, location, null);
        PageIndex index = PageIndex.of(doc);
        DeclaredMetadata meta = MetadataReader.read(index, location);
        Map<Source, String> v = new EnumMap<>(Source.class);
        put(v, Source.LD, MetadataReader.readJsonLd(index).headline);
        put(v, Source.META_HEADLINE, index.headHeadline);
        put(v, Source.OG, index.meta("og:title"));
        put(v, Source.TWITTER, index.meta("twitter:title"));
        put(v, Source.TITLE_STRIPPED, DefaultHtmlExtractor.stripSiteName(meta.titleTag(), meta.siteName()));
        boolean anyH1 = false;
        String label = norm(p.expectedTitle());
        for (Element h : index.h1s) {
            if (DefaultHtmlExtractor.isHidden(h)) continue;
            String t = Text.normalize(h.text());
            if (t.isEmpty()) continue;
            if (!v.containsKey(Source.H1)) put(v, Source.H1, t);
            anyH1 |= norm(t).equals(label);
        }
        Set<Source> m = new HashSet<>();
        v.forEach((s, x) -> { if (norm(x).equals(label)) m.add(s); });
        String ours = HtmlExtractors.standard().extract(html, location, null).title();
        return new Row(p, p.country() + "/" + p.file().getFileName().toString().replaceFirst("_\\d{4}_\\d{2}_\\d{2}\\.html\\.gz$", ""),
                v, m, norm(meta.titleTag()).equals(label), anyH1, ours != null && norm(ours).equals(label), label);
    }

    private static void put(Map<Source, String> v, Source s, String value) {
        if (value != null && !value.isBlank()) v.put(s, value);
    }

    /** Whitespace normalisation as the evaluation applies it. */
    static String norm(String s) {
        return s.replaceAll("(?U)[\\s\\u00A0\\u2007\\u202F]+", " ").trim();
    }

    static boolean correct(Row r, List<Source> order) {
        for (Source s : order) if (r.values.containsKey(s)) return r.matches.contains(s);
        return false;
    }

    static List<List<Source>> orders() {
        List<List<Source>> out = new ArrayList<>();
        permute(new ArrayList<>(List.of(Source.values())), 0, out);
        return out;
    }

    private static void permute(List<Source> a, int k, List<List<Source>> out) {
        if (k == a.size()) { out.add(List.copyOf(a)); return; }
        for (int i = k; i < a.size(); i++) {
            java.util.Collections.swap(a, k, i);
            permute(a, k + 1, out);
            java.util.Collections.swap(a, k, i);
        }
    }

    private static void report(String subset, List<Row> all, Predicate<Row> filter) {
        List<Row> rows = all.stream().filter(filter).toList();
        int n = rows.size();
        System.out.printf("== %s: %d pages%n", subset, n);
        for (Source s : Source.values()) {
            long present = rows.stream().filter(r -> r.values.containsKey(s)).count();
            long ok = rows.stream().filter(r -> r.matches.contains(s)).count();
            System.out.printf("  %-15s present %3d  equals label %3d (%s)%n", s, present, ok, pct(ok, n));
        }
        Map<Integer, List<List<Source>>> byScore = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (List<Source> o : orders()) {
            int ok = (int) rows.stream().filter(r -> correct(r, o)).count();
            byScore.computeIfAbsent(ok, x -> new ArrayList<>()).add(o);
        }
        int shown = 0;
        for (var e : byScore.entrySet()) {
            if (shown++ >= 3) break;
            // Orders that differ only after the first decisive sources tie; show one and how many tie.
            System.out.printf("  fixed order %s: %s (%d orders tie)%n", pct(e.getKey(), n), e.getValue().getFirst(), e.getValue().size());
        }
        int worst = java.util.Collections.min(byScore.keySet());
        System.out.printf("  worst fixed order %s%n", pct(worst, n));
        long any = rows.stream().filter(r -> !r.matches.isEmpty()).count();
        long anyWide = rows.stream().filter(r -> !r.matches.isEmpty() || r.rawTitleMatches || r.anyH1Matches).count();
        long ours = rows.stream().filter(Row::oursMatches).count();
        long oursBeyond = rows.stream().filter(r -> r.oursMatches && r.matches.isEmpty()).count();
        System.out.printf("  best source per page (upper bound) %s; adding raw title tag and any visible h1 %s%n", pct(any, n), pct(anyWide, n));
        System.out.printf("  current rule %s (%d of them match no single source above)%n", pct(ours, n), oursBeyond);
        long disagree = rows.stream().filter(r -> new HashSet<>(r.values.values().stream().map(TitleSourceEvidence::norm).toList()).size() > 1).count();
        System.out.printf("  pages whose present sources disagree %d%n", disagree);
    }

    /** Whether the label's source is consistent within publishers (2+ pages) and how it varies between them. */
    private static void publishers(List<Row> rows) {
        Map<String, List<Row>> byPublisher = new LinkedHashMap<>();
        for (Row r : rows) byPublisher.computeIfAbsent(r.publisher, x -> new ArrayList<>()).add(r);
        int pubs = 0, pagesIn = 0, consistent = 0, informative = 0, informativeConsistent = 0, unreachable = 0;
        Map<Source, Integer> consistentFor = new EnumMap<>(Source.class);
        Map<Source, Integer> consistentAlone = new EnumMap<>(Source.class);
        Map<Source, Integer> excludes = new EnumMap<>(Source.class);
        int perPublisherBest = 0;
        List<List<Source>> orders = orders();
        List<Row> multi = new ArrayList<>();
        for (var e : byPublisher.entrySet()) {
            List<Row> rs = e.getValue();
            if (rs.size() < 2) continue;
            pubs++;
            pagesIn += rs.size();
            multi.addAll(rs);
            Set<Source> common = new HashSet<>(List.of(Source.values()));
            for (Row r : rs) common.retainAll(r.matches);
            if (!common.isEmpty()) consistent++;
            if (rs.stream().anyMatch(r -> r.matches.isEmpty())) unreachable++;
            for (Source s : common) consistentFor.merge(s, 1, Integer::sum);
            // Informative: some page where the sources disagree, so the label's source can be told.
            List<Row> told = rs.stream().filter(r -> !r.matches.isEmpty() && r.matches.size() < r.values.size()).toList();
            if (!told.isEmpty()) {
                informative++;
                Set<Source> c = new HashSet<>(List.of(Source.values()));
                for (Row r : told) c.retainAll(r.matches);
                if (!c.isEmpty()) {
                    informativeConsistent++;
                    for (Source s : Source.values()) if (!c.contains(s)) excludes.merge(s, 1, Integer::sum);
                }
                if (c.size() == 1) consistentAlone.merge(c.iterator().next(), 1, Integer::sum);
            }
            int best = 0;
            for (List<Source> o : orders) best = Math.max(best, (int) rs.stream().filter(r -> correct(r, o)).count());
            perPublisherBest += best;
        }
        int globalBest = 0;
        for (List<Source> o : orders) globalBest = Math.max(globalBest, (int) multi.stream().filter(r -> correct(r, o)).count());
        System.out.printf("== publishers with 2+ pages: %d (%d pages)%n", pubs, pagesIn);
        System.out.printf("  one source equals the label on all of a publisher's pages: %d of %d (%d have a page no source matches)%n",
                consistent, pubs, unreachable);
        System.out.printf("  per source, publishers it matches on every page: %s%n", consistentFor);
        System.out.printf("  publishers with a page whose sources disagree: %d; of them one source consistent on those pages: %d;"
                + " consistent and single source: %s%n", informative, informativeConsistent, consistentAlone);
        System.out.printf("  of those consistent publishers, how many a given source would get wrong: %s%n", excludes);
        System.out.printf("  on these pages: best global fixed order %s, best fixed order per publisher %s%n",
                pct(globalBest, pagesIn), pct(perPublisherBest, pagesIn));
    }

    private static String pct(long k, int n) {
        return String.format(Locale.ROOT, "%d/%d = %.1f%%", k, n, 100.0 * k / n);
    }
}
