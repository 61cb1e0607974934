package news.parallax.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryHeadline;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.model.StoryRef;
import news.parallax.store.Store;
import news.parallax.store.StoreException;
import news.parallax.store.Timestamps;

/**
 * One day's briefing: the day's largest stories, its blindspots for each side and the figures those stories dispute.
 * The page, its Atom feed and {@code ./parallax briefing} all build it here, so they agree.
 *
 * <p>A story belongs to a day when at least one of its articles was published that day (UTC); it is ranked by its
 * whole size (independent sources, then articles), as the home page ranks stories. A story of one source whose every
 * article is opinion, or whose title is a feature's (a question, an explainer), is not among the largest.
 *
 * @param date       the day (UTC)
 * @param storyCount stories with an article published that day
 * @param largest    the day's largest stories, most sources first
 * @param blindspots per side that missed the story ("left", "right"), its blindspots among the day's stories
 * @param figures    the largest stories and blindspots with figures in dispute, each with its questions
 */
public record DailyBriefing(
        @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = com.fasterxml.jackson.databind.ser.std.ToStringSerializer.class)
        LocalDate date, int storyCount, List<StoryOverview> largest,
        Map<String, List<StoryOverview>> blindspots, List<StoryFigures> figures) {

    /** Largest stories a briefing lists. */
    static final int LARGEST = 10;
    /** Blindspots a briefing lists per side. */
    static final int BLINDSPOTS_PER_SIDE = 5;
    /** The day's stories, largest first, scanned for blindspots: one-article stories are no signal and there are many. */
    static final int BLINDSPOT_SCAN = 300;
    /** Sides a blindspot can be missed by, in the order shown. */
    static final List<String> BLINDSPOT_SIDES = List.of("left", "right");
    /**
     * Days ahead of now still counted as "the latest day": a feed dating an article tomorrow (time zones) is common,
     * one dating it next year is an error that must not become the default briefing.
     */
    static final int FUTURE_DAYS_TOLERATED = 1;

    public DailyBriefing {
        largest = List.copyOf(largest);
        blindspots = Map.copyOf(blindspots);
        figures = List.copyOf(figures);
    }

    /** A story of the briefing with its figures in dispute. */
    public record StoryFigures(StoryRef story, List<StoryView.FigureQuestion> questions) {
        public StoryFigures {
            questions = List.copyOf(questions);
        }
    }

    /** A date as {@code YYYY-MM-DD}; anything else is an {@link IllegalArgumentException} naming the value. */
    public static LocalDate parseDate(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date must be a day as YYYY-MM-DD, got: " + Params.shorten(raw));
        }
    }

    /** The latest day (UTC) with a published article, days far in the future ignored; empty when none. */
    public static Optional<LocalDate> latestDay(Store store, Instant now) {
        Instant cap = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(FUTURE_DAYS_TOLERATED + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        String sql = "SELECT MAX(published) FROM articles WHERE published IS NOT NULL AND published < ?";
        try {
            return store.database().query(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Timestamps.set(ps, 1, cap);
                    try (ResultSet rs = ps.executeQuery()) {
                        Instant max = rs.next() ? Timestamps.get(rs, 1) : null;
                        return max == null ? Optional.<LocalDate>empty() : Optional.of(LocalDate.ofInstant(max, ZoneOffset.UTC));
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("find the latest day with articles in " + store.location(), e);
        }
    }

    /** The briefing for {@code date}, with the standalone analysis (the CLI's; the web server passes its caches). */
    public static DailyBriefing select(Store store, StoryAnalyzer analyzer, LocalDate date) {
        Function<StoryRef, StoryOverview> overview = ref -> store.story(ref.id())
                .map(m -> DefaultStoryAnalyzer.of(analyzer).map(d -> d.overview(m)).orElseGet(() -> {
                    StoryView v = analyzer.analyze(m);
                    return new StoryOverview(m.ref(), v.landscape(), v.blindspot());
                }))
                .orElse(new StoryOverview(ref, new StoryView.Landscape(0, 0, 0, 0), null));
        return select(store, date, overview, id -> store.story(id).map(analyzer::analyze));
    }

    /**
     * The briefing for {@code date}.
     *
     * @param overview a story's landscape and blindspot
     * @param view     a story's full analysis (for its figures); empty when the story is gone
     */
    static DailyBriefing select(Store store, LocalDate date, Function<StoryRef, StoryOverview> overview,
            Function<String, Optional<StoryView>> view) {
        List<StoryRef> day = storiesOf(store, date);
        List<StoryOverview> largest = new ArrayList<>();
        for (StoryRef ref : day) {
            if (largest.size() == LARGEST) break;
            if (ref.sourceCount() < 2 && onlyCommentary(view.apply(ref.id()))) continue;
            largest.add(overview.apply(ref));
        }
        Map<String, List<StoryOverview>> blindspots = new LinkedHashMap<>();
        for (String side : BLINDSPOT_SIDES) blindspots.put(side, new ArrayList<>());
        for (StoryRef ref : day.subList(0, Math.min(BLINDSPOT_SCAN, day.size()))) {
            if (ref.sourceCount() < 2) break;
            StoryOverview o = overview.apply(ref);
            if (o.blindspot() == null) continue;
            List<StoryOverview> list = blindspots.get(o.blindspot().side());
            if (list != null && list.size() < BLINDSPOTS_PER_SIDE) list.add(o);
        }
        Set<StoryRef> shown = new LinkedHashSet<>();
        largest.forEach(o -> shown.add(o.story()));
        blindspots.values().forEach(l -> l.forEach(o -> shown.add(o.story())));
        List<StoryFigures> figures = new ArrayList<>();
        for (StoryRef ref : shown) {
            if (ref.sourceCount() < 2) continue; // one source disputes nothing
            view.apply(ref.id()).filter(v -> !v.figures().isEmpty()).ifPresent(v -> figures.add(new StoryFigures(ref, v.figures())));
        }
        Map<String, List<StoryOverview>> frozen = new LinkedHashMap<>();
        blindspots.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new DailyBriefing(date, day.size(), largest, frozen, figures);
    }

    /**
     * A story told only by opinion pieces, or named by a feature's title (a question, an explainer): on a day with few
     * stories covered twice, one outlet's columns would otherwise fill "the day's largest stories", and a column is
     * no news of the day.
     */
    private static boolean onlyCommentary(Optional<StoryView> view) {
        return view.map(v -> StoryHeadline.isFeatureTitle(v.title())
                || !v.articles().isEmpty() && v.articles().stream().allMatch(StoryView.ArticleView::opinion)).orElse(true);
    }

    /** Stories with an article published on {@code date} (UTC), largest first. */
    static List<StoryRef> storiesOf(Store store, LocalDate date) {
        // published is a fixed-width ISO-8601 instant in UTC (store.Timestamps), so text order is time order.
        String sql = "SELECT DISTINCT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
                + " WHERE a.published >= ? AND a.published < ?";
        List<String> ids = new ArrayList<>();
        try {
            store.database().query(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Timestamps.set(ps, 1, date.atStartOfDay(ZoneOffset.UTC).toInstant());
                    Timestamps.set(ps, 2, date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) ids.add(rs.getString(1));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("list the stories of " + date + " in " + store.location(), e);
        }
        List<StoryRef> refs = new ArrayList<>();
        for (String id : ids) store.storyRef(id).ifPresent(refs::add);
        refs.sort(Comparator.comparingInt(StoryRef::sourceCount).reversed()
                .thenComparing(Comparator.comparingInt(StoryRef::articleCount).reversed())
                .thenComparing(StoryRef::id));
        return refs;
    }

    /** Every story of the briefing once: the largest, then each side's blindspots. */
    public List<StoryOverview> stories() {
        Map<String, StoryOverview> out = new LinkedHashMap<>();
        largest.forEach(o -> out.putIfAbsent(o.story().id(), o));
        for (String side : BLINDSPOT_SIDES) blindspots.getOrDefault(side, List.of()).forEach(o -> out.putIfAbsent(o.story().id(), o));
        return List.copyOf(out.values());
    }

    /** The figures in dispute of one story of the briefing; empty when it has none. */
    public List<StoryView.FigureQuestion> figuresOf(String storyId) {
        return figures.stream().filter(f -> f.story().id().equals(storyId)).findFirst().map(StoryFigures::questions).orElse(List.of());
    }
}
