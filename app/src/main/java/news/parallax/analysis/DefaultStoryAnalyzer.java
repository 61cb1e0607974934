package news.parallax.analysis;

import news.parallax.model.StoryMembers;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import news.parallax.claims.ClaimAnalyzer;
import news.parallax.model.Article;
import news.parallax.model.Side;
import news.parallax.outlets.OutletRegistry;

/**
 * The story analyzer: media landscape over independent sources, factuality and ownership mix, blindspot, a
 * corroboration-weighted extractive summary, key points per side and a timeline.
 *
 * <p>Sources come from the outlet registry only: an outlet the registry does not know is "unrated", never
 * guessed from the article. Syndicated copies ({@link StoryMembers#copyOf()}) are shown under their original's
 * headline and are not counted as sources. A side with fewer than {@link #MIN_SOURCES_FOR_KEY_POINTS}
 * independent sources gets no key points (the page says there is not enough coverage). Thread-safe.
 */
public final class DefaultStoryAnalyzer implements StoryAnalyzer {
    static final int MIN_SUMMARY_SENTENCES = 3;
    static final int MAX_SUMMARY_SENTENCES = 6;
    static final int KEY_POINTS_PER_SIDE = 3;
    /** Below this many independent sources a side gets "not enough coverage". */
    static final int MIN_SOURCES_FOR_KEY_POINTS = 2;
    static final String UNKNOWN = "unknown";
    /**
     * Sentences read per article. News puts the event first; the tail of a long article (background, asides)
     * rarely makes a summary, and reading only the opening keeps a 200-article story's analysis cheap.
     */
    static final int MAX_SENTENCES_PER_ARTICLE = 30;
    /** Claim extraction costs about 8 ms of CPU per article; larger stories compare their first reports. */
    static final int MAX_CLAIM_ARTICLES = 60;
    private static final List<Side> RATED_SIDES = List.of(Side.LEFT, Side.CENTER, Side.RIGHT);

    private final OutletRegistry registry;
    private final BlindspotPolicy blindspots;
    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private final ClaimAnalyzer claims = new ClaimAnalyzer();

    public DefaultStoryAnalyzer(OutletRegistry registry) {
        this(registry, BlindspotPolicy.DEFAULT);
    }

