package news.parallax.claims;

import java.util.Map;

/** Maps counted nouns to the class claims are grouped by: troops, soldiers and forces are all "troops". */
final class ThingClasses {
    private static final Map<String, String> CLASSES = WordLists.pairs("thing-classes.tsv");

    private ThingClasses() {}

    /** Class of a noun lemma; the lemma itself when it has none. */
    static String of(String lemma) {
        String l = lemma.toLowerCase(java.util.Locale.ROOT);
        int dash = l.lastIndexOf('-');
        String last = dash >= 0 ? l.substring(dash + 1) : l;
        return CLASSES.getOrDefault(l, CLASSES.getOrDefault(last, l));
    }

    /** Class of the first word of a phrase that has one ("troop deployments" gives "troops"); empty when none. */
    static String inPhrase(String phrase) {
        for (String w : Rx.split(phrase.toLowerCase(java.util.Locale.ROOT), "[^\\p{L}]+")) {
            if (w.isEmpty()) continue;
            String singular = w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
            String c = CLASSES.get(w);
            if (c == null) c = CLASSES.get(singular);
            if (c != null) return c;
        }
        return "";
    }
}
