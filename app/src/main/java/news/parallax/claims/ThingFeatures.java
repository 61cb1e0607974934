package news.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learned choice of a figure's counted thing (issue 18): each noun of the sentence is an alternative to the rules'
 * phrase, described by where it stands from the figure and what it is ("T:d=+2", "T:of", "T:lem=support").
 */
final class ThingFeatures {
    /** Nouns farther than this from the figure are not weighed. */
    static final int REACH = 10;

    private ThingFeatures() {}

    /** Tokens of the nouns that could name what {@code q} counts, outside the figure's own tokens. */
    static List<Integer> alternatives(TaggedSentence s, Quantity q) {
        List<Integer> out = new ArrayList<>();
        for (int k = Math.max(0, q.numberAt() - REACH); k < s.size() && k <= q.numberAt() + REACH; k++) {
            if (k == q.numberAt() || !(s.isNoun(k) || s.isPropn(k))) continue;
            if (!Character.isLetter(s.tokens()[k].charAt(0))) continue;
            out.add(k);
        }
        return out;
    }

    /** The singular lower-case word an alternative names. */
    static String word(TaggedSentence s, int k) {
        return Tagger.nounLemma(s.lower(k));
    }

    /** Features of the noun at {@code k} as the thing {@code q} counts. */
    static List<String> of(TaggedSentence s, Quantity q, int k) {
        List<String> f = new ArrayList<>(16);
        int d = k - q.numberAt();
        String lemma = word(s, k);
        f.add("T:bias");
        f.add("T:d=" + (d > 0 ? "+" : "") + (Math.abs(d) <= 3 ? String.valueOf(d) : d > 0 ? ">3" : "<-3"));
        f.add("T:d=" + (d > 0 ? "+" : "-") + "|k=" + q.kind());
        f.add("T:lem=" + lemma);
        f.add("T:lem=" + lemma + "|k=" + q.kind());
        f.add("T:pos=" + s.tag(k));
        f.add("T:w-1=" + s.lower(k - 1));
        if (s.lower(k - 1).equals("of") || s.lower(k - 2).equals("of")) f.add("T:of|" + (d > 0 ? "after" : "before"));
        String phrase = q.phrase().toLowerCase(Locale.ROOT);
        boolean inRule = false;
        for (String w : phrase.split("[^\\p{L}]+")) if (!w.isEmpty() && Tagger.nounLemma(w).equals(lemma)) inRule = true;
        f.add("T:inRule=" + inRule);
        f.add("T:ruleNoThing=" + (q.phrase().isEmpty() || q.phrase().equalsIgnoreCase(q.unit())));
        boolean verb = false;
        for (int j = Math.min(k, q.numberAt()) + 1; j < Math.max(k, q.numberAt()); j++) if (s.isVerb(j)) verb = true;
        f.add("T:verb=" + verb + "|" + (d > 0 ? "after" : "before"));
        if (s.isCapitalized(k)) f.add("T:cap");
        return f;
    }
}
