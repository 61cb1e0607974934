package news.parallax.outlets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import news.parallax.model.Domains;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Builds the bundled registry resource from the public rating files, keeping every rater's own label.
 *
 * <p>Inputs (in {@code outlets/} of the shared data folder, never committed): MBFC's source list as shipped by the
 * Official Media Bias/Fact Check extension ({@code mbfc-csources.json}), the MBFC corpora of Baly et al. (EMNLP 2018,
 * five/seven-point labels; ACL 2020, three-point labels) and AllSides' ratings as of 2019-10-18. AllSides names
 * carry no domain, so each is linked to an MBFC domain by its Facebook page, else by its name; a name that
 * matches several domains stays unlinked rather than guessed. Ownership and country are left empty: none of
 * these files states them.
 *
 * <p>Run: {@code java -cp "$EVAL_CP" news.parallax.outlets.RegistryGenerator
 * ../shared/data/outlets app/src/main/resources/outlets/registry.json} ({@code EVAL_CP} as in README.md)
 */
public final class RegistryGenerator {
    static final String ALLSIDES = "AllSides";
    static final String MBFC = "Media Bias/Fact Check";
    private static final String PLACEHOLDER_ROW = "Test Source";

    private final Path dataDir;
    /** domain to MBFC ratings, most specific first. */
    private final Map<String, List<Outlet.Rating>> mbfcRatings = new TreeMap<>();
    private final Map<String, String> mbfcName = new HashMap<>();
    private final Map<String, String> mbfcFactuality = new HashMap<>();
    private final Map<String, String> homepage = new HashMap<>();
    /** normalised Facebook page to domain. */
    private final Map<String, String> domainByFacebook = new HashMap<>();
    /** name key to domains carrying that name at MBFC. */
    private final Map<String, Set<String>> domainsByNameKey = new HashMap<>();
    private final List<AllSidesRow> allSides = new ArrayList<>();

    record AllSidesRow(String name, String rating, String type, String confidence, String agree, String disagree,
            String page, String facebook) {
        int votes() {
            return parseInt(agree) + parseInt(disagree);
        }
    }

