package news.parallax.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.parallax.cluster.Embedder;
import news.parallax.internal.Hashes;
import news.parallax.store.Store;

/**
 * An {@link Embedder} that keeps every vector it computes in the store, so each ingest re-clusters
 * the whole store while embedding only the texts it has not seen (embedding is the dominant cost).
 */
final class StoredEmbeddings implements Embedder {
    private final Store store;
    private final Embedder model;
    private final String modelName;

    StoredEmbeddings(Store store, Embedder model, String modelName) {
        this.store = store;
        this.model = model;
        this.modelName = modelName;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> keys = new ArrayList<>(texts.size());
        for (String t : texts) keys.add(key(t));
        Map<String, float[]> known = store.embeddings(keys);
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(keys.get(i))) missing.putIfAbsent(keys.get(i), texts.get(i));
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = model.embedAll(new ArrayList<>(missing.values()));
            Map<String, float[]> fresh = new LinkedHashMap<>();
            int i = 0;
            for (String k : missing.keySet()) fresh.put(k, computed.get(i++));
            store.putEmbeddings(fresh);
            known.putAll(fresh);
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String k : keys) out.add(known.get(k));
        return out;
    }

    /** Model name, a NUL separator and the text: the same text under another model is another key. */
    private String key(String text) {
        return key(modelName, text);
    }

    static String key(String modelName, String text) {
        return Hashes.sha256Hex(modelName + '\u0000' + text, 16);
    }
}
