package news.parallax.nlp;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerFactory;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.SequenceValidator;

/**
 * Universal POS tags from OpenNLP's English model, the same tags as {@link POSTaggerME#tag(String[])}, found token by
 * token instead of by OpenNLP's beam search, with the maximum-entropy model evaluated from primitive arrays
 * ({@link IndexedMaxentModel}; issue 18's claims throughput).
 *
 * <p>Why one pass gives the beam's answer: the model's feature generator is cached per token ({@code cache="true"} in
 * its descriptor), so the features of token {@code i}, previous tags included, are made once, from the best sequence
 * so far, and handed to every beam. Every beam therefore scores token {@code i}'s outcomes with the same
 * probabilities, the best sequence at each step is the best one before it with its best outcome, and the beam's
 * winner is the sequence of per-token best outcomes (ties of two doubles aside, where the beam's heap order decides).
 * {@code PosTaggerTest} checks the tags against {@code POSTaggerME} on thousands of corpus sentences.
 *
 * <p>Not thread-safe (nor is {@code POSTaggerME}): one instance per thread. The parameter tables are read from the
 * model once and shared.
 */
public final class PosTagger {
    private static final class Shared {
        static final IndexedMaxentModel.Parameters PARAMETERS = IndexedMaxentModel.Parameters.of(maxent(OpenNlpModels.pos()));
    }

    private final IndexedMaxentModel model;
    private final POSContextGenerator contexts;
    private final SequenceValidator<String> validator;
    private final double[] probs;

    /** A tagger on the English UD model of {@link OpenNlpModels#pos()}. */
    public PosTagger() {
        POSModel model = OpenNlpModels.pos();
        POSTaggerFactory factory = model.getFactory();
        this.model = new IndexedMaxentModel(Shared.PARAMETERS);
        // the generator POSTaggerME builds, with the beam size from the manifest as its cache size
        this.contexts = factory.getPOSContextGenerator(beamSize(model));
        this.validator = factory.getSequenceValidator();
        this.probs = new double[this.model.getNumOutcomes()];
    }

    /** The model's maximum-entropy part, under the name POSTaggerME reads it by. */
    static MaxentModel maxent(POSModel model) {
        return model.getArtifact("pos.model");
    }

    private static int beamSize(POSModel model) {
        String beam = model.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
        return beam == null ? POSTaggerME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam);
    }

    /** One tag per token (NOUN, PROPN, NUM, VERB...); no tokens give no tags. */
    public String[] tag(String[] tokens) {
        String[] tags = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            // the generator reads the tags before i only (POSTaggerME hands it the prefix)
            String[] context = contexts.getContext(i, tokens, tags, null);
            // an outcome strictly more probable than every other, and allowed, is what best() would pick
            int clear = model.clearBest(context);
            if (clear >= 0 && validator.validSequence(i, tokens, tags, model.getOutcome(clear))) {
                tags[i] = model.getOutcome(clear);
                continue;
            }
            model.eval(context, probs);
            tags[i] = best(i, tokens, tags);
        }
        return tags;
    }

    /** The most probable outcome the validator allows (the first of equals); none allowed: the most probable. */
    private String best(int i, String[] tokens, String[] tags) {
        int best = -1;
        for (int o = 0; o < probs.length; o++) {
            if ((best < 0 || probs[o] > probs[best]) && validator.validSequence(i, tokens, tags, model.getOutcome(o))) best = o;
        }
        return model.getOutcome(best < 0 ? argmax() : best);
    }

    private int argmax() {
        int best = 0;
        for (int o = 1; o < probs.length; o++) if (probs[o] > probs[best]) best = o;
        return best;
    }
}
