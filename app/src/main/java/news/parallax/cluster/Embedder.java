package news.parallax.cluster;

import java.util.List;

/**
 * Sentence embeddings for the clusterer: unit-length vectors whose dot product is the cosine.
 * Implementations must be thread-safe and deterministic.
 */
public interface Embedder {
    float[] embed(String text);

    /** The text the clusterer embeds for an article (title and lead): the key of its cached vector, for later stages. */
    static String textOf(news.parallax.model.Article article) {
        return FeatureExtractor.embedText(article);
    }

    /** Embeds many texts, possibly in parallel; the result is in input order. */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
