package news.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import news.parallax.model.Claim;
import news.parallax.model.Entity;

/** Renders a story's claims as a plain-text table for the command line. Thread-safe: stateless. */
public final class ClaimTable {
    private static final int MAX_CELL_CHARS = 40;

    private ClaimTable() {}

    public static String render(StoryClaims story) {
        StringBuilder out = new StringBuilder();
        if (story.groups().isEmpty()) out.append("No claims found.\n");
        for (ClaimGroup g : story.groups()) {
            out.append(g.thing()).append(" — ").append(g.role());
            if (g.disagree()) out.append("  [SOURCES DISAGREE]");
            out.append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"value", "qualifier", "stance", "attributed to", "via", "when", "articles"});
            for (Claim c : g.claims()) rows.add(row(c));
            for (Claim c : g.counterClaims()) rows.add(row(c));
            out.append(table(rows));
            if (g.values().size() > 1) {
                out.append("  figures over time: ");
                List<String> parts = new ArrayList<>();
                for (ClaimGroup.ValueReport v : g.values()) {
                    parts.add(v.value() + (v.firstSeen() == null ? "" : " (" + v.firstSeen() + ")")
                            + (v.attributedTo().isEmpty() ? "" : " per " + String.join(", ", v.attributedTo())));
                }
                out.append(String.join("; ", parts)).append('\n');
            }
            out.append('\n');
        }
        if (!story.entities().isEmpty()) {
            out.append("entities\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"name", "type", "variants", "titles"});
            for (Entity e : story.entities()) {
                rows.add(new String[] {e.name(), e.type(), String.join(", ", e.variants()), String.join(", ", e.titles())});
            }
            out.append(table(rows));
        }
        return out.toString();
    }

    private static String[] row(Claim c) {
        // the unit for measured kinds ("24 percent Biden's support", "22 months investigation"); money and counts
        // read from the thing ("5700000000 dollars (border wall)")
        String unit = c.unit().isEmpty() || c.kind().equals("money") ? "" : " " + c.unit();
        return new String[] {c.value() + (c.bound().equals("assertion") ? "" : unit + " " + c.thing()), c.bound(),
                c.stance().name().toLowerCase(java.util.Locale.ROOT), c.attributedTo() == null ? "-" : c.attributedTo(),
                c.via() == null ? "-" : c.via(), c.when() == null ? "-" : c.when(), String.join(",", c.articles())};
    }

    private static String table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], Math.min(MAX_CELL_CHARS, r[i].length()));
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append("  ");
            for (int i = 0; i < cols; i++) {
                String cell = r[i].length() > MAX_CELL_CHARS ? r[i].substring(0, MAX_CELL_CHARS - 1) + "…" : r[i];
                b.append(cell).append(" ".repeat(width[i] - cell.length()));
                if (i < cols - 1) b.append(" | ");
            }
            b.append('\n');
        }
        return b.toString();
    }
}
