package news.parallax.claims;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Entity;
import org.jspecify.annotations.Nullable;

/**
 * Merges the names of a story into entities, joining spelling variants.
 *
 * <p>Two spellings are one entity when: they are equal ignoring case, accents and dots; one is the
 * acronym given in parentheses after the other, or the initials of the other ("NIS", "National
 * Intelligence Service"); one is the surname or first name of the other and matches no other name
 * ("Budanov", "Kyrylo Budanov"); or they have the same number of words and each word pair differs by
 * a small edit distance that grows with word length (typos and transliterations: "Zelensky" and
 * "Zelenskyy", "Kyrlo" and "Kyrylo", "Blagoveshchensk" and "Vlagoveshensk"). Not thread-safe: one
 * merger per story.
 */
final class EntityMerger {
    /** Words shorter than this never match by edit distance: short names differ by one letter too often. */
    private static final int MIN_FUZZY_WORD_CHARS = 5;
    private static final Set<String> ORG_WORDS = WordLists.set("organisation-words.txt");
    private static final Set<String> PLACE_WORDS = WordLists.set("place-words.txt");
    private static final Set<String> COUNTRIES = WordLists.set("places.txt");

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> titles = new HashMap<>();
    private final Map<String, String> acronyms = new HashMap<>();
    private final Set<String> sources = new LinkedHashSet<>();
    private final Map<String, Integer> placeCounts = new HashMap<>();
    /** Names seen inside a sentence; a one-word name seen only at sentence starts is a common word ("Officials"). */
    private final Set<String> midSentence = new HashSet<>();
    private final Map<String, String> qualifiers = new HashMap<>();
    private @Nullable Map<String, Entity> byVariant;

    void add(NameSpotter.Mention mention) {
        counts.merge(mention.name(), 1, Integer::sum);
        if (!mention.initial()) midSentence.add(mention.name());
        if (mention.place()) placeCounts.merge(mention.name(), 1, Integer::sum);
        if (!mention.qualifier().isEmpty()) qualifiers.putIfAbsent(mention.name(), mention.qualifier());
        if (!mention.title().isEmpty()) {
            List<String> t = titles.computeIfAbsent(mention.name(), k -> new ArrayList<>());
            if (!t.contains(mention.title())) t.add(mention.title());
        }
        if (!mention.acronym().isEmpty()) {
            acronyms.put(mention.acronym(), mention.name());
            counts.merge(mention.acronym(), 1, Integer::sum);
        }
        byVariant = null;
    }

    /** Records a name used as a source, with the title written beside it (marks it a person or organisation). */
    void addSource(String name, String title) {
        // Descriptions ("South Korean lawmakers") and possessives are resolved, not listed as entities.
        if (!AttributionFinder.looksLikeName(name) || name.contains("'")) return;
        sources.add(name);
        counts.merge(name, 0, Integer::sum);
        if (!title.isEmpty()) {
            List<String> t = titles.computeIfAbsent(name, k -> new ArrayList<>());
            if (!t.contains(title)) t.add(title);
        }
        byVariant = null;
    }

    /** The entities, most mentioned first; names seen once and never used as a source are left out. */
    List<Entity> entities() {
        return List.copyOf(new LinkedHashSet<>(index().values()).stream()
                .sorted(Comparator.comparingInt((Entity e) -> -mentions(e)).thenComparing(Entity::name))
                .toList());
    }

    /** The entity a source phrase names, if any: exact variant, the name part of a possessive, or a fuzzy match. */
    @Nullable Entity resolve(String source) {
        Map<String, Entity> index = index();
        Entity e = index.get(key(source));
        if (e != null) return e;
        // "South Korea's National Intelligence Service": the possessed name
        int poss = source.lastIndexOf("'s ");
        if (poss >= 0) {
            e = index.get(key(source.substring(poss + 3)));
            if (e != null) return e;
        }
        for (NameSpotter.Mention m : NameSpotter.find(source)) {
            e = index.get(key(m.name()));
            if (e != null && !isPlace(e) && Rx.split(m.name(), "\\s+").length > 1) return e;
        }
        return resolveDescription(source);
    }

