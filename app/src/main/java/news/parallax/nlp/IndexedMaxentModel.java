package news.parallax.nlp;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * An OpenNLP maximum-entropy (GIS) model whose parameters sit in primitive arrays behind an open-addressing table
 * from feature to index, giving bit-identical outcome probabilities to {@link GISModel#eval(String[], double[])}.
 *
 * <p>Why (issue 18): the claims stage spent a third of its time in OpenNLP's POS tagger, most of it in
 * {@code GISModel.eval}, which finds each feature's {@code Context} through a {@code LinkedHashMap} and then
 * follows two more arrays. Here a feature costs one probe of a hash array and one of a key array; its outcomes and
 * weights lie side by side in two flat arrays.
 *
 * <p>Identical results: GIS evaluation starts every outcome at the uniform log prior {@code log(1/n)}, adds each
 * known feature's weights in the order the features are given (the feature value is 1, and {@code w * 1.0 == w}),
 * then exponentiates with {@link StrictMath#exp} and divides by the running sum; this class does the same additions
 * in the same order, so every double is the same. {@code PosTaggerTest} checks the tags against OpenNLP's own tagger.
 *
 * <p>One instance per thread: the last context and its probabilities are kept and given back when the next call asks
 * for the same features (OpenNLP's beam search asked once per beam; {@link PosTagger} and {@link Tokenizers} no longer
 * repeat a context, so this costs one comparison of the first differing feature), and
 * {@link #eval(String[], double[])} is not thread-safe. The parameter tables are shared ({@link Parameters} is
 * immutable).
 */
final class IndexedMaxentModel implements MaxentModel {
    private final Parameters parameters;
    private String[] lastContext = new String[0];
    private final double[] lastProbs;
    private final double[] scores;
    private boolean hasLast;

    IndexedMaxentModel(Parameters parameters) {
        this.parameters = parameters;
        this.lastProbs = new double[parameters.outcomes.length];
        this.scores = new double[parameters.outcomes.length];
    }

    /** The parameters of a GIS model with a uniform prior (OpenNLP's default, and the English models'). */
    static final class Parameters {
        private final String[] outcomes;
        private final double logPrior;
        /** Open-addressing table: a feature's hash, the feature, and its row in {@link #rowStart}. */
        private final int[] slotHash;
        private final String[] slotKey;
        private final int[] slotRow;
        private final int mask;
        /** A row's weights are {@code weights[rowStart[row] .. rowStart[row + 1])}, for {@code outcomeOf}'s outcomes. */
        private final int[] rowStart;
        private final int[] outcomeOf;
        private final double[] weights;

        private Parameters(GISModel model) {
            // AbstractModel's data structures: the parameters, the map from feature to parameters, the outcome names
            Object[] data = model.getDataStructures();
            @SuppressWarnings("unchecked")
            Map<String, Context> features = (Map<String, Context>) data[1];
            outcomes = ((String[]) data[2]).clone();
            if (model.getNumOutcomes() != outcomes.length) {
                throw new IllegalStateException("GIS model has " + model.getNumOutcomes() + " outcomes but "
                        + outcomes.length + " outcome names");
            }
            // UniformPrior.setLabels: log(1 / number of outcomes)
            logPrior = StrictMath.log(1.0 / outcomes.length);
            int capacity = Integer.highestOneBit(Math.max(2, features.size() * 2 - 1)) << 1;
            slotHash = new int[capacity];
            slotKey = new String[capacity];
            slotRow = new int[capacity];
            mask = capacity - 1;
            rowStart = new int[features.size() + 1];
            int weightCount = 0;
            for (Context c : features.values()) weightCount += c.getOutcomes().length;
            outcomeOf = new int[weightCount];
            weights = new double[weightCount];
            int row = 0;
            int at = 0;
            for (Map.Entry<String, Context> e : features.entrySet()) {
                int[] os = e.getValue().getOutcomes();
                double[] ws = e.getValue().getParameters();
                rowStart[row] = at;
                System.arraycopy(os, 0, outcomeOf, at, os.length);
                System.arraycopy(ws, 0, weights, at, ws.length);
                at += os.length;
                int h = e.getKey().hashCode();
                int slot = spread(h) & mask;
                while (slotKey[slot] != null) slot = (slot + 1) & mask;
                slotHash[slot] = h;
                slotKey[slot] = e.getKey();
                slotRow[slot] = row;
                row++;
            }
            rowStart[row] = at;
        }

        /** Reads the parameters of {@code model}, which must be a {@link GISModel} (OpenNLP's maxent models are). */
        static Parameters of(MaxentModel model) {
            if (!(model instanceof GISModel gis)) {
                throw new IllegalArgumentException("not a GIS maxent model: " + model.getClass().getName());
            }
            return new Parameters(gis);
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        /** Row of {@code feature}, or -1 when the model never saw it. */
        int row(String feature) {
            int h = feature.hashCode();
            int slot = spread(h) & mask;
            while (true) {
                String key = slotKey[slot];
                if (key == null) return -1;
                if (slotHash[slot] == h && key.equals(feature)) return slotRow[slot];
                slot = (slot + 1) & mask;
            }
        }

        int size() {
            return rowStart.length - 1;
        }
    }

    @Override
    public double[] eval(String[] context, double[] probs) {
        int n = parameters.outcomes.length;
        if (hasLast && sameFeatures(context, lastContext)) {
            System.arraycopy(lastProbs, 0, probs, 0, n);
            return probs;
        }
        logScores(context, probs);
        double sum = 0;
        for (int o = 0; o < n; o++) {
            probs[o] = StrictMath.exp(probs[o]);
            sum += probs[o];
        }
        for (int o = 0; o < n; o++) probs[o] /= sum;
        lastContext = context;
        System.arraycopy(probs, 0, lastProbs, 0, n);
        hasLast = true;
        return probs;
    }

    /** How far, in log score, the best outcome must lead every other for {@link #clearBest} to name it. */
    static final double CLEAR_MARGIN = 1e-9;
    /** Log scores within which {@code exp} and the division by the sum are normal doubles for the best outcome. */
    private static final double SAFE_LOG = 700;

    /**
     * The outcome {@link #eval(String[], double[])} would give a probability strictly above every other's, found
     * without the exponentials (issue 18's claims throughput: they were a fifth of the tagger's evaluation), or -1
     * when no outcome's log score leads every other's by more than {@link #CLEAR_MARGIN} or the scores are extreme.
     *
     * <p>Exact: the probabilities are {@code exp(score) / sum}, rounded twice to within a few parts in 10^16; a lead of
     * 10^-9 in score is a ratio of 1 + 10^-9 between the exponentials, far above what the roundings can close, so the
     * leader's probability is strictly the greatest. The scores are the same additions as {@code eval}'s. On -1 the
     * caller evaluates in full. Not thread-safe (one instance per thread).
     */
    int clearBest(String[] context) {
        int n = parameters.outcomes.length;
        double[] scores = this.scores;
        logScores(context, scores);
        int best = 0;
        for (int o = 1; o < n; o++) if (scores[o] > scores[best]) best = o;
        double lead = scores[best];
        if (!(lead > -SAFE_LOG && lead < SAFE_LOG)) return -1;
        for (int o = 0; o < n; o++) {
            if (o != best && !(scores[o] < lead - CLEAR_MARGIN)) return -1;
        }
        return best;
    }

    /** Each outcome's log score for {@code context} (prior plus the weights of its known features) into {@code scores}. */
    private void logScores(String[] context, double[] scores) {
        Arrays.fill(scores, 0, parameters.outcomes.length, parameters.logPrior);
        int[] rowStart = parameters.rowStart;
        int[] outcomeOf = parameters.outcomeOf;
        double[] weights = parameters.weights;
        for (String feature : context) {
            int row = parameters.row(feature);
            if (row < 0) continue;
            for (int j = rowStart[row], end = rowStart[row + 1]; j < end; j++) scores[outcomeOf[j]] += weights[j];
        }
    }

    private static boolean sameFeatures(String[] a, String[] b) {
        if (a == b) return true;
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && !a[i].equals(b[i])) return false;
        }
        return true;
    }

    @Override
    public double[] eval(String[] context) {
        return eval(context, new double[parameters.outcomes.length]);
    }

    @Override
    public double[] eval(String[] context, float[] values) {
        throw new UnsupportedOperationException("real-valued features are not used by the POS tagger");
    }

    @Override
    public String getBestOutcome(double[] probs) {
        int best = 0;
        for (int i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
        return parameters.outcomes[best];
    }

    @Override
    public String getAllOutcomes(double[] probs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < probs.length; i++) sb.append(i == 0 ? "" : " ").append(parameters.outcomes[i]).append('[')
                .append(probs[i]).append(']');
        return sb.toString();
    }

    @Override
    public String getOutcome(int i) {
        return parameters.outcomes[i];
    }

    @Override
    public int getIndex(String outcome) {
        for (int i = 0; i < parameters.outcomes.length; i++) if (parameters.outcomes[i].equals(outcome)) return i;
        return -1;
    }

    @Override
    public int getNumOutcomes() {
        return parameters.outcomes.length;
    }
}
