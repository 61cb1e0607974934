package news.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * The spans of {@link Tokenizers#english()}, with the cuts inside each whitespace-separated piece of text remembered
 * (issue 18's claims throughput: the tokenizer's model was evaluated at every character of every piece holding
 * punctuation, and the same pieces, "said," "U.S." "$5", come back sentence after sentence).
 *
 * <p>Why the same spans: {@code TokenizerME.tokenizePos} cuts the text at whitespace first and then decides the cuts
 * inside each piece from that piece alone (its context generator is given the piece and a position in it, and the
 * abbreviation dictionary is the model's), so a piece's cuts relative to its start are the same wherever it stands,
 * and are what the tokenizer gives for the piece on its own. {@code MemoTokenizerTest} checks the spans against
 * {@code TokenizerME}'s on corpus sentences.
 *
 * <p>Not thread-safe (nor is {@code TokenizerME}): one instance per thread. The remembered cuts, a function of the
 * piece alone, are shared by all instances.
 */
public final class MemoTokenizer {
    /**
     * Beyond this many remembered pieces the memory is cleared (bounds it to some 30 MB; the common pieces come back
     * at once). 2,000 corpus articles hold more than 50,000 distinct pieces.
     */
    private static final int MAX_REMEMBERED = 200_000;

    private final TokenizerME tokenizer = Tokenizers.english();
    /** Piece → its tokens' start and end offsets within it, in pairs. */
    private static final ConcurrentHashMap<String, int[]> CUTS = new ConcurrentHashMap<>();

    /** Token spans of {@code text}, as {@code TokenizerME.tokenizePos} gives them. */
    public Span[] tokenizePos(String text) {
        Span[] pieces = WhitespaceTokenizer.INSTANCE.tokenizePos(text);
        List<Span> out = new ArrayList<>(pieces.length + 8);
        for (Span piece : pieces) {
            int start = piece.getStart();
            if (piece.getEnd() - start < 2) {
                out.add(piece); // the tokenizer never cuts a single character
                continue;
            }
            String word = text.substring(start, piece.getEnd());
            int[] offsets = CUTS.get(word);
            if (offsets == null) {
                offsets = offsetsOf(word);
                if (CUTS.size() >= MAX_REMEMBERED) CUTS.clear();
                CUTS.put(word, offsets);
            }
            for (int k = 0; k < offsets.length; k += 2) out.add(new Span(start + offsets[k], start + offsets[k + 1]));
        }
        return out.toArray(new Span[0]);
    }

    private int[] offsetsOf(String word) {
        Span[] spans = tokenizer.tokenizePos(word);
        int[] out = new int[spans.length * 2];
        for (int i = 0; i < spans.length; i++) {
            out[2 * i] = spans[i].getStart();
            out[2 * i + 1] = spans[i].getEnd();
        }
        return out;
    }
}
