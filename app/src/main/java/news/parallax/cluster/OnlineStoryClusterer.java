package news.parallax.cluster;

import news.parallax.model.JoinReason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import news.parallax.dedup.CopyMatch;
import news.parallax.dedup.SyndicationDetector;
import news.parallax.model.Article;
import org.jspecify.annotations.Nullable;

/**
 * Single-pass story clustering of one article stream, one article at a time.
 *
 * <p>Each article is first checked for being a syndicated copy ({@link SyndicationDetector}); a
 * copy joins its original's story. Otherwise its strongest terms look up candidate stories in an
 * inverted index over the open stories (never all pairs), each candidate is scored against the
 * story's centre: TF-IDF cosine of stemmed title+lead words, cosine of names and numbers, and
 * the MiniLM cosine of title+lead (for every article, or only when the cheap score falls near the
 * threshold). The article joins the best story whose score clears the threshold, which rises with
 * the days since the story's last article, with the story's age past its first week, and when the
 * article's title names subjects none of which most of the story's titles name; else it
 * starts a story. An undated article may be any number of days away, so it meets the highest gap
 * threshold, as a follow-up would. A story with no article for the quiet period closes and frees
 * what only scoring used. An article that clears the threshold of two stories whose centres also
 * agree merges them. A lone article the new one also matched joins the grown story when the
 * story's centre now clears the threshold against it: it came before its story existed. The same
 * articles in the same order give the same stories.
 *
 * <p>Not thread-safe: one instance per stream. See docs/clustering.md.
 */
public final class OnlineStoryClusterer {
    /** Embedding cosine of two unrelated news leads sits around this; it maps to 0 on the combined scale. */
    static final double EMBEDDING_FLOOR = 0.25;
    /** Latest members embedded on demand (borderline mode) to stand for a story: bounds the cost per story. */
    private static final int STORY_EMBED_MEMBERS = 4;
    /** Entity terms of an article used to find candidates, beside its strongest words. */
    private static final int QUERY_ENTITIES = 8;
    /** Open stories are swept for closing every this many articles, to free their memory. */
    private static final int SWEEP_EVERY = 500;
    /**
     * Stories a lone article's rescue scores in full: those sharing the most of its strongest body terms.
     * The best and the second best (the margin needs both) share many terms with it, so a bounded list loses neither.
     */
    private static final int BODY_CANDIDATES = 60;
    /**
     * Body words and names an article posts and a lone article looks up. 20 and 8 (the lead's) missed stories
     * that set the second best's score, rescuing more wrongly (development set 0.9233 -> 0.9208); from 50
     * and 20 the rescues equal scoring every story of the window on all three labelled sets (100 and 30 too).
     */
    private static final int BODY_QUERY_WORDS = 50, BODY_QUERY_NAMES = 20;
    /** Terms named in a join reason. */
    private static final int REASON_TERMS = 5;
    private static final double SECONDS_PER_DAY = 86_400;
    /**
     * Share of a story's subject-naming titles that must name a subject for it to count as what the story
     * is about (0.5 / 0.6 / 0.7 / 0.8 / 0.9 measured, docs/clustering.md): a saga's stories name a side
     * figure now and then, the principal subject in most titles.
     */
    static final double SUBJECT_DOMINANCE = 0.7;
    /**
     * The further lead a lone article needs to be rescued into a story whose dominant subjects its title
     * does not name (with the title-subject raise on): the rescue reads the whole body, where the subjects
     * of neighbouring events are named too. 0.07-0.15 measured the same on the development set (0.9251)
     * and 0.8916-0.8963 on the second held-out set; 0.05 and 0.20 less (docs/clustering.md).
     */
    static final double RESCUE_SUBJECT_MARGIN = 0.10;
    /**
     * How far back the news of the moment reaches ({@link RecentNews}): a week holds about 80 corpus articles, enough for
     * shares to mean something, and is short enough that a subject that fills one month does not weigh down the next.
     */
    static final Duration RECENT_SPAN = Duration.ofDays(7);

