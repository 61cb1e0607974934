package news.parallax.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Atom feeds a page advertises in its head ({@code <link rel="alternate" type="application/atom+xml">}). */
public final class FeedLinks {
    private FeedLinks() {}

    /** One advertised feed: its title for feed readers and its path on this server. */
    public record FeedLink(String title, String href) {}

    /** The top stories feed, on every page that lists stories. */
    public static final FeedLink TOP = new FeedLink("Parallax: top stories", "/feed.atom");

    /** A story list's feeds: the home page's top stories, or on the blindspot page ({@code side} non-null) its feeds. */
    public static List<FeedLink> forList(@Nullable String blindspotSide) {
        List<FeedLink> out = new ArrayList<>();
        if (blindspotSide == null) {
            out.add(TOP);
            return out;
        }
        for (String side : DailyBriefing.BLINDSPOT_SIDES) {
            if (blindspotSide.isEmpty() || blindspotSide.equals(side)) {
                out.add(new FeedLink("Parallax: blindspots for the " + side, "/blindspots.atom?side=" + side));
            }
        }
        return out;
    }

    /** The briefing page's feed, for the same day when the page names one. */
    public static List<FeedLink> forBriefing(@Nullable String date) {
        return List.of(new FeedLink("Parallax: daily briefing", date == null ? "/briefing.atom" : "/briefing.atom?date=" + date));
    }

    /** A topic page's feed. */
    public static List<FeedLink> forTopic(news.parallax.topics.TopicSummary topic) {
        return List.of(new FeedLink("Parallax: " + topic.name(), "/topic/" + topic.slug() + ".atom"));
    }
}