    /**
     * "South Korea's intelligence agency", "the South Korean spy agency": a description names the one
     * organisation of the same country sharing one of its words ("spy" counts as "intelligence").
     */
    private @Nullable Entity resolveDescription(String source) {
        String s = Tagger.straighten(source);
        String country = null;
        for (String c : COUNTRIES) {
            if (c.length() < 4) continue;
            if (s.toLowerCase(Locale.ROOT).startsWith(c) || s.toLowerCase(Locale.ROOT).startsWith("the " + c)) {
                if (country == null || c.length() > country.length()) country = c;
            }
        }
        if (country == null) return null;
        String rest = Rx.replaceFirst(s.toLowerCase(Locale.ROOT), "^(the )?" + Pattern.quote(country) + "(n|an|ean|'s)?\\s*", "");
        Set<String> words = new HashSet<>();
        for (String w : Rx.split(rest, "[^\\p{L}]+")) {
            if (w.length() > 3 && !w.equals("agency") && !w.equals("officials") && !w.equals("official")) {
                words.add(w.equals("spy") ? "intelligence" : w);
            }
            if (w.equals("spy")) words.add("intelligence");
        }
        if (words.isEmpty()) return null;
        Entity match = null;
        for (Entity e : new LinkedHashSet<>(index().values())) {
            if (!e.type().equals("ORGANIZATION")) continue;
            String q = null;
            for (String v : e.variants()) if (qualifiers.containsKey(v)) q = qualifiers.get(v);
            if (q == null || !sameCountry(q, country)) continue;
            boolean shares = false;
            for (String w : Rx.split(e.name().toLowerCase(Locale.ROOT), "\\s+")) if (words.contains(w)) shares = true;
            if (!shares) continue;
            if (match != null && match != e) return null;
            match = e;
        }
        return match;
    }

    private static final Map<String, String> CAPITALS = WordLists.pairs("capitals.tsv");

