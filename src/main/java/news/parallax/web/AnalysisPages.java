package news.parallax.web;

import static news.parallax.web.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.StoryOverview;
import news.parallax.analysis.StoryView;
import news.parallax.model.StoryRef;
import news.parallax.outlets.Outlet;
import org.jspecify.annotations.Nullable;

/**
 * The analysis parts of the pages: story feed, blindspot feed, outlet pages and the story page's landscape,
 * mixes, headline comparison, sourced summary, key points and timeline. Every article and registry value passes
 * through {@link Html#escape}.
 */
final class AnalysisPages {
    static final List<String> SIDES = List.of("left", "center", "right");
    static final List<String> ALL_SIDES = List.of("left", "center", "right", "unrated");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** Height in pixels of the tallest timeline column. */
    private static final int TIMELINE_HEIGHT_PX = 80;

    private AnalysisPages() {}

    static String sideLabel(String side) {
        return switch (side) {
            case "left" -> "Left";
            case "center" -> "Center";
            case "right" -> "Right";
            default -> "Other (sources without bias rating)";
        };
    }

    static String outletHref(String outletId) {
        return "/outlet/" + URLEncoder.encode(outletId, StandardCharsets.UTF_8);
    }

    // ---- feeds ----

    static String feed(String heading, List<StoryOverview> stories, String intro) {
        StringBuilder b = new StringBuilder("<h1>").append(escape(heading)).append("</h1>");
        if (!intro.isEmpty()) b.append("<p class=\"meta\">").append(intro).append("</p>");
        if (stories.isEmpty()) b.append("<p class=\"empty\">No stories here yet.</p>");
        for (StoryOverview o : stories) b.append(feedItem(o));
        return b.toString();
    }

    static String feedItem(StoryOverview o) {
        StoryRef s = o.story();
        StringBuilder b = new StringBuilder("<div class=\"story\" data-story=\"").append(escape(s.id())).append("\">")
                .append("<a class=\"story-link\" href=\"/story/").append(escape(s.id())).append("\">").append(escape(s.title()))
                .append("</a>").append(Pages.bar(o.landscape(), false)).append("<div class=\"meta\"><span class=\"source-count\">")
                .append(o.landscape().total()).append(" sources</span> · ").append(s.articleCount()).append(" articles");
        if (s.lastSeen() != null) b.append(" · ").append(WHEN.format(s.lastSeen()));
        if (o.blindspot() != null) {
            b.append(" · <span class=\"blindspot-badge\">Blindspot for the ").append(escape(o.blindspot().side())).append("</span>");
        }
        return b.append("</div></div>").toString();
    }

    static String blindspotFeed(@Nullable String side, List<StoryOverview> stories, String policy) {
        String heading = side == null ? "Blindspots" : "Blindspots for the " + sideLabel(side);
        String intro = "Stories covered overwhelmingly by one side (" + escape(policy) + "). Show: "
                + "<a href=\"/blindspots\">both</a> · <a href=\"/blindspots?side=left\">missed by the left</a> · "
                + "<a href=\"/blindspots?side=right\">missed by the right</a>";
        return feed(heading, stories, intro);
    }

    // ---- outlets ----

