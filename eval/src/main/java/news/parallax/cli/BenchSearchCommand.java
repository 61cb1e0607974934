package news.parallax.cli;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import news.parallax.search.SearchFilters;
import news.parallax.search.SearchIndex;
import news.parallax.search.SearchResult;
import news.parallax.search.SearchSyntaxException;
import news.parallax.store.Dialect;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench-search", mixinStandardHelpOptions = true,
        description = {"Measure search on the store: queries made of stored articles' titles (fixed seed), query time",
                "percentiles, and recall of each article's story in the top 10; --rebuild also times an index rebuild."})
final class BenchSearchCommand implements Callable<Integer> {
    /** Stories looked at for recall, as a reader scans a first page. */
    private static final int RECALL_DEPTH = 10;
    /** Queries run first and not timed: JIT and page cache. */
    private static final int WARMUP = 20;

    @Mixin
    DataOption data;

    @Option(names = "--queries", defaultValue = "200", description = "Queries to time (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", defaultValue = "14", description = "Seed choosing the titles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--show-misses", description = "Print the titles whose story was not in the top 10.")
    boolean showMisses;

    @Option(names = "--rebuild", description = "Also rebuild the SQLite index and time it.")
    boolean rebuild;

    record Sample(String articleId, String storyId, String title) {}

    @Override
    public Integer call() throws SQLException {
        try (Store store = Services.store(data)) {
            List<Sample> all = new ArrayList<>();
            store.database().query(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT a.id, sa.story_id, a.title FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
                             + " ORDER BY a.id")) {
                    while (rs.next()) if (!rs.getString(3).isBlank()) all.add(new Sample(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                return null;
            });
            if (all.isEmpty()) {
                System.err.println("bench-search: the store has no clustered articles with titles; run ingest first");
                return 2;
            }
            Collections.shuffle(all, new Random(seed));
            SearchIndex index = new SearchIndex(store, Services.registry(data.dir()));
            SearchFilters filters = new SearchFilters(null, null, null, null, false, RECALL_DEPTH);
            for (Sample w : all.subList(Math.max(0, all.size() - WARMUP), all.size())) run(index, w, filters);
            List<Sample> chosen = all.subList(0, Math.min(queries, all.size()));
            long[] nanos = new long[chosen.size()];
            // CPU time of this thread as well (SQLite runs in it): on a shared, loaded machine wall time includes waiting for a core.
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] cpu = new long[chosen.size()];
            int found = 0;
            int rejected = 0;
            for (int i = 0; i < chosen.size(); i++) {
                Sample q = chosen.get(i);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                SearchResult r = run(index, q, filters);
                nanos[i] = System.nanoTime() - t0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                if (r == null) rejected++;
                else if (r.stories().stream().anyMatch(h -> h.id().equals(q.storyId()))) found++;
                else if (showMisses) System.out.printf("miss: %s (article %s, story %s, %d stories found)%n", q.title(), q.articleId(), q.storyId(), r.stories().size());
            }
            long[] sorted = nanos.clone();
            java.util.Arrays.sort(sorted);
            System.out.printf("database %s, %d articles with titles, %d queries (seed %d)%n", store.dialect(), all.size(), chosen.size(), seed);
            System.out.printf("query time ms (wall): p50 %.1f  p95 %.1f  max %.1f%n", pct(sorted, 0.50), pct(sorted, 0.95), sorted[sorted.length - 1] / 1e6);
            java.util.Arrays.sort(cpu);
            System.out.printf("query time ms (CPU): p50 %.1f  p95 %.1f  max %.1f%n", pct(cpu, 0.50), pct(cpu, 0.95), cpu[cpu.length - 1] / 1e6);
            System.out.printf("recall of the article's story in the top %d: %d/%d = %.1f%% (%d titles rejected as queries)%n",
                    RECALL_DEPTH, found, chosen.size(), 100.0 * found / chosen.size(), rejected);
            if (store.dialect() == Dialect.POSTGRESQL) {
                store.database().query(c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT pg_relation_size('articles_search'), pg_relation_size('stories_search'), SUM(pg_column_size(search_doc)) FROM articles")) {
                        rs.next();
                        System.out.printf("index size: GIN articles %.1f MB, GIN stories %.1f MB, tsvector column %.1f MB%n",
                                rs.getLong(1) / 1e6, rs.getLong(2) / 1e6, rs.getLong(3) / 1e6);
                    }
                    return null;
                });
            }
            if (rebuild) System.out.printf("index rebuild: %d ms%n", index.rebuild());
            return 0;
        }
    }

    /** The result, or null when the index refuses the query. */
    private static @Nullable SearchResult run(SearchIndex index, Sample s, SearchFilters filters) {
        try {
            return index.search(String.join(" ", titleWords(s.title())), filters);
        } catch (SearchSyntaxException e) {
            return null;
        }
    }

    /** The title's words, without the punctuation that is query syntax (quotes, a leading '-', upper-case OR). */
    static List<String> titleWords(String title) {
        List<String> out = new ArrayList<>();
        for (String w : title.split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty() && !w.equals("OR")) out.add(w);
        return out.size() > news.parallax.search.SearchQuery.MAX_TERMS ? out.subList(0, news.parallax.search.SearchQuery.MAX_TERMS) : out;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
