package news.parallax.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A logistic regression over {@link BlockFeatures} that decides whether a block the rules left out of the
 * body (outside the chosen container, or dropped inside it) is article text after all. Its weights are the
 * resource {@value #RESOURCE}, written by {@code BlockModelTrainer} (test scope) from the tuning parts of
 * the two development sets; the file's header says how. Immutable and thread-safe.
 *
 * <p>The system property {@value #THRESHOLD_PROPERTY} overrides the file's threshold, for measuring only
 * (a threshold above 1 switches the classifier off).
 */
final class BlockClassifier {
    static final String RESOURCE = "/extract/block-model.txt";
    static final String THRESHOLD_PROPERTY = "parallax.extract.blockThreshold";


    private final double[] weights;
    private final double threshold;

    BlockClassifier(double[] weights, double threshold) {
        if (weights.length != BlockFeatures.NAMES.size()) {
            throw new IllegalArgumentException("block model: " + weights.length + " weights for " + BlockFeatures.NAMES.size() + " features");
        }
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    private static final @Nullable BlockClassifier STANDARD = load(RESOURCE, THRESHOLD_PROPERTY);


    /** The shipped model, or null when it is switched off by the threshold property. */
    static @Nullable BlockClassifier standard() {
        return STANDARD;
    }

    private static @Nullable BlockClassifier load(String resource, String property) {
        try (InputStream in = BlockClassifier.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("block model resource missing: " + resource);
            BlockClassifier model = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            String override = System.getProperty(property);
            double threshold = override == null ? model.threshold : Double.parseDouble(override);
            return threshold > 1 ? null : new BlockClassifier(model.weights, threshold);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read block model " + resource, e);
        }
    }

    /** Reads "name weight" lines and one "threshold value" line; '#' starts a comment line. */
    static BlockClassifier parse(BufferedReader reader) throws IOException {
        Map<String, Double> values = new HashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+");
            if (parts.length != 2) throw new IOException("block model: bad line: " + l);
            try {
                values.put(parts[0], Double.parseDouble(parts[1]));
            } catch (NumberFormatException e) {
                throw new IOException("block model: bad number in line: " + l, e);
            }
        }
        Double threshold = values.remove("threshold");
        if (threshold == null) throw new IOException("block model: no threshold line");
        double[] w = new double[BlockFeatures.NAMES.size()];
        for (int i = 0; i < w.length; i++) {
            Double v = values.remove(BlockFeatures.NAMES.get(i));
            if (v == null) throw new IOException("block model: no weight for feature " + BlockFeatures.NAMES.get(i));
            w[i] = v;
        }
        if (!values.isEmpty()) throw new IOException("block model: unknown features " + values.keySet());
        return new BlockClassifier(w, threshold);
    }

    double probability(double[] features) {
        double z = 0;
        for (int i = 0; i < weights.length; i++) z += weights[i] * features[i];
        return 1 / (1 + Math.exp(-z));
    }

    boolean isContent(double[] features) {
        return probability(features) >= threshold;
    }
}
