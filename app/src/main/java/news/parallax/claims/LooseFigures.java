package news.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Figures the hand rules leave unread or reject, read loosely so that a learned decision can weigh them (issue 18):
 * every number of a sentence outside the rules' figures, with the plainest kind and counted thing a reader would
 * give it (the noun after it, the noun of a share's "of", the last count's noun for a bare count). Most are no claim
 * (dates, ages, ranks, names); telling them apart is the model's job, not this class's.
 */
final class LooseFigures {
    private static final Pattern NUMBER = Pattern.compile("(\\$)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(%)?-?");
    /** "46-41", "58-42": a pair of figures written as one token. */
    private static final Pattern PAIR = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)[-–/](\\d{1,3}(?:\\.\\d+)?)(%)?");
    private static final Map<String, Long> WORDS = WordLists.numbers("number-words.tsv");
    private static final Map<String, Long> SCALES = WordLists.numbers("number-scales.tsv");
    private static final Map<String, String[]> UNITS = WordLists.tsv("units.tsv");
    private static final Set<String> SKIPPED_WORDS = Set.of("a", "an", "half", "one");
    /** Words a noun phrase may open with before its head: skipped when looking for the counted noun. */
    private static final int NOUN_REACH = 3;

    private LooseFigures() {}

    /** Loose figures of {@code s} outside every ruled figure's tokens, in token order. */
    static List<Quantity> find(TaggedSentence s, List<Quantity> ruled, @Nullable Quantity lastCount) {
        List<Quantity> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (covered(ruled, i)) continue;
            String tok = s.lower(i);
            Matcher pair = PAIR.matcher(tok);
            if (pair.matches()) {
                String unitAfter = pair.group(3) != null ? "%" : s.lower(i + 1);
                add(out, figure(s, i, Double.parseDouble(pair.group(1)), false, unitAfter, i + 1, ruled, lastCount));
                add(out, figure(s, i, Double.parseDouble(pair.group(2)), false, unitAfter, i + 1, ruled, lastCount));
                continue;
            }
            Matcher m = NUMBER.matcher(tok);
            double value;
            boolean dollar = false;
            int next = i + 1;
            String unitAfter;
            if (m.matches()) {
                value = QuantityParser.number(m.group(2));
                dollar = m.group(1) != null || s.lower(i - 1).equals("$");
                unitAfter = m.group(3) != null ? "%" : s.lower(next);
            } else if (WORDS.containsKey(tok) && !SKIPPED_WORDS.contains(tok)) {
                value = WORDS.getOrDefault(tok, 0L);
                unitAfter = s.lower(next);
            } else {
                continue;
            }
            while (SCALES.containsKey(s.lower(next)) && !s.lower(next).equals("m")) {
                value *= SCALES.getOrDefault(s.lower(next), 1L);
                next++;
                unitAfter = s.lower(next);
            }
            add(out, figure(s, i, value, dollar, unitAfter, next, ruled, lastCount));
        }
        return out;
    }

    /** A count with no noun before or after it counts nothing a reader could name: not a candidate. */
    private static void add(List<Quantity> out, Quantity q) {
        if (!q.phrase().isEmpty()) out.add(q);
    }

    private static boolean covered(List<Quantity> ruled, int i) {
        for (Quantity q : ruled) {
            if (i == q.numberAt() || i >= q.start() && i < q.end()) return true;
        }
        return false;
    }

    private static Quantity figure(TaggedSentence s, int at, double value, boolean dollar, String unitAfter, int next,
                                   List<Quantity> ruled, @Nullable Quantity lastCount) {
        String v = QuantityParser.format(value);
        String kind;
        String unit;
        String phrase;
        int end = next;
        if (dollar) {
            kind = "money";
            unit = "USD";
            phrase = "dollars";
        } else if (unitAfter.equals("%") || unitAfter.equals("percent") || unitAfter.equals("pct")) {
            kind = "percent";
            unit = "percent";
            if (!unitAfter.equals("%") || !s.lower(at).endsWith("%")) end = next + 1;
            String of = s.lower(end).equals("of") ? nounAfter(s, end + 1) : null;
            phrase = of != null ? of : nameBefore(s, at) != null ? "support" : "percent";
        } else if (unitAfter.equals("percentage") || unitAfter.equals("points")) {
            kind = "points";
            unit = "points";
            phrase = "points";
        } else if (UNITS.containsKey(unitAfter)) {
            String[] u = UNITS.getOrDefault(unitAfter, new String[] {unitAfter, "measure", unitAfter});
            kind = u[1];
            unit = u[2];
            phrase = unit;
            end = next + 1;
        } else {
            kind = "count";
            unit = "";
            String noun = nounAfter(s, next);
            if (noun == null) noun = lastNoun(ruled, at, lastCount);
            phrase = noun == null ? "" : noun;
        }
        String lemma = phrase.isEmpty() ? "" : Tagger.nounLemma(phrase.toLowerCase(Locale.ROOT));
        String question = kind.equals("count") ? ThingClasses.of(lemma) : phrase;
        return new Quantity(v, value, value, "exact", false, phrase, lemma, at, Math.max(end, at + 1), at, kind, unit,
                phrase, question);
    }

    /** The noun a figure counts: the first noun within a few tokens, past adjectives and numbers. */
    private static @Nullable String nounAfter(TaggedSentence s, int from) {
        for (int k = from; k < s.size() && k < from + NOUN_REACH; k++) {
            if (s.isNoun(k)) return s.tokens()[k];
            String t = s.tag(k);
            if (!(t.startsWith("ADJ") || t.startsWith("NUM") || t.startsWith("DET"))) return null;
        }
        return null;
    }

    /** "Clinton 46": a capitalised name just before a share (which then reads as that name's support). */
    private static @Nullable String nameBefore(TaggedSentence s, int at) {
        for (int k = at - 1; k >= 0 && k >= at - 2; k--) {
            if (s.isPropn(k)) return s.tokens()[k];
        }
        return null;
    }

    /** The noun of the last count before {@code at} in the sentence, else of the text's last count. */
    private static @Nullable String lastNoun(List<Quantity> ruled, int at, @Nullable Quantity lastCount) {
        String noun = null;
        for (Quantity q : ruled) {
            if (q.numberAt() < at && q.kind().equals("count") && !q.thing().isEmpty()) noun = q.thing();
        }
        if (noun == null && lastCount != null && !lastCount.thing().isEmpty()) noun = lastCount.thing();
        return noun;
    }
}