    private static boolean sameCountry(String a, String b) {
        String x = CAPITALS.getOrDefault(a.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
        String y = CAPITALS.getOrDefault(b.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
        return x.equals(y);
    }

    private boolean isPlace(Entity e) {
        return e.type().equals("LOCATION");
    }

    private int mentions(Entity e) {
        int n = 0;
        for (String v : e.variants()) n += counts.getOrDefault(v, 0);
        return n;
    }

    private Map<String, Entity> index() {
        if (byVariant != null) return byVariant;
        List<String> names = new ArrayList<>(counts.keySet());
        String[] keys = new String[names.size()];
        String[][] words = new String[names.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(names.get(i));
            words[i] = Rx.split(keys[i], " ");
        }
        int[] parent = new int[names.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer prior = at.putIfAbsent(keys[i], i);
            if (prior != null) union(parent, prior, i);
        }
        for (var a : acronyms.entrySet()) {
            Integer x = at.get(key(a.getKey()));
            Integer y = at.get(key(a.getValue()));
            if (x != null && y != null) union(parent, x, y);
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (similar(words[i], words[j])) union(parent, i, j);
            }
        }
        // "NIS" and "National Intelligence Service": an acronym joins the one name with those initials.
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!Rx.matches(n, "\\p{Lu}{2,6}")) continue;
            int match = -1;
            int matches = 0;
            for (int j = 0; j < names.size(); j++) {
                if (initials(names.get(j)).equals(n)) {
                    matches++;
                    match = j;
                }
            }
            if (matches == 1) union(parent, i, match);
        }
        // A single word joins the one longer name it is the first or last word of.
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (words[i].length != 1) continue;
            String k = keys[i];
            int match = -1;
            int matches = 0;
            for (int j = 0; j < names.size(); j++) {
                String[] w = words[j];
                if (w.length < 2 || w.length > 4) continue;
                if (w[w.length - 1].equals(k) || w[0].equals(k) || fuzzyKey(w[w.length - 1], k)) {
                    if (match < 0 || find(parent, j) != find(parent, match)) matches++;
                    match = j;
                }
            }
            if (matches == 1 && !COUNTRIES.contains(n.toLowerCase(Locale.ROOT))) union(parent, i, match);
        }
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(names.get(i));
        Map<String, Entity> index = new HashMap<>();
        for (List<String> variants : groups.values()) {
            int total = 0;
            boolean source = false;
            for (String v : variants) {
                total += counts.getOrDefault(v, 0);
                source |= sources.contains(v);
            }
            if (total < 2 && !source) continue;
            boolean onlyInitialWords = true;
            for (String v : variants) if (v.contains(" ") || midSentence.contains(v) || sources.contains(v)) onlyInitialWords = false;
            if (onlyInitialWords) continue;
            String name = canonical(variants);
            List<String> t = new ArrayList<>();
            for (String v : variants) for (String x : titles.getOrDefault(v, List.of())) if (!t.contains(x)) t.add(x);
            Entity e = new Entity(name, type(variants, t, source), variants, t);
            for (String v : variants) index.put(key(v), e);
        }
        byVariant = index;
        return index;
    }

    /** A full name (two words or more) before a surname or acronym, then the most mentioned, then the longest. */
    private String canonical(List<String> variants) {
        return variants.stream().max(Comparator
                .comparingInt((String v) -> acronyms.containsKey(v) || !v.contains(" ") ? 0 : 1)
                .thenComparingInt(v -> counts.getOrDefault(v, 0))
                .thenComparingInt(String::length)).orElseThrow();
    }

    private String type(List<String> variants, List<String> titleList, boolean source) {
        for (String v : variants) {
            String l = v.toLowerCase(Locale.ROOT);
            if (COUNTRIES.contains(l)) return "LOCATION";
        }
        for (String v : variants) {
            for (String w : Rx.split(v.toLowerCase(Locale.ROOT), "\\s+")) {
                if (ORG_WORDS.contains(w)) return "ORGANIZATION";
            }
            if (acronyms.containsKey(v) || Rx.matches(v, "\\p{Lu}{2,6}")) return "ORGANIZATION";
        }
        for (String v : variants) {
            for (String w : Rx.split(v.toLowerCase(Locale.ROOT), "\\s+")) {
                if (PLACE_WORDS.contains(w)) return "LOCATION";
            }
        }
        if (!titleList.isEmpty()) return "PERSON";
        int places = 0;
        for (String v : variants) places += placeCounts.getOrDefault(v, 0);
        if (places > 0) return "LOCATION";
        for (String v : variants) {
            int words = Rx.split(v, "\\s+").length;
            if (words >= 2 && words <= 4) return "PERSON";
        }
        return source ? "PERSON" : "OTHER";
    }

    private static String initials(String name) {
        StringBuilder b = new StringBuilder();
        String[] words = Rx.split(name, "\\s+");
        if (words.length < 2) return "";
        for (String w : words) {
            if (w.equals("of") || w.equals("for") || w.equals("and") || w.equals("the")) continue;
            b.append(Character.toUpperCase(w.charAt(0)));
        }
        return b.toString();
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** True when a name holds an organisation word ("Fox News", "Pentagon") or is an acronym. */
    static boolean looksLikeOrganization(String name) {
        if (Rx.matches(name, "\\p{Lu}{2,6}")) return true;
        for (String w : Rx.split(name.toLowerCase(Locale.ROOT), "\\s+")) if (ORG_WORDS.contains(w)) return true;
        return false;
    }

    static String key(String name) {
        String n = name;
        for (int i = 0; i < n.length(); i++) {
            if (n.charAt(i) > 127) {
                n = MARKS.matcher(Normalizer.normalize(n, Normalizer.Form.NFD)).replaceAll("");
                break;
            }
        }
        n = LEADING_THE.matcher(n.toLowerCase(Locale.ROOT)).replaceFirst("").replace(".", "");
        return SPACES.matcher(n).replaceAll(" ").strip();
    }

    private static boolean similar(String[] x, String[] y) {
        if (x.length != y.length) return false;
        boolean anyFuzzy = false;
        for (int i = 0; i < x.length; i++) {
            if (x[i].equals(y[i])) continue;
            if (!fuzzyKey(x[i], y[i])) return false;
            anyFuzzy = true;
        }
        return anyFuzzy;
    }

    /** Typos and transliterations: edit distance at most 1 from 5 letters, 2 from 8, 3 from 12. */
    static boolean fuzzyWord(String a, String b) {
        return fuzzyKey(key(a), key(b));
    }

    private static boolean fuzzyKey(String x, String y) {
        int shorter = Math.min(x.length(), y.length());
        if (shorter < MIN_FUZZY_WORD_CHARS) return false;
        // "Korea" and "Korean": a suffix is a different word, unless it repeats the last letter ("Zelenskyy").
        if (x.startsWith(y) || y.startsWith(x)) {
            String longer = x.length() > y.length() ? x : y;
            String tail = longer.substring(shorter);
            return tail.length() == 1 && tail.charAt(0) == longer.charAt(shorter - 1);
        }
        int allowed = shorter >= 12 ? 3 : shorter >= 8 ? 2 : 1;
        return Math.abs(x.length() - y.length()) <= allowed && distance(x, y, allowed) <= allowed;
    }

    private static int distance(String a, String b, int cap) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > cap) return cap + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int x = find(parent, a);
        int y = find(parent, b);
        if (x != y) parent[Math.max(x, y)] = Math.min(x, y);
    }
}
