package news.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds proper names in raw text by capitalisation (no NER model is published on Maven Central).
 *
 * <p>A name is a run of capitalised words, possibly joined by "of", "for", "and" or "the" inside
 * ("Ministry of National Defense"), broken at possessives ("South Korea's National Intelligence
 * Service" gives two names). Leading titles ("Ukrainian President") are split off and kept.
 * A parenthesised acronym right after a name ("National Intelligence Service (NIS)") is returned as
 * its alias. Thread-safe: stateless.
 */
final class NameSpotter {
    private static final Pattern RUN = Pattern.compile(
            // "the" joins only after "of"/"for" ("Bank of the West"): "Reuters the White House" is two names
            "(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}\\-.]*(?:\\s+(?:(?:of|for|de|al|bin|von|van)\\s+(?:the\\s+)?)?\\p{Lu}[\\p{L}\\-.]*)*)"
                    + "(?:'s|’s)?(\\s*\\((\\p{Lu}{2,6})\\))?");
    /** Capitalised words that start sentences or are not names on their own. */
    static final Set<String> NOT_NAMES = WordLists.set("not-names.txt");

    private NameSpotter() {}

    /** Words after which a name ending like a nationality ("Jordan said") is still a name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("said", "says", "say", "told", "on", "in", "at", "and",
            "to", "of", "was", "is", "has", "had", "will", "would", "who", "for", "with", "from", "after", "before",
            "as", "by", "added", "wrote", "asked", "did", "does", "could", "can", "may", "might", "also", "or", "but");
    private static final Pattern DEMONYM = Pattern.compile(".*(ian|ean|ese|ish|ic|[^l]i)$|american|mexican|african|cuban"
            + "|german|afghan|moroccan|venezuelan|dominican|nicaraguan|guatemalan|tibetan|republican|puerto rican");
    static final Pattern PLACE_BEFORE = Pattern.compile("(?i)(\\b(in|at|from|near|into|to|across|outside)|"
            + "\\bbases in .*)\\s$");

    /**
     * {@code PLACE_BEFORE.matcher(text.substring(0, end)).find()}, tried on the last twelve characters unless the text
     * holds "bases in" ({@code basesIn}, ASCII case ignored), whose alternative may start anywhere: the other's word, space
     * and end (before at most a final line break) take at most ten (issue 18's throughput: the whole text before every
     * name was searched).
     */
    static boolean placeBefore(String text, int end, boolean basesIn) {
        if (basesIn) return PLACE_BEFORE.matcher(text.substring(0, end)).find();
        return PLACE_BEFORE.matcher(text).region(Math.max(0, end - 12), end).useTransparentBounds(true).find();
    }

    /** Whether {@code text[0, end)} is only quotation marks, brackets and spaces ({@code [\"'(\[\s]*}). */
    static boolean onlyOpeners(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c != '"' && c != '\'' && c != '(' && c != '[' && !AsciiWords.isSpace(c)) return false;
        }
        return true;
    }

    /**
     * One name occurrence.
     *
     * @param name      the name, title removed
     * @param title     the title written before it, may be empty
     * @param acronym   the acronym in parentheses after it, may be empty
     * @param qualifier the possessor written before it ("South Korea" for "South Korea's National
     *                  Intelligence Service"), may be empty
     * @param place     true when it follows a place preposition ("in Kursk") or continues a list of places
     * @param initial   true when it opens the sentence, where any word is capitalised
     */
    record Mention(String name, String title, String acronym, String qualifier, boolean place, boolean initial) {}

    static List<Mention> find(String sentence) {
        List<Mention> out = new ArrayList<>();
        String text = Tagger.straighten(sentence);
        Matcher m = RUN.matcher(text);
        String possessor = "";
        int possessorEnd = -2;
        boolean lastPlace = false;
        int lastEnd = -10;
        boolean basesIn = AsciiWords.containsIgnoreCase(text, List.of("bases in"));
        while (m.find()) {
            String run = m.group(1).strip();
            String qualifier = m.start() == possessorEnd + 1 ? possessor : "";
            boolean possessive = m.group().contains("'s");
            String after = text.substring(m.end());
            String between = lastEnd >= 0 && lastEnd <= m.start() ? text.substring(lastEnd, m.start()) : "";
            boolean place = placeBefore(text, m.start(), basesIn)
                    || lastPlace && (between.equals(", ") || between.equals(" and ") || between.equals(", and "));
            String acronym = m.group(3) == null ? "" : m.group(3);
            String[] words = Rx.split(run, "\\s+");
            int a = 0;
            while (a < words.length && NOT_NAMES.contains(words[a].toLowerCase(Locale.ROOT))) a++;
            int b = words.length;
            while (b > a && (NOT_NAMES.contains(words[b - 1].toLowerCase(Locale.ROOT))
                    || words[b - 1].equals("of") || words[b - 1].equals("and") || words[b - 1].equals("the"))) {
                b--;
            }
            if (possessive) {
                possessor = String.join(" ", java.util.Arrays.copyOfRange(words, a, Math.max(a, b)));
                possessorEnd = m.end();
            }
            lastEnd = m.end();
            lastPlace = place;
            if (a >= b) continue;
            // "North Korean troops": a nationality adjective, not a name
            if (Rx.matches(after, "^\\s+\\p{Ll}.*") && !possessive
                    && DEMONYM.matcher(words[b - 1].toLowerCase(Locale.ROOT)).matches()
                    && !FUNCTION_WORDS.contains(Rx.split(after.strip(), "[^\\p{L}]+")[0])) {
                continue;
            }
            int lastTitle = -1;
            for (int k = a; k < b - 1; k++) {
                if (AttributionFinder.TITLE_WORDS.contains(words[k].toLowerCase(Locale.ROOT))) lastTitle = k;
            }
            String title = lastTitle >= 0 ? String.join(" ", java.util.Arrays.copyOfRange(words, a, lastTitle + 1)) : "";
            int nameFrom = lastTitle >= 0 ? lastTitle + 1 : a;
            String name = Rx.replaceAll(String.join(" ", java.util.Arrays.copyOfRange(words, nameFrom, b)), "[.\\-]+$", "");
            if (name.length() < 2 || AttributionFinder.TITLE_WORDS.contains(name.toLowerCase(Locale.ROOT))) continue;
            boolean initial = lastTitle < 0 && nameFrom == 0 && onlyOpeners(text, m.start());
            out.add(new Mention(name, title, acronym, qualifier, place, initial));
        }
        return out;
    }
}
