package news.parallax.cluster;

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

    private final ClusterConfig config;
    private final @Nullable Embedder embedder;
    private final TermStats stats = new TermStats();
    private final FeatureExtractor extractor;
    private final SyndicationDetector syndication;
    private final List<Story> stories = new ArrayList<>();
    private final Map<String, Story> storyOfArticle = new HashMap<>();
    private final Map<Integer, List<Story>> postings = new HashMap<>();
    /** Stories touched since {@link #takeChanges} (identity: a story is its own object); merged-away ones resolve to their root. */
    private final Set<Story> changed = new LinkedHashSet<>();
    private final Counters counters = new Counters();
    /** Dated one-article stories waiting for their quiet period to end, earliest first: then a rescue is tried. */
    private final PriorityQueue<Pending> pendingLone = new PriorityQueue<>(Comparator.comparing(Pending::time).thenComparingInt(p -> p.story().id));

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
        this.extractor = new FeatureExtractor(stats, config);
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

        ArticleFeatures f = extractor.extract(article, time);
        if (precomputed != null) f = f.withEmbedding(precomputed);

        Optional<CopyMatch> copy = syndication.add(article, time);
        if (copy.isPresent()) {
            Story original = storyOfArticle.get(copy.get().originalId());
            if (original != null) {
                Story s = original.root();
                counters.copies++;
                var reason = Clustering.JoinReason.unscored(copy.get().similarity(), copy.get().originalId());
                // A copy only adds a member: it never reads the centres, so it may join a closed story
                // (whose centres are gone) without reopening it; a closed story is never scored again.
                s.addMember(seq, article.id(), reason, time);
                s.copyOf.put(article.id(), copy.get().originalId());
                storyOfArticle.put(article.id(), s);
                changed.add(s);
                return new Assignment(article.id(), s.key, false, reason, copy.get().originalId());
            }
        }

        List<Scored> scored = new ArrayList<>();
        for (Story s : candidates(f, time)) {
            Scored sc = score(f, s, time);
            if (sc != null) scored.add(sc);
        }
        f = withPendingEmbedding(f);
        scored.sort(Comparator.comparingDouble((Scored x) -> x.margin).reversed().thenComparingInt(x -> x.story.id));
        if (scored.isEmpty() || scored.get(0).margin < 0) {
            Story s = new Story(stories.size(), article.id(), time);
            s.firstDated = f.dated();
            stories.add(s);
            if (config.rescueLone()) {
                s.bodyWords = new Centroid();
                s.bodyNames = new Centroid();
                bodyKept.add(s);
                // An undated article's time is only the stream clock: no time window to rescue it in.
                if (f.dated()) pendingLone.add(new Pending(time, s, bodyQuery(f)));
            }
            var reason = Clustering.JoinReason.unscored(0, null);
            join(s, seq, article.id(), f, reason, time);
            return new Assignment(article.id(), s.key, true, reason, null);
        }
        Story best = scored.get(0).story;
        var reason = explain(best, f, scored.get(0).score, scored.get(0).score - scored.get(0).margin);
        join(best, seq, article.id(), f, reason, time);
        if (scored.size() > 1 && scored.get(1).margin >= 0) best = maybeMerge(best, scored.get(1).story);
        if (config.lateJoins()) best = absorbLoneArticles(best, scored);
        return new Assignment(article.id(), best.root().key, false, reason, null);
    }

    /** The stories so far, in order of their first article; members in arrival order. */
    public Clustering snapshot() {
        List<Clustering.Group> groups = new ArrayList<>();
        for (Story s : stories) if (s.mergedInto == null) groups.add(group(s));
        return new Clustering(groups);
    }

    /**
     * The stories created or changed since the last call (or {@link #forgetChanges}): started, grown,
     * merged into, or given a new join reason; as in {@link #snapshot}, in order of their first article.
     * A story merged away is not listed: its members are in the survivor's group. Live passes save only
     * these, so a pass costs what it changed, not the whole stream.
     */
    public Clustering takeChanges() {
        List<Story> roots = new ArrayList<>(changed.stream().map(Story::root).distinct().toList());
        roots.sort(Comparator.comparingInt(s -> s.id));
        changed.clear();
        return new Clustering(roots.stream().map(OnlineStoryClusterer::group).toList());
    }

    /** Starts the record {@link #takeChanges} reads afresh (after a whole snapshot was taken). */
    public void forgetChanges() {
        changed.clear();
    }

    private static Clustering.Group group(Story s) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.memberIds.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong(s.memberSeqs::get));
        List<String> ids = order.stream().map(s.memberIds::get).toList();
        return new Clustering.Group(ids, s.reasons, s.copyOf);
    }

    /** The key of the story {@code articleId} belongs to now (merges may have moved it). */
    public Optional<String> storyKeyOf(String articleId) {
        Story s = storyOfArticle.get(articleId);
        return s == null ? Optional.empty() : Optional.of(s.root().key);
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
                .thenComparingInt(e -> e.getKey().id));
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
        double text = s.text.cosine(f.text());
        double ent = s.entities.cosine(f.entities());
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
        double emb = Math.max(0, (s.embeddingCosine(e) - EMBEDDING_FLOOR) / (1 - EMBEDDING_FLOOR));
        double wm = config.embeddingWeight();
        double full = (wt * text + we * ent + wm * emb) / (wt + we + wm);
        return new Scored(s, full, full - threshold);
    }

    /**
     * Base threshold, raised for each day of gap past the grace days (follow-ups must agree more) and
     * for each day the story has run past its age grace (a saga's next event must agree more with
     * everything the story already holds than a development of the same event would).
     */
    private double threshold(Story s, Instant time) {
        double age = Math.max(0, Duration.between(s.first, time).getSeconds() / SECONDS_PER_DAY);
        double agePenalty = Math.min(config.maxPenalty(), config.agePenaltyPerDay() * Math.max(0, age - config.ageGraceDays()));
        return agePenalty + threshold(Math.max(0, Duration.between(s.last, time).getSeconds() / SECONDS_PER_DAY));
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
        Set<Integer> out = new TreeSet<>();
        for (var e : s.subjectCounts.entrySet()) if (e.getValue() >= SUBJECT_DOMINANCE * s.subjectTitles) out.add(e.getKey());
        return out;
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

    /** The title subjects of a one-article story's article. */
    private static int[] titleSubjects(Story lone) {
        return lone.subjectCounts.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean isQuiet(Story s, Instant time) {
        return Duration.between(s.last, time).compareTo(config.quietPeriod()) > 0;
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
        for (int i = Math.max(0, s.recent.size() - STORY_EMBED_MEMBERS); i < s.recent.size(); i++) {
            Story.Member m = s.recent.get(i);
            if (m.embedding == null) {
                m.embedding = embed(m.embedText);
                s.addEmbedding(m.embedding);
            }
        }
    }

    private float[] embed(String text) {
        counters.embeddings++;
        return Objects.requireNonNull(embedder).embed(text);
    }

    private void join(Story s, long seq, String articleId, ArticleFeatures f, Clustering.JoinReason reason, Instant time) {
        s.addMember(seq, articleId, reason, time);
        s.addVectors(articleId, f);
        s.written++;
        if (s.bodyWords != null && s.bodyNames != null) {
            s.bodyWords.add(f.bodyWords());
            s.bodyNames.add(f.bodyNames());
            for (int t : bodyQuery(f)) bodyPost(s, t);
        }
        for (int t : f.text().topIds(config.queryTerms())) post(s, t);
        for (int t : f.entities().topIds(QUERY_ENTITIES)) post(s, t);
        storyOfArticle.put(articleId, s);
        changed.add(s);
    }

    private void post(Story s, int term) {
        if (s.posted.add(term)) postings.computeIfAbsent(term, k -> new ArrayList<>()).add(s);
    }

    /** An article's strongest whole-body words and names: what it posts to its story and looks up when lone. */
    private int[] bodyQuery(ArticleFeatures f) {
        int[] words = f.bodyWords().topIds(BODY_QUERY_WORDS), names = f.bodyNames().topIds(BODY_QUERY_NAMES);
        int[] out = Arrays.copyOf(words, words.length + names.length);
        System.arraycopy(names, 0, out, words.length, names.length);
        return out;
    }

    private void bodyPost(Story s, int term) {
        if (s.bodyPosted.add(term)) bodyPostings.computeIfAbsent(term, k -> new ArrayList<>()).add(s);
    }

    /** Frees a story's whole-body centres and takes it out of the body index. */
    private void dropBody(Story s) {
        unlist(bodyPostings, s.bodyPosted, s);
        s.releaseBody();
    }

    private Clustering.JoinReason explain(Story s, ArticleFeatures f, double score, double threshold) {
        List<String> terms = s.text.sharedTerms(f.text(), REASON_TERMS).stream().map(stats::display).toList();
        List<String> ents = s.entities.sharedTerms(f.entities(), REASON_TERMS).stream().map(stats::display).toList();
        String matched = null;
        double best = -1;
        for (Story.Member m : s.recent) {
            double d = m.text.dot(f.text());
            if (d > best) {
                best = d;
                matched = m.id;
            }
        }
        return new Clustering.JoinReason(Math.max(0, Math.min(1, score)), terms, ents, matched, threshold);
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
            if (lone == into || !lone.open || lone.memberIds.size() != 1) continue;
            double sim = storySimilarity(into, lone, true);
            double threshold = lone.firstDated ? threshold(into.gapDays(lone)) : undatedThreshold();
            if (sim < threshold) continue;
            String id = lone.memberIds.getFirst();
            List<String> terms = into.text.sharedTerms(lone.text, REASON_TERMS).stream().map(stats::display).toList();
            List<String> ents = into.entities.sharedTerms(lone.entities, REASON_TERMS).stream().map(stats::display).toList();
            into = combine(into, lone);
            into.reasons.put(id, new Clustering.JoinReason(Math.max(0, Math.min(1, sim)), terms, ents, null, threshold));
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
        double sum = wt * a.text.cosine(b.text) + we * a.entities.cosine(b.entities);
        if (!embeddings || !config.usesEmbeddings() || a.embeddingSum == null || b.embeddingSum == null) return sum / (wt + we);
        double emb = Math.max(0, (a.embeddingCosine(b) - EMBEDDING_FLOOR) / (1 - EMBEDDING_FLOOR));
        return (sum + config.embeddingWeight() * emb) / (wt + we + config.embeddingWeight());
    }

    /** Merges two stories an article bridged when their centres agree; the older story survives. */
    private Story maybeMerge(Story a, Story b) {
        a = a.root();
        b = b.root();
        if (a == b) return a;
        if (storySimilarity(a, b, false) < config.mergeThreshold()) return a;
        counters.merges++;
        return combine(a, b);
    }

    /** Folds one story into the other; the older survives. */
    private Story combine(Story a, Story b) {
        Story keep = a.id < b.id ? a : b;
        Story gone = keep == a ? b : a;
        keep.memberSeqs.addAll(gone.memberSeqs);
        keep.memberIds.addAll(gone.memberIds);
        keep.reasons.putAll(gone.reasons);
        keep.copyOf.putAll(gone.copyOf);
        keep.text.addAll(gone.text);
        keep.entities.addAll(gone.entities);
        keep.recent.addAll(gone.recent);
        while (keep.recent.size() > Story.RECENT_MEMBERS) keep.recent.remove(0);
        if (gone.embeddingSum != null) {
            if (keep.embeddingSum == null) keep.embeddingSum = new float[gone.embeddingSum.length];
            for (int i = 0; i < gone.embeddingSum.length; i++) keep.embeddingSum[i] += gone.embeddingSum[i];
            keep.embedded += gone.embedded;
        }
        for (var e : gone.subjectCounts.entrySet()) keep.subjectCounts.merge(e.getKey(), e.getValue(), Integer::sum);
        keep.subjectTitles += gone.subjectTitles;
        if (gone.first.isBefore(keep.first)) keep.first = gone.first;
        if (gone.last.isAfter(keep.last)) keep.last = gone.last;
        keep.written += gone.written;
        if (keep.bodyWords != null && keep.bodyNames != null && gone.bodyWords != null && gone.bodyNames != null) {
            keep.bodyWords.addAll(gone.bodyWords);
            keep.bodyNames.addAll(gone.bodyNames);
        }
        List<Integer> goneBodyTerms = new ArrayList<>(gone.bodyPosted);
        dropBody(gone);
        if (keep.bodyWords != null) for (int t : goneBodyTerms) bodyPost(keep, t);
        unpost(gone);
        for (int t : gone.posted) post(keep, t);
        gone.open = false;
        gone.mergedInto = keep;
        for (String id : gone.memberIds) storyOfArticle.put(id, keep);
        // Everything of the merged-away story now lives in the survivor; only the link to it stays.
        gone.release();
        gone.memberSeqs.clear();
        gone.memberIds.clear();
        gone.reasons.clear();
        gone.copyOf.clear();
        changed.add(keep);
        return keep;
    }

    private void close(Story s) {
        if (!s.open) return;
        s.open = false;
        unpost(s);
        // A closed story is only kept for its members: drop what scoring needed.
        s.release();
    }

    private void unpost(Story s) {
        unlist(postings, s.posted, s);
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
        for (Story s : stories) if (s.open && s.mergedInto == null && isQuiet(s, time)) close(s);
        // A pending lone article looks at stories within one quiet period of it and is decided one quiet
        // period after it was published, so a story's whole-body centres are needed for two quiet periods
        // after its last article.
        bodyKept.removeIf(s -> {
            boolean drop = s.mergedInto != null || Duration.between(s.last, time).compareTo(config.quietPeriod().multipliedBy(2)) > 0;
            if (drop) dropBody(s);
            return drop;
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
            if (lone.mergedInto != null || lone.memberIds.size() != 1 || lone.bodyWords == null || lone.bodyNames == null) continue;
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
            if (config.subjectPenalty() > 0 && subjectsDisagree(titleSubjects(lone), best)) lead += RESCUE_SUBJECT_MARGIN;
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
                if (s == lone || s.mergedInto != null || s.id > lone.id || s.written < 2 || s.bodyWords == null || s.bodyNames == null
                        || s.gapDays(lone) > quietDays) continue;
                shared.merge(s, 1, Integer::sum);
            }
        }
        List<Story> out = new ArrayList<>(shared.keySet());
        out.sort(Comparator.comparingInt((Story s) -> shared.get(s)).reversed().thenComparingInt(s -> s.id));
        return out.size() > BODY_CANDIDATES ? out.subList(0, BODY_CANDIDATES) : out;
    }

    /** Whole-body similarity of two stories: words and names, weighed as the lead's are. */
    private double bodyScore(Story a, Story b) {
        double wt = config.textWeight(), we = config.entityWeight();
        return (wt * Objects.requireNonNull(a.bodyWords).cosine(Objects.requireNonNull(b.bodyWords))
                + we * Objects.requireNonNull(a.bodyNames).cosine(Objects.requireNonNull(b.bodyNames))) / (wt + we);
    }

    private void rescue(Story lone, Story into, double score, double bar, int[] query) {
        String id = lone.memberIds.getFirst();
        List<String> terms = Objects.requireNonNull(into.bodyWords).sharedTerms(Objects.requireNonNull(lone.bodyWords), REASON_TERMS).stream().map(extractor::bodyDisplay).toList();
        List<String> ents = Objects.requireNonNull(into.bodyNames).sharedTerms(Objects.requireNonNull(lone.bodyNames), REASON_TERMS).stream().map(extractor::bodyDisplay).toList();
        close(lone);
        into.memberSeqs.addAll(lone.memberSeqs);
        into.memberIds.add(id);
        into.reasons.put(id, new Clustering.JoinReason(Math.max(0, Math.min(1, score)), terms, ents, null, bar));
        into.written++;
        into.bodyWords.addAll(lone.bodyWords);
        into.bodyNames.addAll(Objects.requireNonNull(lone.bodyNames));
        if (lone.first.isBefore(into.first)) into.first = lone.first;
        if (lone.last.isAfter(into.last)) into.last = lone.last;
        lone.mergedInto = into;
        dropBody(lone);
        for (int t : query) bodyPost(into, t);
        lone.memberSeqs.clear();
        lone.memberIds.clear();
        lone.reasons.clear();
        storyOfArticle.put(id, into);
        changed.add(into);
        counters.rescues++;
    }
}
