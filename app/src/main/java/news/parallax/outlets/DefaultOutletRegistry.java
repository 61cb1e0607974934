package news.parallax.outlets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.parallax.model.Domains;

/**
 * In-memory registry indexed by id, domain, name and alias.
 *
 * <p>Lookup order: a URL or domain is matched on its host with up to two path segments, then the host, then its
 * parent domains; a name is matched exactly (case, accents and punctuation ignored), then without its section
 * qualifier ("Fox News (Online)" finds "Fox News"). A domain shared by a newsroom and a separately rated section
 * resolves to the newsroom. Immutable and thread-safe.
 */
public final class DefaultOutletRegistry implements OutletRegistry {
    private final Map<String, Outlet> byId;
    private final Map<String, Outlet> byDomain = new HashMap<>();
    private final Map<String, Outlet> byName = new HashMap<>();
    private final Map<String, Outlet> byBaseName = new HashMap<>();

    public DefaultOutletRegistry(Collection<Outlet> outlets) {
        Map<String, Outlet> ids = new LinkedHashMap<>();
        for (Outlet o : outlets) ids.put(o.id(), o);
        this.byId = Collections.unmodifiableMap(ids);
        // Newsrooms (id == domain) index first so that a section never takes its domain.
        List<Outlet> ordered = new ArrayList<>();
        ids.values().stream().filter(o -> o.id().equals(o.domain())).forEach(ordered::add);
        ids.values().stream().filter(o -> !o.id().equals(o.domain())).forEach(ordered::add);
        for (Outlet o : ordered) {
            if (!o.domain().isEmpty()) byDomain.putIfAbsent(o.domain(), o);
        }
        for (Outlet o : ordered) {
            for (String n : names(o)) byName.putIfAbsent(OutletNames.key(n), o);
        }
        for (Outlet o : ordered) {
            for (String n : names(o)) byBaseName.putIfAbsent(OutletNames.baseKey(n), o);
        }
        byName.remove("");
        byBaseName.remove("");
    }

    private static List<String> names(Outlet o) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(o.name());
        all.addAll(o.aliases());
        return List.copyOf(all);
    }

    /** Reads a registry file (see {@link RegistryFile}). */
    public static DefaultOutletRegistry load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new DefaultOutletRegistry(RegistryFile.read(in, file.toString()));
        }
    }

    @Override
    public Optional<Outlet> find(String domainUrlOrName) {
        if (domainUrlOrName == null || domainUrlOrName.isBlank()) return Optional.empty();
        Outlet exact = byId.get(domainUrlOrName.strip());
        if (exact != null) return Optional.of(exact);
        if (Domains.looksLikeDomainOrUrl(domainUrlOrName)) {
            Optional<Outlet> byHost = findByDomain(domainUrlOrName);
            if (byHost.isPresent()) return byHost;
        }
        return findByName(domainUrlOrName);
    }

    /** Matches a URL or domain only, never a name. */
    public Optional<Outlet> findByDomain(String urlOrDomain) {
        for (String key : Domains.outletKeys(urlOrDomain)) {
            Outlet o = byDomain.get(key);
            if (o != null) return Optional.of(o);
        }
        return Optional.empty();
    }

    /** Matches a name or alias only. */
    public Optional<Outlet> findByName(String name) {
        Outlet o = byName.get(OutletNames.key(name));
        if (o == null) o = byBaseName.get(OutletNames.baseKey(name));
        return Optional.ofNullable(o);
    }

    /** The outlet with this registry id ("cnn.com", "nytimes.com#new-york-times-opinion"). */
    public Optional<Outlet> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Collection<Outlet> all() {
        return byId.values();
    }

    /**
     * This registry with {@code overrides} applied: an override with a known id replaces the given fields of that
     * outlet (aliases are added, its ratings come first); an unknown id adds an outlet.
     */
    public DefaultOutletRegistry withOverrides(Collection<Outlet> overrides) {
        Map<String, Outlet> merged = new LinkedHashMap<>(byId);
        for (Outlet o : overrides) merged.merge(o.id(), o, DefaultOutletRegistry::overlay);
        return new DefaultOutletRegistry(merged.values());
    }

    private static Outlet overlay(Outlet base, Outlet user) {
        LinkedHashSet<String> aliases = new LinkedHashSet<>(base.aliases());
        aliases.addAll(user.aliases());
        if (!user.name().equals(base.name())) aliases.add(base.name());
        List<Outlet.Rating> ratings = new ArrayList<>(user.ratings());
        ratings.addAll(base.ratings());
        var bias = user.bias() != null ? user.bias() : RatingConsensus.of(ratings).orElse(null);
        return new Outlet(base.domain(), user.name(), List.copyOf(aliases), bias,
                user.factuality() != null ? user.factuality() : base.factuality(),
                user.ownership() != null ? user.ownership() : base.ownership(),
                user.country() != null ? user.country() : base.country(), ratings, base.id(),
                user.kind() != null ? user.kind() : base.kind(),
                user.homepage() != null ? user.homepage() : base.homepage(),
                // A user who names another kind of owner without naming the owner leaves it unknown, not the old one.
                user.owner() != null ? user.owner() : user.ownership() != null ? null : base.owner());
    }
}
