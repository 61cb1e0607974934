package news.parallax.outlets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Owners of outlets, by domain, from a tab-separated list ({@value #BUNDLED_RESOURCE}: domain, owner, kind of
 * owner). The raters' data names no owners, so the bundled registry's ownership comes from this list alone.
 */
final class OwnershipList {
    static final String BUNDLED_RESOURCE = "/outlets/ownership.tsv";
    /** The kinds of owner a row may give: a reader compares sources by these, so they are a closed set. */
    static final Set<String> KINDS = Set.of("public company", "private company", "non-profit", "public broadcaster",
            "state-funded", "trust");

    /** One outlet's owner and the kind of owner it is. */
    record Owner(String name, String kind) {}

    private OwnershipList() {}

    /** The bundled list. */
    static Map<String, Owner> bundled() {
        try (InputStream in = OwnershipList.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) throw new IllegalStateException("ownership resource " + BUNDLED_RESOURCE + " is missing from the classpath");
            return read(in, "classpath:" + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /**
     * Reads a list: {@code #} lines are comments; every other line is domain, owner and kind, tab-separated.
     *
     * @throws RegistryFormatException naming {@code where} and the line for a malformed row, an unknown kind or a
     *                                 domain given twice
     */
    static Map<String, Owner> read(InputStream in, String where) throws IOException {
        Map<String, Owner> owners = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            String at = where + ":" + number;
            if (cells.length != 3 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new RegistryFormatException(at + ": expected domain, owner and kind separated by tabs");
            }
            String kind = cells[2].strip();
            if (!KINDS.contains(kind)) {
                throw new RegistryFormatException(at + ": unknown kind of owner \"" + kind + "\"; use one of " + KINDS);
            }
            String domain = cells[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (owners.putIfAbsent(domain, new Owner(cells[1].strip(), kind)) != null) {
                throw new RegistryFormatException(at + ": " + domain + " is listed twice");
            }
        }
        return owners;
    }

    /** {@code outlets} with the owner of their domain set, where the outlet names none itself. */
    static List<Outlet> apply(Collection<Outlet> outlets, Map<String, Owner> owners) {
        List<Outlet> out = new ArrayList<>(outlets.size());
        for (Outlet o : outlets) {
            Owner owner = owners.get(o.domain());
            out.add(owner == null || o.ownership() != null ? o : o.withOwner(owner.name(), owner.kind()));
        }
        return out;
    }
}