    RegistryGenerator(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RegistryGenerator <outlets data dir> <output registry.json>");
            System.exit(2);
        }
        RegistryGenerator g = new RegistryGenerator(Path.of(args[0]));
        List<Outlet> outlets = g.build();
        Path out = Path.of(args[1]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            RegistryFile.write(w, header(), outlets);
        }
        long rated = outlets.stream().filter(Outlet::rated).count();
        System.out.printf(Locale.ROOT, "wrote %d outlets (%d with a left-right position) to %s%n", outlets.size(), rated, out);
    }

    List<Outlet> build() throws IOException {
        readCsources();
        readBalyCorpus("mbfc-emnlp18-corpus.tsv", "Baly et al. 2018 (EMNLP) MBFC corpus");
        readBalyCorpus("mbfc-acl2020-corpus.tsv", "Baly et al. 2020 (ACL) MBFC corpus, three-point labels");
        readAllSides();
        return assemble();
    }

    private void readCsources() throws IOException {
        Path file = dataDir.resolve("mbfc-csources.json");
        JsonNode root = RegistryFile.json().readTree(file.toFile());
        var it = root.properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode n = e.getValue();
            String domain = normaliseDomain(e.getKey());
            String label = text(n, "b");
            if (label == null) continue;
            String fact = lower(text(n, "r"));
            if ("fake".equals(fact)) fact = "fake news";
            mbfcRatings.computeIfAbsent(domain, d -> new ArrayList<>())
                    .add(new Outlet.Rating(MBFC, label, fact, text(n, "u"), "via the MBFC extension source list"));
            String name = text(n, "n");
            if (name != null && !name.isBlank()) {
                mbfcName.put(domain, name.strip());
                indexName(name, domain);
            }
            if (fact != null) mbfcFactuality.put(domain, fact);
            String home = text(n, "h");
            if (home != null) homepage.put(domain, home);
            String fb = facebookKey(text(n, "f"));
            if (fb != null) domainByFacebook.merge(fb, domain, (a, b) -> a.equals(b) ? a : "");
        }
    }

    private void readBalyCorpus(String fileName, String dataset) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve(fileName), StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 5) throw new IllegalArgumentException(fileName + " line " + (i + 1) + ": expected 5 columns");
            // Column 2 is a processed id ("who.int-en"), not a domain: take the host of the URL.
            String domain = Domains.host(f[0]).orElse(null);
            if (domain == null) throw new IllegalArgumentException(fileName + " line " + (i + 1) + ": no host in " + f[0]);
            String page = f[2].strip();
            String fact = lower(f[3]);
            mbfcRatings.computeIfAbsent(domain, d -> new ArrayList<>()).add(new Outlet.Rating(MBFC, f[4].strip(), fact, page, dataset));
            mbfcFactuality.putIfAbsent(domain, fact);
            homepage.putIfAbsent(domain, f[0].strip());
            String slugName = nameFromPage(page);
            if (slugName != null) {
                mbfcName.putIfAbsent(domain, slugName);
                indexName(slugName, domain);
            }
        }
    }

    private void readAllSides() throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("allsides-2019.csv"), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            int fields = parser.getHeaderNames().size();
            for (CSVRecord r : parser) {
                if (!r.isConsistent()) {
                    throw new IllegalArgumentException("allsides-2019.csv record " + r.getRecordNumber() + " (line "
                            + parser.getCurrentLineNumber() + "): expected " + fields + " fields, got " + r.size());
                }
                // The 2019 dump holds one placeholder row ("Test Source") that is not an outlet.
                if (field(r, "news_source").equalsIgnoreCase(PLACEHOLDER_ROW)) continue;
                allSides.add(new AllSidesRow(field(r, "news_source"), field(r, "rating"), field(r, "type"),
                        field(r, "confidence_level"), field(r, "agree"), field(r, "disagree"), field(r, "url"), field(r, "facebook")));
            }
        }
    }

    private static String field(CSVRecord r, String name) {
        return r.get(name).strip();
    }

    private List<Outlet> assemble() {
        Map<String, List<AllSidesRow>> allSidesByDomain = new TreeMap<>();
        List<AllSidesRow> unlinked = new ArrayList<>();
        for (AllSidesRow row : allSides) {
            String domain = link(row);
            if (domain == null) unlinked.add(row);
            else allSidesByDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(row);
        }
        Map<String, Outlet> outlets = new LinkedHashMap<>();
        Set<String> domains = new TreeSet<>(mbfcRatings.keySet());
        for (String domain : domains) {
            List<AllSidesRow> rows = allSidesByDomain.getOrDefault(domain, List.of());
            AllSidesRow primary = rows.stream().filter(r -> !OutletNames.isOpinionSection(r.name()))
                    .max(Comparator.comparingInt(AllSidesRow::votes)).orElse(null);
            List<Outlet.Rating> ratings = new ArrayList<>();
            LinkedHashSet<String> aliases = new LinkedHashSet<>();
            if (primary != null) {
                ratings.add(allSidesRating(primary));
                aliases.add(primary.name());
            }
            ratings.addAll(mbfcRatings.get(domain));
            String name = displayName(domain, mbfcName.get(domain), primary == null ? null : primary.name());
            if (mbfcName.containsKey(domain)) aliases.add(mbfcName.get(domain));
            aliases.remove(name);
            outlets.put(domain, new Outlet(domain, name, List.copyOf(aliases), RatingConsensus.of(ratings).orElse(null),
                    mbfcFactuality.get(domain), null, null, ratings, domain, primary != null ? primary.type() : null,
                    homepage.get(domain)));
            for (AllSidesRow section : rows) {
                if (section == primary) continue;
                String id = domain + "#" + OutletNames.slug(section.name());
                List<Outlet.Rating> own = List.of(allSidesRating(section));
                outlets.put(id, new Outlet(domain, section.name(), List.of(), RatingConsensus.of(own).orElse(null), null,
                        null, null, own, id, section.type(), homepage.get(domain)));
            }
        }
        for (AllSidesRow row : unlinked) {
            String id = "name:" + OutletNames.slug(row.name());
            List<Outlet.Rating> own = List.of(allSidesRating(row));
            outlets.putIfAbsent(id, new Outlet("", row.name(), List.of(), RatingConsensus.of(own).orElse(null), null, null,
                    null, own, id, row.type(), null));
        }
        List<Outlet> sorted = new ArrayList<>(outlets.values());
        sorted.sort(Comparator.comparing(Outlet::id));
        return sorted;
    }

    /**
     * The name readers know an outlet by: MBFC's, unless it does not name the domain while AllSides' does (MBFC lists
     * theguardian.com as "The Observer (UK)"); AllSides' without its section qualifier ("New York Times - News" gives
     * "New York Times"); else the domain.
     */
    static String displayName(String domain, @Nullable String mbfc, @Nullable String allSides) {
        String label = OutletNames.key(domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        String plainAllSides = allSides == null ? null
                : allSides.replaceAll("\\s*\\([^)]*\\)", "").replaceAll("\\s+[-–—]\\s+[^-–—]*$", "").strip();
        if (mbfc != null && !mbfc.isBlank()) {
            boolean mbfcNamesDomain = OutletNames.key(mbfc).contains(label) || label.contains(OutletNames.baseKey(mbfc));
            boolean allSidesNamesDomain = plainAllSides != null && !plainAllSides.isEmpty()
                    && (OutletNames.key(plainAllSides).contains(label) || label.contains(OutletNames.key(plainAllSides)));
            return !mbfcNamesDomain && allSidesNamesDomain && plainAllSides != null ? plainAllSides : mbfc.strip();
        }
        return plainAllSides != null && !plainAllSides.isEmpty() ? plainAllSides : domain;
    }

    /** The MBFC domain an AllSides entry names, or null when no unambiguous match exists. */
    private @Nullable String link(AllSidesRow row) {
        String fb = facebookKey(row.facebook());
        if (fb != null) {
            String d = domainByFacebook.get(fb);
            if (d != null && !d.isEmpty()) return d;
        }
        for (String key : List.of(OutletNames.key(row.name()), OutletNames.baseKey(row.name()))) {
            Set<String> candidates = domainsByNameKey.get(key);
            if (candidates != null && candidates.size() == 1) return candidates.iterator().next();
        }
        return null;
    }

    private static Outlet.Rating allSidesRating(AllSidesRow row) {
        // AllSides writes "allsides" for its "Mixed" rating of multi-perspective aggregators: not a position.
        String label = row.rating().equals("allsides") ? "mixed" : row.rating();
        String note = "confidence: " + (row.confidence().equals("NA") ? "not given" : row.confidence())
                + "; community agree " + row.agree() + ", disagree " + row.disagree() + "; as of 2019-10-18";
        return new Outlet.Rating(ALLSIDES, label, null, row.page(), note);
    }

    private void indexName(String name, String domain) {
        domainsByNameKey.computeIfAbsent(OutletNames.key(name), k -> new HashSet<>()).add(domain);
    }

    /** MBFC page slug as a name: ".../the-village-voice/" gives "The Village Voice". */
    static @Nullable String nameFromPage(String page) {
        String p = page.replaceAll("/+$", "");
        int slash = p.lastIndexOf('/');
        if (slash < 0 || slash == p.length() - 1) return null;
        String slug = p.substring(slash + 1);
        if (slug.isBlank() || slug.contains(".")) return null;
        StringBuilder sb = new StringBuilder();
        for (String w : slug.split("-")) {
            if (w.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    static @Nullable String facebookKey(@Nullable String url) {
        if (url == null) return null;
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.isEmpty() || u.equals("na") || u.contains("sharer")) return null;
        u = u.replaceFirst("^https?://", "").replaceFirst("^(www|m)\\.", "");
        int q = u.indexOf('?');
        if (q >= 0) u = u.substring(0, q);
        u = u.replaceAll("/+$", "");
        if (!u.startsWith("facebook.com/") || u.length() <= "facebook.com/".length()) return null;
        return u;
    }

    private static String normaliseDomain(String raw) {
        String d = raw.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\d?\\.", "");
        return d.replaceAll("/+$", "");
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ObjectNode header() {
        ObjectNode h = RegistryFile.json().createObjectNode();
        h.put("about", "Parallax outlet registry: bias and factual-reporting ratings of news outlets as published by "
                + "the raters below, one entry per outlet with every rater's own label in \"ratings\". \"bias\" is "
                + "Parallax's consensus of those labels (mean position, half steps rounded toward the centre); it is "
                + "not a rating of its own. Ownership and country are empty where no listed source states them.");
        h.put("generatedBy", "news.parallax.outlets.RegistryGenerator (do not edit by hand; override in <data>/outlets.json)");
        ArrayNode raters = h.putArray("raters");
        ObjectNode allSides = raters.addObject();
        allSides.put("name", "AllSides");
        allSides.put("site", "https://www.allsides.com/media-bias");
        allSides.put("data", "AllSides Media Bias Ratings as of 2019-10-18 (allsides-2019.csv)");
        allSides.put("terms", "AllSides Media Bias Ratings™ by AllSides.com, licensed by AllSides under Creative Commons "
                + "Attribution-NonCommercial 4.0 (CC BY-NC 4.0); attribution required, no commercial use.");
        ObjectNode mbfc = raters.addObject();
        mbfc.put("name", "Media Bias/Fact Check");
        mbfc.put("site", "https://mediabiasfactcheck.com");
        mbfc.put("data", "MBFC source list of the Official Media Bias/Fact Check extension (mbfc-csources.json); "
                + "MBFC labels collected by Baly, Karadzhov, Alexandrov, Glass and Nakov, 'Predicting Factuality of "
                + "Reporting and Bias of News Media Sources', EMNLP 2018, and by Baly et al., 'What Was Written vs. Who "
                + "Read It: News Media Profiling Using Text Analysis and Social Media Context', ACL 2020");
        mbfc.put("terms", "Ratings © Media Bias/Fact Check, which retains copyright; reproduced with attribution "
                + "for reference and research, each rating linked to its MBFC page.");
        return h;
    }
}
