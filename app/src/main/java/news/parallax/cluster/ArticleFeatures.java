package news.parallax.cluster;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the clusterer compares of one article.
 *
 * @param text      TF-IDF over stemmed content words of title (weighted) and lead
 * @param entities  TF-IDF over capitalised names (single words and adjacent pairs) and numbers
 * @param embedText title and lead as given to the sentence embedder
 * @param time      publication time, or the stream clock when unknown
 * @param dated     whether the time is the article's own publication time
 * @param subjects  the title's subjects: ids ("e:" terms) of the last word of each run of title words that the lead
 *                  writes as a name; sorted, distinct; empty when the title names no one the lead names
 * @param bodyWords TF-IDF over stemmed content words of title and whole body (empty unless lone articles are rescued)
 * @param bodyNames TF-IDF over names and numbers of the whole body (likewise)
 * @param terms     the distinct term ids of title and lead (words, names and numbers), counted in {@link RecentNews}
 */
record ArticleFeatures(SparseVector text, SparseVector entities, String embedText, Instant time, boolean dated, int[] subjects,
        float @Nullable [] embedding, SparseVector bodyWords, SparseVector bodyNames, int[] terms) {
    ArticleFeatures withEmbedding(float[] e) {
        return new ArticleFeatures(text, entities, embedText, time, dated, subjects, e, bodyWords, bodyNames, terms);
    }
}
