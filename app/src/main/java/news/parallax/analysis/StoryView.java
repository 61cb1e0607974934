package news.parallax.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import news.parallax.model.JoinReason;
import news.parallax.claims.ClaimGroup;
import news.parallax.claims.StoryClaims;
import news.parallax.model.Claim;
import news.parallax.model.Entity;
import org.jspecify.annotations.Nullable;

/**
 * Everything the story page and the story JSON show. Field names are the JSON contract
 * documented in the README; add fields freely, never rename.
 *
 * @param summary           neutral full-story summary, sentences joined by spaces
 * @param sourceCount       independent outlets (syndicated copies counted once)
 * @param landscape         independent sources per side
 * @param keyPoints         per side ("left", "center", "right"): sentences; empty where coverage is lacking
 * @param coverage          per side, including "unrated": its sources, share of rated sources and headlines
 * @param factualityMix     independent sources per factual-reporting label ("unknown" when unrated)
 * @param ownershipMix      independent sources per ownership type ("unknown" when no source says)
 * @param blindspot         set when one side's coverage dominates (see {@link BlindspotPolicy}); null otherwise
 * @param summarySentences  the summary's sentences, each with the articles that state it
 * @param keyPointSentences per side, the key points with the articles that state them
 * @param timeline          first report and coverage over time per side
 * @param figures           the figures in dispute, as questions a reader can scan (see {@link FigureQuestion});
 *                          the full claim table stays in {@code claims} and {@code claimGroups}
 */
