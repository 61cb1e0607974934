package news.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;

/** Splits text into sentences with OpenNLP's English model. Thread-safe (one detector per thread). */
public final class Sentences {
    private static final ThreadLocal<SentenceDetectorME> DETECTOR =
            ThreadLocal.withInitial(() -> new SentenceDetectorME(OpenNlpModels.sentences()));

    private Sentences() {}

    /** Sentences of every paragraph of {@code text}, in order; a sentence never spans paragraphs. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\\n\\s*\\n|\\n")) {
            String p = para.strip();
            if (p.isEmpty()) continue;
            for (String s : DETECTOR.get().sentDetect(p)) {
                String t = s.strip();
                if (!t.isEmpty()) out.add(t);
            }
        }
        return out;
    }
}
