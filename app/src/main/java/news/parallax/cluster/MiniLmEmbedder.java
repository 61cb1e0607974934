package news.parallax.cluster;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, shipped in langchain4j's jar; runs offline) as an
 * {@link Embedder}. The model is loaded once per JVM on first use (about 1 s). Thread-safe.
 *
 * <p>Runs the model and tokenizer from langchain4j's jar directly rather than through its wrapper,
 * whose session used every core for each text while its {@code embedAll} also ran texts in parallel,
 * and which tokenized each text three times. Here each text runs on one thread and {@link #embedAll}
 * spreads texts over the cores. The saving is small, since the model run itself is about 95 % of the
 * cost (on 3,000 corpus titles and leads, 2 cores: 4.35 against 4.43 CPU-ms per text in parallel,
 * 4.4 against 4.9 one at a time, where the wrapper's second thread only spun; see bench-embed). The vectors are those of the wrapper (same input ids, same pooling arithmetic), which
 * {@code MiniLmEmbedderTest} and {@code bench-embed} check. Each text is its own model run: the
 * model quantises activations with a scale taken over the whole input, so texts padded into one
 * batch would get vectors that depend on their neighbours.
 */
public final class MiniLmEmbedder implements Embedder {
    private static final int DIMENSION = 384;

    private static final class Model {
        static final Model INSTANCE = new Model();

        final OrtEnvironment env = OrtEnvironment.getEnvironment();
        final OrtSession session;
        final HuggingFaceTokenizer tokenizer;
        final boolean typeIds;

        private Model() {
            try (InputStream model = resource("all-minilm-l6-v2-q.onnx"); InputStream vocab = resource("all-minilm-l6-v2-q-tokenizer.json");
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // One thread per run: parallelism comes from embedAll running texts side by side.
                // ORT's own pool would spin its threads between the small matrix products of a
                // short text and compete with the other texts' runs.
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                session = env.createSession(model.readAllBytes(), options);
                // As langchain4j: no padding; the file's truncation (128 tokens) stays in force.
                tokenizer = HuggingFaceTokenizer.newInstance(vocab, Map.of("padding", "false"));
                typeIds = session.getInputNames().contains("token_type_ids");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the MiniLM model", e);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load the MiniLM model", e);
            }
        }

        private static InputStream resource(String name) {
            return Objects.requireNonNull(MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name), "resource " + name);
        }
    }

    /** Workers besides the calling thread for {@link #embedAll}; daemons, so they never keep the JVM up. */
    private static final class Pool {
        static final int WORKERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(Math.max(1, WORKERS),
                Thread.ofPlatform().daemon().name("minilm-embed-", 0).factory());
    }

    @Override
    public float[] embed(String text) {
        return unit(encode(Model.INSTANCE, text.isBlank() ? "-" : text));
    }

    /** Embeds texts on the calling thread and one worker per further core; the result is in input order. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        float[][] out = new float[texts.size()][];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < out.length; ) out[i] = embed(texts.get(i));
        };
        int helpers = Math.min(Pool.WORKERS, texts.size() - 1);
        List<Future<?>> running = new ArrayList<>();
        for (int h = 0; h < helpers; h++) running.add(Pool.EXECUTOR.submit(work));
        try {
            work.run();
        } finally {
            for (Future<?> f : running) Futures.await(f);
        }
        return Arrays.asList(out);
    }

    /**
     * langchain4j's vector for {@code text} (before {@link #unit}): the mean of the last hidden states over
     * all tokens, [CLS] and [SEP] included, divided by its float norm.
     */
    private static float[] encode(Model m, String text) {
        long[] ids = inputIds(m.tokenizer, text);
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1);
        try (OnnxTensor idsT = OnnxTensor.createTensor(m.env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskT = OnnxTensor.createTensor(m.env, LongBuffer.wrap(ones), shape);
                OnnxTensor typesT = OnnxTensor.createTensor(m.env, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsT);
            inputs.put("attention_mask", maskT);
            if (m.typeIds) inputs.put("token_type_ids", typesT);
            try (OrtSession.Result r = m.session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
                // Same float operations in the same order as langchain4j's mean pooling and normalisation.
                float[] sum = new float[DIMENSION];
                for (int t = 0; t < ids.length; t++) {
                    for (int j = 0; j < DIMENSION; j++) sum[j] += hidden.get(t * DIMENSION + j);
                }
                for (int j = 0; j < DIMENSION; j++) sum[j] /= ids.length;
                float sq = 0;
                for (float x : sum) sq += x * x;
                float norm = (float) Math.sqrt(sq);
                for (int j = 0; j < DIMENSION; j++) sum[j] /= norm;
                return sum;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM failed on a text of " + ids.length + " tokens", e);
        }
    }

    /**
     * The token ids langchain4j gives the model. It tokenizes the text (truncated to 128 tokens by the
     * tokenizer file), rebuilds a sentence from the tokens, and encodes that sentence if it tokenizes to
     * the same tokens, else the tokens glued together. When the round trip holds, the ids are the text's
     * own; the check is kept so that rare texts whose round trip fails get the same vector as before.
     */
    static long[] inputIds(HuggingFaceTokenizer tokenizer, String text) {
        Encoding enc = tokenizer.encode(text);
        List<String> inner = innerTokens(enc);
        // langchain4j splits token lists longer than 510 into pieces; truncation at 128 means one piece.
        String sentence = tokenizer.buildSentence(inner);
        if (innerTokens(tokenizer.encode(sentence)).equals(inner)) return enc.getIds();
        return tokenizer.encode(String.join("", inner), true, false).getIds();
    }

    private static List<String> innerTokens(Encoding enc) {
        String[] tokens = enc.getTokens();
        return Arrays.asList(tokens).subList(1, tokens.length - 1);
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
