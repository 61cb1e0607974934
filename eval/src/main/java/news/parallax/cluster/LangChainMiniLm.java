package news.parallax.cluster;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The same model through langchain4j's own wrapper, which {@link MiniLmEmbedder} replaced (it was
 * slower on two cores, see there). Kept only as the reference that tests and {@code bench-embed}
 * compare the product's vectors with.
 */
public final class LangChainMiniLm implements Embedder {
    private static final class Holder {
        static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public float[] embed(String text) {
        return MiniLmEmbedder.unit(Holder.MODEL.embed(text.isBlank() ? "-" : text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : Holder.MODEL.embedAll(segments).content()) out.add(MiniLmEmbedder.unit(e.vector()));
        return out;
    }
}
