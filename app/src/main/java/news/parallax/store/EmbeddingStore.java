package news.parallax.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The sentence-embedding cache (V2 {@code embeddings}): vectors by model-and-text hash, little-endian float32. Thread-safe. */
public final class EmbeddingStore {
    private final Database db;

    public EmbeddingStore(Database db) {
        this.db = db;
    }

    /** Cached vectors for the given keys; keys without one are absent from the result. */
    public Map<String, float[]> embeddings(Collection<String> keys) {
        return db.read("read embeddings", c -> {
            Map<String, float[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT vector FROM embeddings WHERE text_hash = ?")) {
                for (String key : keys) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) out.put(key, floats(rs.getBytes(1)));
                    }
                }
            }
            return out;
        });
    }

    public void putEmbeddings(Map<String, float[]> vectors) {
        if (vectors.isEmpty()) return;
        db.write("store " + vectors.size() + " embeddings", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO embeddings (text_hash, vector) VALUES (?, ?) ON CONFLICT (text_hash) DO UPDATE SET vector = excluded.vector")) {
                for (var e : vectors.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setBytes(2, bytes(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static float[] floats(byte[] bytes) {
        FloatBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
    }
}
