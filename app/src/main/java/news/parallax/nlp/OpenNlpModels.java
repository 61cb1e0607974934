package news.parallax.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The English OpenNLP models shipped as Maven Central jars, loaded once on first use.
 *
 * <p>Models are immutable and thread-safe; the {@code *ME} tools built on them are not, so callers
 * create one tool per thread.
 */
public final class OpenNlpModels {
    private OpenNlpModels() {}

    private static final class Sentence {
        static final SentenceModel MODEL = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    }

    private static final class Token {
        static final TokenizerModel MODEL = load("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
    }

    private static final class Pos {
        static final POSModel MODEL = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
    }

    private static final class Lemma {
        static final LemmatizerModel MODEL = load("/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin", LemmatizerModel::new);
    }

    private static final class Lang {
        static final LanguageDetectorModel MODEL = load("/langdetect-183.bin", LanguageDetectorModel::new);
    }

    public static SentenceModel sentences() {
        return Sentence.MODEL;
    }

    public static TokenizerModel tokens() {
        return Token.MODEL;
    }

    public static POSModel pos() {
        return Pos.MODEL;
    }

    public static LemmatizerModel lemmas() {
        return Lemma.MODEL;
    }

    public static LanguageDetectorModel languages() {
        return Lang.MODEL;
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, ModelReader<T> reader) {
        try (InputStream in = OpenNlpModels.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("OpenNLP model missing from the class path: " + resource);
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
        }
    }
}
