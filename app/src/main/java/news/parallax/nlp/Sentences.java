package news.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.sentdetect.SentenceDetectorME;

/**
 * Splits text into sentences with OpenNLP's English model, then rejoins the splits it makes after abbreviations.
 *
 * <p>The model ends sentences at "Jan.", "Gov." or "U.S." now and then ("... the alleged attack on Jan." / "29.");
 * a summary showing the first half reads as a cut sentence. A split is undone when the piece before it ends on an
 * abbreviation that never ends an English sentence (titles, months, "St."), on a single initial ("Brett M."), or on
 * an abbreviation that may end one ("U.S.", "D.C.") when the next piece starts in lower case or with a digit or a
 * title; and always when the next piece starts in lower case. Thread-safe (one detector per thread).
 */
public final class Sentences {
    private static final ThreadLocal<SentenceDetectorME> DETECTOR =
            ThreadLocal.withInitial(() -> new SentenceDetectorME(OpenNlpModels.sentences()));

    /** Abbreviations (lower case, without the full stop) after which a sentence never ends. */
    static final Set<String> NEVER_FINAL = Set.of("jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
            "gov", "sen", "rep", "reps", "sens", "st", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "cpl", "capt",
            "adm", "maj", "cmdr", "supt", "atty", "prof", "rev", "hon", "pres", "gov-elect", "no", "vs", "v", "ft", "mt",
            "lt. gen", "ret", "d-calif", "r-texas", "fig", "approx", "est", "dept", "univ", "assn", "sen-elect", "rep-elect");
    /** Abbreviations that may end a sentence ("... in the U.S.") and usually do not. */
    static final Set<String> MAYBE_FINAL = Set.of("u.s", "u.n", "u.k", "d.c", "e.u", "a.m", "p.m", "inc", "corp", "co", "ltd", "jr", "sr");
    /** Words that, after "U.S." or "D.C.", continue the same sentence ("U.S. Rep. ...", "U.S. officials"). */
    static final Set<String> CONTINUATIONS = Set.of("rep", "sen", "attorney", "ambassador", "president", "secretary",
            "senator", "army", "navy", "air", "embassy", "border", "capitol", "supreme", "house", "senate", "district",
            "department", "military", "intelligence", "forces", "troops", "officials", "customs", "immigration", "court",
            "circuit", "marshals", "postal", "treasury", "national", "government", "special", "envoy", "ambassadors");

    /** Compiled once: {@code String.split} compiles a pattern of more than one character on every call. */
    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\n\\s*\\n|\\n");

    private Sentences() {}

    /** Sentences of every paragraph of {@code text}, in order; a sentence never spans paragraphs. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        // without a line break LINE_BREAKS has nothing to split (most callers pass one paragraph)
        for (String para : text.indexOf('\n') < 0 ? new String[] {text} : LINE_BREAKS.split(text)) {
            String p = para.strip();
            if (p.isEmpty()) continue;
            String pending = null;
            for (String s : DETECTOR.get().sentDetect(p)) {
                String t = s.strip();
                if (t.isEmpty()) continue;
                if (pending != null && continues(pending, t)) {
                    pending = pending + " " + t;
                    continue;
                }
                if (pending != null) out.add(pending);
                pending = t;
            }
            if (pending != null) out.add(pending);
        }
        return out;
    }

    /** Whether {@code next} continues {@code piece}, which the model ended after an abbreviation. */
    static boolean continues(String piece, String next) {
        // No English sentence starts in lower case: the model cut one ("... use, “S.O.T.U.”" / "as if ...").
        if (Character.isLowerCase(next.charAt(0))) return true;
        if (!piece.endsWith(".")) return false;
        int space = piece.lastIndexOf(' ');
        String last = piece.substring(space + 1, piece.length() - 1);
        while (!last.isEmpty() && "\"'“‘(".indexOf(last.charAt(0)) >= 0) last = last.substring(1);
        String lower = last.toLowerCase(Locale.ROOT);
        if (NEVER_FINAL.contains(lower)) return true;
        // A single initial: "Judge Brett M." / "Kavanaugh ...".
        if (last.length() == 1 && Character.isUpperCase(last.charAt(0))) return true;
        if (!MAYBE_FINAL.contains(lower)) return false;
        char first = next.charAt(0);
        if (Character.isLowerCase(first) || Character.isDigit(first)) return true;
        String firstWord = next.split("[\\s,]+", 2)[0].replace(".", "").toLowerCase(Locale.ROOT);
        return CONTINUATIONS.contains(firstWord);
    }
}
