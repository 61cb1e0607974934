package news.parallax.nlp;

/**
 * Folds common English inflections of a normalised word onto one key ("suspends", "suspended",
 * "suspending" give "suspend"; "treaties" gives "treaty").
 *
 * <p>Used instead of OpenNLP's lemmatizer where throughput matters: the lemmatizer needs POS tags,
 * and tagging the whole 37k-article corpus costs minutes, while clustering must stay above 100
 * articles a second (issue 4). Only inflections are stripped, never derivations, so distinct
 * words ("nation", "national") stay apart. Stateless and thread-safe.
 */
public final class LightStemmer {
    /** Words shorter than this are left alone: stripping them ("bus", "was") does more harm than good. */
    private static final int MIN_STEM_LENGTH = 4;

    private LightStemmer() {}

    public static String stem(String word) {
        String s = stripSuffix(word);
        // "announce", "announced" and "announcing" must meet: drop a final e after stripping.
        if (s.length() > MIN_STEM_LENGTH && s.endsWith("e")) return s.substring(0, s.length() - 1);
        return s;
    }

    private static String stripSuffix(String word) {
        int n = word.length();
        if (n <= MIN_STEM_LENGTH || !Character.isLetter(word.charAt(n - 1))) return word;
        if (word.endsWith("ies") && n > 4) return word.substring(0, n - 3) + "y";
        if (word.endsWith("sses")) return word.substring(0, n - 2);
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
        if (word.endsWith("ing") && n > 5) return undouble(word.substring(0, n - 3));
        if (word.endsWith("ied") && n > 4) return word.substring(0, n - 3) + "y";
        if (word.endsWith("ed") && n > 4 && !word.endsWith("eed")) return undouble(word.substring(0, n - 2));
        if (word.endsWith("es") && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")))
            return word.substring(0, n - 2);
        if (word.endsWith("s")) return word.substring(0, n - 1);
        return word;
    }

    /** "stopp" gives "stop", "plann" gives "plan"; "kill" and "pass" keep their double letter. */
    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2)) {
            char c = stem.charAt(n - 1);
            if (c != 'l' && c != 's' && c != 'z') return stem.substring(0, n - 1);
        }
        return stem;
    }
}
