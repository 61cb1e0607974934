package news.parallax.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;

/** The Atom feeds and the daily briefing: page, JSON and feed. Routes are declared in {@link WebServer}'s table. */
final class FeedRoutes {
    /** Stories in the top stories feed: each is analysed for its summary, so a bounded number. */
    static final int TOP_ENTRIES = 30;
    /** Stories in each blindspot feed. */
    static final int BLINDSPOT_ENTRIES = 30;

    private final Store store;
    private final StoryViews views;

    FeedRoutes(Store store, StoryViews views) {
        this.store = store;
        this.views = views;
    }

    void topFeed(Context ctx) {
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (StoryOverview o : views.feed(0, TOP_ENTRIES)) entries.add(new AtomFeed.Entry(o, summary(o), null, List.of()));
        atom(ctx, AtomFeed.write(base(ctx), "Parallax: top stories", "/feed.atom", "/", "feed/top", entries));
    }

    void blindspotFeed(Context ctx) {
        String side = Params.oneOf(ctx, "side", DailyBriefing.BLINDSPOT_SIDES);
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (StoryOverview o : views.blindspots(side, 0, BLINDSPOT_ENTRIES)) {
            entries.add(new AtomFeed.Entry(o, summary(o), blindspotCategory(o), List.of()));
        }
        String title = side == null ? "Parallax: blindspots" : "Parallax: blindspots for the " + side;
        String query = side == null ? "" : "?side=" + side;
        atom(ctx, AtomFeed.write(base(ctx), title, "/blindspots.atom" + query, "/blindspots" + query,
                "feed/blindspots" + (side == null ? "" : "/" + side), entries));
    }

    void briefingPage(Context ctx) {
        String raw = requestedDate(ctx);
        DailyBriefing b = briefing(raw);
        ctx.status(200).contentType("text/html; charset=utf-8").result(Templates.render("briefing.jte", new BriefingPage(b, raw)));
    }

    void briefingJson(Context ctx) {
        ctx.status(200).contentType("application/json; charset=utf-8").result(Json.write(briefing(requestedDate(ctx))));
    }

    void briefingFeed(Context ctx) {
        String raw = requestedDate(ctx);
        DailyBriefing b = briefing(raw);
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (StoryOverview o : b.stories()) {
            String category = b.largest().contains(o) ? "largest" : blindspotCategory(o);
            List<String> figures = b.figuresOf(o.story().id()).stream().map(FeedRoutes::figureLine).toList();
            entries.add(new AtomFeed.Entry(o, summary(o), category, figures));
        }
        String day = b.date().toString();
        String query = raw == null ? "" : "?date=" + day;
        // The default feed follows the latest day; its id stays the same as the days go by, as a feed reader expects.
        atom(ctx, AtomFeed.write(base(ctx), "Parallax briefing for " + day, "/briefing.atom" + query, "/briefing" + query,
                raw == null ? "briefing" : "briefing/" + day, entries));
    }

    /** A feed of the given stories (a topic's, a search's), each entry with its summary, source count and landscape. */
    void storiesFeed(Context ctx, String title, String selfPath, String pagePath, String feedKey, List<StoryOverview> stories) {
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (StoryOverview o : stories) entries.add(new AtomFeed.Entry(o, summary(o), null, List.of()));
        atom(ctx, AtomFeed.write(base(ctx), title, selfPath, pagePath, feedKey, entries));
    }

    /** One figure question as a line of text: "How many ...? 1,500 (NIS; Outlet A, Outlet B); 3,000 (Outlet C)". */
    static String figureLine(StoryView.FigureQuestion q) {
        return "In dispute: " + q.question() + " " + q.answers().stream().map(a -> a.value() + " ("
                + (a.attributedTo() == null ? "" : a.attributedTo() + (a.outlets().isEmpty() ? "" : "; "))
                + a.outlets().stream().map(StoryView.OutletRef::name).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "));
    }

    /** The {@code date} parameter when given, checked; null for the default day. */
    private static @Nullable String requestedDate(Context ctx) {
        String raw = ctx.queryParam("date");
        if (raw == null || raw.isBlank()) return null;
        try {
            return DailyBriefing.parseDate(raw).toString();
        } catch (IllegalArgumentException e) {
            // DailyBriefing's own message, naming the date it could not read.
            throw WebError.badRequest(String.valueOf(e.getMessage()), e);
        }
    }

    private DailyBriefing briefing(@Nullable String date) {
        Instant now = Instant.now();
        LocalDate day = date != null ? LocalDate.parse(date)
                : DailyBriefing.latestDay(store, now).orElse(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return DailyBriefing.select(store, day, views::overview, views::view);
    }

    private @Nullable String summary(StoryOverview o) {
        return views.view(o.story().id()).map(StoryView::summary).orElse(null);
    }

    /**
     * This server's origin as the request reached it. The Host header was checked against the names this server
     * answers (see {@link HostPolicy}) before any route runs, so it cannot point links at another site.
     */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    private static void atom(Context ctx, String body) {
        ctx.status(200).contentType(AtomFeed.CONTENT_TYPE).result(body);
    }

    /** The feed category of a story listed as a blindspot: the listing and the briefing take only one-sided stories there. */
    private static String blindspotCategory(StoryOverview o) {
        StoryView.Blindspot spot = o.blindspot();
        if (spot == null) throw new IllegalStateException("story " + o.story().id() + " is listed as a blindspot but has none");
        return "blindspot-" + spot.side();
    }
}
