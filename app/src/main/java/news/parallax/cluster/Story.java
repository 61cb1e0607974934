package news.parallax.cluster;

import news.parallax.model.JoinReason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Mutable state of one story while the stream runs: its members and why each joined, the centres it is scored
 * by, its span in time and where the clusterer's indexes list it. Internal to {@link OnlineStoryClusterer}, which
 * changes it only through these methods ({@link #join}, {@link #addCopy}, {@link #absorb}, {@link #rescue},
 * {@link #close}, {@link #releaseBody}), so a new field is written in this class alone (issue 17).
 *
 * <p>Life: open (scored, indexed), then closed by its quiet period or merged away ({@link #release} frees what only
 * scoring used); its whole-body centres, kept for the rescue of lone articles, outlive the scoring state by one
 * quiet period ({@link #releaseBody}). Not thread-safe.
 */
final class Story {
    /** Members kept with their vectors, to name the best-matching article in a join reason. */
    static final int RECENT_MEMBERS = 30;

    private final int id;
    private final String key;
    private final List<Long> memberSeqs = new ArrayList<>();
    private final List<String> memberIds = new ArrayList<>();
    private final Map<String, JoinReason> reasons = new HashMap<>();
    private final Map<String, String> copyOf = new HashMap<>();
    private final Centroid text = new Centroid();
    private final Centroid entities = new Centroid();
    /** Scoring state, dropped by {@link #release()}: the centres above, these, and the embedding sum. */
    private List<Member> recent = new ArrayList<>();
    private Set<Integer> posted = new HashSet<>();
    private float @Nullable [] embeddingSum;
    private int embedded;
    /** Members' title subjects ({@link ArticleFeatures#subjects}): how many member titles name each. */
    private Map<Integer, Integer> subjectCounts = new TreeMap<>();
    /** Members whose title names any subject. */
    private int subjectTitles;
    /**
     * Earliest and latest article times: the story's span, to tell how far another story lies in time.
     * Articles need not come in time order (a live pass may add older ones), so both move.
     */
    private Instant first;
    /** Whether the first article has a publication date (an undated one only stands at the stream clock). */
    private final boolean firstDated;
    private Instant last;
    private boolean open = true;
    private @Nullable Story mergedInto;
    /**
     * Whole-body centres (words; names and numbers), for the rescue of lone articles only. They outlive
     * the scoring state by one quiet period, since a lone article may be rescued into a story that closed
     * during its own quiet period; {@link #releaseBody()} frees them. Null when rescues are off.
     */
    private @Nullable Centroid bodyWords, bodyNames;
    /** Whole-body terms this story is listed under in the clusterer's body index. */
    private Set<Integer> bodyPosted = new HashSet<>();
    /** Members that are not syndicated copies. */
    private int written;

    /**
     * @param dated    whether the first article's time is its own publication time
     * @param keepBody whether to keep whole-body centres (rescue of lone articles on)
     */
    Story(int id, String key, Instant time, boolean dated, boolean keepBody) {
        this.id = id;
        this.key = key;
        this.first = time;
        this.last = time;
        this.firstDated = dated;
        if (keepBody) {
            bodyWords = new Centroid();
            bodyNames = new Centroid();
        }
    }

    private static final class Member {
        final String id;
        final SparseVector text;
        final String embedText;
        float @Nullable [] embedding;

        Member(String id, SparseVector text, String embedText, float @Nullable [] embedding) {
            this.id = id;
            this.text = text;
            this.embedText = embedText;
            this.embedding = embedding;
        }
    }

    int id() {
        return id;
    }

    /** The story's key: the id of the article it started with. */
    String key() {
        return key;
    }

    Instant first() {
        return first;
    }

    Instant last() {
        return last;
    }

    boolean firstDated() {
        return firstDated;
    }

    /** Whether it can still be a candidate (not closed by its quiet period, not merged away). */
    boolean isOpen() {
        return open;
    }

    /** Whether it was merged into another story (or rescued into one): its members live there now. */
    boolean isMergedAway() {
        return mergedInto != null;
    }

    /** Members, copies included. */
    int size() {
        return memberIds.size();
    }

    /** Members that are not syndicated copies. */
    int written() {
        return written;
    }

    /** Member ids in the order they joined (not the stream's order after a merge). */
    List<String> memberIds() {
        return Collections.unmodifiableList(memberIds);
    }

    /** Whether its whole-body centres are kept (for rescues). */
    boolean keepsBody() {
        return bodyWords != null && bodyNames != null;
    }

    /** The story it lives in now: itself, or the survivor of the merges it went into. */
    Story root() {
        Story s = this;
        while (s.mergedInto != null) s = s.mergedInto;
        return s;
    }

    /** Adds an article scored into it (or that starts it): member, centres, recent members, subjects, body centres. */
    void join(long seq, String articleId, ArticleFeatures f, JoinReason reason, Instant time) {
        addMember(seq, articleId, reason, time);
        text.add(f.text());
        entities.add(f.entities());
        recent.add(new Member(articleId, f.text(), f.embedText(), f.embedding()));
        if (recent.size() > RECENT_MEMBERS) recent.remove(0);
        if (f.embedding() != null) addEmbedding(f.embedding());
        if (f.subjects().length > 0) {
            subjectTitles++;
            for (int t : f.subjects()) subjectCounts.merge(t, 1, Integer::sum);
        }
        written++;
        if (bodyWords != null && bodyNames != null) {
            bodyWords.add(f.bodyWords());
            bodyNames.add(f.bodyNames());
        }
    }

    /**
     * Adds a syndicated copy of one of its members. A copy only adds a member: it never reads the centres, so it
     * may join a closed story (whose centres are gone) without reopening it.
     */
    void addCopy(long seq, String articleId, JoinReason reason, Instant time, String originalId) {
        addMember(seq, articleId, reason, time);
        copyOf.put(articleId, originalId);
    }

    private void addMember(long seq, String articleId, JoinReason reason, Instant time) {
        memberSeqs.add(seq);
        memberIds.add(articleId);
        reasons.put(articleId, reason);
        widenSpan(time, time);
    }

    private void widenSpan(Instant from, Instant to) {
        if (from.isBefore(first)) first = from;
        if (to.isAfter(last)) last = to;
    }

    /** Replaces the join reason of a member (a lone article absorbed late is explained by the story's centre). */
    void explainMember(String articleId, JoinReason reason) {
        if (!reasons.containsKey(articleId)) throw new IllegalArgumentException("not a member of story " + key + ": " + articleId);
        reasons.put(articleId, reason);
    }

    /**
     * Takes in everything of {@code gone} (members, reasons, copies, centres, recent members, embedding sum, subjects,
     * span, body centres when both keep them); {@code gone} is then merged away: closed, released and empty but for
     * its link here. The caller moves {@code gone}'s index entries first (its {@link #postedTerms} and
     * {@link #bodyPostedTerms}).
     */
    void absorb(Story gone) {
        if (gone == this || gone.mergedInto != null) throw new IllegalArgumentException("cannot absorb story " + gone.key + " into " + key);
        memberSeqs.addAll(gone.memberSeqs);
        memberIds.addAll(gone.memberIds);
        reasons.putAll(gone.reasons);
        copyOf.putAll(gone.copyOf);
        text.addAll(gone.text);
        entities.addAll(gone.entities);
        recent.addAll(gone.recent);
        while (recent.size() > RECENT_MEMBERS) recent.remove(0);
        if (gone.embeddingSum != null) {
            if (embeddingSum == null) embeddingSum = new float[gone.embeddingSum.length];
            for (int i = 0; i < gone.embeddingSum.length; i++) embeddingSum[i] += gone.embeddingSum[i];
            embedded += gone.embedded;
        }
        for (var e : gone.subjectCounts.entrySet()) subjectCounts.merge(e.getKey(), e.getValue(), Integer::sum);
        subjectTitles += gone.subjectTitles;
        widenSpan(gone.first, gone.last);
        written += gone.written;
        if (bodyWords != null && bodyNames != null && gone.bodyWords != null && gone.bodyNames != null) {
            bodyWords.addAll(gone.bodyWords);
            bodyNames.addAll(gone.bodyNames);
        }
        gone.mergeInto(this);
    }

    /**
     * Takes in a lone story's one article by membership only, as a copy joins (its centres stay those of the reports
     * that built it), but with its whole body, so later rescues see it; {@code lone} is then merged away. Both must
     * keep their body centres. The caller closes {@code lone} and moves its body index entries first.
     */
    void rescue(Story lone, JoinReason reason) {
        if (lone.memberIds.size() != 1 || !keepsBody() || !lone.keepsBody()) throw new IllegalArgumentException("cannot rescue story " + lone.key + " into " + key);
        String articleId = lone.memberIds.getFirst();
        memberSeqs.addAll(lone.memberSeqs);
        memberIds.add(articleId);
        reasons.put(articleId, reason);
        written++;
        Objects.requireNonNull(bodyWords).addAll(Objects.requireNonNull(lone.bodyWords));
        Objects.requireNonNull(bodyNames).addAll(Objects.requireNonNull(lone.bodyNames));
        widenSpan(lone.first, lone.last);
        lone.mergeInto(this);
    }

    /** Leaves only the link to {@code survivor}, which now holds all of this story. */
    private void mergeInto(Story survivor) {
        open = false;
        mergedInto = survivor;
        release();
        releaseBody();
        memberSeqs.clear();
        memberIds.clear();
        reasons.clear();
        copyOf.clear();
    }

    /** Closes it for good (its quiet period passed): it is kept for its members only; the caller unlists it first. */
    void close() {
        open = false;
        // A closed story is only kept for its members: drop what scoring needed.
        release();
    }

    /**
     * Frees what only scoring used, once the story can no longer be a candidate (closed, or merged into
     * another): in a long-running stream memory then grows with members only. Immutable empties make
     * any later use fail instead of scoring against a half-empty centre.
     */
    private void release() {
        text.release();
        entities.release();
        recent = List.of();
        posted = Set.of();
        embeddingSum = null;
        subjectCounts = Map.of();
    }

    /** Frees the whole-body centres: no lone article can be rescued into it any more. The caller unlists it first. */
    void releaseBody() {
        bodyWords = null;
        bodyNames = null;
        bodyPosted = Set.of();
    }

    /** Records that the clusterer's lead index lists it under {@code term}; false when it already did. */
    boolean post(int term) {
        return posted.add(term);
    }

    /** Terms the lead index lists it under. */
    Set<Integer> postedTerms() {
        return Collections.unmodifiableSet(posted);
    }

    /** Records that the body index lists it under {@code term}; false when it already did. */
    boolean bodyPost(int term) {
        return bodyPosted.add(term);
    }

    /** Terms the body index lists it under. */
    Set<Integer> bodyPostedTerms() {
        return Collections.unmodifiableSet(bodyPosted);
    }

    /** This story's members as a result group, in arrival order (by stream sequence). */
    Clustering.Group group() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong(memberSeqs::get));
        List<String> ids = order.stream().map(memberIds::get).toList();
        return new Clustering.Group(ids, reasons, copyOf);
    }

    double textCosine(SparseVector v) {
        return text.cosine(v);
    }

    double entityCosine(SparseVector v) {
        return entities.cosine(v);
    }

    double textCosine(Story o) {
        return text.cosine(o.text);
    }

    double entityCosine(Story o) {
        return entities.cosine(o.entities);
    }

    List<Integer> sharedTextTerms(SparseVector v, int k) {
        return text.sharedTerms(v, k);
    }

    List<Integer> sharedEntityTerms(SparseVector v, int k) {
        return entities.sharedTerms(v, k);
    }

    List<Integer> sharedTextTerms(Story o, int k) {
        return text.sharedTerms(o.text, k);
    }

    List<Integer> sharedEntityTerms(Story o, int k) {
        return entities.sharedTerms(o.entities, k);
    }

    /** Cosine of the two stories' whole-body word centres; both must keep them. */
    double bodyWordsCosine(Story o) {
        return Objects.requireNonNull(bodyWords).cosine(Objects.requireNonNull(o.bodyWords));
    }

    /** Cosine of the two stories' whole-body name centres; both must keep them. */
    double bodyNamesCosine(Story o) {
        return Objects.requireNonNull(bodyNames).cosine(Objects.requireNonNull(o.bodyNames));
    }

    List<Integer> sharedBodyWords(Story o, int k) {
        return Objects.requireNonNull(bodyWords).sharedTerms(Objects.requireNonNull(o.bodyWords), k);
    }

    List<Integer> sharedBodyNames(Story o, int k) {
        return Objects.requireNonNull(bodyNames).sharedTerms(Objects.requireNonNull(o.bodyNames), k);
    }

    /** The recent member whose lead vector lies closest to {@code v}; null when none is kept. */
    @Nullable String closestRecentMember(SparseVector v) {
        String matched = null;
        double best = -1;
        for (Member m : recent) {
            double d = m.text.dot(v);
            if (d > best) {
                best = d;
                matched = m.id;
            }
        }
        return matched;
    }

    /** Embeds (with {@code embed}) the latest {@code members} recent members not yet embedded, into the mean. */
    void embedRecent(int members, Function<String, float[]> embed) {
        for (int i = Math.max(0, recent.size() - members); i < recent.size(); i++) {
            Member m = recent.get(i);
            if (m.embedding == null) {
                m.embedding = embed.apply(m.embedText);
                addEmbedding(m.embedding);
            }
        }
    }

    private void addEmbedding(float[] e) {
        if (embeddingSum == null) embeddingSum = new float[e.length];
        for (int i = 0; i < e.length; i++) embeddingSum[i] += e[i];
        embedded++;
    }

    /** Whether any member's embedding entered the mean. */
    boolean hasEmbedding() {
        return embeddingSum != null;
    }

    /**
     * The subjects named by at least {@code share} of the member titles that name any: what the story is about.
     * Empty when no subject is that common.
     */
    Set<Integer> dominantSubjects(double share) {
        Set<Integer> out = new TreeSet<>();
        for (var e : subjectCounts.entrySet()) if (e.getValue() >= share * subjectTitles) out.add(e.getKey());
        return out;
    }

    /** Every subject its members' titles name (for a one-article story: its article's). */
    int[] titleSubjects() {
        return subjectCounts.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Cosine of the two stories' mean embeddings; 0 when either has none. */
    double embeddingCosine(Story o) {
        if (embeddingSum == null || o.embeddingSum == null) return 0;
        double dot = 0, a = 0, b = 0;
        for (int i = 0; i < embeddingSum.length; i++) {
            dot += embeddingSum[i] * o.embeddingSum[i];
            a += embeddingSum[i] * embeddingSum[i];
            b += o.embeddingSum[i] * o.embeddingSum[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }

    /** Days between the two stories' spans; 0 when they overlap. */
    double gapDays(Story o) {
        long seconds = Math.max(0, Math.max(Duration.between(last, o.first).getSeconds(), Duration.between(o.last, first).getSeconds()));
        return seconds / 86_400.0;
    }

    /** Cosine of {@code e} (unit length) with the mean embedding of the embedded members. */
    double embeddingCosine(float[] e) {
        if (embeddingSum == null) return 0;
        double dot = 0, norm = 0;
        for (int i = 0; i < e.length; i++) {
            dot += embeddingSum[i] * e[i];
            norm += embeddingSum[i] * embeddingSum[i];
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }
}
