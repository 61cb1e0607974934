package news.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the learned figure decision looks at (issue 18): the signs a reader uses to tell a claim from a date, an age,
 * a rank or a name. Each feature is a short string ("k=percent", "w+1=years"); the model weighs each by name.
 */
final class FigureFeatures {
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "aug.", "sept.",
            "sep.", "oct.", "nov.", "dec.");
    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    private FigureFeatures() {}

    /** Features of one candidate. */
    static List<String> of(FigureCandidate c) {
        TaggedSentence s = c.sentence();
        Quantity q = c.quantity();
        int n = q.numberAt();
        String r = c.ruled() ? "R" : "L";
        List<String> f = new ArrayList<>(40);
        f.add("bias");
        f.add("src=" + r);
        f.add("k=" + q.kind());
        f.add("k=" + q.kind() + "|" + r);
        f.add("bd=" + q.bound());
        f.add("bd=" + q.bound() + "|" + r);
        if (q.vague()) f.add("vague");
        if (q.high() > q.low()) f.add("range");
        f.add("u=" + q.unit());
        boolean noThing = q.phrase().isEmpty() || q.phrase().equalsIgnoreCase(q.unit());
        f.add("thing=" + (noThing ? "none" : q.phrase().contains(" ") ? "phrase" : "word") + "|" + r);
        f.add("lem=" + q.thingLemma());
        for (String w : q.phrase().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
            if (!w.isEmpty()) f.add("ph=" + w);
        }
        f.add("qn=" + q.question() + "|" + q.kind());
        f.add("w-1=" + s.lower(q.start() - 1));
        f.add("w-2=" + s.lower(q.start() - 2));
        f.add("w+1=" + s.lower(q.end()));
        f.add("w+2=" + s.lower(q.end() + 1));
        f.add("n-1=" + s.lower(n - 1) + "|" + r);
        f.add("n+1=" + s.lower(n + 1) + "|" + r);
        f.add("t-1=" + s.tag(q.start() - 1));
        f.add("t+1=" + s.tag(q.end()));
        f.add("tn-1=" + s.tag(n - 1) + "|tn+1=" + s.tag(n + 1));
        f.add("k|n+1=" + q.kind() + "|" + s.lower(n + 1));
        String tok = s.tokens()[n];
        f.add("shape=" + shape(tok));
        if (YEAR.matcher(tok).matches()) f.add("yearlike|" + r);
        f.add("mag=" + (q.low() <= 0 ? "0" : String.valueOf((int) Math.floor(Math.log10(q.low())))) + "|" + q.kind());
        if (n > 0 && s.isCapitalized(n - 1) && !s.lower(n - 2).isEmpty()) f.add("cap-1");
        if (s.isCapitalized(n + 1)) f.add("cap+1");
        if (near(s, n, -3, 3, MONTHS)) f.add("month");
        if (near(s, n, 1, 3, Set.of("old", "-old", "year-old", "years-old"))) f.add("old");
        if (ORDINAL.matcher(s.lower(n)).matches() || Set.of("th", "st", "nd", "rd").contains(s.lower(n + 1))) f.add("ordinal");
        if (tok.endsWith("-") || s.lower(n + 1).equals("-") || s.lower(n - 1).equals("-")) f.add("hyphen");
        if (quoted(s, n)) f.add("quoted");
        if (s.lower(n - 1).equals("(") || s.lower(q.end()).equals(")")) f.add("bracket");
        f.add("att=" + c.attributed() + "|" + r);
        f.add("sno=" + bucket(c.sentenceNo(), 1, 2, 3, 5, 10, 20));
        f.add("len=" + bucket(s.size(), 10, 20, 35, 60));
        return f;
    }

    /** Digits as "d", letters as "a", other characters kept, runs collapsed: "1,500" is "d,d", "46-41" is "d-d". */
    static String shape(String tok) {
        StringBuilder b = new StringBuilder();
        for (char ch : tok.toCharArray()) {
            char x = Character.isDigit(ch) ? 'd' : Character.isLetter(ch) ? 'a' : ch;
            if (b.isEmpty() || b.charAt(b.length() - 1) != x) b.append(x);
        }
        return b.toString();
    }

    private static boolean near(TaggedSentence s, int n, int from, int to, Set<String> words) {
        for (int k = n + from; k <= n + to; k++) if (k != n && words.contains(s.lower(k))) return true;
        return false;
    }

    /** An odd number of double quotes before the figure: it stands inside a quotation. */
    private static boolean quoted(TaggedSentence s, int n) {
        int quotes = 0;
        for (int k = 0; k < n; k++) if (s.tokens()[k].equals("\"")) quotes++;
        return quotes % 2 == 1;
    }

    private static String bucket(int v, int... edges) {
        for (int e : edges) if (v <= e) return "<=" + e;
        return ">" + edges[edges.length - 1];
    }
}
