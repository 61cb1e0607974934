package news.parallax.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.model.Paragraphs;
import news.parallax.nlp.Sentences;

/**
 * Sentences of an article body for summarising: {@link Sentences#split} plus one repair.
 *
 * <p>The OpenNLP English model keeps "by a vote of 7 to 2. Officials said ..." as one sentence (it reads "2." as
 * an ordinal). A summary built from such a pair would carry two statements as one, so a boundary after a number
 * is restored when both halves are full sentences.
 */
final class StorySentences {
    /** A number, a full stop, then a capitalised word: the boundary OpenNLP misses. */
    private static final Pattern NUMBER_BOUNDARY = Pattern.compile("(?<=\\d)\\.\\s+(?=[A-Z][a-z])");
    /** Both halves need this many words, so "No. 2 seed" style text stays whole. */
    static final int MIN_HALF_WORDS = 4;

    private StorySentences() {}

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : Sentences.split(text)) out.addAll(repair(s));
        return out;
    }

    /**
     * The first sentences of {@code text}, at least {@code max} when it has that many: paragraphs are split one at
     * a time and splitting stops once {@code max} is reached, so a long article costs no more than its opening.
     */
    static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        for (String paragraph : Paragraphs.split(text)) {
            if (out.size() >= max) break;
            for (String s : Sentences.split(paragraph)) out.addAll(repair(s));
        }
        return out;
    }

    static List<String> repair(String sentence) {
        Matcher m = NUMBER_BOUNDARY.matcher(sentence);
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (m.find()) {
            String head = sentence.substring(start, m.start() + 1).strip();
            String tail = sentence.substring(m.end()).strip();
            if (words(head) >= MIN_HALF_WORDS && words(tail) >= MIN_HALF_WORDS) {
                parts.add(head);
                start = m.end();
            }
        }
        parts.add(sentence.substring(start).strip());
        return parts;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }
}
