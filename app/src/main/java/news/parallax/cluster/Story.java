package news.parallax.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Mutable state of one story while the stream runs. Internal to {@link OnlineStoryClusterer}. */
final class Story {
    /** Members kept with their vectors, to name the best-matching article in a join reason. */
    static final int RECENT_MEMBERS = 30;

    final int id;
    final String key;
    final List<Long> memberSeqs = new ArrayList<>();
    final List<String> memberIds = new ArrayList<>();
    final Map<String, Clustering.JoinReason> reasons = new HashMap<>();
    final Map<String, String> copyOf = new HashMap<>();
    final Centroid text = new Centroid();
    final Centroid entities = new Centroid();
    /** Scoring state, dropped by {@link #release()}: the centres above, these, and the embedding sum. */
    List<Member> recent = new ArrayList<>();
    Set<Integer> posted = new HashSet<>();
    float @Nullable [] embeddingSum;
    int embedded;
    /** Members' title subjects ({@link ArticleFeatures#subjects}): how many member titles name each. */
    Map<Integer, Integer> subjectCounts = new TreeMap<>();
    /** Members whose title names any subject. */
    int subjectTitles;
    /**
     * Earliest and latest article times: the story's span, to tell how far another story lies in time.
     * Articles need not come in time order (a live pass may add older ones), so both move.
     */
    Instant first;
    /** Whether the first article has a publication date (an undated one only stands at the stream clock). */
    boolean firstDated = true;
    Instant last;
    boolean open = true;
    @Nullable Story mergedInto;
    /**
     * Whole-body centres (words; names and numbers), for the rescue of lone articles only. They outlive
     * the scoring state by one quiet period, since a lone article may be rescued into a story that closed
     * during its own quiet period; {@link #releaseBody()} frees them.
     */
    @Nullable Centroid bodyWords, bodyNames;
    /** Whole-body terms this story is listed under in the clusterer's body index. */
    Set<Integer> bodyPosted = new HashSet<>();
    /** Members that are not syndicated copies. */
    int written;

    Story(int id, String key, Instant time) {
        this.id = id;
        this.key = key;
        this.first = time;
        this.last = time;
    }

    static final class Member {
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

    /**
     * Frees what only scoring used, once the story can no longer be a candidate (closed, or merged into
     * another): in a long-running stream memory then grows with members only. Immutable empties make
     * any later use fail instead of scoring against a half-empty centre.
     */
    void release() {
        text.release();
        entities.release();
        recent = List.of();
        posted = Set.of();
        embeddingSum = null;
        subjectCounts = Map.of();
    }

    void releaseBody() {
        bodyWords = null;
        bodyNames = null;
        bodyPosted = Set.of();
    }

    Story root() {
        Story s = this;
        while (s.mergedInto != null) s = s.mergedInto;
        return s;
    }

    void addMember(long seq, String articleId, Clustering.JoinReason reason, Instant time) {
        memberSeqs.add(seq);
        memberIds.add(articleId);
        reasons.put(articleId, reason);
        if (time.isBefore(first)) first = time;
        if (time.isAfter(last)) last = time;
    }

    void addVectors(String articleId, ArticleFeatures f) {
        text.add(f.text());
        entities.add(f.entities());
        recent.add(new Member(articleId, f.text(), f.embedText(), f.embedding()));
        if (recent.size() > RECENT_MEMBERS) recent.remove(0);
        if (f.embedding() != null) addEmbedding(f.embedding());
        if (f.subjects().length > 0) {
            subjectTitles++;
            for (int id : f.subjects()) subjectCounts.merge(id, 1, Integer::sum);
        }
    }

    void addEmbedding(float[] e) {
        if (embeddingSum == null) embeddingSum = new float[e.length];
        for (int i = 0; i < e.length; i++) embeddingSum[i] += e[i];
        embedded++;
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