    private final ClusterConfig config;
    private final @Nullable Embedder embedder;
    private final TermStats stats = new TermStats();
    private final RecentNews recent = new RecentNews(RECENT_SPAN);
    private final FeatureExtractor extractor;
    private final SyndicationDetector syndication;
    /**
     * The stories in memory, in order of creation (ids ascending): the open ones, and closed ones until nothing can
     * reach them any more ({@link #retireFinished}); then they leave, so a stream of any length holds what its last
     * few quiet periods hold (issue 15).
     */
    private final List<Story> stories = new ArrayList<>();
    /** Id of the next story: stories created so far. */
    private int nextStoryId;
    /** Member article -> its story, for the stories in memory. */
    private final Map<String, Story> storyOfArticle = new HashMap<>();
    /**
     * Member article -> the distinct term ids its features name (lead, then whole body), for the stories in memory: they
     * hold those terms in the dictionaries until the story leaves memory ({@link TermStats#release}).
     */
    private final Map<String, HeldTerms> heldTerms = new HashMap<>();

    private record HeldTerms(int[] lead, int[] body) {}
    private final Map<Integer, List<Story>> postings = new HashMap<>();
    /**
     * Stories touched since {@link #takeChanges} (identity: a story is its own object), still in memory and not
     * merged away (a merge hands its entry to the survivor).
     */
    private final Set<Story> changed = new LinkedHashSet<>();
    /** Stories that left memory changed since {@link #takeChanges}: their final groups, which it reports too. */
    private final List<Retired> changedRetired = new ArrayList<>();
    /**
     * Every story that left memory, for {@link #snapshot}; null once {@link #keepOpenOnly} was called (a live stream
     * reports changes only).
     */
    private @Nullable List<Retired> retired = new ArrayList<>();

    /** A story that left memory: its final group under its id (ids give the order of first articles). */
    private record Retired(int id, Clustering.Group group) {}
    private final Counters counters = new Counters();
    /** Dated one-article stories waiting for their quiet period to end, earliest first: then a rescue is tried. */
    private final PriorityQueue<Pending> pendingLone = new PriorityQueue<>(Comparator.comparing(Pending::time).thenComparingInt(p -> p.story().id()));

    /** A lone story and its article's time, fixed (the story's own span may move once it grows). */
    private record Pending(Instant time, Story story, int[] query) {}
    /** Stories whose whole-body centres are kept, in creation order. */
    private final List<Story> bodyKept = new ArrayList<>();
    /**
     * Whole-body term -> stories kept whose members had it among their strongest: a rescue scores only
     * the stories its article shares strong terms with, not every story of its time (a busy stream has
     * thousands within two quiet periods).
     */
    private final Map<Integer, List<Story>> bodyPostings = new HashMap<>();
    private @Nullable Instant clock;
    private long sequence;