    static String outlets(Collection<Outlet> outlets) {
        StringBuilder b = new StringBuilder("<h1>Outlets</h1><p class=\"meta\">").append(outlets.size())
                .append(" outlets. Ratings by <a href=\"https://www.allsides.com/media-bias\">AllSides</a> and ")
                .append("<a href=\"https://mediabiasfactcheck.com\">Media Bias/Fact Check</a>; the bias shown is the mean of the ")
                .append("raters' positions, each rating listed on the outlet's page.</p><table class=\"outlets\"><thead><tr>")
                .append("<th>Outlet</th><th>Domain</th><th>Bias</th><th>Factuality</th><th>Raters</th></tr></thead><tbody>");
        for (Outlet o : outlets) {
            b.append("<tr><td><a href=\"").append(escape(outletHref(o.id()))).append("\">").append(escape(o.name()))
                    .append("</a></td><td>").append(escape(o.domain())).append("</td><td><span class=\"chip ")
                    .append(o.side().key()).append("\">").append(o.bias() == null ? "unrated" : escape(o.bias().key()))
                    .append("</span></td><td>").append(escape(o.factuality() == null ? "" : o.factuality())).append("</td><td>")
                    .append(escape(String.join(", ", o.ratings().stream().map(Outlet.Rating::rater).distinct().toList())))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    static String outlet(Outlet o, List<StoryOverview> stories) {
        StringBuilder b = new StringBuilder("<h1 class=\"outlet-name\">").append(escape(o.name())).append("</h1>");
        b.append("<dl class=\"outlet\">");
        row(b, "Domain", o.domain().isEmpty() ? "none known" : o.domain());
        row(b, "Bias", o.bias() == null ? "unrated" : o.bias().key() + " (" + o.side().key() + ")");
        row(b, "Factual reporting", o.factuality() == null ? "unknown" : o.factuality());
        row(b, "Ownership", o.ownership() == null ? "unknown" : o.ownership());
        row(b, "Country", o.country() == null ? "unknown" : o.country());
        if (o.kind() != null) row(b, "Type", o.kind());
        if (!o.aliases().isEmpty()) row(b, "Also known as", String.join(", ", o.aliases()));
        b.append("</dl>");
        String home = Html.safeHref(o.homepage());
        if (!home.isEmpty()) b.append("<p><a rel=\"nofollow noopener\" href=\"").append(home).append("\">Home page</a></p>");
        b.append("<h2>Ratings</h2>");
        if (o.ratings().isEmpty()) b.append("<p>No rater has rated this outlet.</p>");
        else {
            b.append("<table class=\"ratings\"><thead><tr><th>Rater</th><th>Bias</th><th>Factual reporting</th><th>Source</th>")
                    .append("<th>Note</th></tr></thead><tbody>");
            for (Outlet.Rating r : o.ratings()) {
                String src = r.source() == null ? "" : r.source();
                String href = Html.safeHref(src);
                b.append("<tr><td>").append(escape(r.rater())).append("</td><td>").append(escape(r.bias())).append("</td><td>")
                        .append(escape(r.factuality() == null ? "" : r.factuality())).append("</td><td>")
                        .append(href.isEmpty() ? escape(src) : "<a rel=\"nofollow noopener\" href=\"" + href + "\">rating page</a>")
                        .append("</td><td>").append(escape(r.note() == null ? "" : r.note())).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<h2>Stories</h2>");
        if (stories.isEmpty()) b.append("<p class=\"empty\">No stored story has an article from this outlet.</p>");
        for (StoryOverview s : stories) b.append(feedItem(s));
        return b.toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    // ---- story page parts ----

    /** The summary paragraph, each sentence followed by links to the articles that state it. */
    static String summary(StoryView s) {
        if (s.summarySentences().isEmpty()) {
            return "<p class=\"summary\">" + (s.summary().isBlank() ? "No summary available." : escape(s.summary())) + "</p>";
        }
        StringBuilder b = new StringBuilder("<p class=\"summary\">");
        for (StoryView.SummarySentence sentence : s.summarySentences()) {
            b.append("<span class=\"summary-sentence\">").append(escape(sentence.text())).append(sources(sentence)).append("</span> ");
        }
        return b.append("</p>").toString();
    }

    private static String sources(StoryView.SummarySentence sentence) {
        StringBuilder b = new StringBuilder("<sup class=\"sources\" title=\"")
                .append(escape(String.join(", ", sentence.outlets()))).append("\">");
        int n = 1;
        for (String id : sentence.articleIds()) {
            if (n > 1) b.append(",");
            b.append("<a href=\"#article-").append(escape(id)).append("\">").append(n++).append("</a>");
        }
        return b.append("</sup>").toString();
    }

    static String blindspot(StoryView s) {
        if (s.blindspot() == null) return "";
        var bs = s.blindspot();
        return "<p class=\"blindspot\" id=\"blindspot\"><strong>Blindspot for the " + escape(sideLabel(bs.side())) + "</strong>: "
                + Math.round(100 * bs.dominantShare()) + "% of rated sources lean " + escape(bs.dominantSide()) + ", "
                + Math.round(100 * bs.otherShare()) + "% lean " + escape(bs.side()) + ".</p>";
    }

    /** One side's headlines, revealed by its landscape bar. */
    static String sideHeadlines(StoryView s, String side) {
        StoryView.SideCoverage c = s.coverage().get(side);
        List<StoryView.Headline> hs = c == null ? List.of() : c.headlines();
        int sources = c == null ? 0 : c.sources();
        StringBuilder b = new StringBuilder("<details class=\"headlines\" id=\"side-").append(side).append("\"><summary>")
                .append(escape(sideLabel(side))).append(" · ").append(sources).append(sources == 1 ? " source" : " sources");
        if (c != null && !side.equals("unrated")) b.append(" · ").append(c.percent()).append("% of rated");
        b.append("</summary><ul>");
        for (StoryView.Headline h : hs) b.append("<li class=\"headline\">").append(headline(h)).append("</li>");
        return b.append("</ul></details>").toString();
    }

    private static String headline(StoryView.Headline h) {
        StringBuilder b = new StringBuilder("<strong>").append(escape(h.outlet())).append("</strong>: ");
        String href = Html.safeHref(h.url());
        if (href.isEmpty()) b.append(escape(h.title()));
        else b.append("<a rel=\"nofollow noopener\" href=\"").append(href).append("\">").append(escape(h.title())).append("</a>");
        if (!h.copies().isEmpty()) {
            b.append(" <span class=\"meta\">also published by ").append(escape(String.join(", ", h.copies()))).append("</span>");
        }
        return b.toString();
    }

    static String mixes(StoryView s) {
        if (s.factualityMix().isEmpty() && s.ownershipMix().isEmpty()) return "";
        return "<section id=\"mix\"><h2>Sources by factual reporting and ownership</h2><div class=\"mixes\">"
                + mix("Factual reporting", "factuality-mix", s.factualityMix()) + mix("Ownership", "ownership-mix", s.ownershipMix())
                + "</div></section>";
    }

    private static String mix(String label, String id, Map<String, Integer> mix) {
        StringBuilder b = new StringBuilder("<table class=\"mix\" id=\"").append(id).append("\"><caption>").append(escape(label))
                .append("</caption>");
        mix.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(e.getValue()).append("</td></tr>"));
        return b.append("</table>").toString();
    }

    static String headlineComparison(StoryView s) {
        StringBuilder b = new StringBuilder("<section id=\"headline-comparison\"><h2>Headline comparison</h2><div class=\"columns\">");
        for (String side : ALL_SIDES) {
            StoryView.SideCoverage c = s.coverage().get(side);
            if (c == null || (side.equals("unrated") && c.headlines().isEmpty())) continue;
            b.append("<div class=\"column\" data-side=\"").append(side).append("\"><h3 class=\"").append(side).append("-text\">")
                    .append(escape(sideLabel(side))).append("</h3><ul>");
            if (c.headlines().isEmpty()) b.append("<li class=\"meta\">No headlines from this side.</li>");
            for (StoryView.Headline h : c.headlines()) b.append("<li>").append(headline(h)).append("</li>");
            b.append("</ul></div>");
        }
        return b.append("</div></section>").toString();
    }

    /** A key point with the outlets of its side that state it. */
    static String keyPoint(StoryView.SummarySentence p) {
        return "<li>" + escape(p.text()) + " <span class=\"meta\">(" + escape(String.join(", ", p.outlets())) + ")</span>"
                + sources(p) + "</li>";
    }

    static String timeline(StoryView s) {
        StoryView.Timeline t = s.timeline();
        StringBuilder b = new StringBuilder("<section id=\"timeline\"><h2>Timeline</h2>");
        if (t.firstReport() == null) {
            return b.append("<p class=\"meta\">No article of this story carries a publication date.</p></section>").toString();
        }
        var f = t.firstReport();
        b.append("<p class=\"first-report\">First reported by <strong>").append(escape(f.outlet())).append("</strong> (")
                .append(escape(f.side())).append(") on ").append(WHEN.format(f.published())).append("</p>");
        int max = t.buckets().stream().mapToInt(x -> x.left() + x.center() + x.right() + x.unrated()).max().orElse(1);
        b.append("<div class=\"timeline\" role=\"img\" aria-label=\"independent articles per ").append(escape(t.bucket()))
                .append(" and side\">");
        for (StoryView.TimelineBucket k : t.buckets()) {
            int total = k.left() + k.center() + k.right() + k.unrated();
            b.append("<div class=\"tick\" title=\"").append(escape(label(k.start(), t.bucket()))).append(": ").append(k.left())
                    .append(" left, ").append(k.center()).append(" center, ").append(k.right()).append(" right, ")
                    .append(k.unrated()).append(" other\">");
            int[] counts = {k.unrated(), k.right(), k.center(), k.left()};
            String[] keys = {"unrated", "right", "center", "left"};
            for (int i = 0; i < 4; i++) {
                if (counts[i] == 0) continue;
                b.append("<span class=\"").append(keys[i]).append("\" style=\"height:")
                        .append(Math.max(2, TIMELINE_HEIGHT_PX * counts[i] / Math.max(1, max))).append("px\"></span>");
            }
            if (total == 0) b.append("<span class=\"empty-tick\"></span>");
            b.append("</div>");
        }
        b.append("</div><p class=\"meta\">Independent articles per ").append(escape(t.bucket()));
        if (!t.buckets().isEmpty()) {
            b.append(", ").append(label(t.buckets().get(0).start(), t.bucket())).append(" to ")
                    .append(label(t.buckets().get(t.buckets().size() - 1).start(), t.bucket()));
        }
        if (t.undated() > 0) b.append("; ").append(t.undated()).append(" undated");
        return b.append("</p></section>").toString();
    }

    private static String label(Instant start, String bucket) {
        return bucket.equals("hour") ? WHEN.format(start) : DAY.format(start);
    }

    static final String CSS = """
            .chip{color:#fff;padding:0 .3rem;border-radius:.2rem}
            .left-text{color:#1f5fbf}.center-text{color:#6e6e73}.right-text{color:#c0392b}.unrated-text{color:#555}
            .blindspot{background:#fff4d6;border-left:4px solid #e0a800;padding:.4rem .6rem}
            .blindspot-badge{background:#fff4d6;padding:0 .3rem;border-radius:.2rem}
            .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.8rem}
            .mixes{display:flex;gap:2rem;flex-wrap:wrap} .mix td{padding:0 .6rem 0 0}
            .timeline{display:flex;align-items:flex-end;gap:2px;height:84px;border-bottom:1px solid #ccc;overflow-x:auto}
            .tick{display:flex;flex-direction:column;justify-content:flex-end;min-width:6px;flex:1}
            .tick span{display:block;width:100%} .empty-tick{height:0}
            sup.sources a{font-size:.7rem;margin-left:1px} table.outlets td,table.ratings td{padding:.1rem .5rem .1rem 0}
            nav a{margin-right:.6rem}
            """;
}
