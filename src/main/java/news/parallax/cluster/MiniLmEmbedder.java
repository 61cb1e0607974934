package news.parallax.cluster;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, shipped in langchain4j's jar; runs offline) as an
 * {@link Embedder}. The model is loaded once per JVM on first use (about 1 s). Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {
    private static final class Holder {
        static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public float[] embed(String text) {
        return unit(Holder.MODEL.embed(text.isBlank() ? "-" : text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : Holder.MODEL.embedAll(segments).content()) out.add(unit(e.vector()));
        return out;
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        n = Math.sqrt(n);
        if (n == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
        return out;
    }
}
