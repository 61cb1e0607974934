package news.parallax.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import news.parallax.model.Article;
import news.parallax.model.Claim;
import org.jspecify.annotations.Nullable;

/**
 * Scores figures of every kind against labels in the issue-18 format (eval/src/test/resources/claims/README.md).
 *
 * <p>A prediction matches a label of the same article when the kind agrees, the value lies within
 * {@link #VALUE_TOLERANCE} of the label's (both ends for ranges), and the label's head noun appears as
 * a word (singular or plural) in the predicted thing or the predicted head in the labelled thing. Each
 * label takes the first unused matching prediction. On matched pairs: attribution (equal or one
 * contained in the other, case-insensitive, a leading "the" ignored, or both null; a list gives
 * alternatives) and stance. Grouping: of the labelled pairs of one article sharing a {@code q} whose
 * labels were both matched, the share whose predictions share a {@code question}.
 *
 * <p>Labels in the older format (value, thing, attributedTo: gold.jsonl and the held-out sets) are read
 * as counts, or money when the thing is "dollar"; {@code kinds} then restricts predictions to the
 * kinds those sets cover. Not thread-safe.
 */
public final class FigureEvaluation {
    /** Largest relative difference between a labelled and a predicted value that still matches. */
    static final double VALUE_TOLERANCE = 0.005;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, Double> VAGUE = Map.ofEntries(
            Map.entry("dozens", 24.0), Map.entry("scores", 40.0), Map.entry("hundreds", 100.0),
            Map.entry("thousands", 1e3), Map.entry("millions", 1e6), Map.entry("billions", 1e9),
            Map.entry("trillions", 1e12), Map.entry("tens", 10.0));

    /** One labelled figure; {@code sources} holds accepted attributions, a null element meaning "unattributed". */
    public record Label(String kind, double value, double valueHigh, String thing, String head, String q,
                        List<@Nullable String> sources, @Nullable String stance, String sentence) {}

    /** One predicted figure, as the scorer sees a {@link Claim}. */
    public record Predicted(String kind, double value, double valueHigh, String thing, String head, String question,
                            String unit, @Nullable String attributedTo, String stance, String sentence) {}

    /** Counts of one kind (or of all kinds). */
    public record Counts(int labelled, int predicted, int matchedLabels, int matchedPredictions) {
        public double precision() {
            return predicted == 0 ? 1 : (double) matchedPredictions / predicted;
        }

        public double recall() {
            return labelled == 0 ? 1 : (double) matchedLabels / labelled;
        }
    }

