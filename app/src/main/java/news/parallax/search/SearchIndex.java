package news.parallax.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.parallax.analysis.BlindspotPolicy;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;
import news.parallax.model.Bias;
import news.parallax.model.Side;
import news.parallax.outlets.ArticleOutlets;
import news.parallax.outlets.Outlet;
import news.parallax.outlets.OutletRegistry;
import news.parallax.store.Dialect;
import news.parallax.store.Store;
import news.parallax.store.StoreException;
import news.parallax.store.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Full-text search inside the store: SQLite FTS5 tables {@code article_search} / {@code story_search}, or
 * PostgreSQL's {@code articles.search_doc} tsvector and the expression index on story titles (migration V7;
 * the database keeps both current as rows are written).
 *
 * <p>Ranking. Each matching article gets a relevance {@code r} from the database (FTS5 {@code bm25} with the
 * title weighted {@value #TITLE_WEIGHT}× the body; PostgreSQL {@code ts_rank}, length-normalised, with the title
 * in weight class A and the body in B weighted as much less), divided by the best {@code r} among the candidates so both databases score in 0..1. A story's
 * relevance is its best article's {@code r}, plus {@value #BREADTH_WEIGHT}·ln(1 + its other matching articles),
 * plus {@value #STORY_TITLE_WEIGHT} × its own title's normalised relevance when the title matches. Recency is
 * {@code 1 / (1 + ageDays / }{@value #RECENCY_SCALE_DAYS}{@code )}, the age counted back from the newest article
 * in the store (an archive has no "now"). Score = relevance + {@value #RECENCY_WEIGHT} × recency, for stories
 * (by their last article) and articles alike.
 */
public final class SearchIndex {
    /** Title weight relative to body: FTS5's bm25 column weights; PostgreSQL's ts_rank weights A (title) 1.0, B (body) 1/this. */
    static final double TITLE_WEIGHT = 10.0;
    /** Most article matches read per query, best first: enough to fill the story list after filtering. */
    static final int CANDIDATES = 1000;
    /** Most stories matched by their own title per query. */
    static final int TITLE_CANDIDATES = 100;
    static final double BREADTH_WEIGHT = 0.1;
    static final double STORY_TITLE_WEIGHT = 0.3;
    static final double RECENCY_WEIGHT = 0.25;
    /** Days after which recency has halved. */
    static final double RECENCY_SCALE_DAYS = 30.0;

    /** Story titles as indexed by V7 on PostgreSQL: the expression must match the index's to use it. */
    private static final String PG_STORY_TITLE = "to_tsvector('english', regexp_replace(s.title, '[^0-9A-Za-zÀ-ÖØ-öø-ɏͰ-ϿЀ-ӿ]+', ' ', 'g'))";

    private final Store store;
    private final OutletRegistry registry;
    private final BlindspotPolicy blindspots;

    public SearchIndex(Store store, OutletRegistry registry) {
        this(store, registry, BlindspotPolicy.DEFAULT);
    }

    public SearchIndex(Store store, OutletRegistry registry, BlindspotPolicy blindspots) {
        this.store = store;
        this.registry = registry;
        this.blindspots = blindspots;
    }

    /** Parses {@code text} and searches; {@link SearchSyntaxException} for a malformed query. */
    public SearchResult search(String text, SearchFilters filters) {
        return search(SearchQuery.parse(text), filters);
    }

    private record Candidate(String id, @Nullable String storyId, String title, String outlet, @Nullable String domain,
            @Nullable String url, @Nullable Instant published, double relevance) {}

    private record StoryRow(String id, String title, int sourceCount, int articleCount, @Nullable Instant firstSeen,
            @Nullable Instant lastSeen) {}

    public SearchResult search(SearchQuery query, SearchFilters filters) {
        try {
            return store.database().query(c -> run(c, query, filters));
        } catch (SQLException e) {
            throw new StoreException("search for " + query.text() + " failed: " + e.getMessage(), e);
        }
    }

    private SearchResult run(Connection c, SearchQuery query, SearchFilters f) throws SQLException {
        boolean pg = store.dialect() == Dialect.POSTGRESQL;
        Instant newest = newest(c);

        // Article candidates, best first, with the filters the database can apply.
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (pg) {
            sql.append("SELECT a.id, sa.story_id, a.title, a.outlet, a.domain, a.url, a.published,"
                    + " ts_rank('{0.1, 0.1, " + 1.0 / TITLE_WEIGHT + ", 1.0}', a.search_doc, q, 1) AS rel FROM articles a CROSS JOIN to_tsquery('english', ?) q"
                    + " LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.search_doc @@ q");
            params.add(query.toTsquery());
        } else {
            sql.append("SELECT a.id, sa.story_id, a.title, a.outlet, a.domain, a.url, a.published,"
                    + " -bm25(article_search, " + TITLE_WEIGHT + ", 1.0) AS rel FROM article_search"
                    + " JOIN articles a ON a.rowid = article_search.rowid"
                    + " LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE article_search MATCH ?");
            params.add(query.toFts5());
        }
        if (f.from() != null) {
            sql.append(" AND a.published >= ?");
            params.add(Timestamps.format(f.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" AND a.published < ?");
            params.add(Timestamps.format(f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.outlet() != null) {
            sql.append(" AND (lower(a.outlet) = ? OR a.domain = ?)");
            String o = f.outlet().strip().toLowerCase(Locale.ROOT);
            params.add(o);
            params.add(o.startsWith("www.") ? o.substring(4) : o);
        }
        sql.append(" ORDER BY rel DESC LIMIT ").append(CANDIDATES);
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, (String) params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), instant(rs.getString(7)), rs.getDouble(8)));
                }
            }
        }

        Map<String, Side> sides = new HashMap<>();
        if (f.side() != null) {
            candidates.removeIf(a -> sides.computeIfAbsent(a.id(), k -> side(c, a)) != f.side());
        }
        double best = candidates.stream().mapToDouble(Candidate::relevance).max().orElse(1.0);
        if (best <= 0) best = 1.0;

        // Stories matched by their own title: only without article-level filters, which a title cannot meet.
        Map<String, Double> titleRel = new HashMap<>();
        if (f.outlet() == null && f.side() == null) {
            String tsql = pg
                    ? "SELECT s.id, ts_rank(" + PG_STORY_TITLE + ", q) AS rel FROM stories s CROSS JOIN to_tsquery('english', ?) q"
                            + " WHERE " + PG_STORY_TITLE + " @@ q ORDER BY rel DESC LIMIT " + TITLE_CANDIDATES
                    : "SELECT s.id, -bm25(story_search) AS rel FROM story_search JOIN stories s ON s.rowid = story_search.rowid"
                            + " WHERE story_search MATCH ? ORDER BY rel DESC LIMIT " + TITLE_CANDIDATES;
            try (PreparedStatement ps = c.prepareStatement(tsql)) {
                ps.setString(1, pg ? query.toTsquery() : query.toFts5());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) titleRel.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        double bestTitle = titleRel.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
        if (bestTitle <= 0) bestTitle = 1.0;

        // Aggregate articles into their stories.
        Map<String, List<Candidate>> byStory = new LinkedHashMap<>();
        for (Candidate a : candidates) if (a.storyId() != null) byStory.computeIfAbsent(a.storyId(), k -> new ArrayList<>()).add(a);
        Set<String> storyIds = new HashSet<>(byStory.keySet());
        storyIds.addAll(titleRel.keySet());
        Map<String, StoryRow> rows = stories(c, storyIds);

        record Scored(StoryRow row, int matched, boolean titleMatch, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (StoryRow row : rows.values()) {
            List<Candidate> hits = byStory.getOrDefault(row.id(), List.of());
            if (hits.isEmpty() && !inRange(row, f)) continue;
            double top = hits.stream().mapToDouble(Candidate::relevance).max().orElse(0) / best;
            double relevance = top + BREADTH_WEIGHT * Math.log1p(Math.max(0, hits.size() - 1));
            Double t = titleRel.get(row.id());
            if (t != null) relevance += STORY_TITLE_WEIGHT * (t / bestTitle);
            double score = relevance + RECENCY_WEIGHT * recency(row.lastSeen(), newest);
            scored.add(new Scored(row, hits.size(), t != null, score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.row().id()));

        List<SearchResult.StoryHit> stories = new ArrayList<>();
        for (Scored s : scored) {
            if (stories.size() >= f.limit()) break;
            String blindspot = blindspot(c, s.row().id());
            if (f.blindspots() && blindspot == null) continue;
            StoryRow r = s.row();
            stories.add(new SearchResult.StoryHit(r.id(), r.title(), r.sourceCount(), r.articleCount(), r.firstSeen(), r.lastSeen(),
                    s.matched(), s.titleMatch(), blindspot, round(s.score())));
        }

        Set<String> blindspotStories = new HashSet<>();
        if (f.blindspots()) for (SearchResult.StoryHit h : stories) blindspotStories.add(h.id());
        record ScoredArticle(Candidate a, double score) {}
        List<ScoredArticle> articles = new ArrayList<>();
        for (Candidate a : candidates) {
            // With --blindspots, the articles listed are those of the blindspot stories listed.
            if (f.blindspots() && (a.storyId() == null || !blindspotStories.contains(a.storyId()))) continue;
            articles.add(new ScoredArticle(a, a.relevance() / best + RECENCY_WEIGHT * recency(a.published(), newest)));
        }
        articles.sort(Comparator.comparingDouble(ScoredArticle::score).reversed().thenComparing(s -> s.a().id()));
        List<SearchResult.ArticleHit> articleHits = new ArrayList<>();
        for (ScoredArticle s : articles.subList(0, Math.min(f.limit(), articles.size()))) {
            Candidate a = s.a();
            articleHits.add(new SearchResult.ArticleHit(a.id(), a.storyId(), a.title(), a.outlet(), a.url(), a.published(),
                    sides.computeIfAbsent(a.id(), k -> side(c, a)).key(), round(s.score())));
        }
        return new SearchResult(query.text(), stories, articleHits);
    }

    private static boolean inRange(StoryRow row, SearchFilters f) {
        if (f.from() != null && (row.lastSeen() == null || row.lastSeen().isBefore(f.from().atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            return false;
        }
        return f.to() == null || (row.firstSeen() != null
                && row.firstSeen().isBefore(f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static double recency(@Nullable Instant when, @Nullable Instant newest) {
        if (when == null || newest == null) return 0;
        double ageDays = Math.max(0, Duration.between(when, newest).toSeconds() / 86_400.0);
        return 1.0 / (1.0 + ageDays / RECENCY_SCALE_DAYS);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static @Nullable Instant newest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(published) FROM articles"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? instant(rs.getString(1)) : null;
        }
    }

    private static Map<String, StoryRow> stories(Connection c, Set<String> ids) throws SQLException {
        Map<String, StoryRow> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(ids);
        int chunk = 500;
        for (int from = 0; from < all.size(); from += chunk) {
            List<String> part = all.subList(from, Math.min(all.size(), from + chunk));
            String sql = "SELECT id, title, source_count, article_count, first_seen, last_seen FROM stories WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) ps.setString(i + 1, part.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new StoryRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                instant(rs.getString(5)), instant(rs.getString(6))));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The side a blindspot leaves out, from the story's stored members: independent sources (syndicated copies
     * left out) counted once per outlet and side, as the story page's landscape counts them, then
     * {@link BlindspotPolicy}. Null when the story is no blindspot.
     */
    private @Nullable String blindspot(Connection c, String storyId) throws SQLException {
        Map<Side, Set<String>> sources = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.url, a.domain, a.outlet, sa.copy_of FROM story_articles sa"
                + " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?")) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(5) != null) continue;
                    String domain = rs.getString(3);
                    String outlet = rs.getString(4);
                    Outlet o = ArticleOutlets.resolve(registry, rs.getString(2), domain, outlet).orElse(null);
                    String key = o != null ? o.id() : domain != null ? domain : outlet.isBlank() ? rs.getString(1) : outlet.toLowerCase(Locale.ROOT);
                    sources.computeIfAbsent(o != null ? o.side() : Side.UNRATED, k -> new HashSet<>()).add(key);
                }
            }
        }
        StoryView.Landscape l = new StoryView.Landscape(count(sources, Side.LEFT), count(sources, Side.CENTER),
                count(sources, Side.RIGHT), count(sources, Side.UNRATED));
        return blindspots.detect(l).map(StoryView.Blindspot::side).orElse(null);
    }

    private static int count(Map<Side, Set<String>> m, Side s) {
        return m.getOrDefault(s, Set.of()).size();
    }

    /** The registry's side for the article's outlet, else the side of the record's own bias field, else unrated. */
    private Side side(Connection c, Candidate a) {
        Outlet o = ArticleOutlets.resolve(registry, a.url(), a.domain(), a.outlet()).orElse(null);
        if (o != null && o.side() != Side.UNRATED) return o.side();
        // Only now read the record's other fields: on SQLite they sit after the body, so reading them costs the body.
        String extra = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT extra FROM articles WHERE id = ?")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) extra = rs.getString(1);
            }
        } catch (SQLException e) {
            throw new StoreException("reading article " + a.id() + " failed: " + e.getMessage(), e);
        }
        if (extra == null || extra.isBlank()) return Side.UNRATED;
        try {
            JsonNode bias = Json.mapper().readTree(extra).get("bias");
            if (bias == null || !bias.isTextual()) return Side.UNRATED;
            return Bias.parse(bias.asText()).map(Bias::side).or(() -> Side.parse(bias.asText())).orElse(Side.UNRATED);
        } catch (java.io.IOException e) {
            return Side.UNRATED;
        }
    }

    private static @Nullable Instant instant(@Nullable String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Timestamps.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Rebuilds the index from the stored rows (SQLite; PostgreSQL's generated column needs no rebuild); returns ms. */
    public long rebuild() {
        long t0 = System.nanoTime();
        if (store.dialect() == Dialect.SQLITE) {
            try {
                store.database().execute(c -> {
                    try (var s = c.createStatement()) {
                        s.execute("INSERT INTO article_search (article_search) VALUES ('rebuild')");
                        s.execute("INSERT INTO story_search (story_search) VALUES ('rebuild')");
                    }
                });
            } catch (SQLException e) {
                throw new StoreException("rebuilding the search index failed: " + e.getMessage(), e);
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