    public DefaultStoryAnalyzer(OutletRegistry registry, BlindspotPolicy blindspots) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.blindspots = Objects.requireNonNull(blindspots, "blindspots");
    }

    /** {@code analyzer} as a {@link DefaultStoryAnalyzer} when it is one (or the deprecated name for one). */
    public static java.util.Optional<DefaultStoryAnalyzer> of(StoryAnalyzer analyzer) {
        if (analyzer instanceof DefaultStoryAnalyzer d) return java.util.Optional.of(d);
        return java.util.Optional.empty();
    }

    public OutletRegistry registry() {
        return registry;
    }

    public BlindspotPolicy blindspotPolicy() {
        return blindspots;
    }

    /**
     * Landscape and blindspot only, without reading any text: what a story feed needs per story. Costs one
     * registry lookup per article.
     */
    public StoryOverview overview(StoryMembers story) {
        StoryView.Landscape landscape = landscape(StorySources.of(story, registry));
        return new StoryOverview(story.ref(), landscape, blindspots.detect(landscape).orElse(null));
    }

    private static StoryView.Landscape landscape(StorySources sources) {
        return new StoryView.Landscape(sources.sourcesOf(Side.LEFT).size(), sources.sourcesOf(Side.CENTER).size(),
                sources.sourcesOf(Side.RIGHT).size(), sources.sourcesOf(Side.UNRATED).size());
    }

    @Override
    public StoryView analyze(StoryMembers story) {
        StorySources sources = StorySources.of(story, registry);
        var landscape = landscape(sources);

        List<StorySources.Member> independent = sources.independentMembers();
        List<ExtractiveSummarizer.Doc> docs = new ArrayList<>();
        for (StorySources.Member m : independent) {
            docs.add(new ExtractiveSummarizer.Doc(m.article().id(), m.sourceKey(), m.sourceName(), StorySentences.split(m.article().text(), MAX_SENTENCES_PER_ARTICLE), m.article().published(),
                    OpinionPieces.isOpinion(m.article(), m.outlet())));
        }
        var corpus = new ExtractiveSummarizer.Corpus(docs);
        BitSet everyDoc = new BitSet();
        everyDoc.set(0, docs.size());
        List<StoryView.SummarySentence> summary = Appositives.describeOnce(summarizer.summarize(corpus, everyDoc, new BitSet(),
                summaryLength(sources.sources().size())));

        Map<String, List<String>> keyPoints = new LinkedHashMap<>();
        Map<String, List<StoryView.SummarySentence>> keyPointSentences = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        for (Side side : RATED_SIDES) {
            List<StoryView.SummarySentence> points = List.of();
            if (sources.sourcesOf(side).size() >= MIN_SOURCES_FOR_KEY_POINTS) {
                BitSet own = new BitSet();
                BitSet others = new BitSet();
                for (int d = 0; d < independent.size(); d++) {
                    Side s = independent.get(d).side();
                    if (s == side) own.set(d);
                    else if (s != Side.UNRATED) others.set(d);
                }
                points = summarizer.summarize(corpus, own, others, KEY_POINTS_PER_SIDE, taken);
            }
            // Contrast across sides: a point one side's list shows is not repeated on another's.
            for (StoryView.SummarySentence p : points) taken.add(p.text());
            keyPointSentences.put(side.key(), points);
            keyPoints.put(side.key(), points.stream().map(StoryView.SummarySentence::text).toList());
        }

        // Outlets as readers know them: the registry's display name, never the record's section or byline.
        List<StoryView.ArticleView> views = sources.members().stream().map(m -> new StoryView.ArticleView(
                m.article().id(), m.sourceName(), m.side().key(), m.article().headline(), m.article().url(),
                m.article().published(), m.article().location(), m.article().text(), m.copyOf(),
                story.reasons().get(m.article().id()), m.outlet() == null ? null : m.outlet().id(),
                m.outlet() == null ? null : m.outlet().factuality(), OpinionPieces.isOpinion(m.article(), m.outlet()))).toList();

        var found = claims.analyze(claimArticles(story));
        return new StoryView(story.ref().id(), story.ref().title(),
                String.join(" ", summary.stream().map(StoryView.SummarySentence::text).toList()),
                landscape.total(), story.articles().size(), landscape, keyPoints, views, List.of(), List.of(),
                story.ref().firstSeen(), story.ref().lastSeen(), coverage(sources, landscape),
                mix(sources, true), mix(sources, false), blindspots.detect(landscape).orElse(null), summary,
                keyPointSentences, TimelineBuilder.build(sources.independentMembers()), List.of(), List.of())
                .withClaims(found).withFigures(FigurePanel.build(found, figureSources(sources)));
    }

    /** Each article's outlet as the figures panel lists it: display name and side, never the article id. */
    private static Map<String, FigurePanel.Source> figureSources(StorySources sources) {
        Map<String, FigurePanel.Source> out = new java.util.HashMap<>();
        for (StorySources.Member m : sources.members()) {
            out.put(m.article().id(), new FigurePanel.Source(new StoryView.OutletRef(m.sourceName(), m.side().key()), m.article().published()));
        }
        return out;
    }

    /**
     * The articles whose claims are compared: independent reports first (a syndicated copy repeats its
     * original's claims), at most {@link #MAX_CLAIM_ARTICLES} so a huge story stays quick to open.
     */
    private static List<Article> claimArticles(StoryMembers story) {
        List<Article> originals = story.articles().stream().filter(a -> !story.copyOf().containsKey(a.id())).toList();
        return originals.size() <= MAX_CLAIM_ARTICLES ? originals : originals.subList(0, MAX_CLAIM_ARTICLES);
    }

    /** Three sentences for a two-source story, one more per two further sources, at most six. */
    static int summaryLength(int sources) {
        return Math.max(MIN_SUMMARY_SENTENCES, Math.min(MAX_SUMMARY_SENTENCES, 2 + (sources + 1) / 2));
    }

    private static Map<String, StoryView.SideCoverage> coverage(StorySources sources, StoryView.Landscape landscape) {
        Map<String, List<StoryView.Headline>> headlines = new LinkedHashMap<>();
        Map<String, List<String>> copiesOf = new LinkedHashMap<>();
        for (StorySources.Member m : sources.members()) {
            if (m.copyOf() != null) copiesOf.computeIfAbsent(m.copyOf(), k -> new ArrayList<>()).add(m.sourceName());
        }
        Map<String, StoryView.SideCoverage> out = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            List<StorySources.Source> ofSide = sources.sourcesOf(side);
            List<StoryView.Headline> hs = new ArrayList<>();
            for (StorySources.Source src : ofSide) {
                for (StorySources.Member m : src.articles()) {
                    hs.add(new StoryView.Headline(m.article().id(), src.name(), m.article().headline(), m.article().url(),
                            m.article().published(), copiesOf.getOrDefault(m.article().id(), List.of())));
                }
            }
            hs.sort(Comparator.comparing((StoryView.Headline h) -> h.published() == null ? java.time.Instant.MAX : h.published()));
            headlines.put(side.key(), hs);
            int denominator = side == Side.UNRATED ? landscape.total() : landscape.rated();
            int percent = denominator == 0 ? 0 : (int) Math.round(100.0 * ofSide.size() / denominator);
            out.put(side.key(), new StoryView.SideCoverage(ofSide.size(), percent,
                    ofSide.stream().map(StorySources.Source::name).toList(), hs));
        }
        return out;
    }

    private static Map<String, Integer> mix(StorySources sources, boolean factuality) {
        Map<String, Integer> mix = new TreeMap<>();
        for (StorySources.Source s : sources.sources().values()) {
            String value = s.outlet() == null ? null : factuality ? s.outlet().factuality() : s.outlet().ownership();
            mix.merge(value == null ? UNKNOWN : value, 1, Integer::sum);
        }
        return mix;
    }
}