    /** @param embedder needed unless {@code config} disables embeddings */
    public OnlineStoryClusterer(ClusterConfig config, @Nullable Embedder embedder) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.usesEmbeddings() && embedder == null) throw new IllegalArgumentException("config uses embeddings but no embedder given");
        this.embedder = embedder;
        this.extractor = new FeatureExtractor(stats, config, recent);
        this.syndication = new SyndicationDetector(config.quietPeriod().plusDays(1));
    }

    /** What the clusterer spent so far. Read-only outside the package. */
    public static final class Counters {
        long articles, embeddings, borderline, merges, lateJoins, copies, candidatesScored, subjectRaises, rescues;

        public long articles() { return articles; }
        /** Title+lead texts embedded. */
        public long embeddings() { return embeddings; }
        /** Decisions where borderline mode computed the embedding score. */
        public long borderline() { return borderline; }
        public long merges() { return merges; }
        /** Lone articles that joined a story created after them. */
        public long lateJoins() { return lateJoins; }
        /** Lone articles joined to a story by their whole body when their quiet period ended. */
        public long rescues() { return rescues; }
        /** Articles joined as syndicated copies. */
        public long copies() { return copies; }
        /** Candidate stories scored in full: stays near-constant per article when the index works. */
        public long candidatesScored() { return candidatesScored; }
        /** Candidate scorings whose threshold rose because the article's title subjects are not the story's. */
        public long subjectRaises() { return subjectRaises; }

        @Override
        public String toString() {
            return "articles=" + articles + " embeddings=" + embeddings + " borderline=" + borderline + " merges=" + merges + " lateJoins=" + lateJoins
                    + " copies=" + copies + " candidatesScored=" + candidatesScored + " subjectRaises=" + subjectRaises
                    + " rescues=" + rescues;
        }
    }

    public Counters counters() {
        return counters;
    }

    /** Adds one article; articles should come in publication order (unknown dates take the latest seen). */
    public Assignment add(Article article) {
        // In ALL mode every member's embedding enters its story's mean, as in batch mode, so that
        // adding one by one gives the same stories as cluster(list).
        boolean all = config.usesEmbeddings() && config.embeddings() == ClusterConfig.EmbeddingUse.ALL;
        return add(article, all ? embed(FeatureExtractor.embedText(article)) : null);
    }

    /** As {@link #add(Article)}, with the title+lead embedding computed ahead (batch mode embeds in parallel). */
    Assignment add(Article article, float @Nullable [] precomputed) {
        Objects.requireNonNull(article, "article");
        if (storyOfArticle.containsKey(article.id())) throw new IllegalArgumentException("article added twice: " + article.id());
        Instant time = timeOf(article);
        long seq = sequence++;
        counters.articles++;
        if (config.rescueLone()) rescueExpired(time);
        if (seq % SWEEP_EVERY == 0) sweep(time);
        recent.expire(time);

        ArticleFeatures f = extractor.extract(article, time);
        if (precomputed != null) f = f.withEmbedding(precomputed);
        hold(article.id(), f);

        Optional<CopyMatch> copy = syndication.add(article, time);
        if (copy.isPresent()) {
            Story original = storyOfArticle.get(copy.get().originalId());
            if (original != null) {
                Story s = original.root();
                counters.copies++;
                var reason = JoinReason.unscored(copy.get().similarity(), copy.get().originalId());
                // A copy only adds a member: it never reads the centres, so it may join a closed story
                // (whose centres are gone) without reopening it; a closed story is never scored again.
                s.addCopy(seq, article.id(), reason, time, copy.get().originalId());
                storyOfArticle.put(article.id(), s);
                changed.add(s);
                return new Assignment(article.id(), s.key(), false, reason, copy.get().originalId());
            }
        }

        List<Scored> scored = new ArrayList<>();
        for (Story s : candidates(f, time)) {
            Scored sc = score(f, s, time);
            if (sc != null) scored.add(sc);
        }
        f = withPendingEmbedding(f);
        // Syndicated copies (returned above) are left out: a copy would count its original's terms twice.
        recent.add(time, f.terms(), f.embedding());
        scored.sort(Comparator.comparingDouble((Scored x) -> x.margin).reversed().thenComparingInt(x -> x.story.id()));
        if (scored.isEmpty() || scored.get(0).margin < 0) {
            Story s = new Story(nextStoryId++, article.id(), time, f.dated(), config.rescueLone());
            stories.add(s);
            if (config.rescueLone()) {
                bodyKept.add(s);
                // An undated article's time is only the stream clock: no time window to rescue it in.
                if (f.dated()) pendingLone.add(new Pending(time, s, bodyQuery(f)));
            }
            var reason = JoinReason.unscored(0, null);
            join(s, seq, article.id(), f, reason, time);
            return new Assignment(article.id(), s.key(), true, reason, null);
        }
        Story best = scored.get(0).story;
        var reason = explain(best, f, scored.get(0).score, scored.get(0).score - scored.get(0).margin);
        join(best, seq, article.id(), f, reason, time);
        if (scored.size() > 1 && scored.get(1).margin >= 0) best = maybeMerge(best, scored.get(1).story, time);
        if (config.lateJoins()) best = absorbLoneArticles(best, scored);
        return new Assignment(article.id(), best.root().key(), false, reason, null);
    }

    /**
     * The stories so far, in order of their first article; members in arrival order.
     *
     * @throws IllegalStateException after {@link #keepOpenOnly}: the stories that left memory since are not kept
     */
    public Clustering snapshot() {
        if (retired == null) throw new IllegalStateException("this stream keeps only the stories still in memory; takeChanges reports what changed");
        return new Clustering(inOrder(retired, stories));
    }

    /** Groups of {@code gone} and of the live roots among {@code live}, by story id (the order of their first articles). */
    private static List<Clustering.Group> inOrder(List<Retired> gone, java.util.Collection<Story> live) {
        List<Retired> all = new ArrayList<>(gone);
        for (Story s : live) if (!s.isMergedAway()) all.add(new Retired(s.id(), s.group()));
        all.sort(Comparator.comparingInt(Retired::id));
        return all.stream().map(Retired::group).toList();
    }

    /**
     * Makes this a live stream of bounded memory: stories that leave memory are no longer kept for
     * {@link #snapshot} (which then fails), only reported once by {@link #takeChanges} when they changed; those kept
     * so far are dropped. For a process that runs for months: its heap holds the last few quiet periods, and the term
     * dictionaries forget the terms no article in memory names, keeping their counts in a bounded table
     * ({@link TermStats#forgetReleased}).
     */
    public void keepOpenOnly() {
        keepOpenOnly(true);
    }

    /** {@link #keepOpenOnly}, with the dictionaries keeping every term when not {@code forgetTerms} (to measure what forgetting changes). */
    void keepOpenOnly(boolean forgetTerms) {
        retired = null;
        if (!forgetTerms) return;
        stats.forgetUnheld();
        extractor.bodyStats().forgetUnheld();
    }

    /**
     * The stories created or changed since the last call (or {@link #forgetChanges}): started, grown,
     * merged into, or given a new join reason; as in {@link #snapshot}, in order of their first article.
     * A story merged away is not listed: its members are in the survivor's group. Live passes save only
     * these, so a pass costs what it changed, not the whole stream.
     */
    public Clustering takeChanges() {
        Clustering changes = new Clustering(inOrder(changedRetired, changed));
        forgetChanges();
        return changes;
    }

    /** Starts the record {@link #takeChanges} reads afresh (after a whole snapshot was taken). */
    public void forgetChanges() {
        changed.clear();
        changedRetired.clear();
    }

    /** Stories in memory (open, or closed but still reachable), for tests of bounded memory. */
    int storiesInMemory() {
        return stories.size();
    }

    /** Terms in the dictionaries (lead, whole body), for tests of bounded memory. */
    int[] termsKnown() {
        return new int[] {stats.size(), extractor.bodyStats().size()};
    }

    /** Counts kept for forgotten terms (lead, whole body) and counts given up for room; zeros before {@link #keepOpenOnly}. */
    long[] termsForgotten() {
        ForgottenCounts lead = stats.forgotten(), body = extractor.bodyStats().forgotten();
        if (lead == null || body == null) return new long[3];
        return new long[] {lead.size(), body.size(), lead.evicted() + body.evicted()};
    }

    /**
     * The key of the story {@code articleId} belongs to now (merges may have moved it); empty for an article whose
     * story has left memory (closed, its members past the syndication window).
     */
    public Optional<String> storyKeyOf(String articleId) {
        Story s = storyOfArticle.get(articleId);
        return s == null ? Optional.empty() : Optional.of(s.root().key());
    }

    private Instant timeOf(Article a) {
        Instant t = a.published();
        if (t == null) t = clock != null ? clock : Instant.EPOCH;
        if (clock == null || t.isAfter(clock)) clock = t;
        return t;
    }

    private record Scored(Story story, double score, double margin) {}

    private List<Story> candidates(ArticleFeatures f, Instant time) {
        Map<Story, Double> acc = new LinkedHashMap<>();
        int[] terms = f.text().topIds(config.queryTerms());
        int[] ents = f.entities().topIds(QUERY_ENTITIES);
        for (int[] list : new int[][] {terms, ents}) {
            for (int t : list) {
                List<Story> posted = postings.get(t);
                if (posted == null) continue;
                double idf = stats.idf(t);
                for (Story s : posted) acc.merge(s, idf, Double::sum);
            }
        }
        List<Map.Entry<Story, Double>> ranked = new ArrayList<>(acc.entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<Story, Double> e) -> e.getValue()).reversed()
                .thenComparingInt(e -> e.getKey().id()));
        List<Story> out = new ArrayList<>();
        for (var e : ranked) {
            Story s = e.getKey();
            if (isQuiet(s, time)) {
                close(s);
                continue;
            }
            out.add(s);
            if (out.size() >= config.maxCandidates()) break;
        }
        return out;
    }

    private Scored score(ArticleFeatures f, Story s, Instant time) {
        counters.candidatesScored++;
        double text = s.textCosine(f.text());
        double ent = s.entityCosine(f.entities());
        double wt = config.textWeight(), we = config.entityWeight();
        double cheap = (wt * text + we * ent) / (wt + we);
        double threshold = f.dated() ? threshold(s, time) : undatedThreshold();
        if (config.subjectPenalty() > 0 && subjectsDisagree(f.subjects(), s)) {
            threshold += config.subjectPenalty();
            counters.subjectRaises++;
        }
        if (!config.usesEmbeddings()) return new Scored(s, cheap, cheap - threshold);
        boolean embed = config.embeddings() == ClusterConfig.EmbeddingUse.ALL
                || Math.abs(cheap - threshold) <= config.borderlineBand();
        if (!embed) return new Scored(s, cheap, cheap - threshold);
        if (config.embeddings() == ClusterConfig.EmbeddingUse.BORDERLINE) counters.borderline++;
        float[] e = articleEmbedding(f);
        ensureStoryEmbedding(s);
        double floor = embeddingFloor(f, e);
        double emb = Math.max(0, (s.embeddingCosine(e) - floor) / (1 - floor));
        double wm = config.embeddingWeight();
        double full = (wt * text + we * ent + wm * emb) / (wt + we + wm);
        return new Scored(s, full, full - threshold);
    }

    // The floor depends on the article only: computed once per article, for all its candidates.
    private @Nullable ArticleFeatures floorFor;
    private double floorOf;

    /**
     * The embedding cosine that counts as no agreement for this article: {@link #EMBEDDING_FLOOR}, or (with
     * {@link ClusterConfig#recentFloor}) the article's mean cosine with the last week's articles when higher. In a dense
     * period every lead resembles every other (the same pandemic in other words); only a story closer to the article than
     * the news of the moment is, should count as agreeing with it.
     */
    private double embeddingFloor(ArticleFeatures f, float[] e) {
        if (!config.recentFloor() || recent.embedded() < FeatureExtractor.MIN_RECENT_ARTICLES) return EMBEDDING_FLOOR;
        if (floorFor != f) {
            floorFor = f;
            floorOf = Math.max(EMBEDDING_FLOOR, recent.meanCosine(e));
        }
        return floorOf;
    }

    /**
     * Base threshold, raised for each day of gap past the grace days (follow-ups must agree more) and
     * for each day the story has run past its age grace (a saga's next event must agree more with
     * everything the story already holds than a development of the same event would).
     */
    private double threshold(Story s, Instant time) {
        return agePenalty(s, time) + threshold(Math.max(0, Duration.between(s.last(), time).getSeconds() / SECONDS_PER_DAY));
    }

    /** The raise for an article of {@code time} joining {@code s}: per day the story has run past its age grace by then. */
    private double agePenalty(Story s, Instant time) {
        double age = Math.max(0, Duration.between(s.first(), time).getSeconds() / SECONDS_PER_DAY);
        return Math.min(config.maxPenalty(), config.agePenaltyPerDay() * Math.max(0, age - config.ageGraceDays()));
    }

    /** An undated article may be any number of days away, so it meets the highest threshold, as a late follow-up would. */
    private double undatedThreshold() {
        return config.joinThreshold() + config.maxPenalty();
    }

    private double threshold(double gapDays) {
        double penalty = Math.min(config.maxPenalty(), config.penaltyPerDay() * Math.max(0, gapDays - config.graceDays()));
        return config.joinThreshold() + penalty;
    }

    /**
     * The subjects named by at least {@link #SUBJECT_DOMINANCE} of the story's member titles that name any:
     * what the story is about. Empty when no subject is that common (a story whose titles name many
     * different people is not about one of them, so it has no subject to disagree with).
     */
    private static Set<Integer> dominantSubjects(Story s) {
        return s.dominantSubjects(SUBJECT_DOMINANCE);
    }

    /**
     * Whether the article's title names subjects and none of them is one the story's titles are about:
     * two events of one saga share every name in their leads ("Sessions" testifies days after "Comey"),
     * but their titles each name the event's principal subject.
     */
    private static boolean subjectsDisagree(int[] subjects, Story s) {
        if (subjects.length == 0) return false;
        Set<Integer> dominant = dominantSubjects(s);
        if (dominant.isEmpty()) return false;
        for (int id : subjects) if (dominant.contains(id)) return false;
        return true;
    }


    private boolean isQuiet(Story s, Instant time) {
        return Duration.between(s.last(), time).compareTo(config.quietPeriod()) > 0;
    }

    // Borderline mode embeds an article at most once; the features record is immutable, so the
    // embedding is cached here for the article being added.
    private float @Nullable [] pendingEmbedding;
    private @Nullable ArticleFeatures pendingFor;

    private float[] articleEmbedding(ArticleFeatures f) {
        if (f.embedding() != null) return f.embedding();
        if (pendingFor != f) {
            pendingFor = f;
            pendingEmbedding = embed(f.embedText());
        }
        return Objects.requireNonNull(pendingEmbedding);
    }

    private ArticleFeatures withPendingEmbedding(ArticleFeatures f) {
        if (f.embedding() == null && pendingFor == f && pendingEmbedding != null) return f.withEmbedding(pendingEmbedding);
        return f;
    }

    private void ensureStoryEmbedding(Story s) {
        s.embedRecent(STORY_EMBED_MEMBERS, this::embed);
    }

    private float[] embed(String text) {
        counters.embeddings++;
        return Objects.requireNonNull(embedder).embed(text);
    }

    private void join(Story s, long seq, String articleId, ArticleFeatures f, JoinReason reason, Instant time) {
        s.join(seq, articleId, f, reason, time);
        if (s.keepsBody()) for (int t : bodyQuery(f)) bodyPost(s, t);
        for (int t : f.text().topIds(config.queryTerms())) post(s, t);
        for (int t : f.entities().topIds(QUERY_ENTITIES)) post(s, t);
        storyOfArticle.put(articleId, s);
        changed.add(s);
    }

    private void post(Story s, int term) {
        if (s.post(term)) postings.computeIfAbsent(term, k -> new ArrayList<>()).add(s);
    }

    /** An article's strongest whole-body words and names: what it posts to its story and looks up when lone. */
    private int[] bodyQuery(ArticleFeatures f) {
        int[] words = f.bodyWords().topIds(BODY_QUERY_WORDS), names = f.bodyNames().topIds(BODY_QUERY_NAMES);
        int[] out = Arrays.copyOf(words, words.length + names.length);
        System.arraycopy(names, 0, out, words.length, names.length);
        return out;
    }

    private void bodyPost(Story s, int term) {
        if (s.bodyPost(term)) bodyPostings.computeIfAbsent(term, k -> new ArrayList<>()).add(s);
    }

    /** Frees a story's whole-body centres and takes it out of the body index. */
    private void dropBody(Story s) {
        unlistBody(s);
        s.releaseBody();
    }

    private void unlistBody(Story s) {
        unlist(bodyPostings, s.bodyPostedTerms(), s);
    }

    private JoinReason explain(Story s, ArticleFeatures f, double score, double threshold) {
        List<String> terms = s.sharedTextTerms(f.text(), REASON_TERMS).stream().map(stats::display).toList();
        List<String> ents = s.sharedEntityTerms(f.entities(), REASON_TERMS).stream().map(stats::display).toList();
        String matched = s.closestRecentMember(f.text());
        return new JoinReason(Math.max(0, Math.min(1, score)), terms, ents, matched, threshold);
    }

    /**
     * Lone-article stories among this article's candidates that the story it joined now matches as
     * an article would (same score and threshold, the gap being the days between the two): an article
     * published before the coverage it belongs to gets a second chance once that coverage exists.
     * Only one-article stories: larger ones carry their own centre, and merging them is
     * {@link #maybeMerge}'s stricter call.
     */
    private Story absorbLoneArticles(Story joined, List<Scored> scored) {
        Story into = joined.root();
        for (Scored x : scored) {
            Story lone = x.story.root();
            if (lone == into || !lone.isOpen() || lone.size() != 1) continue;
            double sim = storySimilarity(into, lone, true);
            double threshold = lone.firstDated() ? threshold(into.gapDays(lone)) : undatedThreshold();
            // The age raise its article met when it came, against the story as it is now (not the title-subject raise:
            // a preview is titled after whoever it previews, docs/clustering.md).
            if (config.agedGrowth() && lone.firstDated()) threshold += agePenalty(into, lone.first());
            if (sim < threshold) continue;
            String id = lone.memberIds().getFirst();
            List<String> terms = into.sharedTextTerms(lone, REASON_TERMS).stream().map(stats::display).toList();
            List<String> ents = into.sharedEntityTerms(lone, REASON_TERMS).stream().map(stats::display).toList();
            into = combine(into, lone);
            into.explainMember(id, new JoinReason(Math.max(0, Math.min(1, sim)), terms, ents, null, threshold));
            counters.lateJoins++;
        }
        return into;
    }

    /**
     * Score of two story centres on the join scale: text and entities, plus the embedding part when
     * {@code embeddings} is asked for and both stories have one.
     */
    private double storySimilarity(Story a, Story b, boolean embeddings) {
        double wt = config.textWeight(), we = config.entityWeight();
        double sum = wt * a.textCosine(b) + we * a.entityCosine(b);
        if (!embeddings || !config.usesEmbeddings() || !a.hasEmbedding() || !b.hasEmbedding()) return sum / (wt + we);
        double emb = Math.max(0, (a.embeddingCosine(b) - EMBEDDING_FLOOR) / (1 - EMBEDDING_FLOOR));
        return (sum + config.embeddingWeight() * emb) / (wt + we + config.embeddingWeight());
    }

    /**
     * Merges two stories an article of {@code time} bridged when their centres agree; the older story survives. With
     * {@link ClusterConfig#agedGrowth} the centres must agree more by the older story's age raise at that time, as the
     * newer story's articles would have to, joining it one by one.
     */
    private Story maybeMerge(Story a, Story b, Instant time) {
        a = a.root();
        b = b.root();
        if (a == b) return a;
        Story older = a.first().isAfter(b.first()) ? b : a;
        double bar = config.mergeThreshold() + (config.agedGrowth() ? agePenalty(older, time) : 0);
        if (storySimilarity(a, b, false) < bar) return a;
        counters.merges++;
        return combine(a, b);
    }

    /** Folds one story into the other; the older survives and takes over the other's index entries. */
    private Story combine(Story a, Story b) {
        Story keep = a.id() < b.id() ? a : b;
        Story gone = keep == a ? b : a;
        List<Integer> goneTerms = new ArrayList<>(gone.postedTerms()), goneBodyTerms = new ArrayList<>(gone.bodyPostedTerms());
        List<String> moved = new ArrayList<>(gone.memberIds());
        unlistBody(gone);
        unpost(gone);
        keep.absorb(gone);
        if (keep.keepsBody()) for (int t : goneBodyTerms) bodyPost(keep, t);
        for (int t : goneTerms) post(keep, t);
        for (String id : moved) storyOfArticle.put(id, keep);
        changed.remove(gone);
        changed.add(keep);
        return keep;
    }

    private void close(Story s) {
        if (!s.isOpen()) return;
        unpost(s);
        s.close();
    }

    private void unpost(Story s) {
        unlist(postings, s.postedTerms(), s);
    }

    /** Takes {@code s} out of an index under each of its terms, dropping terms left with no story. */
    private static void unlist(Map<Integer, List<Story>> index, Set<Integer> terms, Story s) {
        for (int t : terms) {
            List<Story> l = index.get(t);
            if (l == null) continue;
            l.remove(s);
            if (l.isEmpty()) index.remove(t);
        }
    }

    private void sweep(Instant time) {
        for (Story s : stories) if (s.isOpen() && !s.isMergedAway() && isQuiet(s, time)) close(s);
        // A pending lone article looks at stories within one quiet period of it and is decided one quiet
        // period after it was published, so a story's whole-body centres are needed for two quiet periods
        // after its last article.
        bodyKept.removeIf(s -> {
            boolean drop = s.isMergedAway() || Duration.between(s.last(), time).compareTo(config.quietPeriod().multipliedBy(2)) > 0;
            if (drop) dropBody(s);
            return drop;
        });
        retireFinished();
        if (stats.forgets()) {
            // The last week's news counts lead terms of articles that may have left memory already.
            stats.forgetReleased(recent::names);
            extractor.bodyStats().forgetReleased(id -> false);
        }
    }

    /** Counts the article's terms as held in the dictionaries while its story is in memory. */
    private void hold(String articleId, ArticleFeatures f) {
        int[] lead = IntStream.concat(Arrays.stream(f.terms()), Arrays.stream(f.subjects())).distinct().toArray();
        int[] body = IntStream.concat(Arrays.stream(f.bodyWords().ids), Arrays.stream(f.bodyNames().ids)).distinct().toArray();
        stats.hold(lead);
        extractor.bodyStats().hold(body);
        heldTerms.put(articleId, new HeldTerms(lead, body));
    }

    /** The article left memory: its terms may be forgotten (once) if nothing else holds them. */
    private void release(String articleId) {
        HeldTerms h = heldTerms.remove(articleId);
        if (h == null) return;
        stats.release(h.lead());
        extractor.bodyStats().release(h.body());
    }

    /**
     * Lets go of the stories nothing can reach any more, with every per-article entry they hold: merged away (an
     * empty link), or closed with their body centres dropped (no rescue) and no member left in the syndication
     * window (no copy can name one). Such a story can never change again, so leaving memory changes no result:
     * it is kept as its final group for {@link #snapshot} (unless {@link #keepOpenOnly}), and for
     * {@link #takeChanges} when it changed since.
     */
    private void retireFinished() {
        stories.removeIf(s -> {
            if (s.isMergedAway()) return true;
            if (s.isOpen() || s.keepsBody()) return false;
            for (String id : s.memberIds()) if (syndication.holds(id)) return false;
            Clustering.Group g = s.group();
            if (retired != null) retired.add(new Retired(s.id(), g));
            if (changed.remove(s)) changedRetired.add(new Retired(s.id(), g));
            for (String id : s.memberIds()) {
                storyOfArticle.remove(id);
                release(id);
            }
            return true;
        });
    }

    /**
     * Lone articles whose quiet period has ended by {@code time} get one more look, with their whole
     * body: an opinion piece or a column often names its event only past the lead, so the lead-based
     * score left it alone. It joins the story (two or more written members, created before it, within
     * the quiet period of it) whose whole-body centre it matches clearly better than every other such
     * story (by {@link ClusterConfig#rescueMargin}): the margin, not the score itself, is what tells an
     * article about one story from one that resembles several of the day's stories equally (measured on
     * the labelled sets: best scores of wrongly isolated articles and of true singletons overlap; the
     * margin separates them better). It joins by membership only, as a copy does: its story's centres
     * stay those of the reports that built it, and no open story's state depends on when a closed one
     * was freed.
     */
    private void rescueExpired(Instant time) {
        while (!pendingLone.isEmpty() && Duration.between(pendingLone.peek().time(), time).compareTo(config.quietPeriod()) > 0) {
            Pending pending = pendingLone.poll();
            Story lone = pending.story();
            if (lone.isMergedAway() || lone.size() != 1 || !lone.keepsBody()) continue;
            Story best = null;
            double bestScore = 0, second = 0;
            for (Story s : bodyCandidates(lone, pending.query())) {
                double sc = bodyScore(s, lone);
                if (sc > bestScore) {
                    second = bestScore;
                    bestScore = sc;
                    best = s;
                } else if (sc > second) {
                    second = sc;
                }
            }
            if (best == null) continue;
            double lead = config.rescueMargin();
            if (config.subjectPenalty() > 0 && subjectsDisagree(lone.titleSubjects(), best)) lead += RESCUE_SUBJECT_MARGIN;
            if (bestScore - second < lead) continue;
            rescue(lone, best, bestScore, second + lead, pending.query());
        }
    }

    /**
     * Stories a lone article may be rescued into (two or more written members, created before it, within
     * one quiet period of it, centres kept) that share its strongest body terms, those sharing most first (ties: older first).
     */
    private List<Story> bodyCandidates(Story lone, int[] query) {
        double quietDays = config.quietPeriod().getSeconds() / SECONDS_PER_DAY;
        Map<Story, Integer> shared = new LinkedHashMap<>();
        for (int t : query) {
            List<Story> posted = bodyPostings.get(t);
            if (posted == null) continue;
            for (Story s : posted) {
                if (s == lone || s.isMergedAway() || s.id() > lone.id() || s.written() < 2 || !s.keepsBody()
                        || s.gapDays(lone) > quietDays) continue;
                shared.merge(s, 1, Integer::sum);
            }
        }
        List<Story> out = new ArrayList<>(shared.keySet());
        out.sort(Comparator.comparingInt((Story s) -> shared.get(s)).reversed().thenComparingInt(Story::id));
        return out.size() > BODY_CANDIDATES ? out.subList(0, BODY_CANDIDATES) : out;
    }

    /** Whole-body similarity of two stories: words and names, weighed as the lead's are. */
    private double bodyScore(Story a, Story b) {
        double wt = config.textWeight(), we = config.entityWeight();
        return (wt * a.bodyWordsCosine(b) + we * a.bodyNamesCosine(b)) / (wt + we);
    }

    private void rescue(Story lone, Story into, double score, double bar, int[] query) {
        String id = lone.memberIds().getFirst();
        List<String> terms = into.sharedBodyWords(lone, REASON_TERMS).stream().map(extractor::bodyDisplay).toList();
        List<String> ents = into.sharedBodyNames(lone, REASON_TERMS).stream().map(extractor::bodyDisplay).toList();
        close(lone);
        unlistBody(lone);
        into.rescue(lone, new JoinReason(Math.max(0, Math.min(1, score)), terms, ents, null, bar));
        for (int t : query) bodyPost(into, t);
        storyOfArticle.put(id, into);
        changed.remove(lone);
        changed.add(into);
        counters.rescues++;
    }
}
