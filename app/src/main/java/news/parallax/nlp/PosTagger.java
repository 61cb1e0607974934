package news.parallax.nlp;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerFactory;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * Universal POS tags from OpenNLP's English model, the same tags as {@link POSTaggerME#tag(String[])}: the same beam
 * search, feature generator and sequence validator, with the maximum-entropy model evaluated from primitive arrays and
 * each token's features once for all beams ({@link IndexedMaxentModel}; issue 18's claims throughput).
 *
 * <p>Not thread-safe (nor is {@code POSTaggerME}): one instance per thread. The parameter tables are read from the
 * model once and shared.
 */
public final class PosTagger {
    private static final class Shared {
        static final IndexedMaxentModel.Parameters PARAMETERS = IndexedMaxentModel.Parameters.of(maxent(OpenNlpModels.pos()));
    }

    private final BeamSearch search;
    private final POSContextGenerator contexts;
    private final SequenceValidator<String> validator;

    /** A tagger on the English UD model of {@link OpenNlpModels#pos()}. */
    public PosTagger() {
        POSModel model = OpenNlpModels.pos();
        POSTaggerFactory factory = model.getFactory();
        int beam = beamSize(model);
        // as POSTaggerME builds its own: beam from the manifest, no context cache in the search
        this.search = new BeamSearch(beam, new IndexedMaxentModel(Shared.PARAMETERS), 0);
        this.contexts = factory.getPOSContextGenerator(beam);
        this.validator = factory.getSequenceValidator();
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
        if (tokens.length == 0) return new String[0];
        Sequence best = search.bestSequence(tokens, null, contexts, validator);
        return best.getOutcomes().toArray(new String[0]);
    }
}
