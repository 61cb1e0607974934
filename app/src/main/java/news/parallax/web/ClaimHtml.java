package news.parallax.web;

import java.util.List;
import java.util.Locale;
import news.parallax.claims.ClaimGroup;
import news.parallax.claims.StoryClaims;
import news.parallax.model.Claim;

/**
 * Renders a story's claims (from {@link news.parallax.claims.ClaimAnalyzer}) as an HTML fragment for the story page: one table per group, figures and
 * the denials or failures to confirm beside them. Every piece of text comes from untrusted articles
 * and is escaped. Thread-safe: stateless.
 */
public final class ClaimHtml {
    private ClaimHtml() {}

    public static String render(StoryClaims story) {
        StringBuilder b = new StringBuilder("<section class=\"claims\">\n<h2>Claims and figures</h2>\n");
        if (story.groups().isEmpty()) {
            b.append("<p class=\"claims-empty\">No figures or disputed claims found.</p>\n");
        }
        for (ClaimGroup g : story.groups()) {
            b.append("<table class=\"claim-group").append(g.disagree() ? " disagree" : "").append("\">\n<caption>")
                    .append(escape(g.thing())).append(" — ").append(escape(g.role()));
            if (g.disagree()) b.append(" <strong class=\"flag\">sources disagree</strong>");
            b.append("</caption>\n<thead><tr><th>Figure</th><th>Qualifier</th><th>Stance</th><th>Attributed to</th>"
                    + "<th>Via</th><th>When</th><th>Articles</th></tr></thead>\n<tbody>\n");
            rows(b, g.claims(), "figure");
            rows(b, g.counterClaims(), "counter");
            b.append("</tbody>\n</table>\n");
        }
        if (!story.entities().isEmpty()) {
            b.append("<details class=\"entities\"><summary>Names and spellings</summary>\n<ul>\n");
            story.entities().forEach(e -> b.append("<li>").append(escape(e.name())).append(" <small>")
                    .append(escape(e.type().toLowerCase(Locale.ROOT))).append("</small>")
                    .append(e.variants().size() > 1 ? ": " + escape(String.join(", ", e.variants())) : "")
                    .append("</li>\n"));
            b.append("</ul>\n</details>\n");
        }
        return b.append("</section>\n").toString();
    }

    private static void rows(StringBuilder b, List<Claim> claims, String kind) {
        for (Claim c : claims) {
            String stance = c.stance().name().toLowerCase(Locale.ROOT);
            b.append("<tr class=\"").append(kind).append(' ').append(stance).append("\" title=\"")
                    .append(escape(c.sentence())).append("\"><td>").append(escape(c.value()));
            if (!c.bound().equals("assertion")) b.append(' ').append(escape(c.thing()));
            b.append("</td><td>").append(escape(c.bound())).append("</td><td>").append(escape(stance))
                    .append("</td><td>").append(escape(c.attributedTo() == null ? "—" : c.attributedTo()))
                    .append("</td><td>").append(escape(c.via() == null ? "—" : c.via()))
                    .append("</td><td>").append(escape(c.when() == null ? "—" : c.when()))
                    .append("</td><td>").append(escape(String.join(", ", c.articles()))).append("</td></tr>\n");
        }
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
