package news.parallax.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.model.Claim;
import news.parallax.model.Entity;
import org.jspecify.annotations.Nullable;

/**
 * Claim-level comparison of a story: who reports which figures, attributed to whom, and where they disagree.
 *
 * <p>Per article, figures and denials are extracted with their source, stance and time
 * ({@link ClaimExtractor}); the story's names are merged into entities across spelling variants
 * ({@link EntityMerger}) and every source is resolved to its entity; identical claims from several
 * articles become one claim listing them all; claims are grouped by counted thing and role, and a
 * group is flagged when its figures disagree beyond rounding. Thread-safe: holds no state.
 */
public final class ClaimAnalyzer {
    private final ClaimExtractor extractor;

    /** The analyzer of the product. */
    public ClaimAnalyzer() {
        this(FigureDecision.RULES);
    }

    /** An analyzer whose figures are chosen by {@code decision} (issue 18: the learned decision and its training). */
    ClaimAnalyzer(FigureDecision decision) {
        this.extractor = new ClaimExtractor(decision);
    }

    /** Analyses the articles of one story (in any order); an empty list gives an empty result. */
    public StoryClaims analyze(List<Article> articles) {
        Objects.requireNonNull(articles, "articles");
        EntityMerger names = new EntityMerger();
        Set<String> regions = ClaimExtractor.regions(articles);
        List<FoundClaim> found = new ArrayList<>();
        for (Article a : sortedByDate(articles)) found.addAll(extractor.extract(a, names, regions));
        List<Entity> entities = names.entities();

        Map<String, Merged> merged = new LinkedHashMap<>();
        for (FoundClaim f : found) {
            String source = resolve(names, f.source());
            String key = String.join("|", f.value(), f.kind(), f.unit(), f.thingClass(), f.role().label(), f.stance().name(),
                    String.valueOf(source), String.valueOf(f.via()));
            merged.computeIfAbsent(key, k -> new Merged(f, source)).add(f);
        }
        List<Claim> claims = new ArrayList<>();
        Map<String, List<Merged>> byGroup = new LinkedHashMap<>();
        for (Merged m : merged.values()) {
            claims.add(m.claim());
            if (m.first.isFigure()) {
                // one question: the same counted thing, kind and unit ("unemployment rate" in percent)
                byGroup.computeIfAbsent(m.first.thingClass() + "|" + m.first.kind() + "|" + m.first.unit() + "|"
                        + m.first.role().label(), k -> new ArrayList<>()).add(m);
            }
        }
        claims.sort(Comparator.comparing((Claim c) -> c.bound().equals("assertion")));
        List<Merged> counters = merged.values().stream().filter(m -> !m.first.isFigure()).toList();
        List<ClaimGroup> groups = new ArrayList<>();
        Set<Merged> placedCounters = new LinkedHashSet<>();
        // Denials sit beside the figures they deny: in the "reported" group of their thing, else its first group.
        Map<String, String> counterHome = new LinkedHashMap<>();
        for (String key : byGroup.keySet()) {
            String thing = key.substring(0, key.indexOf('|'));
            if (!counterHome.containsKey(thing) || key.endsWith("|reported")) counterHome.put(thing, key);
        }
        for (var entry : byGroup.entrySet()) {
            List<Merged> members = entry.getValue();
            FoundClaim first = members.get(0).first;
            List<Claim> counterClaims = new ArrayList<>();
            if (entry.getKey().equals(counterHome.get(first.thingClass()))) {
                for (Merged c : counters) {
                    if (c.first.thingClass().equals(first.thingClass())) {
                        counterClaims.add(c.claim());
                        placedCounters.add(c);
                    }
                }
            }
            groups.add(new ClaimGroup(first.thingClass(), first.role().label(),
                    members.stream().map(Merged::claim).toList(), counterClaims, values(members), disagree(members)));
        }
        Map<String, List<Merged>> orphanCounters = new LinkedHashMap<>();
        for (Merged c : counters) {
            if (!placedCounters.contains(c)) orphanCounters.computeIfAbsent(c.first.thingClass(), k -> new ArrayList<>()).add(c);
        }
        for (var e : orphanCounters.entrySet()) {
            groups.add(new ClaimGroup(e.getKey(), "assertion", List.of(),
                    e.getValue().stream().map(Merged::claim).toList(), List.of(), false));
        }
        groups.sort(Comparator.comparing((ClaimGroup g) -> !g.disagree())
                .thenComparing(g -> -(g.claims().size() + g.counterClaims().size())));
        return new StoryClaims(claims, entities, groups);
    }

    private static List<Article> sortedByDate(List<Article> articles) {
        List<Article> sorted = new ArrayList<>(articles);
        sorted.sort(Comparator.comparing(Article::published, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private static @Nullable String resolve(EntityMerger names, @Nullable String source) {
        if (source == null) return null;
        Entity e = names.resolve(source);
        return e == null ? source : e.name();
    }

    private static boolean disagree(List<Merged> members) {
        for (int i = 0; i < members.size(); i++) {
            Quantity a = members.get(i).first.quantity();
            for (int j = i + 1; j < members.size(); j++) {
                Quantity b = members.get(j).first.quantity();
                if (a != null && b != null && a.disagreesWith(b)) return true;
            }
        }
        return false;
    }

    private static List<ClaimGroup.ValueReport> values(List<Merged> members) {
        Map<String, List<Merged>> byValue = new LinkedHashMap<>();
        for (Merged m : members) byValue.computeIfAbsent(m.first.value(), k -> new ArrayList<>()).add(m);
        List<ClaimGroup.ValueReport> out = new ArrayList<>();
        for (var e : byValue.entrySet()) {
            Set<String> sources = new LinkedHashSet<>();
            Set<String> outlets = new LinkedHashSet<>();
            String firstSeen = null;
            for (Merged m : e.getValue()) {
                if (m.source != null) sources.add(m.source);
                for (FoundClaim f : m.all) {
                    outlets.add(f.outlet());
                    if (f.published() != null && (firstSeen == null || f.published().toString().compareTo(firstSeen) < 0)) {
                        firstSeen = f.published().toString();
                    }
                }
            }
            out.add(new ClaimGroup.ValueReport(e.getKey(), e.getValue().get(0).first.bound(), List.copyOf(sources),
                    List.copyOf(outlets), firstSeen));
        }
        out.sort(Comparator.comparing(ClaimGroup.ValueReport::firstSeen, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** Claims found in several articles that are the same claim. */
    private static final class Merged {
        final FoundClaim first;
        final @Nullable String source;
        final List<FoundClaim> all = new ArrayList<>();

        Merged(FoundClaim first, @Nullable String source) {
            this.first = first;
            this.source = source;
        }

        void add(FoundClaim f) {
            all.add(f);
        }

        Claim claim() {
            List<String> ids = all.stream().map(FoundClaim::articleId).distinct().toList();
            Quantity q = first.quantity();
            String high = q != null && q.high() > q.low() && !q.vague() ? QuantityParser.format(q.high()) : null;
            return new Claim(first.value(), first.thing(), first.stance(), source, ids, first.sentence(),
                    first.bound(), first.role().label(), first.when(), first.via(), high, first.kind(), first.unit(),
                    first.thingClass());
        }
    }
}
