package news.parallax.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import news.parallax.model.Article;
import news.parallax.model.Claim;
import org.jspecify.annotations.Nullable;

/**
 * Precision and recall of quantity claims against hand labels (eval/src/test/resources/claims/gold.jsonl).
 *
 * <p>A predicted figure matches a label of the same article with the same value and counted noun
 * (compared singular, lower case). Claims are compared once per article and value + noun. With
 * attribution, the source must also match: both unattributed, or sharing a significant word with one
 * of the label's accepted sources. Not thread-safe.
 */
public final class ClaimEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WEAK_WORDS = Set.of("the", "of", "and", "for", "u.s.", "us", "a", "an", "in",
            "on", "news", "south", "north", "new");

    /** One labelled claim; {@code sources} holds accepted attributions, a null element meaning "unattributed". */
    public record Label(String value, String thing, List<@Nullable String> sources) {}

    /** Counts of one evaluation run. */
    public record Scores(int articles, int gold, int predicted, int matched, int matchedWithSource) {
        public double precision() {
            return predicted == 0 ? 1 : (double) matched / predicted;
        }

        public double recall() {
            return gold == 0 ? 1 : (double) matched / gold;
        }

        public double precisionWithSource() {
            return predicted == 0 ? 1 : (double) matchedWithSource / predicted;
        }

        public double recallWithSource() {
            return gold == 0 ? 1 : (double) matchedWithSource / gold;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "articles %d, labelled claims %d, predicted %d%n"
                            + "value+thing:        precision %.3f  recall %.3f  (matched %d)%n"
                            + "with attribution:   precision %.3f  recall %.3f  (matched %d)",
                    articles, gold, predicted, precision(), recall(), matched, precisionWithSource(),
                    recallWithSource(), matchedWithSource);
        }
    }

    private final ClaimAnalyzer analyzer = new ClaimAnalyzer();
    private final List<String> report = new ArrayList<>();

    /** Reads labels: article id to its labelled claims, in file order. */
    public static Map<String, List<Label>> readGold(Path gold) throws IOException {
        Map<String, List<Label>> out = new LinkedHashMap<>();
        int line = 0;
        for (String l : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            line++;
            if (l.isBlank()) continue;
            try {
                JsonNode n = JSON.readTree(l);
                List<Label> labels = new ArrayList<>();
                for (JsonNode c : n.get("claims")) {
                    List<@Nullable String> sources = new ArrayList<>();
                    JsonNode a = c.get("attributedTo");
                    if (a == null || a.isNull()) sources.add(null);
                    else if (a.isArray()) a.forEach(x -> sources.add(x.isNull() ? null : x.asText()));
                    else sources.add(a.asText());
                    labels.add(new Label(c.get("value").asText(), c.get("thing").asText(), sources));
                }
                out.put(n.get("id").asText(), labels);
            } catch (IOException | RuntimeException e) {
                throw new IOException("bad label at " + gold + ":" + line + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Scores predictions on the labelled articles; {@link #report()} then lists misses and false alarms. */
    public Scores evaluate(Map<String, List<Label>> gold, List<Article> articles) {
        report.clear();
        int goldCount = 0;
        int predicted = 0;
        int matched = 0;
        int matchedSource = 0;
        Map<String, Article> byId = new HashMap<>();
        for (Article a : articles) byId.put(a.id(), a);
        for (var e : gold.entrySet()) {
            Article a = byId.get(e.getKey());
            if (a == null) throw new IllegalArgumentException("labelled article not found in the data: " + e.getKey());
            List<Label> labels = e.getValue();
            // Labels cover the body only: the headline is left out of the scored run.
            List<Claim> claims = figures(analyzer.analyze(List.of(a.withTitle(""))).claims());
            goldCount += labels.size();
            predicted += claims.size();
            boolean[] used = new boolean[claims.size()];
            for (Label label : labels) {
                int hit = -1;
                for (int i = 0; i < claims.size(); i++) {
                    if (!used[i] && sameValue(label.value(), claims.get(i).value())
                            && sameThing(label.thing(), claims.get(i).thing())) {
                        hit = i;
                        break;
                    }
                }
                if (hit < 0) {
                    report.add(a.id() + " MISS  " + label.value() + " " + label.thing() + " <- " + label.sources());
                    continue;
                }
                used[hit] = true;
                matched++;
                if (sameSource(label.sources(), claims.get(hit).attributedTo())) {
                    matchedSource++;
                } else {
                    report.add(a.id() + " SRC   " + label.value() + " " + label.thing() + " gold " + label.sources()
                            + " got " + claims.get(hit).attributedTo());
                }
            }
            for (int i = 0; i < claims.size(); i++) {
                if (!used[i]) {
                    Claim c = claims.get(i);
                    report.add(a.id() + " FALSE " + c.value() + " " + c.thing() + " <- " + c.attributedTo() + " | "
                            + c.sentence());
                }
            }
        }
        return new Scores(gold.size(), goldCount, predicted, matched, matchedSource);
    }

    /** Misses ("MISS"), wrong sources ("SRC") and false alarms ("FALSE") of the last run. */
    public List<String> report() {
        return List.copyOf(report);
    }

    /** Figures only, one per value and counted noun (the first found). */
    private static List<Claim> figures(List<Claim> claims) {
        Map<String, Claim> out = new LinkedHashMap<>();
        for (Claim c : claims) {
            // the issue-6 labels cover counts and money only (a money rate, "$11.81 an hour", is money there)
            if (!(c.kind().equals("count") || c.kind().equals("money") || c.kind().equals("rate")
                    && c.unit().matches("[A-Z]{3}/.*"))) {
                continue;
            }
            out.putIfAbsent(c.value() + "|" + singular(c.thing()), c);
        }
        return new ArrayList<>(out.values());
    }

    static boolean sameValue(String gold, String predicted) {
        if (gold.equalsIgnoreCase(predicted)) return true;
        try {
            String[] g = gold.split("-(?=\\d)");
            String[] p = predicted.split("-(?=\\d)");
            if (g.length != p.length) return false;
            for (int i = 0; i < g.length; i++) {
                if (Math.abs(Double.parseDouble(g[i]) - Double.parseDouble(p[i])) > 1e-6) return false;
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean sameThing(String gold, String predicted) {
        // since issue 18 the thing is a phrase ("people killed", "dollars for the wall"): its words are tried too
        if (FigureEvaluation.containsWord(predicted, gold)) return true;
        String g = singular(gold);
        String p = singular(predicted);
        if (g.equals(p) || g.replaceAll("y$", "ie").equals(p) || p.replaceAll("y$", "ie").equals(g)) return true;
        String[] gw = g.split("[\\s-]+");
        String[] pw = p.split("[\\s-]+");
        return gw[gw.length - 1].equals(pw[pw.length - 1]);
    }

    static String singular(String thing) {
        String t = thing.toLowerCase(Locale.ROOT).strip();
        if (t.equals("people")) return "person";
        if (t.equals("children")) return "child";
        if (t.endsWith("men")) return t.substring(0, t.length() - 3) + "man";
        if (t.endsWith("ies") && t.length() > 4) return t.substring(0, t.length() - 3) + "y";
        if (t.endsWith("s") && !t.endsWith("ss") && t.length() > 3) return t.substring(0, t.length() - 1);
        return t;
    }

    static boolean sameSource(List<@Nullable String> accepted, @Nullable String predicted) {
        for (String a : accepted) {
            if (a == null) {
                if (predicted == null) return true;
                continue;
            }
            if (predicted == null) continue;
            Set<String> want = significant(a);
            for (String w : significant(predicted)) if (want.contains(w)) return true;
        }
        return false;
    }

    private static Set<String> significant(String source) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : Tagger.straighten(source).toLowerCase(Locale.ROOT).replace("'s", "").split("[^\\p{L}\\p{N}.]+")) {
            if (w.length() > 1 && !WEAK_WORDS.contains(w)) out.add(singular(w));
        }
        return out;
    }

    /** Runs {@link #evaluate} from files; for the evaluation command and the gate test. */
    public static Scores run(Path gold, Path articles, @Nullable List<String> reportOut) {
        try {
            Map<String, List<Label>> labels = readGold(gold);
            List<Article> found = JsonlArticles.read(articles, labels::containsKey, labels.size());
            ClaimEvaluation eval = new ClaimEvaluation();
            Scores s = eval.evaluate(labels, found);
            if (reportOut != null) reportOut.addAll(eval.report());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
