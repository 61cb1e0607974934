package news.parallax.nlp;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP's English tokenizer ({@link OpenNlpModels#tokens()}) with its maximum-entropy model evaluated from primitive
 * arrays ({@link IndexedMaxentModel}): the same tokens, bit-identical probabilities (issue 18: a profile of the claims
 * bench in session 12 found the tokenizer's {@code GISModel.eval} and its {@code LinkedHashMap} lookups 13% of the
 * claims stage's samples). {@code TokenizersTest} checks the tokens against {@code TokenizerME} on the model's own.
 */
public final class Tokenizers {
    private static final class Shared {
        static final IndexedMaxentModel.Parameters PARAMETERS =
                IndexedMaxentModel.Parameters.of(OpenNlpModels.tokens().getMaxentModel());
    }

    private Tokenizers() {}

    /** A new tokenizer; not thread-safe (nor is {@code TokenizerME}): one per thread. */
    public static TokenizerME english() {
        TokenizerModel original = OpenNlpModels.tokens();
        TokenizerModel indexed = new TokenizerModel(new ArrayModel((AbstractModel) original.getMaxentModel()),
                new HashMap<>(), original.getFactory());
        return new TokenizerME(indexed);
    }

    /**
     * The original model's tables for everything but evaluation (TokenizerModel accepts only an {@link AbstractModel}),
     * evaluation by a per-instance {@link IndexedMaxentModel}.
     */
    private static final class ArrayModel extends AbstractModel {
        private final IndexedMaxentModel model = new IndexedMaxentModel(Shared.PARAMETERS);

        @SuppressWarnings("unchecked")
        ArrayModel(AbstractModel original) {
            super((Context[]) original.getDataStructures()[0], labels((Map<String, Context>) original.getDataStructures()[1]),
                    (Map<String, Context>) original.getDataStructures()[1], (String[]) original.getDataStructures()[2]);
            this.modelType = original.getModelType();
        }

        private static String[] labels(Map<String, Context> features) {
            return features.keySet().toArray(new String[0]);
        }

        @Override
        public double[] eval(String[] context) {
            return model.eval(context);
        }

        @Override
        public double[] eval(String[] context, double[] probs) {
            return model.eval(context, probs);
        }

        @Override
        public double[] eval(String[] context, float[] values) {
            throw new UnsupportedOperationException("real-valued features are not used by the tokenizer");
        }
    }
}
