package news.parallax.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import org.junit.jupiter.api.Test;

/** {@link PosTagger} and {@link IndexedMaxentModel} give exactly what OpenNLP's own tagger and GIS model give. */
class PosTaggerTest {
    /** Enough corpus articles for tens of thousands of sentences, in a few seconds. */
    private static final int CORPUS_ARTICLES = 400;

    private static final List<String> WRITTEN = List.of(
            "Police said 5,000 people attended; organisers said 50,000.",
            "The unemployment rate fell to 4.1% in March, the lowest since 2000.",
            "\"We will not back down,\" Sen. Elizabeth Warren told reporters on Tuesday.",
            "About 43-to-45 percent of likely voters say they approve of the job he's doing.",
            "Troops",
            "",
            "The U.S. sent $1.5 billion in aid, roughly 3 times what it had pledged in 2016 and 2017.",
            // longer than the 100 tokens OpenNLP's feature cache keeps per sentence
            String.join(" ", java.util.Collections.nCopies(30, "The report, released Monday, counted 12 deaths."))
    );

    private final TokenizerME tokenizer = new TokenizerME(OpenNlpModels.tokens());

    @Test
    void tagsWrittenSentencesAsOpenNlpDoes() {
        POSTaggerME reference = new POSTaggerME(OpenNlpModels.pos());
        PosTagger tagger = new PosTagger();
        for (String sentence : WRITTEN) {
            String[] tokens = tokenizer.tokenize(sentence);
            assertThat(tagger.tag(tokens)).as(sentence).containsExactly(reference.tag(tokens));
        }
    }

    @Test
    void tagsCorpusSentencesAsOpenNlpDoes() throws IOException {
        List<String[]> sentences = corpusSentences();
        POSTaggerME reference = new POSTaggerME(OpenNlpModels.pos());
        PosTagger tagger = new PosTagger();
        List<String> differ = new ArrayList<>();
        for (String[] tokens : sentences) {
            String[] expected = reference.tag(tokens);
            String[] actual = tagger.tag(tokens);
            if (!Arrays.equals(expected, actual)) {
                differ.add(String.join(" ", tokens) + "\n  OpenNLP: " + String.join(" ", expected) + "\n  ours:    "
                        + String.join(" ", actual));
            }
        }
        assertThat(sentences).hasSizeGreaterThan(5_000);
        assertThat(differ).as("sentences tagged differently").isEmpty();
    }

    /**
     * What the one-pass decoding rests on: the model's features of a token are made once per sentence and handed out
     * again whatever tags precede it (OpenNLP's cached feature generator), and no tag dictionary limits the outcomes.
     */
    @Test
    void givesEveryBeamTheSameFeaturesOfAToken() {
        String[] tokens = tokenizer.tokenize("Police said 5,000 people attended the rally in Kursk on Tuesday.");
        POSContextGenerator contexts = OpenNlpModels.pos().getFactory().getPOSContextGenerator(3);
        String[] nouns = new String[tokens.length];
        String[] verbs = new String[tokens.length];
        Arrays.fill(nouns, "NOUN");
        Arrays.fill(verbs, "VERB");
        for (int i = 0; i < tokens.length; i++) {
            String[] first = contexts.getContext(i, tokens, nouns, null);
            assertThat(contexts.getContext(i, tokens, verbs, null)).as("token %d", i).containsExactly(first);
        }
        // a fresh generator does read the tags: the sameness above is the cache's, not a model without tag features
        POSContextGenerator fresh = OpenNlpModels.pos().getFactory().getPOSContextGenerator(3);
        assertThat(fresh.getContext(3, tokens, verbs, null)).contains("t=VERB").doesNotContain("t=NOUN");
        assertThat(OpenNlpModels.pos().getFactory().getTagDictionary()).isNull();
    }

    @Test
    void givesGisProbabilitiesBitForBit() throws IOException {
        MaxentModel gis = PosTagger.maxent(OpenNlpModels.pos());
        IndexedMaxentModel.Parameters parameters = IndexedMaxentModel.Parameters.of(gis);
        IndexedMaxentModel indexed = new IndexedMaxentModel(parameters);
        POSTaggerME reference = new POSTaggerME(OpenNlpModels.pos());
        List<String[]> sentences = new ArrayList<>();
        for (String s : WRITTEN) sentences.add(tokenizer.tokenize(s));
        sentences.addAll(corpusSentences().subList(0, 2_000));
        int compared = 0;
        int named = 0;
        for (String[] tokens : sentences) {
            // a fresh generator per sentence: its feature cache is keyed by the token array
            POSContextGenerator contexts = OpenNlpModels.pos().getFactory().getPOSContextGenerator(3);
            String[] tags = reference.tag(tokens);
            for (int i = 0; i < tokens.length; i++) {
                String[] context = contexts.getContext(i, tokens, tags, null);
                double[] expected = gis.eval(context, new double[gis.getNumOutcomes()]);
                double[] actual = indexed.eval(context, new double[gis.getNumOutcomes()]);
                assertThat(actual).as("token %d of %s", i, String.join(" ", tokens)).containsExactly(expected);
                // the outcome named without exponentials is strictly the most probable one
                int clear = indexed.clearBest(context);
                for (int o = 0; clear >= 0 && o < expected.length; o++) {
                    if (o != clear) assertThat(expected[clear]).as("token %d of %s", i, String.join(" ", tokens)).isGreaterThan(expected[o]);
                }
                if (clear >= 0) named++;
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20_000);
        assertThat(named).as("contexts whose best outcome is named without exponentials").isGreaterThan(compared * 9 / 10);
        assertThat(parameters.size()).as("features").isGreaterThan(10_000);
        assertThat(indexed.getNumOutcomes()).isEqualTo(gis.getNumOutcomes());
        for (int o = 0; o < gis.getNumOutcomes(); o++) assertThat(indexed.getOutcome(o)).isEqualTo(gis.getOutcome(o));
    }

    @Test
    void givesTheRightProbabilitiesAfterADifferentContext() {
        MaxentModel gis = PosTagger.maxent(OpenNlpModels.pos());
        IndexedMaxentModel indexed = new IndexedMaxentModel(IndexedMaxentModel.Parameters.of(gis));
        String[] noun = {"w=troops", "suf=s", "t=NUM"};
        String[] verb = {"w=said", "suf=d", "t=PROPN"};
        String[] unknown = {"w=zzqx-never-seen", "no such feature"};
        int n = gis.getNumOutcomes();
        for (String[][] order : new String[][][] {{noun, verb, noun}, {noun, noun.clone(), verb}, {unknown, verb, unknown}}) {
            for (String[] context : order) {
                assertThat(indexed.eval(context, new double[n])).containsExactly(gis.eval(context, new double[n]));
            }
        }
    }

    /** Sentences of the first corpus articles, tokenised as the claims stage does. */
    private List<String[]> corpusSentences() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String s : CorpusSentences.ofFirst(CORPUS_ARTICLES)) out.add(tokenizer.tokenize(s));
        return out;
    }
}
