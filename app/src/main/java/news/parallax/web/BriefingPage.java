package news.parallax.web;

import org.jspecify.annotations.Nullable;

/**
 * The daily briefing page.
 *
 * @param briefing   the day's selection
 * @param requested  the date the request named, null for the default (the latest day with articles)
 */
public record BriefingPage(DailyBriefing briefing, @Nullable String requested) {
    public String day() {
        return briefing.date().toString();
    }

    public String previousHref() {
        return "/briefing?date=" + briefing.date().minusDays(1);
    }

    public String nextHref() {
        return "/briefing?date=" + briefing.date().plusDays(1);
    }
}
