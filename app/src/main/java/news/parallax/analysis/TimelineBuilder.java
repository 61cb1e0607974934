package news.parallax.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import news.parallax.model.Side;

/** Builds a story's timeline: who reported first and how many independent articles each side added per period. */
final class TimelineBuilder {
    /** Stories shorter than this are bucketed by hour, so a one-day story still shows its shape. */
    static final Duration HOURLY_UP_TO = Duration.ofHours(48);
    /** Stories up to this long are bucketed by day, longer ones by week. */
    static final Duration DAILY_UP_TO = Duration.ofDays(60);
    /** Longer than this, 30-day buckets, so a story clustered over years stays a readable chart. */
    static final Duration WEEKLY_UP_TO = Duration.ofDays(730);

    private TimelineBuilder() {}

    /** A member with its publication time, which the timeline needs. */
    private record Dated(StorySources.Member member, Instant published) {}

    static StoryView.Timeline build(List<StorySources.Member> independent) {
        List<Dated> dated = new ArrayList<>();
        for (StorySources.Member m : independent) {
            Instant published = m.article().published();
            if (published != null) dated.add(new Dated(m, published));
        }
        dated.sort(Comparator.comparing(Dated::published));
        int undated = independent.size() - dated.size();
        if (dated.isEmpty()) return new StoryView.Timeline(null, "day", List.of(), undated);
        StorySources.Member first = dated.get(0).member();
        Instant start = dated.get(0).published();
        var firstReport = new StoryView.FirstReport(first.article().id(), first.sourceName(), first.side().key(), start);
        Instant end = dated.get(dated.size() - 1).published();
        Duration span = Duration.between(start, end);
        String unit;
        Duration width;
        if (span.compareTo(HOURLY_UP_TO) <= 0) {
            unit = "hour";
            width = Duration.ofHours(1);
        } else if (span.compareTo(DAILY_UP_TO) <= 0) {
            unit = "day";
            width = Duration.ofDays(1);
        } else if (span.compareTo(WEEKLY_UP_TO) <= 0) {
            unit = "week";
            width = Duration.ofDays(7);
        } else {
            unit = "month";
            width = Duration.ofDays(30);
        }
        Instant origin = unit.equals("hour") ? start.truncatedTo(ChronoUnit.HOURS) : start.truncatedTo(ChronoUnit.DAYS);
        TreeMap<Long, int[]> counts = new TreeMap<>();
        for (Dated d : dated) {
            long slot = Duration.between(origin, d.published()).toMillis() / width.toMillis();
            counts.computeIfAbsent(slot, k -> new int[Side.values().length])[d.member().side().ordinal()]++;
        }
        List<StoryView.TimelineBucket> buckets = new ArrayList<>();
        long last = counts.lastKey();
        for (long slot = 0; slot <= last; slot++) {
            int[] c = counts.getOrDefault(slot, new int[Side.values().length]);
            buckets.add(new StoryView.TimelineBucket(origin.plus(width.multipliedBy(slot)), c[Side.LEFT.ordinal()],
                    c[Side.CENTER.ordinal()], c[Side.RIGHT.ordinal()], c[Side.UNRATED.ordinal()]));
        }
        return new StoryView.Timeline(firstReport, unit, buckets, undated);
    }
}