public record StoryView(
        String id,
        String title,
        String summary,
        int sourceCount,
        int articleCount,
        Landscape landscape,
        Map<String, List<String>> keyPoints,
        List<ArticleView> articles,
        List<Claim> claims,
        List<Entity> entities,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen,
        Map<String, SideCoverage> coverage,
        Map<String, Integer> factualityMix,
        Map<String, Integer> ownershipMix,
        @Nullable Blindspot blindspot,
        List<SummarySentence> summarySentences,
        Map<String, List<SummarySentence>> keyPointSentences,
        Timeline timeline,
        List<ClaimGroup> claimGroups,
        List<FigureQuestion> figures) {

    public StoryView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(landscape, "landscape");
        Objects.requireNonNull(timeline, "timeline");
        keyPoints = Map.copyOf(keyPoints);
        articles = List.copyOf(articles);
        claims = List.copyOf(claims);
        entities = List.copyOf(entities);
        coverage = Map.copyOf(coverage);
        factualityMix = Map.copyOf(factualityMix);
        ownershipMix = Map.copyOf(ownershipMix);
        summarySentences = List.copyOf(summarySentences);
        keyPointSentences = Map.copyOf(keyPointSentences);
        claimGroups = List.copyOf(claimGroups);
        figures = List.copyOf(figures);
    }

    /** The first contract's fields only; the analysis fields are empty. */
    public StoryView(String id, String title, String summary, int sourceCount, int articleCount, Landscape landscape,
            Map<String, List<String>> keyPoints, List<ArticleView> articles, List<Claim> claims, List<Entity> entities,
            @Nullable Instant firstSeen, @Nullable Instant lastSeen) {
        this(id, title, summary, sourceCount, articleCount, landscape, keyPoints, articles, claims, entities, firstSeen,
                lastSeen, Map.of(), Map.of(), Map.of(), null, List.of(), Map.of(), Timeline.EMPTY, List.of(), List.of());
    }

    /** This view with the claim comparison of the claims stage. */
    public StoryView withClaims(StoryClaims found) {
        return new StoryView(id, title, summary, sourceCount, articleCount, landscape, keyPoints, articles, found.claims(),
                found.entities(), firstSeen, lastSeen, coverage, factualityMix, ownershipMix, blindspot, summarySentences,
                keyPointSentences, timeline, found.groups(), figures);
    }

    /** This view with the figures panel built from its claims. */
    public StoryView withFigures(List<FigureQuestion> questions) {
        return new StoryView(id, title, summary, sourceCount, articleCount, landscape, keyPoints, articles, claims,
                entities, firstSeen, lastSeen, coverage, factualityMix, ownershipMix, blindspot, summarySentences,
                keyPointSentences, timeline, claimGroups, questions);
    }

    /**
     * One question of the figures panel: a counted thing that two or more outlets give figures for, or
     * that one outlet denies.
     *
     * @param question what is counted, as a reader would ask it ("How many North Korean troops are in Russia?")
     * @param answers  each distinct figure with who gives it, in the order of first report
     */
    public record FigureQuestion(String question, List<FigureAnswer> answers) {
        public FigureQuestion {
            Objects.requireNonNull(question, "question");
            answers = List.copyOf(answers);
        }
    }

    /**
     * One figure given for a question.
     *
     * @param value        the figure as people write it ("$5.7 billion", "1,500 troops", "about 12,000")
     * @param stance       "asserted", "estimated", "denied", "unconfirmed" (or another stance of the claims stage)
     * @param attributedTo who the articles credit for it ("NIS", "South Korean lawmakers"); null when the writer states it
     * @param outlets      the outlets reporting it, each with its side, without repeats
     * @param date         earliest publication time of an article reporting it; null when none is dated
     */
    public record FigureAnswer(String value, String stance, @Nullable String attributedTo, List<OutletRef> outlets,
            @Nullable Instant date) {
        public FigureAnswer {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(stance, "stance");
            outlets = List.copyOf(outlets);
        }
    }

    /** An outlet as listed beside a figure or a sentence: display name and side ("left", "center", "right", "unrated"). */
    public record OutletRef(String name, String side) {}

    /** The claim comparison as the claims stage's renderers take it. */
    public StoryClaims storyClaims() {
        return new StoryClaims(claims, entities, claimGroups);
    }

    /** Independent sources per side. */
    public record Landscape(int left, int center, int right, int unrated) {
        public int rated() {
            return left + center + right;
        }

        public int total() {
            return rated() + unrated;
        }
    }

    /**
     * One side's part of the media landscape.
     *
     * @param sources   independent outlets of this side
     * @param percent   share of the story's rated sources, 0..100, rounded; for "unrated", share of all sources
     * @param outlets   display names of those outlets
     * @param headlines the side's headlines, syndicated copies folded into their original
     */
    public record SideCoverage(int sources, int percent, List<String> outlets, List<Headline> headlines) {
        public SideCoverage {
            outlets = List.copyOf(outlets);
            headlines = List.copyOf(headlines);
        }
    }

    /**
     * A headline in the landscape and the headline comparison.
     *
     * @param copies outlets that re-published this article (syndication), not counted as sources
     */
    public record Headline(String articleId, String outlet, String title, @Nullable String url, @Nullable Instant published,
            List<String> copies) {
        public Headline {
            copies = List.copyOf(copies);
        }
    }

    /**
     * A story covered overwhelmingly by one side.
     *
     * @param side           the side whose readers miss it ("left" means few left outlets cover it)
     * @param dominantSide   the side that covers it
     * @param dominantShare  share of rated sources from the dominant side, 0..1
     * @param otherShare     share of rated sources from {@code side}, 0..1
     */
    public record Blindspot(String side, String dominantSide, double dominantShare, double otherShare) {}

    /**
     * One extracted sentence with where it came from.
     *
     * @param articleIds the article it was taken from first, then the articles that state the same thing
     * @param outlets    display names of those articles' outlets, in the same order, without repeats
     */
    public record SummarySentence(String text, List<String> articleIds, List<String> outlets) {
        public SummarySentence {
            Objects.requireNonNull(text, "text");
            articleIds = List.copyOf(articleIds);
            outlets = List.copyOf(outlets);
        }
    }

    /**
     * When the story appeared and how coverage grew.
     *
     * @param firstReport  the earliest dated independent article; null when no article is dated
     * @param bucket       bucket width: "hour", "day", "week" or "month" (30 days)
     * @param buckets      newly published independent articles per side and bucket, oldest first
     * @param undated      independent articles without a publication time
     */
    public record Timeline(@Nullable FirstReport firstReport, String bucket, List<TimelineBucket> buckets, int undated) {
        public static final Timeline EMPTY = new Timeline(null, "day", List.of(), 0);

        public Timeline {
            buckets = List.copyOf(buckets);
        }
    }

    public record FirstReport(String articleId, String outlet, String side, Instant published) {}

    public record TimelineBucket(Instant start, int left, int center, int right, int unrated) {}

    /**
     * One member article as shown.
     *
     * @param bias       "left", "center", "right" or "unrated"
     * @param location   file or URL it came from
     * @param copyOf     id of the original when this is a syndicated copy, else null
     * @param reason     why it joined the story; null for the first article
     * @param outletId   registry id of the resolved outlet; null when the registry does not know it
     * @param factuality the outlet's factual-reporting label; null when unknown
     * @param opinion    an opinion or analysis piece (labelled "Opinion" wherever listed; never names a story)
     */
    public record ArticleView(
            String id,
            String outlet,
            String bias,
            String title,
            @Nullable String url,
            @Nullable Instant published,
            String location,
            String text,
            @Nullable String copyOf,
            @Nullable JoinReason reason,
            @Nullable String outletId,
            @Nullable String factuality,
            boolean opinion) {

        public ArticleView(String id, String outlet, String bias, String title, @Nullable String url,
                @Nullable Instant published, String location, String text, @Nullable String copyOf,
                @Nullable JoinReason reason) {
            this(id, outlet, bias, title, url, published, location, text, copyOf, reason, null, null, false);
        }
    }
}
