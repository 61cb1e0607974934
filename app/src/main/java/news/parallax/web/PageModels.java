package news.parallax.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.fetch.FeedItem;
import news.parallax.fetch.FeedSource;
import news.parallax.outlets.Outlet;
import org.jspecify.annotations.Nullable;

/**
 * What each template renders: one record per page. Public because the precompiled templates live in another
 * package; built only by the web layer.
 */
public final class PageModels {
    private PageModels() {}

    /**
     * Previous/next links of a paged list.
     *
     * @param path  the page's path and its other query parameters, ending in "?" or "&amp;"
     */
    public record Pager(int page, boolean hasNext, String path) {
        public @Nullable String previousHref() {
            return page > 1 ? path + "page=" + (page - 1) : null;
        }

        public @Nullable String nextHref() {
            return hasNext ? path + "page=" + (page + 1) : null;
        }

        public boolean shown() {
            return page > 1 || hasNext;
        }
    }

    /**
     * A list of stories: the home page and the blindspot feed.
     *
     * @param blindspotSide   on the blindspot feed: "left", "right", or "" for both; null on the home page
     * @param blindspotPolicy the rule, in words, on the blindspot feed
     * @param firstRun        on an empty home page: why nothing has arrived, in one line; null otherwise
     */
    public record FeedPage(String heading, List<StoryOverview> stories, Pager pager, @Nullable String blindspotSide,
            String blindspotPolicy, @Nullable String firstRun) {}

    /**
     * The story page.
     *
     * @param csrfToken the report form's token (see {@link CsrfTokens})
     */
    public record StoryPage(StoryView view, boolean reported, String csrfToken, List<String> reportKinds,
            List<news.parallax.topics.TopicSummary> topics, @Nullable ThreadLinks thread) {
        /** A story page without topic tags or thread links. */
        public StoryPage(StoryView view, boolean reported, String csrfToken, List<String> reportKinds) {
            this(view, reported, csrfToken, reportKinds, List.of(), null);
        }

        public boolean opinion(String articleId) {
            return opinionIds().contains(articleId);
        }

        private Set<String> opinionIds() {
            return view.articles().stream().filter(StoryView.ArticleView::opinion).map(StoryView.ArticleView::id)
                    .collect(Collectors.toSet());
        }

        public List<StoryView.SummarySentence> keyPoints(String side) {
            List<StoryView.SummarySentence> sourced = view.keyPointSentences().getOrDefault(side, List.of());
            if (!sourced.isEmpty()) return sourced;
            return view.keyPoints().getOrDefault(side, List.of()).stream()
                    .map(p -> new StoryView.SummarySentence(p, List.of(), List.of())).toList();
        }

        public StoryView.@Nullable SideCoverage coverage(String side) {
            return view.coverage().get(side);
        }

        /** The side's independent articles, when the analysis gave no coverage (an analyzer other than the default). */
        public List<StoryView.ArticleView> articlesOf(String side) {
            return view.articles().stream().filter(a -> a.bias().equals(side) && a.copyOf() == null).toList();
        }

        public int timelineMax() {
            return view.timeline().buckets().stream().mapToInt(k -> k.left() + k.center() + k.right() + k.unrated()).max().orElse(1);
        }

        public boolean hasJoinDetails() {
            return view.articles().stream().anyMatch(a -> a.reason() != null || a.copyOf() != null);
        }
    }

    /** The outlet registry, filtered by name and side. */
    public record OutletsPage(List<Outlet> outlets, int total, String query, @Nullable String side, Pager pager) {}

    /** Search (issue 14): the query as typed and, once one was given, what it found. */
    public record SearchPage(String query, news.parallax.search.@Nullable SearchResult result, @Nullable String feedHref) {
        public SearchPage(String query, news.parallax.search.@Nullable SearchResult result) {
            this(query, result, null);
        }

        /** The search's Atom feed, advertised in the head once a query was given. */
        public List<FeedLinks.FeedLink> feeds() {
            return feedHref == null ? List.of() : List.of(new FeedLinks.FeedLink("Parallax: search for " + query, feedHref));
        }
    }

    /** One outlet with its ratings and its stories. */
    public record OutletPage(Outlet outlet, List<StoryOverview> stories, Pager pager) {}

    /** Feed status: every source, failing ones first. */
    public record FeedsPage(List<FeedSource> sources, Map<FeedItem.Status, Integer> itemCounts, long failing, Instant now) {
        public String nextFetch(FeedSource s) {
            return s.nextFetch().isAfter(now.plus(java.time.Duration.ofDays(3650))) ? "never" : Fmt.when(s.nextFetch());
        }

        public String state(FeedSource s) {
            return s.consecutiveFailures() > 0 ? "failing \u00d7" + s.consecutiveFailures() : s.lastSuccess() == null ? "new" : "ok";
        }
    }

    /** The topic index (issue 14): one page of topics, largest first, and the filter as typed. */
    public record TopicsPage(List<news.parallax.topics.TopicSummary> topics, int total, String query, Pager pager) {}

    /**
     * One topic: its stories, newest first, grouped by the month of their latest article.
     *
     * @param stories one page of them
     */
    public record TopicPage(news.parallax.topics.TopicSummary topic, List<StoryOverview> stories, Pager pager) {
        /** A month's stories on this page. */
        public record Month(String label, List<StoryOverview> stories) {}

        public List<Month> months() {
            java.util.Map<String, List<StoryOverview>> by = new java.util.LinkedHashMap<>();
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH)
                    .withZone(java.time.ZoneOffset.UTC);
            for (StoryOverview o : stories) {
                String label = o.story().lastSeen() == null ? "Undated" : f.format(o.story().lastSeen());
                by.computeIfAbsent(label, k -> new java.util.ArrayList<>()).add(o);
            }
            return by.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue())).toList();
        }

        public String kindLabel() {
            return switch (topic.kind()) {
                case "person" -> "Person";
                case "organization" -> "Organisation";
                case "place" -> "Place";
                default -> "Name";
            };
        }

        /** The spellings other than the topic's name. */
        public List<String> otherSpellings() {
            return topic.variants().stream().filter(v -> !v.equals(topic.name())).toList();
        }
    }

    /** A story thread (issue 14): its stories on one timeline. */
    public record ThreadPage(ThreadJson thread) {}

    /** A story of a thread as listed: the JSON of {@code /api/threads/{id}} and the thread page's timeline. */
    public record ThreadStory(String id, String title, int sourceCount, int articleCount, @Nullable Instant firstSeen,
            @Nullable Instant lastSeen, StoryView.Landscape landscape, StoryView.@Nullable Blindspot blindspot) {}

    /** The JSON of a thread: {@code /api/threads/{id}}. */
    public record ThreadJson(String id, String title, int storyCount, Instant firstSeen, Instant lastSeen, List<ThreadStory> stories) {}

    /** A neighbour of a story in its thread. */
    public record StoryLink(String id, String title, int sourceCount, @Nullable Instant firstSeen) {}

    /**
     * A story's place in its thread: the story JSON's {@code thread} and the story page's block.
     *
     * @param earlier the stories before it, oldest first (at most the nearest {@code limit})
     * @param later   the stories after it, oldest first (at most the nearest {@code limit})
     */
    public record ThreadLinks(String id, String title, int storyCount, List<StoryLink> earlier, List<StoryLink> later) {}


    /** An error page: status, a heading and the message (never a stack trace). */
    public record ErrorPage(int status, String heading, String message) {}
}