    /** Scores of one run. */
    public record Scores(int articles, Counts all, Map<String, Counts> byKind, int attributionRight, int stanceRight,
                         int stanceLabelled, int pairs, int pairsBothMatched, int pairsGrouped) {
        public double attribution() {
            return all.matchedLabels() == 0 ? 1 : (double) attributionRight / all.matchedLabels();
        }

        public double stance() {
            return stanceLabelled == 0 ? 1 : (double) stanceRight / stanceLabelled;
        }

        /** Share of same-question label pairs (both matched) whose predictions share a question. */
        public double grouping() {
            return pairsBothMatched == 0 ? 1 : (double) pairsGrouped / pairsBothMatched;
        }

        /** Share of all same-question label pairs whose predictions share a question (an unmatched label fails). */
        public double groupingOfAllPairs() {
            return pairs == 0 ? 1 : (double) pairsGrouped / pairs;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "articles %d, labelled figures %d, predicted %d%n", articles,
                    all.labelled(), all.predicted()));
            b.append(String.format(Locale.ROOT, "value+thing:  precision %.3f  recall %.3f  (matched %d labels)%n",
                    all.precision(), all.recall(), all.matchedLabels()));
            for (var e : byKind.entrySet()) {
                Counts c = e.getValue();
                b.append(String.format(Locale.ROOT, "  %-9s labelled %3d predicted %3d  precision %.3f  recall %.3f%n",
                        e.getKey(), c.labelled(), c.predicted(), c.precision(), c.recall()));
            }
            b.append(String.format(Locale.ROOT, "attribution on matched: %.3f (%d/%d)%n", attribution(),
                    attributionRight, all.matchedLabels()));
            b.append(String.format(Locale.ROOT, "stance on matched:      %.3f (%d/%d)%n", stance(), stanceRight,
                    stanceLabelled));
            b.append(String.format(Locale.ROOT, "grouping: %.3f (%d of %d same-q pairs with both labels matched); "
                    + "%.3f of all %d same-q pairs", grouping(), pairsGrouped, pairsBothMatched, groupingOfAllPairs(), pairs));
            return b.toString();
        }
    }

    private final ClaimAnalyzer analyzer;
    private final List<String> report = new ArrayList<>();

    /** Scores the product's extractor. */
    public FigureEvaluation() {
        this(new ClaimAnalyzer());
    }

    /** Scores the given analyzer (a learned figure decision: {@link FigureLearning}). */
    FigureEvaluation(ClaimAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Reads labels (either format): article id to its labelled figures, in file order. */
    public static Map<String, List<Label>> readLabels(Path file) throws IOException {
        Map<String, List<Label>> out = new LinkedHashMap<>();
        int line = 0;
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (l.isBlank()) continue;
            try {
                JsonNode n = JSON.readTree(l);
                List<Label> labels = new ArrayList<>();
                for (JsonNode c : n.get("claims")) labels.add(label(c));
                out.put(n.get("id").asText(), labels);
            } catch (IOException | RuntimeException e) {
                throw new IOException("bad label at " + file + ":" + line + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Label label(JsonNode c) {
        List<@Nullable String> sources = new ArrayList<>();
        JsonNode a = c.get("attributedTo");
        if (a == null || a.isNull()) sources.add(null);
        else if (a.isArray()) a.forEach(x -> sources.add(x.isNull() ? null : x.asText()));
        else sources.add(a.asText());
        if (!c.has("kind")) {
            // the issue-6 format: counts and money only, value as text ("10-15", "thousands")
            String thing = c.get("thing").asText();
            double[] v = parseValue(c.get("value").asText());
            String kind = singular(thing).equals("dollar") ? "money" : "count";
            // no questions or stances were labelled in that format: no pairs, no stance scores
            return new Label(kind, v[0], v[1], thing, thing, "", sources, null, "");
        }
        double[] v = c.get("value").isNumber() ? new double[] {c.get("value").asDouble(), c.get("value").asDouble()}
                : parseValue(c.get("value").asText());
        double high = c.hasNonNull("valueHigh") ? number(c.get("valueHigh")) : v[1];
        String thing = c.path("thing").asText("");
        String head = c.path("head").asText(thing);
        return new Label(c.get("kind").asText().toLowerCase(Locale.ROOT), v[0], high, thing, head,
                c.path("q").asText(thing), sources, c.hasNonNull("stance") ? c.get("stance").asText() : null,
                c.path("sentence").asText(""));
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : parseValue(n.asText())[0];
    }

    /** Numeric low and high of a value as text: "1500", "10000-12000", "thousands", "tens of thousands". */
    static double[] parseValue(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace(",", "");
        if (v.matches("-?\\d+(\\.\\d+)?(e\\d+)?")) {
            double d = Double.parseDouble(v);
            return new double[] {d, d};
        }
        if (v.matches("\\d+(\\.\\d+)?-\\d+(\\.\\d+)?")) {
            String[] p = v.split("-");
            return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
        }
        double product = 1;
        boolean any = false;
        for (String w : v.split("\\s+(of\\s+)?")) {
            Double f = VAGUE.get(w);
            if (f == null) continue;
            product *= f;
            any = true;
        }
        if (!any) throw new IllegalArgumentException("not a value: " + value);
        return new double[] {product, product};
    }

    /** How the scorer reads a claim of the extractor. */
    static Predicted predicted(Claim c) {
        double[] v = parseValue(c.value());
        return new Predicted(c.kind(), v[0], v[1], c.thing(), c.question(), c.question(), c.unit(), c.attributedTo(),
                c.stance().name().toLowerCase(Locale.ROOT), c.sentence());
    }

    /**
     * Scores the extractor on the labelled articles.
     *
     * @param kinds     kinds of prediction that count (null: all); for the older sets, count and money
     * @param headlines whether the headline is part of the scored text
     */
    public Scores evaluate(Map<String, List<Label>> labels, List<Article> articles, @Nullable Set<String> kinds,
                           boolean headlines) {
        report.clear();
        Map<String, Article> byId = new HashMap<>();
        for (Article a : articles) byId.put(a.id(), a);
        Map<String, int[]> perKind = new TreeMap<>(); // labelled, predicted, matched labels, matched predictions
        int attributionRight = 0;
        int stanceRight = 0;
        int stanceLabelled = 0;
        int pairs = 0;
        int pairsMatched = 0;
        int pairsGrouped = 0;
        for (var e : labels.entrySet()) {
            Article a = byId.get(e.getKey());
            if (a == null) throw new IllegalArgumentException("labelled article not found in the data: " + e.getKey());
            Article scored = headlines ? a : a.withTitle("");
            List<Predicted> predictions = new ArrayList<>();
            for (Claim c : analyzer.analyze(List.of(scored)).claims()) {
                if (c.bound().equals("assertion")) continue;
                Predicted p = predicted(c);
                if (kinds != null && p.kind().equals("rate") && p.unit().matches("[A-Z]{3}/.*") && kinds.contains("money")
                        && !kinds.contains("rate")) {
                    // the older sets label "$11.81 an hour" as money: a money rate counts as money there
                    p = new Predicted("money", p.value(), p.valueHigh(), p.thing(), p.head(), p.question(), p.unit(),
                            p.attributedTo(), p.stance(), p.sentence());
                }
                if (kinds == null || kinds.contains(p.kind())) predictions.add(p);
            }
            predictions = dedupe(predictions);
            List<Label> ls = e.getValue();
            for (Label l : ls) perKind.computeIfAbsent(l.kind(), k -> new int[4])[0]++;
            for (Predicted p : predictions) perKind.computeIfAbsent(p.kind(), k -> new int[4])[1]++;
            int[] matchOf = assign(ls, predictions);
            boolean[] used = new boolean[predictions.size()];
            for (int m : matchOf) if (m >= 0) used[m] = true;
            for (int li = 0; li < ls.size(); li++) {
                Label l = ls.get(li);
                if (matchOf[li] < 0) {
                    report.add(a.id() + " MISS   " + l.kind() + " " + fmt(l.value(), l.valueHigh()) + " " + l.thing()
                            + " [" + l.head() + "] <- " + l.sources() + " | " + l.sentence());
                    continue;
                }
                Predicted p = predictions.get(matchOf[li]);
                perKind.computeIfAbsent(l.kind(), k -> new int[4])[2]++;
                perKind.computeIfAbsent(p.kind(), k -> new int[4])[3]++;
                if (sameSource(l.sources(), p.attributedTo())) {
                    attributionRight++;
                } else {
                    report.add(a.id() + " SOURCE " + fmt(l.value(), l.valueHigh()) + " " + l.thing() + " want "
                            + l.sources() + " got " + p.attributedTo());
                }
                if (l.stance() != null) {
                    stanceLabelled++;
                    if (l.stance().equalsIgnoreCase(p.stance())) {
                        stanceRight++;
                    } else {
                        report.add(a.id() + " STANCE " + fmt(l.value(), l.valueHigh()) + " " + l.thing() + " want "
                                + l.stance() + " got " + p.stance());
                    }
                }
            }
            for (int pi = 0; pi < predictions.size(); pi++) {
                if (used[pi]) continue;
                Predicted p = predictions.get(pi);
                report.add(a.id() + " FALSE  " + p.kind() + " " + fmt(p.value(), p.valueHigh()) + " " + p.thing()
                        + " <- " + p.attributedTo() + " | " + p.sentence());
            }
            for (int i = 0; i < ls.size(); i++) {
                for (int j = i + 1; j < ls.size(); j++) {
                    if (ls.get(i).q().isEmpty() || !ls.get(i).q().equalsIgnoreCase(ls.get(j).q())) continue;
                    pairs++;
                    if (matchOf[i] < 0 || matchOf[j] < 0) continue;
                    pairsMatched++;
                    if (predictions.get(matchOf[i]).question().equalsIgnoreCase(predictions.get(matchOf[j]).question())) {
                        pairsGrouped++;
                    } else {
                        report.add(a.id() + " GROUP  q \"" + ls.get(i).q() + "\" split: \""
                                + predictions.get(matchOf[i]).question() + "\" / \""
                                + predictions.get(matchOf[j]).question() + "\"");
                    }
                }
            }
        }
        int[] total = new int[4];
        Map<String, Counts> byKind = new LinkedHashMap<>();
        for (var e : perKind.entrySet()) {
            int[] c = e.getValue();
            for (int k = 0; k < 4; k++) total[k] += c[k];
            byKind.put(e.getKey(), new Counts(c[0], c[1], c[2], c[3]));
        }
        return new Scores(labels.size(), new Counts(total[0], total[1], total[2], total[3]), byKind, attributionRight,
                stanceRight, stanceLabelled, pairs, pairsMatched, pairsGrouped);
    }

    /**
     * The prediction each label is matched to (-1: none): of all matching label-prediction pairs, best quality first,
     * each label and each prediction used once.
     */
    static int[] assign(List<Label> ls, List<Predicted> predictions) {
        int[] matchOf = new int[ls.size()];
        java.util.Arrays.fill(matchOf, -1);
        boolean[] used = new boolean[predictions.size()];
        List<int[]> pairs0 = new ArrayList<>(); // label, prediction, quality
        for (int li = 0; li < ls.size(); li++) {
            for (int pi = 0; pi < predictions.size(); pi++) {
                if (matches(ls.get(li), predictions.get(pi))) {
                    pairs0.add(new int[] {li, pi, quality(ls.get(li), predictions.get(pi))});
                }
            }
        }
        pairs0.sort((x, y) -> x[2] != y[2] ? Integer.compare(y[2], x[2])
                : x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        for (int[] pr : pairs0) {
            if (matchOf[pr[0]] < 0 && !used[pr[1]]) {
                matchOf[pr[0]] = pr[1];
                used[pr[1]] = true;
            }
        }
        return matchOf;
    }

    /**
     * One prediction per kind, value, high value and counted thing, as the labels are deduplicated (the same figure
     * restated for the same thing is one claim); the first found is kept.
     */
    static List<Predicted> dedupe(List<Predicted> predictions) {
        Map<String, Predicted> out = new LinkedHashMap<>();
        for (Predicted p : predictions) {
            out.putIfAbsent(p.kind() + "|" + p.value() + "|" + p.valueHigh() + "|" + p.question().toLowerCase(Locale.ROOT), p);
        }
        return new ArrayList<>(out.values());
    }

    /** Misses ("MISS"), false alarms ("FALSE"), wrong sources, stances and split groups of the last run. */
    public List<String> report() {
        return List.copyOf(report);
    }

    static boolean matches(Label l, Predicted p) {
        // the guide: a labelled rate also matches a predicted percent or money of the same value
        boolean kind = l.kind().equals(p.kind())
                || l.kind().equals("rate") && (p.kind().equals("percent") || p.kind().equals("money"));
        return kind && close(l.value(), p.value()) && close(l.valueHigh(), p.valueHigh())
                && (containsWord(p.thing(), l.head()) || containsWord(l.thing(), p.head()));
    }

    /** Preference among matching predictions ("greedy, best first"): same kind, right source, same sentence. */
    private static int quality(Label l, Predicted p) {
        int q = 0;
        if (l.kind().equals(p.kind())) q += 4;
        if (sameSource(l.sources(), p.attributedTo())) q += 2;
        if (!l.sentence().isEmpty() && (p.sentence().contains(l.sentence()) || l.sentence().contains(p.sentence()))) q += 1;
        return q;
    }

    static boolean close(double want, double got) {
        if (want == got) return true;
        return Math.abs(want - got) <= VALUE_TOLERANCE * Math.max(Math.abs(want), Math.abs(got));
    }

    /** True when {@code word} (singular or plural) is one of the words of {@code phrase}. */
    static boolean containsWord(String phrase, String word) {
        String w = singular(word.strip());
        if (w.isEmpty()) return false;
        String lower = phrase.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(List.of(WORD_SPLIT.split(lower)));
        words.addAll(List.of(lower.split("[^\\p{L}\\p{N}-]+"))); // hyphenated words whole: "man-hours"
        for (String p : words) {
            if (p.isEmpty()) continue;
            String sp = singular(p);
            // "techies"/"techie": the plural rule turns -ies into -y
            if (sp.equals(w) || sp.replaceAll("y$", "ie").equals(w) || w.replaceAll("y$", "ie").equals(sp)) return true;
        }
        // a multi-word head ("jobless claims") must appear as written
        return w.contains(" ") && (" " + phrase.toLowerCase(Locale.ROOT) + " ").contains(" " + word.toLowerCase(Locale.ROOT).strip() + " ");
    }

    static String singular(String word) {
        return ClaimEvaluation.singular(word);
    }

    static boolean sameSource(List<@Nullable String> accepted, @Nullable String predicted) {
        for (String a : accepted) {
            if (a == null || predicted == null) {
                if (a == null && predicted == null) return true;
                continue;
            }
            String x = normalSource(a);
            String y = normalSource(predicted);
            if (!x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x))) return true;
        }
        return false;
    }

    private static String normalSource(String s) {
        return Tagger.straighten(s).strip().toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "");
    }

    private static String fmt(double low, double high) {
        String l = QuantityParser.format(low);
        return high > low ? l + "-" + QuantityParser.format(high) : l;
    }

    /** Runs {@link #evaluate} from files; for the evaluation command and tests. */
    public static Scores run(Path labels, Path articles, @Nullable Set<String> kinds, boolean headlines,
                             @Nullable List<String> reportOut) throws IOException {
        Map<String, List<Label>> ls = readLabels(labels);
        List<Article> found = JsonlArticles.read(articles, ls::containsKey, ls.size());
        FigureEvaluation eval = new FigureEvaluation();
        Scores s = eval.evaluate(ls, found, kinds, headlines);
        if (reportOut != null) reportOut.addAll(eval.report());
        return s;
    }
}
